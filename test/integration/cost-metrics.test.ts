/**
 * The cost ledger's arithmetic on seeded analyses with known answers: totals, means, cache and
 * grounding rates, day and week boundaries in REVIEW_TZ (America/Los_Angeles, after the DST change of
 * 2026-11-01), the month projection, and token scoping.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const QUERY = /* GraphQL */ `
  query($from: DateTime, $to: DateTime) {
    costMetrics(from: $from, to: $to) {
      totalUsd analyses calls meanUsdPerCall apiRequests projectedMonthUsd
      promptCacheHitRate resultCacheHitRate groundingRate
      tokens { input output cacheWrite cacheRead }
      daily { start usd analyses calls }
      weekly { start usd analyses calls }
    }
  }
`;

describe(`cost ledger (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
    const imp = await ts.gql(IMPORT_CALL, {
      input: gongCall({ gongId: "7500000000000000001", reps: [{ name: "Jo Rep", email: "jo@prefect.example" }, { name: "Kim Rep", email: "kim@prefect.example" }] }),
    });
    const callId = imp.data!.importCall.id;
    const ds = ts.tdb.db.dataSource;
    const parts: { id: string; rep_id: string; email: string }[] = await ds.query(
      `SELECT p.id, p.rep_id, r.email FROM call_participants p JOIN reps r ON r.id = p.rep_id WHERE p.call_id = $1`,
      [callId],
    );
    const jo = parts.find((p) => p.email === "jo@prefect.example")!;
    const kim = parts.find((p) => p.email === "kim@prefect.example")!;
    // [participant, completed_at, cost, input, output, cache write, cache read, requests, verified, dropped, results, reused]
    const rows: [typeof jo, string, number, number, number, number, number, number, number, number, number, number][] = [
      [jo, "2026-11-02T10:00:00Z", 0.1, 100, 50, 1000, 4000, 6, 8, 2, 5, 2],
      [kim, "2026-11-03T07:30:00Z", 0.3, 200, 100, 0, 5000, 6, 2, 0, 5, 5], // 23:30 on Nov 2 in Los Angeles
      [jo, "2026-11-10T10:00:00Z", 0.2, 300, 150, 1000, 0, 6, 0, 0, 5, 0],
    ];
    let i = 0;
    for (const [p, at, cost, input, output, write, read, requests, verified, dropped, results, reused] of rows) {
      const [{ id }] = await ds.query(
        `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, model, rubric_role, cache_key, cost_usd, tokens_input, tokens_output,
                               tokens_cache_write, tokens_cache_read, api_requests, quotes_verified, quotes_dropped, created_at, completed_at)
         VALUES ($1, $2, $3, 'COMPLETED', 'CLAUDE', 'claude-sonnet-5-5', 'AE', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
        [callId, p.id, p.rep_id, `seeded-${i++}`, cost, input, output, write, read, requests, verified, dropped, at],
      );
      for (let d = 0; d < results; d++) {
        await ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score, reused) VALUES ($1, $2, 70, $3)`, [id, `dim${d}`, d < reused]);
      }
    }
  });
  afterAll(async () => {
    await ts.close();
  });

  it("adds up the window with known answers", async () => {
    const r = await ts.gql(QUERY, { from: "2026-11-01T00:00:00Z", to: "2026-11-11T00:00:00Z" });
    expect(r.errors).toBeUndefined();
    const m = r.data!.costMetrics;
    expect(m.totalUsd).toBeCloseTo(0.6, 10);
    expect(m).toMatchObject({ analyses: 3, calls: 1, apiRequests: 18, tokens: { input: 600, output: 300, cacheWrite: 2000, cacheRead: 9000 } });
    expect(m.meanUsdPerCall).toBeCloseTo(0.6, 10);
    expect(m.promptCacheHitRate).toBeCloseTo(9000 / (600 + 2000 + 9000), 10);
    expect(m.resultCacheHitRate).toBeCloseTo(7 / 15, 10);
    expect(m.groundingRate).toBeCloseTo(10 / 12, 10);
    // Only Nov 10 falls in the 7 days before `to`: $0.20 a week → 30 days.
    expect(m.projectedMonthUsd).toBeCloseTo((0.2 / 7) * 30, 10);
    // Days and weeks start at midnight in Los Angeles (UTC−8 after Nov 1); Kim's 07:30Z is still Nov 2 there.
    expect(m.daily.map((d: any) => [d.start, d.analyses])).toEqual([
      ["2026-11-02T08:00:00.000Z", 2],
      ["2026-11-10T08:00:00.000Z", 1],
    ]);
    expect(m.daily[0].usd).toBeCloseTo(0.4, 10);
    expect(m.weekly.map((w: any) => [w.start, w.analyses, w.calls])).toEqual([
      ["2026-11-02T08:00:00.000Z", 2, 1],
      ["2026-11-09T08:00:00.000Z", 1, 1],
    ]);
  });

  it("shows a REP the cost of their own analyses only", async () => {
    const jo = await ts.token(TokenRole.REP, "jo@prefect.example");
    const r = await ts.gql(QUERY, { from: "2026-11-01T00:00:00Z", to: "2026-11-11T00:00:00Z" }, jo);
    expect(r.data!.costMetrics.analyses).toBe(2);
    expect(r.data!.costMetrics.totalUsd).toBeCloseTo(0.3, 10);
  });

  it("rejects a window that ends before it starts", async () => {
    const r = await ts.gql(QUERY, { from: "2026-11-11T00:00:00Z", to: "2026-11-01T00:00:00Z" });
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_RANGE" });
  });
});
