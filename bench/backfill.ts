/**
 * Section 6: a Gong backfill of N calls (default 1,000: the simulator's six demo calls plus
 * N − 6 generated ones) through the same code as `callcoach gong sync` (src/cli/gong.ts): the user
 * sync, `callsToIngest` over a window holding every call, then `ingestGongCall` + a `call.analyze`
 * enqueue per call, with the app's Gong client (`gongClientFor`: `PostgresRequestBudget` at
 * GONG_REQUESTS_PER_SECOND, default 3/s) against the Gong simulator, which enforces Gong's 3 req/s
 * (429 beyond). Workers are not started (the CLI does not start them either).
 *
 * "Budget respected": the simulator answered no 429 and never saw more than 3 requests in any
 * sliding 1-second window. At 3 req/s, N calls need ≥ 2N requests, i.e. ≥ ~12 minutes for 1,000.
 */
import { performance } from "node:perf_hooks";
import { callsToIngest, gongClientFor, ingestGongCall, startGongSimulator, syncGongUsers } from "./src-imports";
import { openBenchApp, type BackendKind } from "./backends";
import { fmt, int, passFail, type SectionContext } from "./section";

const DEMO_CALLS = 6;
/** Every simulated call falls inside this window (generated calls: the 60 days before 2026-11-20). */
const FROM = new Date("2020-01-01T00:00:00Z");
const TO = new Date("2027-01-01T00:00:00Z");
const SIM_LIMIT_PER_SECOND = 3;

export interface BackfillOptions {
  /** Calls in the simulator, demo calls included (--backfill-calls, default 1000; at least 6). */
  calls: number;
}

/** Largest number of requests within any sliding window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j] - t[i] >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

const minutes = (s: number) => `${Math.floor(s / 60)} min ${fmt(s % 60, 0)} s`;

export async function backfillSection(ctx: SectionContext, opts: BackfillOptions): Promise<void> {
  const { out } = ctx;
  const total = Math.max(DEMO_CALLS, opts.calls);
  const kind: BackendKind = ctx.pgAdminUrl ? "postgres" : "pglite";
  out(`6. Gong backfill (${int(total)} simulated calls through the code of \`callcoach gong sync\`, Gong simulator at ${SIM_LIMIT_PER_SECOND} req/s)`);
  out(
    "   syncGongUsers → callsToIngest(window) → per call ingestGongCall + enqueue call.analyze; client = gongClientFor(app) " +
      "(PostgresRequestBudget, GONG_REQUESTS_PER_SECOND default 3, slots ceil(1100/3) = 367 ms apart); no workers",
  );
  if (opts.calls < DEMO_CALLS) out(`   (--backfill-calls=${opts.calls} raised to ${DEMO_CALLS}: the simulator always serves its ${DEMO_CALLS} demo calls)`);
  if (!ctx.pgAdminUrl) out(`   PostgreSQL: not available (${ctx.pgSkipReason}); running on PGlite`);
  const estimate = ((2 * total + Math.ceil(total / 100) + 1) * 1.1) / 3;
  ctx.progress(
    `backfill: ${int(total)} calls ⇒ ≥ ${int(2 * total + Math.ceil(total / 100) + 1)} Gong requests ⇒ about ${minutes(estimate)} at 3 req/s`,
  );

  ctx.progress(`backfill: starting the Gong simulator with ${int(total)} calls (takes a few seconds)…`);
  const tSim = performance.now();
  const sim = await startGongSimulator({ calls: total - DEMO_CALLS, seed: 1 });
  ctx.onCleanup("stop the Gong simulator", () => sim.stop());
  const simStartS = (performance.now() - tSim) / 1000;

  const o = await openBenchApp(ctx, kind, "backfill", {
    GONG_API_BASE_URL: sim.url,
    GONG_API_KEY: "sim-key",
    GONG_API_SECRET: "sim-secret",
  });
  try {
    const { app } = o;
    const client = gongClientFor(app);
    const t0 = performance.now();
    ctx.progress("backfill: syncing Gong users…");
    const users = await syncGongUsers(app, client);
    ctx.progress("backfill: listing the window's calls (callsToIngest)…");
    const ids = await callsToIngest(app, client, FROM, TO);
    const tListed = performance.now();
    ctx.progress(`backfill: ${int(ids.length)} calls to ingest (of ${int(sim.callIds().length)} in the simulator)`);
    let failed = 0;
    let firstFailure: string | null = null;
    const tIngest = performance.now();
    let lastReport = tIngest;
    for (let i = 0; i < ids.length; i++) {
      try {
        const r = await ingestGongCall(app, client, ids[i]);
        await app.queue.enqueue("call.analyze", { callId: r.callId, reason: "ingest:sync" });
      } catch (err) {
        failed++;
        firstFailure ??= `${ids[i]}: ${(err as Error).message}`;
      }
      const now = performance.now();
      if (now - lastReport > 30_000 || i + 1 === ids.length) {
        lastReport = now;
        const s = (now - tIngest) / 1000;
        const perMin = ((i + 1) / s) * 60;
        ctx.progress(
          `  ${int(i + 1)}/${int(ids.length)} calls, ${fmt(perMin)} calls/min, ${minutes(s)} elapsed, ETA ${minutes(((ids.length - i - 1) / perMin) * 60)}`,
        );
      }
    }
    const tEnd = performance.now();
    const elapsedS = (tEnd - t0) / 1000;
    const ingestS = (tEnd - tIngest) / 1000;
    const ingested = ids.length - failed;

    const reqs = sim.requests();
    const byStatus = new Map<number, number>();
    const byRoute = new Map<string, number>();
    for (const r of reqs) {
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      const route = `${r.method} ${r.path.replace(/^\/v2\/(calls|users)\/\d+$/, "/v2/$1/{id}")}`;
      byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    }
    const times = reqs.map((r) => r.at).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const max1s = maxInWindow(times, 1000);
    const n429 = byStatus.get(429) ?? 0;
    const spanS = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : NaN;

    const [db]: Record<string, string>[] = await app.db.dataSource.query(
      `SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM transcript_segments) AS segments,
              (SELECT count(*) FROM call_participants) AS participants, (SELECT count(*) FROM reps) AS reps,
              (SELECT count(*) FROM pgboss.job WHERE name = 'call.analyze') AS analyze_jobs`,
    );
    const budgetOk = n429 === 0 && max1s <= SIM_LIMIT_PER_SECOND;

    out(`   backend: ${o.backend}; simulator started in ${fmt(simStartS)} s (${int(sim.callIds().length)} calls, page size 100)`);
    out();
    out(
      `   calls ingested: ${int(ingested)} of ${int(ids.length)}${failed ? ` (${int(failed)} failed; first: ${firstFailure})` : ""}; ` +
        `users: ${users.users} from Gong, ${users.reps} reps upserted`,
    );
    out(
      `   time: ${minutes(elapsedS)} in total (users + listing ${fmt((tListed - t0) / 1000)} s, ingestion ${minutes(ingestS)})`,
    );
    out(`   throughput: ${fmt((ingested / elapsedS) * 60)} calls/minute overall (${fmt((ingested / ingestS) * 60)} calls/minute during ingestion)`);
    out(
      `   Gong requests: ${int(reqs.length)} total (${[...byRoute].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${int(v)} ${k}`).join(", ")}); ` +
        `${fmt(reqs.length / ingested, 2)} per call; ${fmt(reqs.length / spanS, 2)} req/s on average`,
    );
    out(`   answers: ${[...byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${int(n)}×${s}`).join(", ")}`);
    out(
      `   max requests in any 1-second window (sliding, simulator arrival times): ${max1s}; smallest gap between two requests ${fmt(Math.min(...gaps), 0)} ms, median ${fmt(
        gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? NaN,
        0,
      )} ms`,
    );
    out(`   budget respected (0 × 429 and ≤ ${SIM_LIMIT_PER_SECOND} per second): 429s ${n429}, max/s ${max1s}   ${passFail(budgetOk)}`);
    out(
      `   database afterwards: ${int(Number(db.calls))} calls, ${int(Number(db.participants))} participants, ${int(Number(db.segments))} segments, ` +
        `${int(Number(db.reps))} reps, ${int(Number(db.analyze_jobs))} call.analyze jobs queued`,
    );
    out();
  } finally {
    await o.close();
    await sim.stop();
  }
}
