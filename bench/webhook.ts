/**
 * Section 4: acknowledgement of `POST /webhooks/gong` — RS256 JWT verification, the delivery
 * recorded and `call.ingest` enqueued in one transaction, 202 — with the job workers off (only the
 * acknowledgement is measured), at concurrency 1, 50 and 200, beside a bare node:http handler
 * answering 202 in the same process and run. Afterwards every 202 must have its `queued` row in
 * `webhook_deliveries` and its `call.ingest` job in `pgboss.job`.
 */
import os from "node:os";
import { startServer, WEBHOOK_PATH } from "./src-imports";
import { backendsFor, openBenchApp, type BackendKind } from "./backends";
import { buildDeliveries, rsaKeyPair, runDeliveries as runInThisThread, runDeliveriesInWorker, signDeliveries, startBare202, type LoadResult } from "./webhook-load";
import { fmt, int, pad, padEnd, passFail, type SectionContext } from "./section";
import { median } from "./http";

/**
 * BENCH_WEBHOOK_CLIENT=worker runs the load generator in a worker thread (a diagnostic: how much of
 * the server's event loop the in-process client takes); by default it shares the server's thread.
 */
const CLIENT_IN_WORKER = process.env.BENCH_WEBHOOK_CLIENT === "worker";
const runDeliveries = CLIENT_IN_WORKER ? runDeliveriesInWorker : runInThisThread;

/** Timed deliveries per level; each level first sends 2 × concurrency untimed ones over the same sockets. */
const LEVELS = [
  { concurrency: 1, deliveries: 500 },
  { concurrency: 50, deliveries: 3000 },
  { concurrency: 200, deliveries: 3000 },
].map((l) => ({ ...l, warmup: Math.max(10, 2 * l.concurrency) }));
const WARMUP = { concurrency: 10, deliveries: 100 };
const GOALS = { p99AtC1Ms: 25, p99AtC200Ms: 250, perSecond: 1000 };

interface LevelRow {
  concurrency: number;
  cc: LoadResult;
  bare: LoadResult;
}

interface DbCounts {
  deliveries: number;
  queued: number;
  jobs: number;
  linked: number;
  distinctCalls: number;
}

interface BackendResult {
  kind: BackendKind;
  backend: string;
  rows: LevelRow[];
  accepted: number;
  nonAccepted: Map<number, number>;
  noAnswer: number;
  samples: Map<number, string>;
  counts: DbCounts;
  msPerSignature: number;
  poolSize: number;
}

const statusText = (r: LoadResult) => {
  const parts = [...r.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${int(n)}×${s}`);
  if (r.errors) parts.push(`${int(r.errors)} no answer`);
  return parts.join(", ");
};

async function runBackend(ctx: SectionContext, kind: BackendKind, key: ReturnType<typeof rsaKeyPair>, bodies: ReturnType<typeof buildDeliveries>): Promise<BackendResult> {
  const opened = await openBenchApp(ctx, kind, "webhook", { GONG_WEBHOOK_PUBLIC_KEY: key.publicKeyBase64 });
  try {
    ctx.progress("webhook: starting the call-coach server (workers off)…");
    const server = await startServer(opened.app, { demo: false, workers: false });
    ctx.onCleanup("close webhook server", () => server.close());
    const url = `${server.http.url}${WEBHOOK_PATH}`;
    ctx.progress(`webhook: signing ${int(bodies.length)} deliveries for ${url}…`);
    const { signed, msPerSignature } = signDeliveries(bodies, url, key.privateKey);
    const bare = await startBare202();
    ctx.onCleanup("close bare 202 server", () => bare.close());

    let offset = 0;
    const take = (n: number) => signed.slice(offset, (offset += n));
    const all: LoadResult[] = [];
    ctx.progress(`webhook (${opened.short}): warm-up, ${WARMUP.deliveries} deliveries at concurrency ${WARMUP.concurrency}…`);
    const warm = take(WARMUP.deliveries);
    all.push(await runDeliveries(url, warm, WARMUP.concurrency));
    await runDeliveries(bare.url, warm, WARMUP.concurrency);

    const rows: LevelRow[] = [];
    for (const level of LEVELS) {
      const batch = take(level.warmup + level.deliveries);
      ctx.progress(`webhook (${opened.short}): concurrency ${level.concurrency}, ${int(batch.length)} deliveries to call-coach…`);
      const cc = await runDeliveries(url, batch, level.concurrency, level.warmup);
      all.push(cc);
      ctx.progress(`webhook (${opened.short}): concurrency ${level.concurrency}, ${int(batch.length)} deliveries to the bare handler…`);
      const b = await runDeliveries(bare.url, batch, level.concurrency, level.warmup);
      rows.push({ concurrency: level.concurrency, cc, bare: b });
      ctx.progress(
        `  call-coach ${fmt(cc.rps)} /s p99 ${fmt(cc.p99, 1)} ms (${statusText(cc)}); bare ${fmt(b.rps)} /s p99 ${fmt(b.p99, 1)} ms`,
      );
    }
    await bare.close();

    const [c]: Record<keyof DbCounts, string>[] = await opened.app.db.dataSource.query(
      `SELECT (SELECT count(*) FROM webhook_deliveries) AS deliveries,
              (SELECT count(*) FROM webhook_deliveries WHERE outcome = 'queued') AS queued,
              (SELECT count(*) FROM pgboss.job WHERE name = 'call.ingest') AS jobs,
              (SELECT count(*) FROM webhook_deliveries d JOIN pgboss.job j ON j.id = d.job_id::uuid
                WHERE d.outcome = 'queued' AND j.name = 'call.ingest') AS linked,
              (SELECT count(DISTINCT gong_call_id) FROM webhook_deliveries WHERE outcome = 'queued') AS "distinctCalls"`,
    );
    const counts = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) as unknown as DbCounts;
    const nonAccepted = new Map<number, number>();
    const samples = new Map<number, string>();
    let accepted = 0;
    let noAnswer = 0;
    for (const r of all) {
      noAnswer += r.errors;
      for (const [s, n] of r.statuses) {
        if (s === 202) accepted += n;
        else nonAccepted.set(s, (nonAccepted.get(s) ?? 0) + n);
      }
      for (const [s, body] of r.samples) if (!samples.has(s)) samples.set(s, body);
    }
    ctx.progress("webhook: stopping the server…");
    await server.close();
    return {
      kind,
      backend: opened.backend,
      rows,
      accepted,
      nonAccepted,
      noAnswer,
      samples,
      counts,
      msPerSignature,
      poolSize: kind === "postgres" ? opened.app.config.poolSize : 1,
    };
  } finally {
    await opened.close();
  }
}

function printBackend(ctx: SectionContext, r: BackendResult): void {
  const { out } = ctx;
  out();
  out(`   ${r.backend}${r.kind === "pglite" ? " — goals apply to PostgreSQL; figures for reference" : ""}`);
  out(`   connection pool: ${r.poolSize}${r.kind === "postgres" ? " (DB_POOL_SIZE default) + pg-boss's own pool of 4" : " (PGlite: one session, shared with pg-boss)"}`);
  out(
    `   ${padEnd("run", 28)} ${pad("timed", 6)} ${pad("deliv/s", 9)} ${pad("p50 ms", 8)} ${pad("p99 ms", 8)} ${pad("max ms", 8)} ` +
      `${pad("ELU", 5)} ${pad("node ms/d", 9)} ${pad("pg ms/d", 8)} ${pad("machine", 8)}  answers (warm-up incl.)`,
  );
  for (const row of r.rows) {
    for (const [name, s] of [
      [`call-coach, c=${row.concurrency}`, row.cc],
      [`bare node:http 202, c=${row.concurrency}`, row.bare],
    ] as const) {
      out(
        `   ${padEnd(name, 28)} ${pad(int(s.sent), 6)} ${pad(fmt(s.rps), 9)} ${pad(fmt(s.p50, 2), 8)} ${pad(fmt(s.p99, 2), 8)} ${pad(fmt(s.max, 1), 8)} ` +
          `${pad(fmt(s.elu, 2), 5)} ${pad(fmt(s.cpuMsPerDelivery, 2), 9)} ${pad(r.kind === "postgres" ? fmt(s.postgresCpuMsPerDelivery, 2) : "–", 8)} ` +
          `${pad(`${fmt(s.machineBusy * 100, 0)} %`, 8)}  ${statusText(s)}`,
      );
    }
  }
  const byC = (c: number) => r.rows.find((x) => x.concurrency === c)!.cc;
  const c1 = byC(1);
  const c200 = byC(200);
  const best = Math.max(...r.rows.filter((x) => x.concurrency >= 50).map((x) => x.cc.rps));
  const total202 = r.accepted;
  const lostOk =
    r.counts.queued === total202 && r.counts.jobs === total202 && r.counts.linked === total202 && r.counts.distinctCalls === total202;
  const allAccepted = r.nonAccepted.size === 0 && r.noAnswer === 0;
  const goal = (ok: boolean) => (r.kind === "postgres" ? passFail(ok) : `(${passFail(ok)} if it were PostgreSQL)`);
  out();
  out(`   p99 at c=1   ≤ ${GOALS.p99AtC1Ms} ms:      ${fmt(c1.p99, 2)} ms   ${goal(c1.p99 <= GOALS.p99AtC1Ms)}`);
  out(`   p99 at c=200 ≤ ${GOALS.p99AtC200Ms} ms:     ${fmt(c200.p99, 2)} ms   ${goal(c200.p99 <= GOALS.p99AtC200Ms)}`);
  out(`   ≥ ${int(GOALS.perSecond)} deliveries/s (best of c=50, c=200): ${fmt(best)}/s   ${goal(best >= GOALS.perSecond)}`);
  out(
    `   zero lost deliveries: 202 answers ${int(total202)} (warm-ups included); webhook_deliveries 'queued' ${int(r.counts.queued)}; ` +
      `pgboss.job 'call.ingest' ${int(r.counts.jobs)}; joined on job_id ${int(r.counts.linked)}; distinct call ids ${int(r.counts.distinctCalls)}   ${passFail(lostOk)}`,
  );
  const other = [...r.nonAccepted].map(([s, n]) => `${int(n)}×HTTP ${s}`);
  if (r.noAnswer) other.push(`${int(r.noAnswer)} without answer`);
  out(`   every delivery answered 202: ${allAccepted ? "yes" : `no — ${other.join(", ")}`}   ${passFail(allAccepted)}`);
  for (const [s, body] of r.samples) out(`     sample HTTP ${s} body: ${body}`);
}

export async function webhookSection(ctx: SectionContext): Promise<void> {
  const { out } = ctx;
  const perBackend = WARMUP.deliveries + LEVELS.reduce((s, l) => s + l.warmup + l.deliveries, 0);
  ctx.progress(`webhook: generating an RSA key pair and ${int(perBackend)} delivery bodies…`);
  const key = rsaKeyPair();
  const bodies = buildDeliveries(perBackend);
  const sizes = bodies.map((b) => b.body.length / 1024);
  out("4. Gong webhook acknowledgement (POST /webhooks/gong → 202; workers off: startServer(app, { demo: false, workers: false }))");
  out("   per delivery: RS256 JWT verified (webhook_url, body_sha256, exp), webhook_deliveries row + call.ingest job in one transaction");
  out(
    `   ${int(perBackend)} distinct deliveries per backend (${WARMUP.deliveries} warm-up at c=${WARMUP.concurrency}, then timed ` +
      `${LEVELS.map((l) => `${int(l.deliveries)} at c=${l.concurrency}`).join(", ")}, each level after 2 × c untimed ones over the same sockets); bodies ` +
      `${fmt(Math.min(...sizes))}–${fmt(Math.max(...sizes))} KiB (median ${fmt(median(sizes))} KiB), unique 19-digit call ids`,
  );
  out(
    `   load generator: node:http + http.Agent({ keepAlive: true, maxSockets: concurrency }) in the SAME process as the server` +
      (CLIENT_IN_WORKER ? " but in a WORKER THREAD (BENCH_WEBHOOK_CLIENT=worker; ELU is the server thread's)" : ", on the server's thread") +
      ` — it shares the ${os.cpus().length} CPU cores (and, with PGlite, the database's thread); the same deliveries go to a bare node:http handler answering 202`,
  );
  out(
    "   ELU = event-loop utilisation of this process while timed; node ms/d = this process's CPU time (server + load generator + PGlite) per delivery;" +
      " pg ms/d = CPU of all local postgres processes per delivery (server-wide); machine = share of both cores busy (/proc/stat, everything on the machine)",
  );
  if (!ctx.pgAdminUrl) out(`   PostgreSQL: skipped (${ctx.pgSkipReason})`);
  const results: BackendResult[] = [];
  // BENCH_WEBHOOK_BACKENDS=postgres (or pglite) runs one backend only (iterating on one of them).
  const only = process.env.BENCH_WEBHOOK_BACKENDS?.split(",").map((s) => s.trim()).filter(Boolean);
  for (const kind of backendsFor(ctx)) if (!only?.length || only.includes(kind)) results.push(await runBackend(ctx, kind, key, bodies));
  out(`   JWTs signed before timing: ${results.map((r) => `${fmt(r.msPerSignature, 2)} ms`).join(" / ")} per signature (RS256, 2048-bit; not counted)`);
  for (const r of results) printBackend(ctx, r);
  out();
}
