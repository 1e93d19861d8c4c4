/**
 * Section 9: `trends` (and one `repInsights`) at 1,000,000 dimension results, p50/p95 through GraphQL
 * over real HTTP (in-process server, workers off), on a fresh PostgreSQL database and on an in-memory
 * PGlite. Data is generated with set-based SQL (generate_series): 130 reps (60 AE, 40 SE, 20 CSM under
 * 10 managers, plus the managers), one analysis per call with the 5 dimensions of the rep's rubric,
 * calls spread over the two years before 2026-11-30, written in batches the way the triggers of
 * migration 0010 see bulk writes (one statement per batch). The queries cover the last year:
 * the AE team and one rep, WEEK and MONTH, one dimension and all dimensions; for comparison the
 * same team query computed from the base tables without the aggregate.
 */
import { performance } from "node:perf_hooks";
import type { DataSource } from "typeorm";
import { startServer } from "./src-imports";
import { backendsFor, openBenchApp, type BackendKind } from "./backends";
import { gqlOk, median, runSequential, type LoadStats } from "./http";
import { fmt, int, pad, padEnd, passFail, type SectionContext } from "./section";

export interface TrendsBenchOptions {
  /** Dimension results on PostgreSQL (--trends-results, default 1,000,000). */
  results: number;
  /** Dimension results on PGlite (--trends-pglite-results, default: the same). */
  pgliteResults: number;
  /** Timed requests per query (--trends-runs, default 50). */
  runs: number;
}

const GOAL_MS = 200;
const WARMUP = 5;
const DIMENSIONS_PER_ANALYSIS = 5;
/** Analyses per INSERT … SELECT batch (×5 results each). */
const BATCH = 20_000;
const RANGE = { from: "2025-12-01", to: "2026-11-30" };

const VARS = `$from: LocalDate!, $to: LocalDate!, $granularity: TrendGranularity, $repIds: [ID!], $teamOf: String, $role: RepRole, $dimension: String`;
const ARGS = `from: $from, to: $to, granularity: $granularity, repIds: $repIds, teamOf: $teamOf, role: $role, dimension: $dimension`;
/** A team chart: the team's series and each rep's totals. */
const TEAM = /* GraphQL */ `query TrendsTeamBench(${VARS}) {
  trends(${ARGS}) {
    team { repCount average count buckets { start startsAt average count } }
    reps { rep { id name } average count }
  }
}`;
/** Every series: the team's and each rep's, bucket by bucket. */
const FULL = /* GraphQL */ `query TrendsFullBench(${VARS}) {
  trends(${ARGS}) {
    team { repCount average count buckets { start startsAt average count } }
    reps { rep { id name } average count buckets { start startsAt average count } }
  }
}`;
const INSIGHTS = /* GraphQL */ `query InsightsBench($repId: ID, $period: PeriodInput) {
  repInsights(repId: $repId, period: $period) {
    analyses average teamAverage
    dimensions { dimension average teamAverage gap priority direction weekly { start average count } }
    metrics { callType calls metrics { metric average status } }
    objections { type count resolutionRate }
  }
}`;

interface Seeded {
  results: number;
  analyses: number;
  aggregateRows: number;
  seconds: number;
  repId: string;
  managerEmail: string;
}

/** Reps, calls, analyses and dimension results with set-based SQL. */
export async function seedTrendsData(ds: DataSource, results: number, progress: (l: string) => void, label: string): Promise<Seeded> {
  const t0 = performance.now();
  const analyses = Math.ceil(results / DIMENSIONS_PER_ANALYSIS);
  await ds.query(`SELECT setseed(0.42)`);
  await ds.query(
    `INSERT INTO reps (email, name, role) SELECT 'manager' || i || '@bench.example', 'Manager ' || lpad(i::text, 2, '0'), 'OTHER' FROM generate_series(1, 10) i`,
  );
  await ds.query(
    `INSERT INTO reps (email, name, role, manager_id)
     SELECT 'rep' || i || '@bench.example', 'Rep ' || lpad(i::text, 3, '0'),
            CASE WHEN i <= 60 THEN 'AE' WHEN i <= 100 THEN 'SE' ELSE 'CSM' END,
            (SELECT id FROM reps WHERE email = 'manager' || (i % 10 + 1) || '@bench.example')
       FROM generate_series(1, 120) i`,
  );
  for (let start = 0; start < analyses; start += BATCH) {
    const n = Math.min(BATCH, analyses - start);
    progress(`trends (${label}): analyses ${int(start)}–${int(start + n)} of ${int(analyses)}…`);
    // One statement per batch: calls (one per analysis: its rep, a random moment of the last two
    // years between 8:00 and 18:00 in Los Angeles, a random call type and product), their analyses,
    // and the five results of each; the triggers aggregate the batch's results once, at its end.
    await ds.query(
      `WITH r AS (SELECT id, role, row_number() OVER (ORDER BY email) - 1 AS k FROM reps WHERE email LIKE 'rep%'),
            c AS (
              INSERT INTO calls (title, started_at, duration_s, call_type, product, source, primary_rep_id, transcript_hash, ingested_at)
              SELECT 'Bench call ' || i,
                     (timestamp '2024-12-01 08:00' + floor(random() * 730) * interval '1 day' + random() * interval '10 hours') AT TIME ZONE 'America/Los_Angeles',
                     1800, (ARRAY['DISCOVERY','DEMO','TECHNICAL_DEEP_DIVE','NEGOTIATION','QBR','ONBOARDING','RENEWAL','OTHER'])[1 + floor(random() * 8)::int],
                     (ARRAY['PREFECT','HORIZON','BOTH','UNKNOWN'])[1 + floor(random() * 4)::int], 'GONG', r.id, md5('bench' || i), now()
                FROM generate_series($1::int, $2::int) i JOIN r ON r.k = i % 120
              RETURNING id, primary_rep_id, started_at),
            a AS (
              INSERT INTO analyses (call_id, rep_id, status, engine, rubric_role, cache_key, created_at, completed_at)
              SELECT c.id, c.primary_rep_id, 'COMPLETED', 'CLAUDE', r.role, 'bench-' || c.id, c.started_at, c.started_at
                FROM c JOIN r ON r.id = c.primary_rep_id
              RETURNING id, rubric_role)
       INSERT INTO dimension_results (analysis_id, dimension, score)
       SELECT a.id, d.dim, 40 + floor(random() * 61)::int
         FROM a CROSS JOIN LATERAL unnest(CASE a.rubric_role
           WHEN 'AE' THEN ARRAY['discovery','objection_handling','value_articulation','relationship','call_control']
           WHEN 'SE' THEN ARRAY['technical_discovery','technical_accuracy','architecture_fit','demo_effectiveness','technical_objections']
           ELSE ARRAY['value_realisation','risk_detection','relationship','expansion','adoption_health'] END) AS d(dim)`,
      [start, start + n - 1],
    );
  }
  await ds.query(`ANALYZE`);
  const [counts]: { results: string; analyses: string; agg: string }[] = await ds.query(
    `SELECT (SELECT count(*) FROM dimension_results) AS results, (SELECT count(*) FROM analyses) AS analyses, (SELECT count(*) FROM dimension_daily) AS agg`,
  );
  const [rep]: { id: string }[] = await ds.query(`SELECT id FROM reps WHERE email = 'rep1@bench.example'`);
  return {
    results: Number(counts.results),
    analyses: Number(counts.analyses),
    aggregateRows: Number(counts.agg),
    seconds: (performance.now() - t0) / 1000,
    repId: rep.id,
    managerEmail: "manager2@bench.example", // reps 1, 11, 21 … 111: six AEs, four SEs, two CSMs
  };
}

interface Row {
  name: string;
  count: number;
  stats: LoadStats;
}

interface BackendRun {
  kind: BackendKind;
  backend: string;
  seed: Seeded;
  rows: Row[];
  /** The AE-team weekly query computed from the base tables (no aggregate), median of 3, ms. */
  baseTableMs: number;
}

/** The AE team's weekly discovery series straight from dimension_results ⋈ analyses ⋈ calls. */
async function baseTableMs(ds: DataSource): Promise<number> {
  const run = async () => {
    const t0 = performance.now();
    await ds.query(
      `SELECT date_trunc('week', (c.started_at AT TIME ZONE 'America/Los_Angeles')::date::timestamp)::date AS bucket, avg(r.score), count(*)
         FROM dimension_results r
         JOIN analyses a ON a.id = r.analysis_id AND a.superseded_by_id IS NULL
         JOIN reps p ON p.id = a.rep_id AND p.role = 'AE'
         JOIN calls c ON c.id = a.call_id
        WHERE r.dimension = 'discovery' AND r.score IS NOT NULL
          AND c.started_at >= timestamptz '2025-12-01 00:00 America/Los_Angeles' AND c.started_at < timestamptz '2026-12-01 00:00 America/Los_Angeles'
        GROUP BY 1`,
    );
    return performance.now() - t0;
  };
  await run();
  return median([await run(), await run(), await run()]);
}

async function runBackend(ctx: SectionContext, kind: BackendKind, results: number, runs: number): Promise<BackendRun> {
  const o = await openBenchApp(ctx, kind, "trends");
  try {
    const s = await seedTrendsData(o.app.db.dataSource, results, ctx.progress, o.short);
    ctx.progress(`trends (${o.short}): ${int(s.results)} results, ${int(s.aggregateRows)} aggregate rows in ${fmt(s.seconds, 0)} s; starting the server…`);
    const server = await startServer(o.app, { demo: false, workers: false });
    ctx.onCleanup(`close trends server (${kind})`, () => server.close());
    try {
      const url = `${server.http.url}/graphql`;
      const token = server.adminToken!;
      const team = (d: any) => d.trends.team.count;
      const cases: { name: string; query: string; variables: Record<string, unknown>; count: (d: any) => number }[] = [
        { name: "team: 60 AEs, discovery, WEEK", query: TEAM, variables: { ...RANGE, role: "AE", dimension: "discovery", granularity: "WEEK" }, count: team },
        { name: "team: 60 AEs, discovery, MONTH", query: TEAM, variables: { ...RANGE, role: "AE", dimension: "discovery", granularity: "MONTH" }, count: team },
        { name: "team: 60 AEs, all dimensions, WEEK", query: TEAM, variables: { ...RANGE, role: "AE", granularity: "WEEK" }, count: team },
        { name: "team: all 130 reps, all dimensions, WEEK", query: TEAM, variables: { ...RANGE, granularity: "WEEK" }, count: team },
        { name: "team: all 130 reps, all dimensions, MONTH", query: TEAM, variables: { ...RANGE, granularity: "MONTH" }, count: team },
        { name: "team of a manager (12 reps), all dims, WEEK", query: TEAM, variables: { ...RANGE, teamOf: s.managerEmail, granularity: "WEEK" }, count: team },
        { name: "60 AEs, every rep's series, discovery, WEEK", query: FULL, variables: { ...RANGE, role: "AE", dimension: "discovery", granularity: "WEEK" }, count: team },
        { name: "one rep, discovery, WEEK", query: FULL, variables: { ...RANGE, repIds: [s.repId], dimension: "discovery", granularity: "WEEK" }, count: team },
        { name: "one rep, discovery, MONTH", query: FULL, variables: { ...RANGE, repIds: [s.repId], dimension: "discovery", granularity: "MONTH" }, count: team },
        { name: "one rep, all dimensions, WEEK", query: FULL, variables: { ...RANGE, repIds: [s.repId], granularity: "WEEK" }, count: team },
        {
          name: "repInsights: one AE, LAST_90_DAYS",
          query: INSIGHTS,
          variables: { repId: s.repId, period: { preset: "LAST_90_DAYS", asOf: RANGE.to } },
          count: (d) => d.repInsights.analyses,
        },
      ];
      const rows: Row[] = [];
      for (const c of cases) {
        ctx.progress(`trends (${o.short}): ${c.name}…`);
        const req = { url, query: c.query, variables: c.variables, token };
        let count = 0;
        for (let i = 0; i < WARMUP; i++) count = c.count(await gqlOk(req));
        rows.push({ name: c.name, count, stats: await runSequential(req, runs) });
      }
      const base = await baseTableMs(o.app.db.dataSource);
      return { kind, backend: o.backend, seed: s, rows, baseTableMs: base };
    } finally {
      await server.close();
    }
  } finally {
    await o.close();
  }
}

export async function trendsSection(ctx: SectionContext, opts: TrendsBenchOptions): Promise<void> {
  const { out } = ctx;
  out(`9. trends at ${int(opts.results)} dimension results (p50/p95 through GraphQL over HTTP; goal p50 < ${GOAL_MS} ms)`);
  out(`   range ${RANGE.from} … ${RANGE.to} (53 weeks / 12 months of two years of data); ADMIN token; ${WARMUP} warm-up + ${opts.runs} sequential requests per query; workers off`);
  if (!ctx.pgAdminUrl) out(`   PostgreSQL: not available (${ctx.pgSkipReason})`);
  const results: BackendRun[] = [];
  for (const kind of backendsFor(ctx)) {
    try {
      results.push(await runBackend(ctx, kind, kind === "pglite" ? opts.pgliteResults : opts.results, opts.runs));
    } catch (err) {
      out(`   ${kind}: could not run: ${(err as Error).message}`);
    }
  }
  for (const r of results) {
    const s = r.seed;
    out();
    out(`   ${r.backend}`);
    out(
      `   data: ${int(s.results)} dimension results, ${int(s.analyses)} analyses/calls, 130 reps; dimension_daily ${int(s.aggregateRows)} rows ` +
        `(${fmt(s.results / Math.max(1, s.aggregateRows), 1)} results per row); generated and aggregated by the triggers in ${fmt(s.seconds, 0)} s`,
    );
    out(`   ${padEnd("query", 46)} ${pad("results", 8)} ${pad("p50 ms", 8)} ${pad("p95 ms", 8)} ${pad("max ms", 8)}  goal`);
    for (const q of r.rows) {
      out(
        `   ${padEnd(q.name, 46)} ${pad(int(q.count), 8)} ${pad(fmt(q.stats.p50), 8)} ${pad(fmt(q.stats.p95), 8)} ${pad(fmt(q.stats.max), 8)}  ${passFail(q.stats.p50 < GOAL_MS)}`,
      );
    }
    out(`   without the aggregate (the first query's SQL over the base tables, median of 3): ${fmt(r.baseTableMs)} ms`);
  }
  out();
}
