/**
 * coachingPlan on seeded analyses with known answers: priority areas from the gaps to the same-role
 * team, actions from the rep's most frequent improvements, the rep's own weakest moment and a
 * stronger colleague's — anonymised for a REP token — and practice scenarios from the rubric.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const PLAN = /* GraphQL */ `
  query($email: String) {
    coachingPlan(email: $email, period: { preset: CUSTOM, from: "2026-10-01", to: "2026-11-30" }) {
      rep { email }
      areas {
        dimension name rubricRole average teamAverage priority
        recommendations { action example { quote speakerName startMs callId callTitle score anonymised } model { quote speakerName startMs callId callTitle score anonymised } }
        practice { situation goodLooksLike }
      }
    }
  }
`;

describe(`coachingPlan (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
    const ds = ts.tdb.db.dataSource;
    // jo: weak discovery (50, 60), fine call_control; kim: strong discovery (90, 88).
    const seeds = [
      { gongId: "7800000000000000001", rep: "jo", started: "2026-11-03T10:00:00-08:00", disc: 50, ctrl: 80, improvements: ["Ask what a failed night costs.", "Ask who signs off."] },
      { gongId: "7800000000000000002", rep: "jo", started: "2026-11-10T10:00:00-08:00", disc: 60, ctrl: 82, improvements: ["Ask what a failed night costs."] },
      { gongId: "7800000000000000003", rep: "kim", started: "2026-11-04T10:00:00-08:00", disc: 90, ctrl: 78, improvements: [] },
      { gongId: "7800000000000000004", rep: "kim", started: "2026-11-11T10:00:00-08:00", disc: 88, ctrl: 80, improvements: [] },
    ];
    for (const [i, s] of seeds.entries()) {
      const r = await ts.gql(IMPORT_CALL, {
        input: gongCall({ gongId: s.gongId, started: s.started, title: `Call ${i + 1}`, reps: [{ name: s.rep === "jo" ? "Jo Rep" : "Kim Rep", email: `${s.rep}@prefect.example` }] }),
      });
      const callId = r.data!.importCall.id;
      const [p] = await ds.query(`SELECT id, rep_id FROM call_participants WHERE call_id = $1 AND rep_id IS NOT NULL`, [callId]);
      const [{ id }] = await ds.query(
        `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, overall_score, completed_at)
         VALUES ($1, $2, $3, 'COMPLETED', 'HEURISTIC', 'AE', $4, 70, now()) RETURNING id`,
        [callId, p.id, p.rep_id, `plan-${i}`],
      );
      const evidence = [{ quote: `Quote ${i + 1} on discovery`, speakerName: s.rep === "jo" ? "Jo Rep" : "Kim Rep", startMs: 5000 * (i + 1), verified: true }];
      await ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score, improvements, evidence) VALUES ($1, 'discovery', $2, $3, $4)`, [
        id, s.disc, JSON.stringify(s.improvements), JSON.stringify(evidence),
      ]);
      await ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score) VALUES ($1, 'call_control', $2)`, [id, s.ctrl]);
    }
  });
  afterAll(async () => {
    await ts.close();
  });

  it("builds priority areas with actions, the rep's own moment and a colleague's model moment", async () => {
    const r = await ts.gql(PLAN, { email: "jo@prefect.example" });
    expect(r.errors).toBeUndefined();
    const plan = r.data!.coachingPlan;
    // Discovery: jo 55 vs team (50+60+90+88)/4 = 72 → gap −17 → HIGH. call_control: 81 vs 80 → LOW, not a priority.
    expect(plan.areas.map((a: any) => [a.dimension, a.priority])).toEqual([["discovery", "HIGH"]]);
    const area = plan.areas[0];
    expect(area).toMatchObject({ name: "Discovery", rubricRole: "AE", average: 55, teamAverage: 72 });
    expect(area.recommendations.map((x: any) => x.action)).toEqual(["Ask what a failed night costs.", "Ask who signs off."]);
    const first = area.recommendations[0];
    expect(first.example).toMatchObject({ quote: "Quote 1 on discovery", speakerName: "Jo Rep", startMs: 5000, callTitle: "Call 1", score: 50, anonymised: false });
    expect(first.model).toMatchObject({ quote: "Quote 3 on discovery", speakerName: "Kim Rep", callTitle: "Call 3", score: 90, anonymised: false });
    expect(area.practice.length).toBeGreaterThan(0);
    expect(area.practice[0].goodLooksLike.length).toBeGreaterThan(0);
  });

  it("anonymises the colleague's moment for a REP token", async () => {
    const jo = await ts.token(TokenRole.REP, "jo@prefect.example");
    const plan = (await ts.gql(PLAN, { email: "jo@prefect.example" }, jo)).data!.coachingPlan;
    const { example, model } = plan.areas[0].recommendations[0];
    expect(example.anonymised).toBe(false);
    expect(model).toEqual({ quote: "Quote 3 on discovery", speakerName: "a same-role colleague", startMs: null, callId: null, callTitle: null, score: 90, anonymised: true });
    const other = await ts.gql(PLAN, { email: "kim@prefect.example" }, jo);
    expect(other.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
  });
});
