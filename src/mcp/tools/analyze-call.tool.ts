import { z } from "zod";
import {
  AnalysisDocument,
  AnalysisStatusDocument,
  AnalyzeCallDocument,
  RubricOutlineDocument,
  execute,
  type AnalysisQuery,
  type AnalysisStatusQuery,
  type AnalyzeCallMutation,
  type RubricOutlineQuery,
} from "../../../clients/execute";
import { args, clock, defineTool, type ToolContext } from "../tool";

type Started = AnalyzeCallMutation["analyzeCall"][number];
type Full = AnalysisQuery["analysis"];
type Status = AnalysisStatusQuery["analysis"];

const STATUSES = ["QUEUED", "RUNNING", "COMPLETED", "PARTIAL", "FAILED"] as const;
const FINISHED = new Set<string>(["COMPLETED", "PARTIAL", "FAILED"]);
/** Polling of AnalysisStatus while an analysis runs: starts fast, backs off to once a second. */
const FIRST_POLL_MS = 150;
const MAX_POLL_MS = 1000;
const TOP_ITEMS = 3;
const TOP_EVIDENCE = 2;

const atShape = z.string().nullable().describe("The same moment as m:ss (or h:mm:ss) from the start of the call.");

const dimension = z.object({
  dimension: z.string().describe("Rubric dimension key."),
  name: z.string().describe("Dimension display name."),
  score: z.number().int().nullable().describe("0–100; null when the dimension could not be scored."),
  rationale: z.string().nullable().describe("One-line reason for the score."),
  low_confidence: z.boolean().describe("True when evidence was thin or could not be verified."),
  strengths: z.array(z.string()).describe(`What went well (top ${TOP_ITEMS}).`),
  improvements: z.array(z.string()).describe(`What to improve (top ${TOP_ITEMS}).`),
  evidence: z
    .array(
      z.object({
        quote: z.string(),
        speaker_name: z.string().nullable(),
        start_ms: z.number().int().nullable().describe("Milliseconds from the start of the call."),
        at: atShape,
        verified: z.boolean().describe("True when the quote was found in the stored transcript."),
      }),
    )
    .describe(`Up to ${TOP_EVIDENCE} supporting quotes (verified ones first).`),
});

const person = z.object({
  analysis_id: z.string(),
  rep: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable().describe("The person whose part of the call was scored."),
  rubric_role: z.string().describe("AE, SE or CSM: the rubric applied."),
  role_assumed: z.boolean().describe("True when the person's role was unknown and the default rubric was applied."),
  status: z.enum(STATUSES).describe("RUNNING/QUEUED: still being scored (call again); PARTIAL: some dimensions failed."),
  engine: z.string().describe("CLAUDE (Anthropic's model) or HEURISTIC (free built-in scoring, used when no API key is configured)."),
  model: z.string().nullable(),
  overall_score: z.number().nullable().describe("Weighted overall score 0–100 (null until scored)."),
  summary: z.string().nullable().describe("Short coaching summary."),
  error: z.string().nullable().describe("Why the analysis failed or is partial."),
  dimensions_done: z.number().int().describe("Dimensions finished (scored or failed)."),
  dimensions_total: z.number().int().describe("Dimensions asked for."),
  dimensions: z.array(dimension).describe("Per rubric dimension, in rubric order (only the finished ones while running)."),
  key_moments: z.array(z.object({ at_ms: z.number().int(), at: atShape, text: z.string() })),
  actions: z.array(z.object({ text: z.string(), at_ms: z.number().int().nullable(), at: atShape })).describe("One to three concrete next steps."),
  objections: z.array(
    z.object({
      type: z.string(),
      quote: z.string().describe("The customer's words."),
      start_ms: z.number().int().nullable(),
      at: atShape,
      response: z.string().nullable().describe("How the rep responded."),
      resolved: z.string().describe("YES, NO or UNCLEAR."),
    }),
  ),
  cost_usd: z.number().describe("Cost of the LLM calls of this analysis in US dollars (0 for the heuristic engine or a cached result)."),
  api_requests: z.number().int().describe("Requests made to the Anthropic API (0 when everything came from the cache)."),
  tokens: z.object({ input: z.number().int(), output: z.number().int(), cache_write: z.number().int(), cache_read: z.number().int() }),
});

type Person = z.output<typeof person>;
type Outline = RubricOutlineQuery["rubrics"];

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

function dimensionNames(outline: Outline, role: string): Map<string, string> {
  return new Map((outline.find((r) => r.role === role)?.dimensions ?? []).map((d) => [d.key, d.name]));
}

function dimensionsTotal(outline: Outline, role: string, asked: string[] | undefined): number {
  if (asked?.length) return new Set(asked).size;
  return outline.find((r) => r.role === role)?.dimensions.length ?? 0;
}

function shape(a: Full, outline: Outline, total: number): Person {
  const names = dimensionNames(outline, a.rubricRole);
  const order = [...names.keys()];
  const results = [...a.dimensionResults].sort((x, y) => order.indexOf(x.dimension) - order.indexOf(y.dimension));
  return {
    analysis_id: a.id,
    rep: a.rep ?? null,
    rubric_role: a.rubricRole,
    role_assumed: a.roleAssumed,
    status: a.status,
    engine: a.engine,
    model: a.model ?? null,
    overall_score: a.overallScore ?? null,
    summary: a.summary ?? null,
    error: a.error ?? null,
    dimensions_done: results.length,
    dimensions_total: Math.max(total, results.length, a.requestedDimensions?.length ?? 0),
    dimensions: results.map((d) => ({
      dimension: d.dimension,
      name: names.get(d.dimension) ?? d.dimension,
      score: d.score ?? null,
      rationale: d.rationale ?? null,
      low_confidence: d.lowConfidence,
      strengths: d.strengths.slice(0, TOP_ITEMS),
      improvements: d.improvements.slice(0, TOP_ITEMS),
      evidence: [...d.evidence]
        .sort((x, y) => Number(y.verified) - Number(x.verified))
        .slice(0, TOP_EVIDENCE)
        .map((e) => ({ quote: e.quote, speaker_name: e.speakerName ?? null, start_ms: e.startMs ?? null, at: e.startMs == null ? null : clock(e.startMs), verified: e.verified })),
    })),
    key_moments: a.keyMoments.map((m) => ({ at_ms: m.atMs, at: clock(m.atMs), text: m.text })),
    actions: a.actions.map((x) => ({ text: x.text, at_ms: x.atMs ?? null, at: x.atMs == null ? null : clock(x.atMs) })),
    objections: a.objections.map((o) => ({
      type: o.type,
      quote: o.quote,
      start_ms: o.startMs ?? null,
      at: o.startMs == null ? null : clock(o.startMs),
      response: o.response ?? null,
      resolved: o.resolved,
    })),
    cost_usd: a.costUsd,
    api_requests: a.apiRequests,
    tokens: { input: a.tokens.input, output: a.tokens.output, cache_write: a.tokens.cacheWrite, cache_read: a.tokens.cacheRead },
  };
}

function who(p: { rep: Person["rep"] }): string {
  return p.rep ? `${p.rep.name} <${p.rep.email}>` : "an unmatched speaker";
}

function label(s: Started): string {
  return s.rep?.name ?? s.rep?.email ?? "speaker";
}

/**
 * Polls AnalysisStatus until every analysis has finished, the deadline passes or the request is
 * cancelled, reporting each newly finished dimension as progress. Returns the ids still unfinished.
 */
async function waitForAnalyses(ctx: ToolContext, pending: Started[], totals: Map<string, number>, deadline: number, names: (role: string) => Map<string, string>): Promise<Set<string>> {
  const open = new Set(pending.map((a) => a.id));
  const seen = new Map<string, Set<string>>(pending.map((a) => [a.id, new Set<string>()]));
  const total = pending.reduce((n, a) => n + (totals.get(a.id) ?? 0), 0);
  let done = 0;
  let reported = -1;
  const report = async (message: string) => {
    // Progress must increase with every notification: only the first may repeat a count.
    if (!ctx.progress || (reported >= 0 && done <= reported)) return;
    reported = done;
    try {
      await ctx.progress(done, total || undefined, message);
    } catch (err) {
      ctx.logger.debug({ err: (err as Error).message }, "progress notification not sent");
    }
  };
  let delay = FIRST_POLL_MS;
  for (;;) {
    const polled = await Promise.all([...open].map((id) => execute(ctx.client, AnalysisStatusDocument, { id }).then((r) => r.analysis)));
    for (const s of polled as Status[]) {
      const a = pending.find((x) => x.id === s.id)!;
      const mine = seen.get(s.id)!;
      for (const d of s.dimensionResults) {
        if (mine.has(d.dimension)) continue;
        mine.add(d.dimension);
        done++;
        const name = names(a.rubricRole).get(d.dimension) ?? d.dimension;
        await report(`${label(a)}: ${name} ${d.score != null ? `scored ${d.score}` : `failed${d.error ? ` (${d.error})` : ""}`}`);
      }
      if (FINISHED.has(s.status)) {
        open.delete(s.id);
        // A finished analysis counts all its dimensions (some may not have been asked or stored).
        const rest = (totals.get(s.id) ?? 0) - mine.size;
        if (rest > 0) done += rest;
        await report(`${label(a)}: analysis ${s.status}${s.overallScore != null ? `, overall ${s.overallScore}` : ""}`);
      }
    }
    if (reported < 0) await report(`Analysing ${pending.length} person(s): ${done} of ${total} dimensions done`);
    if (open.size === 0 || ctx.signal?.aborted) return open;
    const left = deadline - Date.now();
    if (left <= 0) return open;
    await sleep(Math.min(delay, left), ctx.signal);
    delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.6));
  }
}

function overallStatus(people: Person[]): "RUNNING" | "COMPLETED" | "PARTIAL" | "FAILED" {
  // Queued or running: still under way, from the caller's point of view.
  if (people.some((p) => !FINISHED.has(p.status))) return "RUNNING";
  if (people.length > 0 && people.every((p) => p.status === "FAILED")) return "FAILED";
  if (people.some((p) => p.status === "PARTIAL" || p.status === "FAILED")) return "PARTIAL";
  return "COMPLETED";
}

function personLines(p: Person): string[] {
  const score = p.overall_score != null ? `overall ${p.overall_score}/100` : "no overall score yet";
  const lines = [
    `${who(p)} — ${p.rubric_role} rubric${p.role_assumed ? " (role assumed)" : ""} — ${score} (${p.status}, ${p.engine}, $${p.cost_usd.toFixed(4)})`,
  ];
  if (p.summary) lines.push(`  ${p.summary}`);
  const scored = p.dimensions.filter((d) => d.score != null);
  if (scored.length) lines.push(`  Scores: ${scored.map((d) => `${d.name} ${d.score}`).join(" · ")}`);
  if (p.status === "RUNNING" || p.status === "QUEUED") lines.push(`  ${p.dimensions_done} of ${p.dimensions_total} dimensions done so far.`);
  const weakest = [...scored].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  if (weakest && scored.length > 1) lines.push(`  Weakest: ${weakest.name} ${weakest.score}${weakest.rationale ? ` — ${weakest.rationale}` : ""}`);
  if (p.actions[0]) lines.push(`  Next step: ${p.actions[0].text}${p.actions[0].at ? ` (at ${p.actions[0].at})` : ""}`);
  const open = p.objections.filter((o) => o.resolved !== "YES");
  if (open.length) lines.push(`  Objections not clearly resolved: ${open.map((o) => `${o.type} at ${o.at ?? "?"}`).join(", ")}`);
  if (p.error) lines.push(`  Problem: ${p.error}`);
  return lines;
}

export const analyzeCall = defineTool({
  name: "analyze_call",
  title: "Analyze a call",
  description:
    "Scores a sales call against the coaching rubric of each of our people on it (AE, SE or CSM) and returns, summary first: overall score, a short coaching summary, per-dimension scores with rationale, strengths, improvements and evidence quotes with times, key moments, next-step actions, customer objections and the cost. " +
    "An already analysed, unchanged call answers at once from the cache at no cost, so call this freely before coaching on a call. Otherwise it waits for the analysis (sending progress notifications) up to timeout_seconds; if it is still running then, it returns what is known with status RUNNING — call again later with the same arguments to get the result. " +
    "Use rep_email for one person's part only, dimensions for some rubric dimensions only, force to re-run even when a current analysis exists (spends Anthropic API money when a key is configured). " +
    "Engine HEURISTIC means no Anthropic API key is configured: the scores come from simple built-in heuristics.",
  inputSchema: {
    call_id: args.callId(),
    rep_email: args.repEmail().optional().describe("Only this participant's part of the call (one of our people on it); default: everyone of ours who spoke."),
    dimensions: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(30)
      .optional()
      .describe("Only these rubric dimension keys (e.g. [\"discovery\", \"call_control\"]; see the rubric resources); default: the whole rubric."),
    force: z.boolean().default(false).describe("Run again even when a current analysis exists (bypasses the result cache; may spend API money). Default false."),
    timeout_seconds: z
      .number()
      .int()
      .min(1)
      .max(600, "timeout_seconds must be at most 600")
      .default(50)
      .describe(
        "How long to wait for a running analysis, 1–600 seconds (default 50: many MCP clients give up on a request after 60 s unless progress resets their timeout). The analysis keeps running after that; call again to collect it.",
      ),
  },
  outputSchema: {
    status: z.enum(["RUNNING", "COMPLETED", "PARTIAL", "FAILED"]).describe("COMPLETED when every analysis is done; RUNNING when the wait ended first (call again later); PARTIAL when some dimensions or people failed; FAILED when all did."),
    call: z
      .object({ id: z.string(), gong_id: z.string().nullable(), title: z.string() })
      .nullable()
      .describe("The analysed call (null when nobody of ours speaks on it)."),
    from_cache: z.boolean().describe("True when every analysis was already complete and was returned without running anything."),
    analyses: z.array(person).describe("One analysis per scored person."),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(ctx, input) {
    const deadline = Date.now() + input.timeout_seconds * 1000;
    const [started, outline] = await Promise.all([
      execute(ctx.client, AnalyzeCallDocument, { callId: input.call_id, repEmail: input.rep_email, dimensions: input.dimensions, force: input.force }).then((r) => r.analyzeCall),
      execute(ctx.client, RubricOutlineDocument).then((r) => r.rubrics),
    ]);
    const totals = new Map(started.map((a) => [a.id, dimensionsTotal(outline, a.rubricRole, input.dimensions)]));
    const pending = started.filter((a) => !FINISHED.has(a.status));
    const unfinished = pending.length ? await waitForAnalyses(ctx, pending, totals, deadline, (role) => dimensionNames(outline, role)) : new Set<string>();
    const full = await Promise.all(started.map((a) => execute(ctx.client, AnalysisDocument, { id: a.id }).then((r) => r.analysis)));
    const people = full.map((a) => shape(a, outline, totals.get(a.id) ?? 0));
    const status = overallStatus(people);
    const call = full[0] ? { id: full[0].call.id, gong_id: full[0].call.gongId ?? null, title: full[0].call.title } : null;

    const notes: string[] = [];
    const lines: string[] = [];
    if (!call) {
      lines.push(`Nobody of ours speaks on call ${input.call_id}, so there is nothing to score.`);
    } else {
      lines.push(
        `Call "${call.title}" (id ${call.id}${call.gong_id ? `, Gong ${call.gong_id}` : ""}): ${people.length} person(s) scored — ${status}${pending.length === 0 ? " (from the existing analysis, no cost)" : ""}.`,
      );
    }
    if (people.some((p) => p.engine === "HEURISTIC")) {
      lines.push(
        "Engine HEURISTIC: no ANTHROPIC_API_KEY is configured, so the free built-in heuristics scored this call — treat scores as rough indicators; set the key for Claude's analysis.",
      );
    }
    if (unfinished.size > 0) {
      const why = ctx.signal?.aborted ? "The request was cancelled" : `Still running after ${input.timeout_seconds} s`;
      const note = `${why}: the analysis continues on the server. Call analyze_call again with the same call_id (without force) to collect the result — it is cached, so that costs nothing extra.`;
      lines.push(note);
      notes.push(note);
    }
    for (const p of people) lines.push("", ...personLines(p));
    return {
      summary: lines.join("\n"),
      data: { status, call, from_cache: pending.length === 0, analyses: people, ...(notes.length ? { notes } : {}) },
    };
  },
});
