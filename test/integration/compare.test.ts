/**
 * compareCalls on seeded analyses with known answers: scores and deltas from the first call,
 * strengths and improvements only one call shows, metrics side by side, key moments matched by
 * theme; scoping and bad input.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { matchMoments } from "../../src/modules/compare/compare.service";

const COMPARE = /* GraphQL */ `
  query($ids: [ID!]!, $repEmail: String, $dimensions: [String!]) {
    compareCalls(ids: $ids, repEmail: $repEmail, dimensions: $dimensions) {
      calls { gongId } overallScores repId
      analyses { id }
      dimensions { dimension scores deltas distinctStrengths distinctImprovements }
      metrics { metric values }
      matchedMoments { theme moments { callIndex atMs text } }
    }
  }
`;

describe(`compareCalls (${backend})`, () => {
  let ts: TestServer;
  const gongIds = ["7600000000000000001", "7600000000000000002", "7600000000000000003"];
  beforeAll(async () => {
    ts = await startTestServer();
    const ds = ts.tdb.db.dataSource;
    const seeds = [
      { overall: 60, disc: 55, obj: 70, strengths: ["Asked about the current scheduler.", "Summarised the pain."], improvements: ["Ask about budget."], moments: [{ atMs: 60_000, text: "Customer raised the pricing of Horizon seats" }, { atMs: 300_000, text: "Agreed next step: technical workshop Tuesday" }], talk: 0.62 },
      { overall: 72, disc: 75, obj: 68, strengths: ["Asked about the current scheduler."], improvements: ["Ask about budget.", "Confirm the decision process."], moments: [{ atMs: 90_000, text: "Pricing of Horizon seats came up again" }, { atMs: 200_000, text: "Demo of automations for failed flows" }], talk: 0.41 },
      { overall: 80, disc: 85, obj: null, strengths: ["Quantified the cost of failed runs."], improvements: [], moments: [{ atMs: 120_000, text: "Next step agreed: workshop with the platform team" }], talk: 0.35 },
    ];
    for (const [i, gongId] of gongIds.entries()) {
      const r = await ts.gql(IMPORT_CALL, {
        input: gongCall({ gongId, reps: [{ name: "Jo Rep", email: "jo@prefect.example" }], started: `2026-11-0${i + 2}T10:00:00-08:00` }),
      });
      const callId = r.data!.importCall.id;
      const [p] = await ds.query(`SELECT id, rep_id FROM call_participants WHERE call_id = $1 AND rep_id IS NOT NULL`, [callId]);
      const s = seeds[i];
      const [{ id }] = await ds.query(
        `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, overall_score, key_moments, completed_at)
         VALUES ($1, $2, $3, 'COMPLETED', 'HEURISTIC', 'AE', $4, $5, $6, now()) RETURNING id`,
        [callId, p.id, p.rep_id, `cmp-${i}`, s.overall, JSON.stringify(s.moments)],
      );
      await ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score, strengths, improvements) VALUES ($1, 'discovery', $2, $3, $4)`, [
        id, s.disc, JSON.stringify(s.strengths), JSON.stringify(s.improvements),
      ]);
      if (s.obj !== null) await ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score) VALUES ($1, 'objection_handling', $2)`, [id, s.obj]);
      await ds.query(`UPDATE call_metrics SET talk_ratio = $2 WHERE call_id = $1 AND participant_id = $3`, [callId, s.talk, p.id]);
    }
  });
  afterAll(async () => {
    await ts.close();
  });

  it("puts scores side by side with deltas from the first call", async () => {
    const r = await ts.gql(COMPARE, { ids: gongIds });
    expect(r.errors).toBeUndefined();
    const c = r.data!.compareCalls;
    expect(c.calls.map((x: any) => x.gongId)).toEqual(gongIds);
    expect(c.overallScores).toEqual([60, 72, 80]);
    const byKey = Object.fromEntries(c.dimensions.map((d: any) => [d.dimension, d]));
    expect(byKey.discovery).toMatchObject({ scores: [55, 75, 85], deltas: [0, 20, 30] });
    expect(byKey.objection_handling).toMatchObject({ scores: [70, 68, null], deltas: [0, -2, null] });
    expect(byKey.discovery.distinctStrengths).toEqual([["Summarised the pain."], [], ["Quantified the cost of failed runs."]]);
    expect(byKey.discovery.distinctImprovements).toEqual([[], ["Confirm the decision process."], []]);
    expect(c.metrics.find((m: any) => m.metric === "talkRatio").values).toEqual([0.62, 0.41, 0.35]);
  });

  it("matches key moments about the same thing across calls", async () => {
    const c = (await ts.gql(COMPARE, { ids: gongIds })).data!.compareCalls;
    const themes = c.matchedMoments.map((g: any) => g.moments.map((m: any) => [m.callIndex, m.atMs]));
    expect(themes).toEqual([
      [[0, 60_000], [1, 90_000]], // pricing of Horizon seats
      [[0, 300_000], [2, 120_000]], // next step: workshop
    ]);
    expect(c.matchedMoments[0].theme).toMatch(/pric/);
  });

  it("limits to the dimensions asked for", async () => {
    const c = (await ts.gql(COMPARE, { ids: gongIds.slice(0, 2), dimensions: ["objection_handling"] })).data!.compareCalls;
    expect(c.dimensions.map((d: any) => d.dimension)).toEqual(["objection_handling"]);
  });

  it("answers bad input and out-of-scope calls clearly", async () => {
    const one = await ts.gql(COMPARE, { ids: [gongIds[0]] });
    expect(one.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "COMPARE_COUNT" });
    const dup = await ts.gql(COMPARE, { ids: [gongIds[0], gongIds[0]] });
    expect(dup.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "COMPARE_DUPLICATE" });
    await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "7600000000000000009", reps: [{ name: "Lee Other", email: "lee@prefect.example" }] }) });
    const lee = await ts.token(TokenRole.REP, "lee@prefect.example");
    const hidden = await ts.gql(COMPARE, { ids: gongIds.slice(0, 2) }, lee);
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "CALL_NOT_FOUND" });
  });
});

describe("matching key moments", () => {
  it("pairs each moment with at most one moment per other call, by shared significant words", () => {
    const groups = matchMoments([
      [{ atMs: 1, text: "Security review needs SOC 2 report" }, { atMs: 2, text: "Budget approved for Q1" }],
      [{ atMs: 3, text: "They asked for the SOC 2 report for the security review" }],
      [{ atMs: 4, text: "Weather small talk" }],
    ]);
    expect(groups).toEqual([
      { theme: expect.stringContaining("security"), moments: [{ callIndex: 0, atMs: 1, text: "Security review needs SOC 2 report" }, { callIndex: 1, atMs: 3, text: "They asked for the SOC 2 report for the security review" }] },
    ]);
  });
});
