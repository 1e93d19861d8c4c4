/**
 * `npm run bench`: SQL statements per request, throughput against a bare Apollo Server, cold
 * start of `callcoach serve`, Gong webhook acknowledgement, job pickup latency, a Gong backfill,
 * the Claude analysis engine (against the fake Messages API), searchCalls over 10,000 calls and
 * trends at 1,000,000 dimension results.
 * Benchmarks report; they do not fail: goal checks print PASS/FAIL and the process exits 0 (1 only
 * when a benchmark itself could not run). See docs/benchmarks.md.
 *
 *   node dist/bench/run.js [--verbose] [--only=statements,throughput,coldstart,webhook,queue,backfill,analysis,search,trends,review,mcp]
 *                          [--backfill-calls=1000] [--queue-jobs=200]
 *                          [--analysis-latency=300] [--analysis-runs=5] [--analysis-repeats=20]
 *                          [--search-calls=10000] [--search-pglite-calls=10000] [--search-runs=30]
 *                          [--trends-results=1000000] [--trends-pglite-results=1000000] [--trends-runs=50]
 *                          [--mcp-calls=10000] [--mcp-starts=7] [--mcp-runs=30] [--mcp-backend=postgres|pglite]
 *
 * BENCH_DATABASE_URL=postgres://…  runs sections 1–2 on a fresh database created on that server
 *                                  (dropped at the end) instead of an in-memory PGlite.
 * DATABASE_URL=postgres://…        server for the PostgreSQL cold start (default: 127.0.0.1:5432
 *                                  when reachable); a fresh database is created there and dropped.
 * The webhook, queue and backfill sections run on a fresh database on the server of
 * BENCH_DATABASE_URL (else 127.0.0.1:5432 when reachable) and, webhook and queue, also on PGlite.
 * The analysis section runs on an in-memory PGlite against a local fake Anthropic API (no network).
 * The search section runs on both (PostgreSQL first, when available).
 * The trends section too (PostgreSQL first, when available).
 * The mcp section runs on one backend: PostgreSQL when available (--mcp-backend to choose).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger, loadConfig, openApp, operationCost, startServer, type App, type Server } from "./src-imports";
import { parse } from "graphql";
import { seed } from "./data";
import { BENCH_QUERY } from "./query";
import { gql, gqlOk, median, type GqlResult, runConcurrent, runSequential, type GqlRequest, type LoadStats } from "./http";
import { classify, dataStatements, oneLine, summarize } from "./statements";
import { startBareServer } from "./bare-server";
import { killAllChildren, measureColdStart, type ColdStartRun } from "./cold-start";
import { createScratchDatabase, describePgUrl, tcpReachable, type ScratchDatabase } from "./postgres";
import { findPostgres } from "./backends";
import { intFlag, type SectionContext } from "./section";
import { webhookSection } from "./webhook";
import { queueSection } from "./queue";
import { backfillSection } from "./backfill";
import { analysisSection } from "./analysis";
import { searchSection } from "./search";
import { trendsSection } from "./trends";
import { reviewSection } from "./review";
import { mcpSection } from "./mcp";


const SIZES = [10, 50, 100];
const MAX_DATA_STATEMENTS = 7;
const THROUGHPUT_N = 50;
const SEQUENTIAL_REQUESTS = 200;
const WARMUP_REQUESTS = 20;
const CONCURRENCY = 8;
const CONCURRENT_SECONDS = 5;
const COLD_RUNS = 3;
/** Raised for the bench server so N = 100 passes the cost limit (the default is reported). */

const SEED = { calls: 120, repsPerCall: 2, customersPerCall: 2, sentencesPerCall: 40, repPoolSize: 12 };

const ALL_SECTIONS = ["statements", "throughput", "coldstart", "webhook", "queue", "backfill", "analysis", "search", "trends", "review", "mcp"] as const;
type Section = (typeof ALL_SECTIONS)[number];

const argv = process.argv.slice(2);
const verbose = argv.includes("--verbose") || argv.includes("-v");
const onlyArg = argv.find((a) => a.startsWith("--only="));
const sections = new Set<Section>(onlyArg ? (onlyArg.slice("--only=".length).split(",") as Section[]) : ALL_SECTIONS);
const unknownSections = [...sections].filter((s) => !(ALL_SECTIONS as readonly string[]).includes(s));
const backfillCalls = intFlag(argv, "backfill-calls", 1000);
const queueJobs = intFlag(argv, "queue-jobs", 200);
const analysisOpts = {
  latencyMs: intFlag(argv, "analysis-latency", 300),
  runs: intFlag(argv, "analysis-runs", 5),
  repeats: intFlag(argv, "analysis-repeats", 20),
};
const searchCalls = intFlag(argv, "search-calls", 10_000);
const searchOpts = { calls: searchCalls, pgliteCalls: intFlag(argv, "search-pglite-calls", searchCalls), runs: intFlag(argv, "search-runs", 30) };
const trendsResults = intFlag(argv, "trends-results", 1_000_000);
const trendsOpts = { results: trendsResults, pgliteResults: intFlag(argv, "trends-pglite-results", trendsResults), runs: intFlag(argv, "trends-runs", 50) };

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const out = (line = "") => process.stdout.write(line + "\n");

/** Cleanup steps, run last-in first-out. */
const cleanups: { name: string; fn: () => Promise<void> | void }[] = [];
const onCleanup = (name: string, fn: () => Promise<void> | void) => cleanups.push({ name, fn });
async function runCleanups(): Promise<void> {
  await killAllChildren().catch(() => undefined);
  await runCleanupsDownTo(0);
}
/** Runs the cleanup steps registered after the first `keep` ones. */
async function runCleanupsDownTo(keep: number): Promise<void> {
  while (cleanups.length > keep) {
    const { name, fn } = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      progress(`cleanup "${name}" failed: ${(err as Error).message}`);
    }
  }
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "–");
const pad = (s: string | number, w: number) => String(s).padStart(w);
const padEnd = (s: string | number, w: number) => String(s).padEnd(w);

function repoRoot(): string {
  // dist/bench/run.js → repository root
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, "bin", "callcoach.js"))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find bin/callcoach.js above ${__dirname}`);
}

// ---------------------------------------------------------------------------------------------
// Sections 1 and 2: one in-process server over a seeded database
// ---------------------------------------------------------------------------------------------

interface BenchServer {
  app: App;
  server: Server;
  url: string;
  token: string;
  backend: string;
}

async function startBenchServer(tmp: string): Promise<BenchServer> {
  let scratch: ScratchDatabase | null = null;
  const benchUrl = process.env.BENCH_DATABASE_URL?.trim();
  if (benchUrl) {
    progress(`creating a fresh database on ${describePgUrl(benchUrl)}…`);
    scratch = await createScratchDatabase(benchUrl, "bench");
    const s = scratch;
    onCleanup(`drop database ${s.name}`, () => s.drop());
  }
  const dataDir = path.join(tmp, "bench-data");
  const config = loadConfig({
    CALLCOACH_DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });
  const logger = createLogger("warn");
  progress(scratch ? `opening and migrating ${scratch.name}…` : "opening an in-memory PGlite and migrating…");
  const app = await openApp(config, logger, { command: "bench", memory: true });
  let appClosed = false;
  onCleanup("close bench database", async () => {
    if (!appClosed) await app.close();
  });
  await seed(app, { ...SEED, progress });
  progress("starting the call-coach server…");
  const server = await startServer(app, { demo: false });
  onCleanup("close call-coach server", async () => {
    await server.close();
    appClosed = true;
  });
  if (!server.adminToken) throw new Error("the fresh database did not produce an ADMIN token");
  const backend = scratch
    ? `PostgreSQL ${scratch.version} (fresh database ${scratch.name} on ${describePgUrl(benchUrl!).replace(/\/[^/]*$/, "")})`
    : "embedded PGlite (in-memory, fresh)";
  return { app, server, url: `${server.http.url}/graphql`, token: server.adminToken, backend };
}

interface StatementRow {
  n: number;
  data: number;
  total: number;
  auth: number;
  transaction: number;
  statements: string[];
  error: string | null;
  shape: string;
}

async function statementsSection(bs: BenchServer): Promise<void> {
  const { config } = bs.app;
  const doc = parse(BENCH_QUERY);
  out("1. SQL statements per request");
  out(`   query: ${BENCH_QUERY}`);
  out(`   backend: ${bs.backend}; ADMIN token; in-process server over real HTTP`);
  // The bench server runs with the default limits, so the query must fit them at every N.
  const costs = SIZES.map((n) => `N=${n}: ${operationCost(bs.server.schema, doc, config.graphql, { n })}`);
  out(`   estimated cost (GRAPHQL_MAX_COST ${config.graphql.maxCost}): ${costs.join(", ")}`);

  const req = (n: number): GqlRequest => ({ url: bs.url, query: BENCH_QUERY, variables: { n }, token: bs.token });
  await gqlOk(req(SIZES[0])); // warm-up: schema caches, pool connections, token last_used_at
  const rows: StatementRow[] = [];
  for (const n of SIZES) {
    let result: GqlResult;
    let statements: string[];
    bs.app.db.counter.start();
    try {
      result = await gql(req(n));
    } finally {
      statements = bs.app.db.counter.stop();
    }
    const kinds = statements.map(classify);
    let error: string | null = null;
    if (result.status !== 200 || result.errors?.length) {
      error = `HTTP ${result.status}: ${result.errors?.map((e) => e.message).join("; ") ?? "no data"}`;
    }
    const edges: any[] = result.data?.calls?.edges ?? [];
    const nodes = edges.map((e) => e.node);
    const shape =
      `${(result.bytes / 1024).toFixed(1)} KiB JSON, ${nodes.length} calls, ${nodes.filter((c) => c.primaryRep).length} primary reps, ` +
      `${nodes.reduce((s, c) => s + c.participants.length, 0)} participants ` +
      `(${nodes.reduce((s, c) => s + c.participants.filter((p: any) => p.rep).length, 0)} with rep), ` +
      `${nodes.reduce((s, c) => s + c.segments.edges.length, 0)} segments, ` +
      `${nodes.reduce((s, c) => s + c.analyses.length, 0)} analyses, ` +
      `${nodes.reduce((s, c) => s + c.analyses.reduce((t: number, a: any) => t + a.dimensionResults.length, 0), 0)} dimension results`;
    if (!error && nodes.length !== n) error = `expected ${n} calls, got ${nodes.length}`;
    rows.push({
      n,
      data: kinds.filter((k) => k === "data").length,
      auth: kinds.filter((k) => k === "auth").length,
      transaction: kinds.filter((k) => k === "transaction").length,
      total: statements.length,
      statements,
      error,
      shape,
    });
  }

  const base = rows[0].data;
  out();
  out(`   ${pad("N", 5)}  ${pad("data statements", 15)}  ${pad("total statements", 16)}  goal (data ≤ ${MAX_DATA_STATEMENTS}, equal across N)`);
  for (const r of rows) {
    const pass = !r.error && r.data <= MAX_DATA_STATEMENTS && r.data === base;
    const why = r.error
      ? ` (${r.error})`
      : r.data > MAX_DATA_STATEMENTS
        ? ` (${r.data} > ${MAX_DATA_STATEMENTS})`
        : r.data !== base
          ? ` (${r.data} ≠ ${base} at N=${rows[0].n})`
          : "";
    out(
      `   ${pad(r.n, 5)}  ${pad(r.data, 15)}  ${pad(`${r.total} (${r.auth} auth, ${r.transaction} tx)`, 16)}  ${pass ? "PASS" : "FAIL"}${why}`,
    );
  }
  out();
  for (const r of rows) out(`   answer at N=${r.n}: ${r.shape}`);
  const failing = rows.filter((r) => r.error || r.data > MAX_DATA_STATEMENTS || r.data !== base);
  if (verbose) {
    for (const r of rows) {
      out();
      out(`   statements at N=${r.n}:`);
      r.statements.forEach((s, i) => out(`    ${pad(i + 1, 3)}. [${classify(s)}] ${oneLine(s)}`));
    }
  } else if (failing.length) {
    for (const r of failing) {
      out();
      out(`   data statements at N=${r.n} (grouped; --verbose prints every statement in full):`);
      for (const g of summarize(dataStatements(r.statements))) out(`    ${pad(`${g.count}×`, 5)} ${g.text}`);
    }
  }
  out();
}

async function throughputSection(bs: BenchServer): Promise<void> {
  out(`2. Throughput (calls(first: ${THROUGHPUT_N}) vs. a bare Apollo Server answering { __typename })`);
  out(`   client: Node fetch (keep-alive) in the same process as both servers; ${os.cpus().length} CPU cores`);
  const ccReq: GqlRequest = { url: bs.url, query: BENCH_QUERY, variables: { n: THROUGHPUT_N }, token: bs.token };
  progress(`throughput: call-coach, ${SEQUENTIAL_REQUESTS} sequential + concurrency ${CONCURRENCY} for ${CONCURRENT_SECONDS} s…`);
  for (let i = 0; i < WARMUP_REQUESTS; i++) await gqlOk(ccReq);
  const ccSeq = await runSequential(ccReq, SEQUENTIAL_REQUESTS);
  const ccConc = await runConcurrent(ccReq, CONCURRENCY, CONCURRENT_SECONDS);

  progress("throughput: bare Apollo Server…");
  const bare = await startBareServer();
  onCleanup("close bare Apollo server", () => bare.close());
  const bareReq: GqlRequest = { url: bare.url, query: "{ __typename }" };
  for (let i = 0; i < WARMUP_REQUESTS; i++) await gqlOk(bareReq);
  const bareSeq = await runSequential(bareReq, SEQUENTIAL_REQUESTS);
  const bareConc = await runConcurrent(bareReq, CONCURRENCY, CONCURRENT_SECONDS);
  await bare.close();

  const line = (name: string, s: LoadStats) =>
    `   ${padEnd(name, 34)} ${pad(s.requests, 6)} ${pad(fmt(s.rps), 9)} ${pad(fmt(s.p50, 2), 9)} ${pad(fmt(s.p95, 2), 9)}`;
  out();
  out(`   ${padEnd("run", 34)} ${pad("reqs", 6)} ${pad("req/s", 9)} ${pad("p50 ms", 9)} ${pad("p95 ms", 9)}`);
  out(line(`call-coach, sequential`, ccSeq));
  out(line(`bare Apollo, sequential`, bareSeq));
  out(line(`call-coach, concurrency ${CONCURRENCY}, ${CONCURRENT_SECONDS} s`, ccConc));
  out(line(`bare Apollo, concurrency ${CONCURRENCY}, ${CONCURRENT_SECONDS} s`, bareConc));
  out();
  out(`   ratio call-coach rps / bare rps: sequential ${fmt(ccSeq.rps / bareSeq.rps, 3)}, concurrency ${CONCURRENCY} ${fmt(ccConc.rps / bareConc.rps, 3)}`);
  out();
}

// ---------------------------------------------------------------------------------------------
// Section 3: cold start of `callcoach serve` as a child process
// ---------------------------------------------------------------------------------------------

interface ColdRow {
  label: string;
  runs: ColdStartRun[];
}

async function coldStartSeries(
  root: string,
  dataDir: string,
  databaseUrl: string | undefined,
  labels: { first: string; again: string },
): Promise<ColdRow[]> {
  fs.mkdirSync(dataDir, { recursive: true });
  progress(`cold start: ${labels.first}…`);
  const first = await measureColdStart({ repoRoot: root, dataDir, databaseUrl });
  const again: ColdStartRun[] = [];
  for (let i = 1; i <= COLD_RUNS; i++) {
    progress(`cold start: ${labels.again}, run ${i}/${COLD_RUNS}…`);
    again.push(await measureColdStart({ repoRoot: root, dataDir, databaseUrl }));
  }
  return [
    { label: labels.first, runs: [first] },
    { label: labels.again, runs: again },
  ];
}

async function coldStartSection(root: string, tmp: string): Promise<void> {
  out("3. Cold start (spawn `node bin/callcoach.js serve --no-demo` → first authenticated { reps { totalCount } })");
  out("   PORT=0 LOG_LEVEL=warn; polling every 25 ms once the GraphQL: line is printed; RSS = VmRSS after the first answer");
  const rows: ColdRow[] = [];
  const skipped: string[] = [];

  rows.push(
    ...(await coldStartSeries(root, path.join(tmp, "cold-embedded"), undefined, {
      first: "embedded, brand-new data dir",
      again: "embedded, existing data dir",
    })),
  );

  let adminUrl: string | null = process.env.DATABASE_URL?.trim() || null;
  if (!adminUrl) {
    if (await tcpReachable("127.0.0.1", 5432)) adminUrl = "postgres://postgres@127.0.0.1:5432/postgres";
    else skipped.push("PostgreSQL: skipped (DATABASE_URL unset and nothing listens on 127.0.0.1:5432)");
  }
  if (adminUrl) {
    let scratch: ScratchDatabase | null = null;
    try {
      scratch = await createScratchDatabase(adminUrl, "cold");
    } catch (err) {
      skipped.push(`PostgreSQL: skipped (cannot create a database on ${describePgUrl(adminUrl)}: ${(err as Error).message})`);
    }
    if (scratch) {
      const s = scratch;
      onCleanup(`drop database ${s.name}`, () => s.drop());
      rows.push(
        ...(await coldStartSeries(root, path.join(tmp, "cold-postgres"), s.url, {
          first: `PostgreSQL ${s.version}, empty database`,
          again: `PostgreSQL ${s.version}, migrated database`,
        })),
      );
      await s.drop();
    }
  }

  out();
  out(`   ${padEnd("backend", 38)} ${pad("runs", 4)} ${pad("URL printed", 12)} ${pad("first answer", 13)} ${pad("RSS", 10)}   individual first answers`);
  for (const r of rows) {
    const urlMs = median(r.runs.map((x) => x.urlMs));
    const answerMs = median(r.runs.map((x) => x.answerMs));
    const rss = r.runs.map((x) => x.rssMiB).filter((x): x is number => x !== null);
    const each = r.runs.map((x) => `${fmt(x.answerMs, 0)}`).join(", ");
    out(
      `   ${padEnd(r.label, 38)} ${pad(r.runs.length, 4)} ${pad(`${fmt(urlMs, 0)} ms`, 12)} ${pad(`${fmt(answerMs, 0)} ms`, 13)} ${pad(
        rss.length ? `${fmt(median(rss), 0)} MiB` : "n/a",
        10,
      )}   ${each} ms`,
    );
  }
  out(`   (runs > 1: medians)`);
  for (const s of skipped) out(`   ${s}`);
  out();
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (unknownSections.length) throw new Error(`unknown --only section(s): ${unknownSections.join(", ")} (known: ${ALL_SECTIONS.join(", ")})`);
  const root = repoRoot();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "callcoach-bench-"));
  onCleanup("remove temp dir", () => fs.rmSync(tmp, { recursive: true, force: true }));

  out(`call-coach benchmarks — ${new Date().toISOString()}`);
  out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM`);
  out(loadLine("start"));
  out();

  if (sections.has("statements") || sections.has("throughput")) {
    const bs = await startBenchServer(tmp);
    out(`backend for sections 1–2: ${bs.backend}`);
    out(
      `data: ${SEED.calls} calls imported (${SEED.repsPerCall} reps + ${SEED.customersPerCall} customers, ${SEED.sentencesPerCall} sentences each), ` +
        `1–2 analyses per call with 5 dimension results each`,
    );
    out();
    if (sections.has("statements")) await statementsSection(bs);
    if (sections.has("throughput")) await throughputSection(bs);
    // Free the CPU and the database before the cold-start children run.
    progress("stopping the bench server…");
    await runCleanupsDownTo(1);
  }
  if (sections.has("coldstart")) await coldStartSection(root, tmp);

  const later = (["webhook", "queue", "backfill", "analysis", "search", "trends", "review", "mcp"] as const).filter((s) => sections.has(s));
  let failures = 0;
  if (later.length) {
    const pg = await findPostgres();
    const ctx: SectionContext = { tmp, out, progress, onCleanup, pgAdminUrl: pg.url, pgSkipReason: pg.reason };
    if (pg.url && later.some((s) => s !== "analysis")) out(`PostgreSQL for sections 4–6, 8 and 9: ${describePgUrl(pg.url).replace(/\/[^/]*$/, "")} (a fresh database per run, dropped afterwards)`);
    out();
    for (const name of later) {
      const mark = cleanups.length;
      try {
        if (name === "webhook") await webhookSection(ctx);
        if (name === "queue") await queueSection(ctx, { jobs: queueJobs });
        if (name === "backfill") await backfillSection(ctx, { calls: backfillCalls });
        if (name === "analysis") await analysisSection(ctx, analysisOpts);
        if (name === "search") await searchSection(ctx, searchOpts);
        if (name === "trends") await trendsSection(ctx, trendsOpts);
        if (name === "review") {
          out("10. Weekly review for 50 reps (catch-up analyses with the fake API, then the reports)");
          await reviewSection(ctx, { latencyMs: intFlag(argv, "review-latency", 300) });
        }
        if (name === "mcp") {
          const backend = argv.find((a) => a.startsWith("--mcp-backend="))?.slice("--mcp-backend=".length) as "postgres" | "pglite" | undefined;
          await mcpSection(ctx, { calls: intFlag(argv, "mcp-calls", 10_000), starts: intFlag(argv, "mcp-starts", 7), runs: intFlag(argv, "mcp-runs", 30), backend });
        }
      } catch (err) {
        failures++;
        out(`   ${name}: could not run: ${(err as Error).message}`);
        out();
        process.stderr.write(`bench ${name}: ${(err as Error).stack ?? err}\n`);
      } finally {
        await runCleanupsDownTo(mark);
      }
      out(loadLine(`end of ${name}`));
      out();
    }
  }
  out(loadLine("end"));
  if (failures) throw new Error(`${failures} section(s) could not run (see above)`);
}

/** Throughput and cold-start figures are only comparable on an otherwise idle machine. */
function loadLine(when: string): string {
  const [one, five, fifteen] = os.loadavg();
  const busy = one > os.cpus().length * 0.5;
  return `load average at ${when}: ${fmt(one, 2)} ${fmt(five, 2)} ${fmt(fifteen, 2)}${
    busy ? ` (machine busy: throughput and cold-start figures are pessimistic)` : ""
  }`;
}

let interrupted = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    interrupted = true;
    progress(`${sig}: cleaning up…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

main()
  .then(async () => {
    await runCleanups();
    if (!interrupted) process.exit(0);
  })
  .catch(async (err) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? err}\n`);
    await runCleanups();
    process.exit(1);
  });
