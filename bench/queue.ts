/**
 * Section 5: job pickup latency, enqueue → handler start, on a real `openApp` +
 * `app.queue.work(app)` with the real `call.analyze` queue (nothing registered for the bench).
 * The latency is pg-boss's own record: `pgboss.job.started_on − created_on` (both the database's
 * clock). The enqueue time on the process's clock is stamped into the payload's free-text `reason`
 * (≤ 100 chars) as a cross-check (`started_on` − stamp).
 *
 * Two runs per backend: "spaced" jobs (random gaps, below the queue's capacity) measure pure
 * pickup latency; a "burst" enqueued back to back shows how fast the workers drain a backlog.
 */
import { performance } from "node:perf_hooks";
import { backendsFor, openBenchApp, type BackendKind, type OpenedApp } from "./backends";
import { benchCall, repPool } from "./fixtures";
import { percentile } from "./http";
import { fmt, int, pad, padEnd, prng, sleep, type SectionContext } from "./section";

const QUEUE = "call.analyze";
const GAP_MS = { min: 250, max: 1250 };
const BURST = 20;
const WAIT_TIMEOUT_MS = 120_000;
/** JobQueue's default `pollingIntervalSeconds` (src/core/jobs/job-queue.ts); pg-boss keeps its config private. */
const POLLING_SECONDS = 1;

export interface QueueOptions {
  /** Spaced jobs per backend (--queue-jobs, default 200). */
  jobs: number;
}

interface JobTiming {
  reason: string;
  pickupMs: number;
  /** started_on − the enqueue stamp taken just before enqueue() (process clock). */
  stampPickupMs: number;
  runMs: number | null;
  state: string;
  startedMs: number;
  createdMs: number;
}

interface RunStats {
  jobs: number;
  started: number;
  p50: number;
  p95: number;
  max: number;
  stampP50: number;
  stampP95: number;
  runP50: number;
  states: string;
  /** Jobs per second from the first created_on to the last started_on. */
  drainPerSecond: number;
  enqueueP50: number;
}

async function timings(o: OpenedApp, prefix: string): Promise<JobTiming[]> {
  const rows: { reason: string; pickup_ms: string | null; run_ms: string | null; state: string; started_ms: string | null; created_ms: string }[] =
    await o.app.db.dataSource.query(
      `SELECT data->>'reason' AS reason, state,
              extract(epoch FROM started_on - created_on) * 1000 AS pickup_ms,
              extract(epoch FROM completed_on - started_on) * 1000 AS run_ms,
              extract(epoch FROM started_on) * 1000 AS started_ms,
              extract(epoch FROM created_on) * 1000 AS created_ms
         FROM pgboss.job WHERE name = $1 AND data->>'reason' LIKE $2`,
      [QUEUE, `${prefix}%`],
    );
  return rows.map((r) => {
    const stamp = Number(r.reason.split(":").pop());
    const started = r.started_ms === null ? NaN : Number(r.started_ms);
    return {
      reason: r.reason,
      state: r.state,
      pickupMs: r.pickup_ms === null ? NaN : Number(r.pickup_ms),
      stampPickupMs: started - stamp,
      runMs: r.run_ms === null ? null : Number(r.run_ms),
      startedMs: started,
      createdMs: Number(r.created_ms),
    };
  });
}

/** Polls until every job with the prefix has started (and finished), or the timeout. */
async function waitStarted(o: OpenedApp, prefix: string, count: number): Promise<JobTiming[]> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  for (;;) {
    const t = await timings(o, prefix);
    const done = t.filter((j) => Number.isFinite(j.pickupMs) && j.state !== "active").length;
    if ((t.length === count && done === count) || Date.now() > deadline) return t;
    await sleep(250);
  }
}

function stats(t: JobTiming[], enqueueMs: number[]): RunStats {
  const started = t.filter((j) => Number.isFinite(j.pickupMs));
  const p = started.map((j) => j.pickupMs).sort((a, b) => a - b);
  const s = started.map((j) => j.stampPickupMs).sort((a, b) => a - b);
  const r = started.map((j) => j.runMs).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const states = new Map<string, number>();
  for (const j of t) states.set(j.state, (states.get(j.state) ?? 0) + 1);
  const first = Math.min(...t.map((j) => j.createdMs));
  const last = Math.max(...started.map((j) => j.startedMs));
  return {
    jobs: t.length,
    started: started.length,
    p50: percentile(p, 50),
    p95: percentile(p, 95),
    max: p[p.length - 1] ?? NaN,
    stampP50: percentile(s, 50),
    stampP95: percentile(s, 95),
    runP50: percentile(r, 50),
    states: [...states].map(([k, v]) => `${int(v)} ${k}`).join(", "),
    drainPerSecond: started.length / Math.max(0.001, (last - first) / 1000),
    enqueueP50: percentile([...enqueueMs].sort((a, b) => a - b), 50),
  };
}

async function runBackend(ctx: SectionContext, kind: BackendKind, opts: QueueOptions) {
  const o = await openBenchApp(ctx, kind, "queue");
  try {
    const { app } = o;
    // A real call for call.analyze to update (a missing call would fail and retry the job).
    const pool = repPool(4);
    const payload = benchCall(1, [pool[0], pool[1]], { customers: 2, sentences: 10 });
    const imported = await app.services.callImport.importCall(app.services.callImport.fromJson(payload.call, payload.transcript));
    const callId = imported.callId;
    ctx.progress(`queue (${o.short}): starting the workers (app.queue.work)…`);
    await app.queue.work(app);
    await sleep(1500);
    const def = app.queue.definitions.find((d) => d.name === QUEUE)!;

    const rnd = prng(20261125);
    const spacedPrefix = "bench:spaced:";
    const spacedEnqueue: number[] = [];
    ctx.progress(
      `queue (${o.short}): ${opts.jobs} spaced jobs, one every ${GAP_MS.min}–${GAP_MS.max} ms (≈ ${fmt((opts.jobs * (GAP_MS.min + GAP_MS.max)) / 2000, 0)} s)…`,
    );
    for (let i = 0; i < opts.jobs; i++) {
      const t0 = performance.now();
      await app.queue.enqueue(QUEUE, { callId, reason: `${spacedPrefix}${i}:${Date.now()}` });
      spacedEnqueue.push(performance.now() - t0);
      if ((i + 1) % 50 === 0) ctx.progress(`  ${i + 1}/${opts.jobs} enqueued`);
      await sleep(GAP_MS.min + rnd() * (GAP_MS.max - GAP_MS.min));
    }
    const spaced = stats(await waitStarted(o, spacedPrefix, opts.jobs), spacedEnqueue);

    ctx.progress(`queue (${o.short}): burst of ${BURST} jobs…`);
    await sleep(1500);
    const burstPrefix = "bench:burst:";
    const burstEnqueue: number[] = [];
    for (let i = 0; i < BURST; i++) {
      const t0 = performance.now();
      await app.queue.enqueue(QUEUE, { callId, reason: `${burstPrefix}${i}:${Date.now()}` });
      burstEnqueue.push(performance.now() - t0);
    }
    const burst = stats(await waitStarted(o, burstPrefix, BURST), burstEnqueue);
    ctx.progress(`queue (${o.short}): stopping the workers…`);
    return { o, spaced, burst, concurrency: def.concurrency };
  } finally {
    await o.close();
  }
}

export async function queueSection(ctx: SectionContext, opts: QueueOptions): Promise<void> {
  const { out } = ctx;
  const results = [];
  for (const kind of backendsFor(ctx)) results.push(await runBackend(ctx, kind, opts));
  const r0 = results[0];
  out(`5. Job pickup latency (${QUEUE}: app.queue.enqueue → handler start; real openApp + app.queue.work(app))`);
  out(
    `   latency = pgboss.job started_on − created_on (database clock); "stamp" = started_on − Date.now() stamped into the payload's reason just before enqueue()`,
  );
  out(
    `   pg-boss polling interval: ${POLLING_SECONDS} s (JobQueue's pollingIntervalSeconds default, src/core/jobs/job-queue.ts; pg-boss keeps it private); ` +
      `${QUEUE}: ${r0.concurrency} workers (concurrency ${r0.concurrency}, batchSize 1). A pg-boss 10 worker sleeps the rest of the interval after ` +
      `every fetch, with or without a job, so one queue starts at most ${r0.concurrency} / ${POLLING_SECONDS} s = ${fmt(r0.concurrency / POLLING_SECONDS, 0)} jobs/s per process`,
  );
  out(
    `   spaced: ${opts.jobs} jobs, random gaps ${GAP_MS.min}–${GAP_MS.max} ms (seeded), below the queue's capacity; burst: ${BURST} jobs enqueued back to back`,
  );
  if (!ctx.pgAdminUrl) out(`   PostgreSQL: skipped (${ctx.pgSkipReason})`);
  out();
  out(
    `   ${padEnd("backend, run", 30)} ${pad("jobs", 7)} ${pad("p50 ms", 8)} ${pad("p95 ms", 8)} ${pad("max ms", 8)} ${pad("stamp p50/p95", 14)} ${pad("handler p50", 11)} ${pad("drain/s", 8)} ${pad("enqueue p50", 11)}  states`,
  );
  for (const r of results) {
    for (const [name, s] of [
      [`${r.o.short}, spaced`, r.spaced],
      [`${r.o.short}, burst of ${BURST}`, r.burst],
    ] as const) {
      out(
        `   ${padEnd(name, 30)} ${pad(`${s.started}/${s.jobs}`, 7)} ${pad(fmt(s.p50, 0), 8)} ${pad(fmt(s.p95, 0), 8)} ${pad(fmt(s.max, 0), 8)} ` +
          `${pad(`${fmt(s.stampP50, 0)}/${fmt(s.stampP95, 0)}`, 14)} ${pad(`${fmt(s.runP50, 1)} ms`, 11)} ${pad(name.endsWith("spaced") ? "–" : fmt(s.drainPerSecond, 2), 8)} ${pad(`${fmt(s.enqueueP50, 1)} ms`, 11)}  ${s.states}`,
      );
    }
  }
  out();
}
