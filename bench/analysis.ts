/**
 * Section 7: the Claude analysis engine against the local fake Messages API
 * (test/support/fake-anthropic in a worker thread, see fake-worker.ts: real SSE, prompt cache
 * registered at message_start, a fixed latency L before every message_start), on a deterministic
 * 60-minute call imported into an embedded PGlite:
 *
 *   7.1 all dimensions of the largest rubric + the call review, ClaudeEngine at the configured
 *       concurrency vs. concurrency 1: wall time in units of L (goal ≤ 2.2 L);
 *   7.2 input-token cost with the prompt cache vs. the same requests without it (goal ≤ 0.3×);
 *   7.3 dollars per scored participant of a 60-minute call at the Sonnet 5.5 prices (goal ≤ $0.15);
 *   7.4 re-analysis of an unchanged call through the services: API requests (goal 0) and latency.
 */
import { performance } from "node:perf_hooks";
import { anthropicClient, ClaudeEngine, costUsd, estimateTokens, PRICE_TABLE_VERSION, priceFor, type ClaudeRunResult, type Usage } from "./src-imports";
import { startFakeInWorker, type FakeInWorker } from "./fake-worker";
import { openBenchApp } from "./backends";
import { benchPrompt, CALL_SECONDS, importSixtyMinuteCall, SIM_SEED, type BenchPrompt } from "./analysis-fixtures";
import { median, percentile } from "./http";
import { fmt, int, pad, padEnd, passFail, type SectionContext } from "./section";

const MODEL = "claude-sonnet-5-5";
const GOAL_WALL_L = 2.2;
const GOAL_CACHE_RATIO = 0.3;
const GOAL_USD = 0.15;
const CLAIMED_USD = 3.17;
/** Realistic output allowance (the fake's answers are short): per dimension answer and for the call review. */
const OUTPUT_PER_DIMENSION = 600;
const OUTPUT_REVIEW = 1_200;
/** Real tokenizers count more than chars/4 for English (the fake's note: ≈ 30 % for Claude 4.7+). */
const TOKENIZER_FACTOR = 1.3;

export interface AnalysisOptions {
  /** Fake latency before message_start, ms (--analysis-latency, default 300). */
  latencyMs: number;
  /** Timed runs per engine in 7.1 (--analysis-runs, default 5). */
  runs: number;
  /** Re-analysis repeats in 7.4 (--analysis-repeats, default 20). */
  repeats: number;
}

interface TimedRun {
  ms: number;
  requests: number;
  failed: string[];
  result: ClaudeRunResult;
}

const usd = (v: number) => `$${v.toFixed(4)}`;
const promptOf = (u: Usage) => u.input + u.cacheRead + u.cacheWrite5m + u.cacheWrite1h;
const inputCost = (u: Usage) => costUsd(MODEL, { ...u, output: 0 });
/** The same requests without caching: every prompt token (input + cache read + cache write) at the base input rate. */
const uncachedInputCost = (u: Usage) => costUsd(MODEL, { input: promptOf(u), output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 });

async function timedRun(fake: FakeInWorker, engine: ClaudeEngine, p: BenchPrompt): Promise<TimedRun> {
  await fake.clearCache(); // every run is a cold analysis: one cache write, then reads
  const before = (await fake.counts()).messages;
  const t0 = performance.now();
  const result = await engine.run(p.ctx, p.dims, true);
  const ms = performance.now() - t0;
  const outcomes = [...result.dimensions, ["call review", result.review] as const];
  const failed = outcomes.filter(([, o]) => !o?.ok).map(([k, o]) => `${k}: ${o && !o.ok ? o.reason : "missing"}`);
  return { ms, requests: (await fake.counts()).messages - before, failed, result };
}

export async function analysisSection(ctx: SectionContext, opts: AnalysisOptions): Promise<void> {
  const { out } = ctx;
  const L = opts.latencyMs;
  const fake = await startFakeInWorker(L);
  ctx.onCleanup("close the fake Anthropic API", () => fake.close());
  const o = await openBenchApp(ctx, "pglite", "analysis", {
    ANTHROPIC_API_KEY: "test-key",
    ANTHROPIC_BASE_URL: fake.url,
    CALLCOACH_MODEL: MODEL,
  });
  try {
    const { app } = o;
    const cfg = app.config.analysis;
    ctx.progress("analysis: generating and importing a 60-minute call…");
    const call = await importSixtyMinuteCall(app);
    const p = await benchPrompt(app, call.callId);
    const tasks = p.dims.length + 1;

    out(`7. Analysis engine (ClaudeEngine + @anthropic-ai/sdk against the fake Messages API in a worker thread, L = ${L} ms before every message_start)`);
    out(
      `   call: "${call.title}", ${CALL_SECONDS / 60} min (simulator seed ${SIM_SEED}), ${int(call.segments)} segments, ${int(p.transcriptChars)} chars of transcript, ` +
        `${p.scoredParticipants} scored participant${p.scoredParticipants === 1 ? "" : "s"}; backend ${o.backend}`,
    );
    out(
      `   rubric: ${p.rubricRole} (${p.dims.length} dimensions: ${p.dims.map((d) => d.key).join(", ")}; largest rubric) + the call review = ${tasks} requests; ` +
        `scored: ${p.ctx.subject.name} (${p.subjectNote}); model ${MODEL}`,
    );
    out();

    // 7.1 Parallel dimensions --------------------------------------------------------------------
    const client = anthropicClient(app.config);
    const engineOpts = { model: MODEL, maxOutputTokens: cfg.maxOutputTokens };
    const parallel = new ClaudeEngine(client, { ...engineOpts, concurrency: cfg.concurrency });
    const serial = new ClaudeEngine(client, { ...engineOpts, concurrency: 1 });
    ctx.progress(`analysis: warm-up run, then ${opts.runs} parallel and ${opts.runs} serial runs (alternating)…`);
    await timedRun(fake, parallel, p); // SDK connections, JIT
    const runs = { parallel: [] as TimedRun[], serial: [] as TimedRun[] };
    for (let i = 0; i < opts.runs; i++) {
      runs.parallel.push(await timedRun(fake, parallel, p));
      runs.serial.push(await timedRun(fake, serial, p));
    }
    const par = median(runs.parallel.map((r) => r.ms));
    const ser = median(runs.serial.map((r) => r.ms));
    // The CPU floor: the same runs with (almost) no latency (client on this thread, the fake in its worker).
    await fake.setLatency(1);
    const floor = { parallel: [] as number[], serial: [] as number[] };
    for (let i = 0; i < opts.runs; i++) {
      floor.parallel.push((await timedRun(fake, parallel, p)).ms);
      floor.serial.push((await timedRun(fake, serial, p)).ms);
    }
    await fake.setLatency(L);
    out(`7.1 Parallel dimensions: one analysis (${tasks} tasks), prompt cache cleared before every run; 1 warm-up, then ${opts.runs} runs each, alternating`);
    out(`    the first request goes alone; the others are released at its message_start (one cache write, ${tasks - 1} reads), then run ${cfg.concurrency} at a time`);
    out();
    out(`    ${padEnd("engine", 28)} ${pad("requests", 8)} ${pad("wall ms (median)", 16)} ${pad("in L", 8)}   runs (ms)`);
    for (const [name, rs, med] of [
      [`concurrency ${cfg.concurrency} (default)`, runs.parallel, par],
      ["concurrency 1 (serial)", runs.serial, ser],
    ] as const) {
      out(
        `    ${padEnd(name, 28)} ${pad(rs.map((r) => r.requests).join("/"), 8)} ${pad(fmt(med, 0), 16)} ${pad(`${fmt(med / L, 3)} L`, 8)}   ` +
          rs.map((r) => fmt(r.ms, 0)).join(", "),
      );
    }
    const failures = [...runs.parallel, ...runs.serial].flatMap((r) => r.failed);
    if (failures.length) out(`    failed tasks: ${failures.slice(0, 3).join("; ")}${failures.length > 3 ? ` (+${failures.length - 3})` : ""}`);
    out(`    parallel wall time ${fmt(par / L, 3)} L (${fmt(par - 2 * L, 0)} ms above the ideal 2 L)   goal ≤ ${GOAL_WALL_L} L   ${passFail(par / L <= GOAL_WALL_L && failures.length === 0)}`);
    out(`    ratio parallel / serial: ${fmt(par / ser, 3)} (serial takes ${fmt(ser / par, 2)}× as long; ideal ${fmt(2 / tasks, 3)} = 2 L / ${tasks} L)`);
    out(
      `    CPU floor, the same runs at L = 1 ms (the fake runs in a worker thread, the client on the main thread): ` +
        `concurrency ${cfg.concurrency} ${fmt(median(floor.parallel), 0)} ms, concurrency 1 ${fmt(median(floor.serial), 0)} ms (medians of ${opts.runs})`,
    );
    out();

    // 7.2 Prompt-cache savings -------------------------------------------------------------------
    const run = runs.parallel[0];
    const u = run.result.usage;
    const same = runs.parallel.every((r) => JSON.stringify(r.result.usage) === JSON.stringify(u));
    const last = await fake.lastBodies(tasks); // the last serial run: the same bodies as any run
    const b = last[0];
    const tok = estimateTokens; // ceil(chars / 4), the rule the fake counts by
    const fmtTok = tok(JSON.stringify(b.output_config?.format ?? ""));
    const instrTok = tok(b.system[0].text);
    const transTok = tok(b.system[1].text);
    const taskToks = last.map((r) => tok(r.messages[0].content));
    const bodyPrompt = last.reduce((n, r) => n + fmtTok + tok(r.system[0].text) + tok(r.system[1].text) + tok(r.messages[0].content), 0);
    const price = priceFor(MODEL)!;
    const withCache = inputCost(u);
    const without = uncachedInputCost(u);
    out(`7.2 Prompt-cache savings (usage of one cold parallel run${same ? `, identical in all ${runs.parallel.length}` : ", NOT identical across runs"}; tokens = the fake's ceil(chars / 4) per block)`);
    out(
      `    prefix per request: output format ${int(fmtTok)} + instructions (rubric, product notes, call facts) ${int(instrTok)} + transcript ${int(transTok)} ` +
        `= ${int(fmtTok + instrTok + transTok)} tokens, cached at the transcript block (5-minute TTL); task ${Math.min(...taskToks)}–${Math.max(...taskToks)} tokens`,
    );
    out(
      `    usage: input ${int(u.input)}, cache write ${int(u.cacheWrite5m + u.cacheWrite1h)}, cache read ${int(u.cacheRead)}, output ${int(u.output)} ` +
        `(Σ prompt tokens of ${tasks} recorded bodies ${int(bodyPrompt)} ${bodyPrompt === promptOf(u) ? "=" : "≠"} input + cache read + cache write)`,
    );
    out(
      `    input-token cost at ${MODEL} (price table ${PRICE_TABLE_VERSION}: input $${price.input}, cache write 5m $${price.cacheWrite5m}, ` +
        `cache read $${price.cacheRead} per MTok):`,
    );
    out(`      with the cache     ${pad(usd(withCache), 9)}`);
    out(`      without the cache  ${pad(usd(without), 9)}  (computed: the same ${tasks} requests' input + cache read + cache write tokens, all at the $${price.input} base input rate)`);
    out(`      ratio ${fmt(withCache / without, 3)}×   goal ≤ ${GOAL_CACHE_RATIO}×   ${passFail(withCache / without <= GOAL_CACHE_RATIO)}`);
    out();

    // 7.3 Dollars per scored participant ---------------------------------------------------------
    const realisticOut = p.dims.length * OUTPUT_PER_DIMENSION + OUTPUT_REVIEW;
    const ceilingOut = tasks * cfg.maxOutputTokens;
    const rows: [string, Usage, boolean][] = [
      [`output as the fake counts it (${int(u.output)} tokens)`, u, true],
      [`realistic output (${p.dims.length} × ${OUTPUT_PER_DIMENSION} + review ${int(OUTPUT_REVIEW)} = ${int(realisticOut)})`, { ...u, output: realisticOut }, true],
      [`ceiling: every answer at max_tokens (${tasks} × ${int(cfg.maxOutputTokens)})`, { ...u, output: ceilingOut }, false],
    ];
    const sent = (v: unknown) => (v === undefined ? "not sent" : JSON.stringify(v));
    out(`7.3 Dollars per scored participant of a 60-minute call at ${MODEL} (one analysis = ${tasks} requests on its own cached prefix, cold cache)`);
    out(
      `    settings, from the recorded request bodies: max_tokens ${b.max_tokens} (ANALYSIS_MAX_OUTPUT_TOKENS default), thinking ${sent(b.thinking)}, ` +
        `effort ${sent(b.output_config?.effort)}, output_config.format ${b.output_config?.format?.type ?? "none"}; tokens and output as 7.2`,
    );
    out(`    ${padEnd("per scored participant", 52)} ${pad("input", 8)} ${pad("output", 8)} ${pad("total", 8)}   goal ≤ $${GOAL_USD}`);
    for (const [name, usage, goal] of rows) {
      const total = costUsd(MODEL, usage);
      out(
        `    ${padEnd(name, 52)} ${pad(usd(inputCost(usage)), 8)} ${pad(usd(total - inputCost(usage)), 8)} ${pad(usd(total), 8)}   ${goal ? passFail(total <= GOAL_USD) : "–"}`,
      );
    }
    const realistic = costUsd(MODEL, { ...u, output: realisticOut });
    const scaled = { ...u, input: u.input * TOKENIZER_FACTOR, cacheRead: u.cacheRead * TOKENIZER_FACTOR, cacheWrite5m: u.cacheWrite5m * TOKENIZER_FACTOR, output: realisticOut };
    out(
      `    realistic, if the real tokenizer counts ${fmt((TOKENIZER_FACTOR - 1) * 100, 0)} % more prompt tokens than chars / 4: ${usd(costUsd(MODEL, scaled))}; ` +
        `per call (× ${p.scoredParticipants} participants, realistic): ${usd(realistic * p.scoredParticipants)}`,
    );
    out(`    vs. the $${CLAIMED_USD} the replaced project claimed: ${fmt(CLAIMED_USD / realistic, 0)}× less (realistic output)`);
    out();

    // 7.4 Re-analysis of an unchanged call -------------------------------------------------------
    const { analysisRequests, analysisRunner } = app.services;
    const analyze = async () => {
      const outcome = await analysisRequests.request({ callId: call.callId, reason: "bench" }, { enqueue: false });
      const done = [];
      for (const a of outcome.analyses) done.push(outcome.toRun.includes(a.id) ? await analysisRunner.run(a.id) : a);
      return { outcome, done };
    };
    ctx.progress(`analysis: first analysis through the services, then ${opts.repeats} re-analyses…`);
    await fake.reset();
    const t0 = performance.now();
    const first = await analyze();
    const firstMs = performance.now() - t0;
    const firstRequests = (await fake.counts()).all;
    const ids = first.done.map((a) => a.id).join(",");
    const lat: number[] = [];
    let extra = 0;
    let toRun = 0;
    let sameIds = true;
    for (let i = 0; i < opts.repeats; i++) {
      const before = (await fake.counts()).all;
      const t = performance.now();
      const again = await analyze();
      lat.push(performance.now() - t);
      extra += (await fake.counts()).all - before;
      toRun += again.outcome.toRun.length;
      sameIds &&= again.done.map((a) => a.id).join(",") === ids;
    }
    const sorted = [...lat].sort((a, b) => a - b);
    out(`7.4 Re-analysis of the unchanged call (services on ${o.short}: analysisRequests.request({ callId }, { enqueue: false }), then analysisRunner.run(id) per id to run, as \`callcoach analyze\`)`);
    out(
      `    first analysis: ${first.done.length} analyses (${first.done.map((a) => a.status).join(", ")}), ${firstRequests} API requests, ` +
        `${int(firstMs)} ms (${fmt(firstMs / L, 1)} L), $${first.done.reduce((n, a) => n + Number(a.costUsd), 0).toFixed(4)} recorded`,
    );
    out(
      `    then ${opts.repeats} re-analyses: API requests at the fake ${extra} in total (${fmt(extra / opts.repeats, 1)} per re-analysis), ` +
        `analyses to run ${toRun}, same analysis ids ${sameIds ? "yes" : "NO"}   goal 0 requests   ${passFail(extra === 0 && toRun === 0 && sameIds)}`,
    );
    out(
      `    latency: first re-analysis ${fmt(lat[0], 1)} ms; p50 ${fmt(percentile(sorted, 50), 1)} ms, p95 ${fmt(percentile(sorted, 95), 1)} ms, ` +
        `max ${fmt(sorted[sorted.length - 1], 1)} ms over ${opts.repeats}`,
    );
    out();
  } finally {
    await o.close();
    await fake.close();
  }
}
