/**
 * Section 8: `searchCalls` latency (p50/p95) with filters and full text over N generated calls
 * (default 10,000; search-data.ts), through GraphQL over real HTTP (in-process server, workers off),
 * on a fresh PostgreSQL database and on an in-memory PGlite. Each query asks for a page of 20 hits
 * with totalCount, the call (title, date, primary rep) and, with text, the highlighted snippets — what
 * a search screen shows. Each query runs WARMUP times untimed, then `runs` times one after another.
 */
import { startServer, TokenRole, userEmail } from "./src-imports";
import { backendsFor, openBenchApp, type BackendKind } from "./backends";
import { seedSearchData, type SearchSeedSummary } from "./search-data";
import { gqlOk, runSequential, type LoadStats } from "./http";
import { fmt, int, pad, padEnd, type SectionContext } from "./section";

export interface SearchBenchOptions {
  /** Calls on PostgreSQL (--search-calls, default 10000). */
  calls: number;
  /** Calls on PGlite (--search-pglite-calls, default: the same). */
  pgliteCalls: number;
  /** Timed requests per query (--search-runs, default 30). */
  runs: number;
}

const WARMUP = 3;
const PAGE = 20;
const QUERY = /* GraphQL */ `query SearchBench($filter: CallSearchFilter, $first: Int) {
  searchCalls(filter: $filter, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { rank call { id title startedAt callType primaryRep { name } } snippets { text speakerName startMs } } }
  }
}`;

interface BenchQuery {
  name: string;
  filter: Record<string, unknown>;
  /** Run with a MANAGER token instead of the ADMIN one. */
  manager?: boolean;
}

/** The month before the simulator's reference date (2026-11-20), in REVIEW_TZ. */
const LAST_MONTH = { from: "2026-10-01T00:00:00-07:00", to: "2026-11-01T00:00:00-07:00" };

const queries = (repEmail: string): BenchQuery[] => [
  { name: 'text "security review"', filter: { text: "security review" } },
  { name: 'text "Dagster" (rarer)', filter: { text: "Dagster" } },
  { name: 'text "pipelines" (very common)', filter: { text: "pipelines" } },
  { name: "discovery, last month, PRICING objection, score < 70", filter: { callType: "DISCOVERY", ...LAST_MONTH, objectionType: "PRICING", maxScore: 70 } },
  { name: 'customer domain + text "security"', filter: { participantDomain: "kestrel-freight.example", text: "security" } },
  { name: 'rep + 90 days + text "retries"', filter: { repEmail, from: "2026-08-22T00:00:00Z", text: "retries" } },
  { name: "tracker Competitors + HORIZON", filter: { tracker: "Competitors", product: "HORIZON" } },
  { name: "AE, discovery dimension ≥ 80", filter: { role: "AE", dimension: "discovery", minScore: 80 } },
  { name: 'MANAGER token, text "budget"', filter: { text: "budget" }, manager: true },
  { name: "no filter (newest first)", filter: {} },
];

interface QueryRow {
  name: string;
  hits: number;
  stats: LoadStats;
}

interface BackendRun {
  kind: BackendKind;
  backend: string;
  seed: SearchSeedSummary;
  rows: QueryRow[];
}

async function runBackend(ctx: SectionContext, kind: BackendKind, calls: number, runs: number): Promise<BackendRun> {
  const o = await openBenchApp(ctx, kind, "search");
  try {
    const { summary: seed, users } = await seedSearchData(o.app.db.dataSource, calls, ctx.progress);
    ctx.progress(`search (${o.short}): ${int(seed.calls)} calls, ${int(seed.segments)} segments in ${fmt(seed.seconds, 0)} s; starting the server…`);
    const server = await startServer(o.app, { demo: false, workers: false });
    ctx.onCleanup(`close search server (${kind})`, () => server.close());
    try {
      const url = `${server.http.url}/graphql`;
      const manager = users.find((u) => u.role === "MANAGER")!;
      const managerToken = (await o.app.services.tokens.create({ role: TokenRole.MANAGER, repEmail: userEmail(manager) })).token;
      const ae = users.find((u) => u.role === "AE")!;
      const rows: QueryRow[] = [];
      for (const q of queries(userEmail(ae))) {
        const req = { url, query: QUERY, variables: { filter: q.filter, first: PAGE }, token: q.manager ? managerToken : server.adminToken! };
        ctx.progress(`search (${o.short}): ${q.name}…`);
        let hits = 0;
        for (let i = 0; i < WARMUP; i++) hits = (await gqlOk(req)).searchCalls.totalCount;
        rows.push({ name: q.name, hits, stats: await runSequential(req, runs) });
      }
      return { kind, backend: o.backend, seed, rows };
    } finally {
      await server.close();
    }
  } finally {
    await o.close();
  }
}

export async function searchSection(ctx: SectionContext, opts: SearchBenchOptions): Promise<void> {
  const { out } = ctx;
  out(`8. searchCalls: filters and full text over ${int(opts.calls)} generated calls (p50/p95 through GraphQL over HTTP)`);
  out(
    `   page of ${PAGE} hits with totalCount, call fields and (with text) up to 3 snippets each; ADMIN token unless noted; ` +
      `${WARMUP} warm-up + ${opts.runs} sequential requests per query; workers off`,
  );
  if (!ctx.pgAdminUrl) out(`   PostgreSQL: not available (${ctx.pgSkipReason})`);
  const results: BackendRun[] = [];
  for (const kind of backendsFor(ctx)) {
    const calls = kind === "pglite" ? opts.pgliteCalls : opts.calls;
    try {
      results.push(await runBackend(ctx, kind, calls, opts.runs));
    } catch (err) {
      out(`   ${kind}: could not run: ${(err as Error).message}`);
    }
  }
  for (const r of results) {
    const s = r.seed;
    out();
    out(`   ${r.backend}`);
    out(
      `   data: ${int(s.calls)} calls, ${int(s.segments)} segments (${fmt(s.segments / s.calls, 0)} per call), ${int(s.participants)} participants, ` +
        `${int(s.analyses)} analyses, ${int(s.objections)} objections; transcript_segments ${int(s.segmentsMiB)} MiB; loaded in ${fmt(s.seconds, 0)} s`,
    );
    out(`   ${padEnd("query", 52)} ${pad("hits", 7)} ${pad("p50 ms", 8)} ${pad("p95 ms", 8)} ${pad("max ms", 8)}`);
    for (const q of r.rows) {
      out(`   ${padEnd(q.name, 52)} ${pad(int(q.hits), 7)} ${pad(fmt(q.stats.p50), 8)} ${pad(fmt(q.stats.p95), 8)} ${pad(fmt(q.stats.max), 8)}`);
    }
  }
  out();
}
