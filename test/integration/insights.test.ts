/**
 * repInsights and trends on seeded data with known answers (calls imported through importCall;
 * analyses, dimension results, objections and metrics written with SQL so every number is exact):
 * averages, weekly series, gaps to the same-role team and their priorities, improving and declining
 * dimensions, metrics against call-type targets, objection resolution rates, period boundaries in
 * REVIEW_TZ (23:30 local on the last day is in; a week spanning the November DST change), trends per
 * rep and team with empty buckets, token scoping, and the aggregate staying exact when analyses are
 * superseded, re-scored, moved or deleted and when a call's date or product changes — including
 * through the real analysis engine (heuristic) and re-import.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { waitFor } from "../helpers/wait";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const INSIGHTS = /* GraphQL */ `
  query($repId: ID, $email: String, $period: PeriodInput, $product: Product) {
    repInsights(repId: $repId, email: $email, period: $period, product: $product) {
      rep { email }
      period { preset from to days timeZone startsAt endsAt }
      product rubricRoles analyses average teamAverage
      weekly { start average count }
      dimensions {
        dimension rubricRole average count teamAverage teamCount teamRepCount gap priority slopePerWeek direction
        weekly { start startsAt average count }
      }
      gaps { dimension gap priority }
      improving { dimension slopePerWeek }
      declining { dimension slopePerWeek }
      metrics { callType calls metrics { metric unit average calls status target { min max ideal source } } }
      objections { type count resolved unresolved unclear resolutionRate }
    }
  }
`;

const TRENDS = /* GraphQL */ `
  query($from: LocalDate!, $to: LocalDate!, $granularity: TrendGranularity, $repIds: [ID!], $teamOf: String, $role: RepRole, $dimension: String) {
    trends(from: $from, to: $to, granularity: $granularity, repIds: $repIds, teamOf: $teamOf, role: $role, dimension: $dimension) {
      from to granularity dimension timeZone
      team { repCount average count buckets { start startsAt average count } }
      reps { rep { email } average count buckets { start startsAt average count } }
    }
  }
`;

const NOV = { preset: "CUSTOM", from: "2026-11-01", to: "2026-11-30" };

/** A stable Gong user id per email, so every import finds the same rep. */
const userIdOf = (email: string) => `77${[...email].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1e15, 7).toString().padStart(15, "0")}`;

/** Imports calls and writes analyses with exact numbers. */
class Seeder {
  private n = 0;
  constructor(
    private readonly ts: TestServer,
    private readonly prefix: string,
  ) {}

  private get ds() {
    return this.ts.tdb.db.dataSource;
  }

  /** Imports a call with these reps (email → title) at `started` (ISO); returns its id and participants by email. */
  async call(started: string, reps: [string, string][], opts: { callType?: string; product?: string } = {}) {
    const gongId = `${this.prefix}${String(++this.n).padStart(6, "0")}`;
    const r = await this.ts.gql(IMPORT_CALL, {
      input: {
        ...gongCall({ gongId, started, reps: reps.map(([email, title]) => ({ email, title, name: email.split("@")[0], userId: userIdOf(email) })) }),
        callType: opts.callType ?? "DISCOVERY",
        product: opts.product ?? "PREFECT",
      },
    });
    expect(r.errors).toBeUndefined();
    const callId: string = r.data!.importCall.id;
    const parts: { id: string; rep_id: string; email: string }[] = await this.ds.query(
      `SELECT p.id, p.rep_id, r.email FROM call_participants p JOIN reps r ON r.id = p.rep_id WHERE p.call_id = $1`,
      [callId],
    );
    return { callId, gongId, by: Object.fromEntries(parts.map((p) => [p.email, p])) };
  }

  /** A current analysis of one rep's part with these scores and objections ([type, resolved]). */
  async analysis(
    call: { callId: string; by: Record<string, { id: string; rep_id: string }> },
    email: string,
    role: string,
    scores: Record<string, number | null>,
    objections: [string, string][] = [],
  ): Promise<string> {
    const p = call.by[email];
    const [{ id }] = await this.ds.query(
      `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, completed_at)
       VALUES ($1, $2, $3, 'COMPLETED', 'CLAUDE', $4, $5, now()) RETURNING id`,
      [call.callId, p.id, p.rep_id, role, `seed-${this.prefix}-${++this.n}`],
    );
    for (const [dimension, score] of Object.entries(scores)) {
      await this.ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score) VALUES ($1, $2, $3)`, [id, dimension, score]);
    }
    let seq = 0;
    for (const [type, resolved] of objections) {
      await this.ds.query(`INSERT INTO objections (analysis_id, seq, type, quote, resolved) VALUES ($1, $2, $3, 'quote', $4)`, [id, seq++, type, resolved]);
    }
    return id;
  }

  /** Sets the metrics of the rep's participant row and of our side's row. */
  async metrics(
    call: { callId: string; by: Record<string, { id: string }> },
    email: string,
    m: { side: number; own: number; monologue: number; questions: number; rate: number; patience: number | null; interactivity: number },
  ) {
    await this.ds.query(
      `UPDATE call_metrics SET talk_ratio = $2, longest_monologue_ms = $3, question_count = $4, question_rate = $5, patience_ms = $6, interactivity = $7
        WHERE participant_id = $1`,
      [call.by[email].id, m.own, m.monologue, m.questions, m.rate, m.patience, m.interactivity],
    );
    await this.ds.query(`UPDATE call_metrics SET talk_ratio = $2 WHERE call_id = $1 AND participant_id IS NULL AND side = 'INTERNAL'`, [call.callId, m.side]);
  }
}

/** Rows of dimension_daily and dimension_rollup that differ from a recomputation from the base tables. */
async function aggregateDrift(ts: TestServer): Promise<unknown[]> {
  return ts.tdb.db.dataSource.query(
    `WITH truth AS (
       SELECT a.rep_id, r.dimension, (c.started_at AT TIME ZONE 'America/Los_Angeles')::date AS day, a.rubric_role, c.product,
              sum(r.score)::bigint AS score_sum, count(*)::int AS score_count
         FROM dimension_results r
         JOIN analyses a ON a.id = r.analysis_id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL
         JOIN calls c ON c.id = a.call_id
        WHERE r.score IS NOT NULL GROUP BY 1, 2, 3, 4, 5),
     agg AS (SELECT rep_id, dimension, day, rubric_role, product, score_sum, score_count FROM dimension_daily),
     truth_rollup AS (
       SELECT rep_id, dimension, g, date_trunc(lower(g), day::timestamp)::date AS start, sum(score_sum)::bigint AS score_sum, sum(score_count)::int AS score_count
         FROM truth CROSS JOIN (VALUES ('WEEK'), ('MONTH')) v(g) GROUP BY 1, 2, 3, 4),
     rollup AS (SELECT rep_id, dimension, granularity, start, score_sum, score_count FROM dimension_rollup)
     (SELECT 'day missing' AS kind, m.rep_id, m.dimension, m.day FROM (SELECT * FROM truth EXCEPT SELECT * FROM agg) m)
     UNION ALL
     (SELECT 'day extra', e.rep_id, e.dimension, e.day FROM (SELECT * FROM agg EXCEPT SELECT * FROM truth) e)
     UNION ALL
     (SELECT 'rollup missing', m.rep_id, m.dimension, m.start FROM (SELECT * FROM truth_rollup EXCEPT SELECT * FROM rollup) m)
     UNION ALL
     (SELECT 'rollup extra', e.rep_id, e.dimension, e.start FROM (SELECT * FROM rollup EXCEPT SELECT * FROM truth_rollup) e)`,
  );
}

describe(`rep insights and trends (${backend})`, () => {
  let ts: TestServer;
  let ids: Record<string, string>;
  const JO = "jo@prefect.example";
  const KIM = "kim@prefect.example";
  const LEE = "lee@prefect.example";
  const SAM = "sam@prefect.example";
  const DEE = "dee@prefect.example";
  const MIA = "mia@prefect.example";
  const AE = "Account Executive";

  beforeAll(async () => {
    ts = await startTestServer();
    const s = new Seeder(ts, "81");
    const ds = ts.tdb.db.dataSource;
    // Jo's five weeks of November (PST after Nov 1): discovery climbs 10 a week, objection handling falls.
    const j1 = await s.call("2026-11-03T10:00:00-08:00", [[JO, AE]]);
    const j2 = await s.call("2026-11-10T10:00:00-08:00", [[JO, AE]]);
    const j3 = await s.call("2026-11-17T10:00:00-08:00", [[JO, AE]], { callType: "DEMO" });
    const j4 = await s.call("2026-11-24T10:00:00-08:00", [[JO, AE]], { callType: "DEMO" });
    const j5 = await s.call("2026-11-30T23:30:00-08:00", [[JO, AE]], { product: "HORIZON" }); // 23:30 on the last day
    const j6 = await s.call("2026-12-01T00:30:00-08:00", [[JO, AE]]); // 00:30 the day after
    const old = await s.analysis(j2, JO, "AE", { discovery: 10, objection_handling: 10 }, [["PRICING", "NO"]]);
    await s.analysis(j1, JO, "AE", { discovery: 50, objection_handling: 80 }, [["PRICING", "YES"], ["PRICING", "NO"]]);
    const current = await s.analysis(j2, JO, "AE", { discovery: 60, objection_handling: 80 }, [["PRICING", "YES"], ["TIMING", "UNCLEAR"]]);
    await ds.query(`UPDATE analyses SET superseded_by_id = $2 WHERE id = $1`, [old, current]);
    await s.analysis(j3, JO, "AE", { discovery: 70, objection_handling: 70 }, [["COMPETITION", "YES"]]);
    await s.analysis(j4, JO, "AE", { discovery: 80, objection_handling: 60, next_steps: null });
    await s.analysis(j5, JO, "AE", { discovery: 90, objection_handling: 50 });
    await s.analysis(j6, JO, "AE", { discovery: 0, objection_handling: 0 }, [["PRICING", "NO"]]);
    // Discovery: side talk 0.30/0.40/0.35, questions 10/12/14, monologues 60/150/90 s, patience 0.4/0.6/0.5 s.
    await s.metrics(j1, JO, { side: 0.3, own: 0.25, monologue: 60_000, questions: 10, rate: 0.5, patience: 400, interactivity: 5 });
    await s.metrics(j2, JO, { side: 0.4, own: 0.35, monologue: 150_000, questions: 12, rate: 0.6, patience: 600, interactivity: 6 });
    await s.metrics(j5, JO, { side: 0.35, own: 0.3, monologue: 90_000, questions: 14, rate: 0.7, patience: 500, interactivity: 7 });
    // Demo: side talk 0.70/0.60, monologues 200/180 s, one call without patience.
    await s.metrics(j3, JO, { side: 0.7, own: 0.6, monologue: 200_000, questions: 3, rate: 0.1, patience: 1000, interactivity: 4 });
    await s.metrics(j4, JO, { side: 0.6, own: 0.5, monologue: 180_000, questions: 5, rate: 0.2, patience: null, interactivity: 2 });

    // The rest of the AE team, an SE (another rubric), a CSM across the DST week, and a rep-less analysis.
    const k1 = await s.call("2026-11-05T10:00:00-08:00", [[KIM, AE], [SAM, "Solutions Engineer"]]);
    const k2 = await s.call("2026-11-12T10:00:00-08:00", [[KIM, AE]]);
    const l1 = await s.call("2026-11-06T10:00:00-08:00", [[LEE, AE]]);
    await s.analysis(k1, KIM, "AE", { discovery: 90, objection_handling: 95 });
    await s.analysis(k1, SAM, "SE", { technical_accuracy: 75 });
    await s.analysis(k2, KIM, "AE", { discovery: 90, objection_handling: 95 });
    await s.analysis(l1, LEE, "AE", { discovery: 80, objection_handling: 94 });
    const dee = [
      ["2026-10-26T06:30:00Z", 40], // Sun 25 Oct 23:30 PDT → week of Oct 19
      ["2026-10-26T07:30:00Z", 60], // Mon 26 Oct 00:30 PDT → week of Oct 26
      ["2026-11-02T07:30:00Z", 80], // Sun 1 Nov 23:30 PST → still the week of Oct 26
      ["2026-11-02T08:30:00Z", 100], // Mon 2 Nov 00:30 PST → week of Nov 2
    ] as const;
    for (const [at, score] of dee) {
      const c = await s.call(at, [[DEE, "Customer Success Manager"]], { callType: "QBR" });
      await s.analysis(c, DEE, "CSM", { value_realisation: score });
    }
    await ds.query(`INSERT INTO analyses (call_id, rep_id, status, rubric_role, cache_key) VALUES ($1, NULL, 'COMPLETED', 'AE', 'no-rep')`, [l1.callId]);
    await ds.query(
      `INSERT INTO dimension_results (analysis_id, dimension, score) SELECT id, 'discovery', 0 FROM analyses WHERE cache_key = 'no-rep'`,
    );

    // Mia manages Jo and Kim.
    const [{ id: mia }] = await ds.query(`INSERT INTO reps (email, name, role) VALUES ($1, 'mia', 'OTHER') RETURNING id`, [MIA]);
    await ds.query(`UPDATE reps SET manager_id = $1 WHERE email IN ($2, $3)`, [mia, JO, KIM]);
    const reps: { id: string; email: string }[] = await ds.query(`SELECT id, email FROM reps`);
    ids = Object.fromEntries(reps.map((r) => [r.email, r.id]));
  });
  afterAll(async () => {
    await ts.close();
  });

  const insights = async (vars: Record<string, unknown>, token?: string) => {
    const r = await ts.gql(INSIGHTS, vars, token);
    expect(r.errors).toBeUndefined();
    return r.data!.repInsights;
  };

  it("keeps the aggregate equal to a recomputation from the base tables", async () => {
    expect(await aggregateDrift(ts)).toEqual([]);
  });

  it("averages each dimension over current analyses, against the same-role team", async () => {
    const r = await insights({ email: JO, period: NOV });
    expect(r.period).toEqual({
      preset: "CUSTOM",
      from: "2026-11-01",
      to: "2026-11-30",
      days: 30,
      timeZone: "America/Los_Angeles",
      startsAt: "2026-11-01T07:00:00.000Z",
      endsAt: "2026-12-01T08:00:00.000Z",
    });
    // The superseded analysis (10/10) and the Dec 1 call (0/0) do not count; the 23:30 call on Nov 30 does.
    expect(r).toMatchObject({ rubricRoles: ["AE"], analyses: 5, product: null });
    expect(r.average).toBeCloseTo(690 / 10, 10);
    // AE team: Jo, Kim and Lee (the SE, the CSM and the rep-less analysis are not in it).
    expect(r.teamAverage).toBeCloseTo((690 + 370 + 174) / 16, 10);
    const [disc, oh] = r.dimensions;
    expect(disc).toMatchObject({ dimension: "discovery", rubricRole: "AE", average: 70, count: 5, teamCount: 8, teamRepCount: 3, priority: "MEDIUM" });
    expect(disc.teamAverage).toBeCloseTo(610 / 8, 10);
    expect(disc.gap).toBeCloseTo(70 - 76.25, 10);
    expect(oh).toMatchObject({ dimension: "objection_handling", average: 68, count: 5, teamAverage: 78, teamCount: 8, gap: -10, priority: "HIGH" });
    // A failed dimension (score null) is no dimension at all.
    expect(r.dimensions.map((d: any) => d.dimension)).toEqual(["discovery", "objection_handling"]);
    expect(r.gaps).toEqual([
      { dimension: "objection_handling", gap: -10, priority: "HIGH" },
      { dimension: "discovery", gap: expect.closeTo(-6.25, 10), priority: "MEDIUM" },
    ]);
  });

  it("builds weekly series by call date and finds improving and declining dimensions", async () => {
    const r = await insights({ email: JO, period: NOV });
    const [disc, oh] = r.dimensions;
    // Nov 1 is a Sunday: the first week starts Monday Oct 26 (PDT midnight) and is empty.
    expect(disc.weekly).toEqual([
      { start: "2026-10-26", startsAt: "2026-10-26T07:00:00.000Z", average: null, count: 0 },
      { start: "2026-11-02", startsAt: "2026-11-02T08:00:00.000Z", average: 50, count: 1 },
      { start: "2026-11-09", startsAt: "2026-11-09T08:00:00.000Z", average: 60, count: 1 },
      { start: "2026-11-16", startsAt: "2026-11-16T08:00:00.000Z", average: 70, count: 1 },
      { start: "2026-11-23", startsAt: "2026-11-23T08:00:00.000Z", average: 80, count: 1 },
      { start: "2026-11-30", startsAt: "2026-11-30T08:00:00.000Z", average: 90, count: 1 },
    ]);
    expect(oh.weekly.map((w: any) => w.average)).toEqual([null, 80, 80, 70, 60, 50]);
    expect(r.weekly.map((w: any) => [w.average, w.count])).toEqual([[null, 0], [65, 2], [70, 2], [70, 2], [70, 2], [70, 2]]);
    expect(disc).toMatchObject({ direction: "IMPROVING", slopePerWeek: expect.closeTo(10, 10) });
    expect(oh).toMatchObject({ direction: "DECLINING", slopePerWeek: expect.closeTo(-8, 10) });
    expect(r.improving).toEqual([{ dimension: "discovery", slopePerWeek: expect.closeTo(10, 10) }]);
    expect(r.declining).toEqual([{ dimension: "objection_handling", slopePerWeek: expect.closeTo(-8, 10) }]);
  });

  it("compares interaction metrics with the targets of each call type", async () => {
    const r = await insights({ email: JO, period: NOV });
    expect(r.metrics.map((m: any) => [m.callType, m.calls])).toEqual([["DISCOVERY", 3], ["DEMO", 2]]);
    const get = (type: string, metric: string) => r.metrics.find((m: any) => m.callType === type).metrics.find((x: any) => x.metric === metric);
    expect(get("DISCOVERY", "TALK_RATIO")).toMatchObject({ average: expect.closeTo(0.35, 10), calls: 3, status: "ON_TARGET", target: { min: 0.23, max: 0.37, ideal: 0.3 } });
    expect(get("DISCOVERY", "OWN_TALK_RATIO")).toMatchObject({ average: expect.closeTo(0.3, 10), status: "NO_TARGET", target: null });
    expect(get("DISCOVERY", "QUESTIONS")).toMatchObject({ average: 12, status: "ON_TARGET", target: { min: 11, max: 14 } });
    expect(get("DISCOVERY", "LONGEST_MONOLOGUE")).toMatchObject({ average: 100_000, unit: "ms", status: "ON_TARGET", target: { max: 120_000 } });
    expect(get("DISCOVERY", "PATIENCE")).toMatchObject({ average: 500, status: "BELOW" });
    expect(get("DISCOVERY", "INTERACTIVITY")).toMatchObject({ average: 6, status: "NO_TARGET" });
    expect(get("DISCOVERY", "QUESTION_RATE").average).toBeCloseTo(0.6, 10);
    expect(get("DEMO", "TALK_RATIO")).toMatchObject({ average: expect.closeTo(0.65, 10), status: "ABOVE", target: { ideal: 0.5 } });
    expect(get("DEMO", "LONGEST_MONOLOGUE")).toMatchObject({ average: 190_000, status: "ABOVE" });
    expect(get("DEMO", "QUESTIONS")).toMatchObject({ average: 4, status: "NO_TARGET", target: null });
    expect(get("DEMO", "PATIENCE")).toMatchObject({ average: 1000, calls: 1, status: "ON_TARGET" });
    expect(get("DEMO", "TALK_RATIO").target.source).toMatch(/demo ≈ 50\/50/);
  });

  it("counts objections by type with their resolution rate", async () => {
    const r = await insights({ email: JO, period: NOV });
    expect(r.objections).toEqual([
      { type: "PRICING", count: 3, resolved: 2, unresolved: 1, unclear: 0, resolutionRate: expect.closeTo(2 / 3, 10) },
      { type: "COMPETITION", count: 1, resolved: 1, unresolved: 0, unclear: 0, resolutionRate: 1 },
      { type: "TIMING", count: 1, resolved: 0, unresolved: 0, unclear: 1, resolutionRate: 0 },
    ]);
  });

  it("keys presets to call dates in REVIEW_TZ, at their boundaries", async () => {
    const week = await insights({ email: JO, period: { preset: "LAST_7_DAYS", asOf: "2026-11-30" } });
    expect(week.period).toMatchObject({ from: "2026-11-24", to: "2026-11-30", days: 7, endsAt: "2026-12-01T08:00:00.000Z" });
    expect(week.analyses).toBe(2); // Nov 24 and Nov 30 23:30 PST
    expect(week.dimensions[0]).toMatchObject({ average: 85, count: 2, direction: "INSUFFICIENT_DATA", slopePerWeek: null });
    const shorter = await insights({ email: JO, period: { preset: "CUSTOM", from: "2026-11-01", to: "2026-11-29" } });
    expect(shorter.analyses).toBe(4);
    const dec = await insights({ email: JO, period: { preset: "CUSTOM", from: "2026-12-01", to: "2026-12-01" } });
    expect(dec).toMatchObject({ analyses: 1, average: 0 });
    const quarter = await insights({ email: JO, period: { preset: "LAST_QUARTER", asOf: "2027-01-15" } });
    expect(quarter.period).toMatchObject({ preset: "LAST_QUARTER", from: "2026-10-01", to: "2026-12-31", days: 92 });
    expect(quarter.analyses).toBe(6);
    const empty = await insights({ email: JO, period: { preset: "CUSTOM", from: "2026-01-01", to: "2026-01-31" } });
    expect(empty).toMatchObject({ analyses: 0, average: null, dimensions: [], gaps: [], metrics: [], objections: [] });
    expect(empty.weekly.every((w: any) => w.count === 0)).toBe(true);
  });

  it("filters by product, for the rep and the team", async () => {
    const r = await insights({ email: JO, period: NOV, product: "HORIZON" });
    expect(r).toMatchObject({ product: "HORIZON", analyses: 1, average: 70 });
    expect(r.dimensions[0]).toMatchObject({ dimension: "discovery", average: 90, teamAverage: 90, teamRepCount: 1, gap: 0, priority: "LOW" });
    expect(r.metrics).toEqual([expect.objectContaining({ callType: "DISCOVERY", calls: 1 })]);
  });

  it("buckets a week across the November DST change by local date", async () => {
    const weekly = await ts.gql(TRENDS, { repIds: [ids[DEE]], from: "2026-10-19", to: "2026-11-08", granularity: "WEEK" });
    expect(weekly.errors).toBeUndefined();
    expect(weekly.data!.trends.reps[0].buckets).toEqual([
      { start: "2026-10-19", startsAt: "2026-10-19T07:00:00.000Z", average: 40, count: 1 },
      { start: "2026-10-26", startsAt: "2026-10-26T07:00:00.000Z", average: 70, count: 2 },
      { start: "2026-11-02", startsAt: "2026-11-02T08:00:00.000Z", average: 100, count: 1 },
    ]);
    const monthly = await ts.gql(TRENDS, { repIds: [ids[DEE]], from: "2026-10-01", to: "2026-11-30", granularity: "MONTH" });
    expect(monthly.data!.trends.reps[0].buckets).toEqual([
      { start: "2026-10-01", startsAt: "2026-10-01T07:00:00.000Z", average: 50, count: 2 },
      { start: "2026-11-01", startsAt: "2026-11-01T07:00:00.000Z", average: 90, count: 2 },
    ]);
    // Ranges that cut buckets: only the days inside the range count (whole buckets and partial ends agree).
    const shape = async (from: string, to: string, granularity: string) => {
      const r = await ts.gql(TRENDS, { repIds: [ids[DEE]], from, to, granularity });
      expect(r.errors).toBeUndefined();
      return r.data!.trends.reps[0].buckets.map((b: any) => [b.start, b.average, b.count]);
    };
    expect(await shape("2026-10-25", "2026-11-01", "WEEK")).toEqual([["2026-10-19", 40, 1], ["2026-10-26", 70, 2]]);
    expect(await shape("2026-10-26", "2026-10-31", "WEEK")).toEqual([["2026-10-26", 60, 1]]);
    expect(await shape("2026-10-26", "2026-11-01", "MONTH")).toEqual([["2026-10-01", 60, 1], ["2026-11-01", 80, 1]]);
    expect(await shape("2026-11-02", "2026-11-02", "WEEK")).toEqual([["2026-11-02", 100, 1]]);
  });

  it("gives trends per rep and for the team, with empty buckets counted 0", async () => {
    const r = await ts.gql(TRENDS, { teamOf: MIA, dimension: "discovery", from: "2026-11-01", to: "2026-11-15" });
    expect(r.errors).toBeUndefined();
    const t = r.data!.trends;
    expect(t).toMatchObject({ from: "2026-11-01", to: "2026-11-15", granularity: "WEEK", dimension: "discovery", timeZone: "America/Los_Angeles" });
    expect(t.reps.map((x: any) => x.rep.email)).toEqual([JO, KIM]);
    const shape = (b: any[]) => b.map((x) => [x.start, x.average, x.count]);
    expect(shape(t.reps[0].buckets)).toEqual([["2026-10-26", null, 0], ["2026-11-02", 50, 1], ["2026-11-09", 60, 1]]);
    expect(shape(t.reps[1].buckets)).toEqual([["2026-10-26", null, 0], ["2026-11-02", 90, 1], ["2026-11-09", 90, 1]]);
    expect(t.team).toMatchObject({ repCount: 2, average: 72.5, count: 4 });
    expect(shape(t.team.buckets)).toEqual([["2026-10-26", null, 0], ["2026-11-02", 70, 2], ["2026-11-09", 75, 2]]);

    const role = await ts.gql(TRENDS, { role: "AE", from: "2026-11-01", to: "2026-11-30", granularity: "MONTH", dimension: "discovery" });
    expect(role.data!.trends.reps.map((x: any) => [x.rep.email, x.average, x.count])).toEqual([[JO, 70, 5], [KIM, 90, 2], [LEE, 80, 1]]);
    expect(role.data!.trends.team).toMatchObject({ repCount: 3, average: 76.25, count: 8 });
    // Without a dimension: every dimension's scores together.
    const all = await ts.gql(TRENDS, { repIds: [ids[JO]], from: "2026-11-01", to: "2026-11-30", granularity: "MONTH" });
    expect(all.data!.trends.reps[0]).toMatchObject({ average: 69, count: 10 });
  });

  it("rejects bad selections and ranges", async () => {
    const both = await ts.gql(TRENDS, { repIds: [ids[JO]], role: "AE", from: "2026-11-01", to: "2026-11-30" });
    expect(both.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "TRENDS_SELECTION" });
    const backwards = await ts.gql(TRENDS, { from: "2026-11-30", to: "2026-11-01" });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_RANGE" });
    const long = await ts.gql(TRENDS, { from: "2016-01-01", to: "2026-11-01", granularity: "WEEK" });
    expect(long.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "RANGE_TOO_LONG" });
    const custom = await ts.gql(INSIGHTS, { email: JO, period: { preset: "CUSTOM", from: "2026-11-01" } });
    expect(custom.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_PERIOD" });
    const neither = await ts.gql(INSIGHTS, { period: NOV });
    expect(neither.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "REP_LOOKUP_INPUT" });
    const badDate = await ts.gql(TRENDS, { from: "2026-02-30", to: "2026-03-01" });
    expect(badDate.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  describe("scoping", () => {
    it("shows a REP their own insights only, with the team as aggregates", async () => {
      const jo = await ts.token(TokenRole.REP, JO);
      const mine = await insights({ email: JO, period: NOV }, jo);
      expect(mine.dimensions[1]).toMatchObject({ teamAverage: 78, teamRepCount: 3 });
      for (const vars of [{ email: KIM }, { repId: ids[KIM] }, { email: "nobody@prefect.example" }]) {
        const r = await ts.gql(INSIGHTS, { ...vars, period: NOV }, jo);
        expect(r.data).toBeNull();
        expect(r.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "REP_NOT_FOUND" });
      }
      const other = await ts.gql(TRENDS, { repIds: [ids[KIM]], from: "2026-11-01", to: "2026-11-30" }, jo);
      expect(other.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "REP_NOT_FOUND" });
      const team = await ts.gql(TRENDS, { teamOf: MIA, from: "2026-11-01", to: "2026-11-30" }, jo);
      expect(team.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "REP_NOT_FOUND" });
      // A role or no selection is narrowed to what the token may see.
      const role = await ts.gql(TRENDS, { role: "AE", from: "2026-11-01", to: "2026-11-30", granularity: "MONTH" }, jo);
      expect(role.data!.trends.reps.map((x: any) => x.rep.email)).toEqual([JO]);
      expect(role.data!.trends.team).toMatchObject({ repCount: 1, average: 69, count: 10 });
    });

    it("shows a MANAGER their direct reports and nobody else", async () => {
      const mia = await ts.token(TokenRole.MANAGER, MIA);
      const kim = await insights({ email: KIM, period: NOV }, mia);
      expect(kim).toMatchObject({ analyses: 2, average: 92.5 });
      const lee = await ts.gql(INSIGHTS, { email: LEE, period: NOV }, mia);
      expect(lee.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "REP_NOT_FOUND" });
      const team = await ts.gql(TRENDS, { teamOf: MIA, from: "2026-11-01", to: "2026-11-30", granularity: "MONTH", dimension: "discovery" }, mia);
      expect(team.data!.trends.reps.map((x: any) => x.rep.email)).toEqual([JO, KIM]);
      expect(team.data!.trends.team).toMatchObject({ repCount: 2, count: 7 });
      const everyone = await ts.gql(TRENDS, { from: "2026-11-01", to: "2026-11-30", granularity: "MONTH" }, mia);
      expect(everyone.data!.trends.reps.map((x: any) => x.rep.email)).toEqual([JO, KIM, MIA]);
      const outside = await ts.gql(TRENDS, { repIds: [ids[JO], ids[LEE]], from: "2026-11-01", to: "2026-11-30" }, mia);
      expect(outside.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "REP_NOT_FOUND" });
    });
  });
});

describe(`the insights aggregate stays exact (${backend})`, () => {
  let ts: TestServer;
  let s: Seeder;
  const ANN = "ann@prefect.example";
  const BOB = "bob@prefect.example";
  const AE = "Account Executive";
  let annId: string;

  beforeAll(async () => {
    ts = await startTestServer();
    s = new Seeder(ts, "82");
  });
  afterAll(async () => {
    await ts.close();
  });

  const ds = () => ts.tdb.db.dataSource;
  /** Ann's discovery buckets for November, as [start, average, count] of non-empty weeks. */
  const annWeeks = async (product?: string) => {
    if (product) {
      const r = await ts.gql(INSIGHTS, { email: ANN, period: NOV, product });
      expect(r.errors).toBeUndefined();
      return (r.data!.repInsights.dimensions[0]?.weekly ?? []).filter((b: any) => b.count).map((b: any) => [b.start, b.average, b.count]);
    }
    const r = await ts.gql(TRENDS, { repIds: [annId], from: "2026-11-01", to: "2026-11-30", dimension: "discovery" });
    expect(r.errors).toBeUndefined();
    return r.data!.trends.reps[0].buckets.filter((b: any) => b.count).map((b: any) => [b.start, b.average, b.count]);
  };
  const consistent = async () => expect(await aggregateDrift(ts)).toEqual([]);

  it("follows supersession, re-scoring, moves and deletions", async () => {
    const c1 = await s.call("2026-11-10T10:00:00-08:00", [[ANN, AE], [BOB, AE]]);
    annId = c1.by[ANN].rep_id;
    const a1 = await s.analysis(c1, ANN, "AE", { discovery: 40 });
    expect(await annWeeks()).toEqual([["2026-11-09", 40, 1]]);

    // A forced re-analysis, written the way the engine writes it: new analysis, supersede, then results.
    const [{ id: a2 }] = await ds().query(
      `INSERT INTO analyses (call_id, participant_id, rep_id, status, rubric_role, cache_key) VALUES ($1, $2, $3, 'QUEUED', 'AE', 'a2') RETURNING id`,
      [c1.callId, c1.by[ANN].id, annId],
    );
    await ds().query(`UPDATE analyses SET superseded_by_id = $1 WHERE id = ANY($2::uuid[])`, [a2, [a1]]);
    expect(await annWeeks()).toEqual([]);
    const store = (score: number | null) =>
      ds().query(
        `INSERT INTO dimension_results (analysis_id, dimension, score) VALUES ($1, 'discovery', $2)
         ON CONFLICT (analysis_id, dimension) DO UPDATE SET score = EXCLUDED.score`,
        [a2, score],
      );
    await store(80);
    expect(await annWeeks()).toEqual([["2026-11-09", 80, 1]]);
    await store(90); // re-stored
    expect(await annWeeks()).toEqual([["2026-11-09", 90, 1]]);
    await store(null); // the dimension failed
    expect(await annWeeks()).toEqual([]);
    await store(70);
    await consistent();

    // Un-superseding (an admin restoring the old analysis) brings it back.
    await ds().query(`UPDATE analyses SET superseded_by_id = NULL WHERE id = $1`, [a1]);
    expect(await annWeeks()).toEqual([["2026-11-09", 55, 2]]);
    await ds().query(`UPDATE analyses SET superseded_by_id = $1 WHERE id = $2`, [a2, a1]);
    expect(await annWeeks()).toEqual([["2026-11-09", 70, 1]]);

    // The call moves to another week, then to another product.
    await ds().query(`UPDATE calls SET started_at = '2026-11-17T18:00:00Z' WHERE id = $1`, [c1.callId]);
    expect(await annWeeks()).toEqual([["2026-11-16", 70, 1]]);
    await ds().query(`UPDATE calls SET product = 'HORIZON' WHERE id = $1`, [c1.callId]);
    expect(await annWeeks("HORIZON")).toEqual([["2026-11-16", 70, 1]]);
    expect(await annWeeks("PREFECT")).toEqual([]);
    await consistent();

    // The analysis is reassigned to Bob, then back; then deleted.
    await ds().query(`UPDATE analyses SET rep_id = $2 WHERE id = $1`, [a2, c1.by[BOB].rep_id]);
    expect(await annWeeks()).toEqual([]);
    await consistent();
    await ds().query(`UPDATE analyses SET rep_id = $2 WHERE id = $1`, [a2, annId]);
    await ds().query(`DELETE FROM dimension_results WHERE analysis_id = $1`, [a2]);
    expect(await annWeeks()).toEqual([]);
    await store(65);
    await ds().query(`DELETE FROM analyses WHERE id = $1`, [a2]);
    expect(await annWeeks()).toEqual([]);
    await consistent();

    // Deleting a call removes everything scored on it; deleting a rep removes their scores.
    const c2 = await s.call("2026-11-03T10:00:00-08:00", [[ANN, AE], [BOB, AE]]);
    await s.analysis(c2, ANN, "AE", { discovery: 30, next_steps: 50 });
    await s.analysis(c2, BOB, "AE", { discovery: 60 });
    expect(await annWeeks()).toEqual([["2026-11-02", 30, 1]]);
    await ds().query(`DELETE FROM calls WHERE id = $1`, [c2.callId]);
    expect(await annWeeks()).toEqual([]);
    await consistent();
    const c3 = await s.call("2026-11-04T10:00:00-08:00", [[BOB, AE]]);
    await s.analysis(c3, BOB, "AE", { discovery: 60 });
    await ds().query(`DELETE FROM reps WHERE email = $1`, [BOB]);
    await consistent();
    expect(await ds().query(`SELECT (SELECT count(*) FROM dimension_daily)::int AS days, (SELECT count(*) FROM dimension_rollup)::int AS rollups`)).toEqual([
      { days: 0, rollups: 0 },
    ]);
  });

  it("moves scores when a re-import changes the call's date", async () => {
    const c = await s.call("2026-11-11T10:00:00-08:00", [[ANN, AE]]);
    await s.analysis(c, ANN, "AE", { discovery: 77 });
    expect(await annWeeks()).toEqual([["2026-11-09", 77, 1]]);
    const r = await ts.gql(IMPORT_CALL, {
      input: { ...gongCall({ gongId: c.gongId, started: "2026-11-26T10:00:00-08:00", reps: [{ name: "ann", email: ANN, title: AE, userId: userIdOf(ANN) }] }), callType: "DISCOVERY", product: "PREFECT" },
    });
    expect(r.errors).toBeUndefined();
    expect(await annWeeks()).toEqual([["2026-11-23", 77, 1]]);
    await consistent();
  });

  it("follows the analysis engine, including a forced re-analysis", async () => {
    const c = await s.call("2026-11-19T09:00:00-08:00", [[ANN, AE]]);
    const ANALYZE = `mutation($callId: ID!, $force: Boolean) { analyzeCall(callId: $callId, force: $force) { id } }`;
    const run = async (force: boolean) => {
      const r = await ts.gql(ANALYZE, { callId: c.callId, force });
      expect(r.errors).toBeUndefined();
      const id = r.data!.analyzeCall[0].id;
      await waitFor(`analysis ${id}`, async () => {
        const [a] = await ds().query(`SELECT status FROM analyses WHERE id = $1`, [id]);
        return a && !["QUEUED", "RUNNING"].includes(a.status);
      });
      return id;
    };
    const first = await run(false);
    await consistent();
    const scored: { n: number }[] = await ds().query(`SELECT count(*)::int AS n FROM dimension_results WHERE analysis_id = $1 AND score IS NOT NULL`, [first]);
    expect(scored[0].n).toBeGreaterThan(0);
    const r = await ts.gql(TRENDS, { repIds: [annId], from: "2026-11-16", to: "2026-11-22" });
    expect(r.data!.trends.reps[0].count).toBe(scored[0].n);
    await run(true);
    await consistent();
    const again = await ts.gql(TRENDS, { repIds: [annId], from: "2026-11-16", to: "2026-11-22" });
    expect(again.data!.trends.reps[0].count).toBe(scored[0].n); // the superseded run no longer counts
  });

  it("re-keys the aggregate when REVIEW_TZ changes", async () => {
    const utc = await startTestServer({ env: { REVIEW_TZ: "UTC" } });
    try {
      const x = new Seeder(utc, "83");
      const c = await x.call("2026-11-30T23:30:00-08:00", [["zed@prefect.example", AE]]); // Dec 1 07:30 UTC
      await x.analysis(c, "zed@prefect.example", "AE", { discovery: 88 });
      const r = await utc.gql(INSIGHTS, { email: "zed@prefect.example", period: { preset: "CUSTOM", from: "2026-12-01", to: "2026-12-01" } });
      expect(r.errors).toBeUndefined();
      expect(r.data!.repInsights).toMatchObject({ analyses: 1, average: 88, period: { timeZone: "UTC", startsAt: "2026-12-01T00:00:00.000Z" } });
      expect(await utc.tdb.db.dataSource.query(`SELECT day::text AS day, time_zone FROM dimension_daily, insight_settings`)).toEqual([
        { day: "2026-12-01", time_zone: "UTC" },
      ]);
    } finally {
      await utc.close();
    }
  });
});
