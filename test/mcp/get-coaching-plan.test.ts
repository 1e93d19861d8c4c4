import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { backend } from "../helpers/test-db";
import type { TestServer } from "../helpers/test-server";
import { textOf, type McpTestClient } from "../helpers/mcp";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { DEMO, useAnalysedDemo, connectValidating, type DemoCall } from "./demo-server";

interface Moment {
  quote: string;
  speaker_name: string;
  start_ms: number | null;
  at: string | null;
  call_id: string | null;
  call_title: string | null;
  score: number;
  anonymised: boolean;
}
interface Answer {
  rep: { id: string; email: string; name: string };
  period: { from: string; to: string };
  areas: {
    dimension: string;
    name: string;
    rubric_role: string;
    priority: string;
    average: number;
    team_average: number | null;
    recommendations: { action: string; example: Moment | null; model: Moment | null }[];
    practice: { situation: string; good_looks_like: string[] }[];
  }[];
}
const data = (r: CallToolResult) => r.structuredContent as unknown as Answer;
const PERIOD = { period: "CUSTOM", from: "2026-10-01", to: "2026-11-30" };

describe(`MCP get_coaching_plan (${backend})`, () => {
  const demo = useAnalysedDemo();
  let ts: TestServer;
  let admin: McpTestClient;
  let calls: DemoCall[];
  beforeAll(() => ({ ts, admin, calls } = demo));

  it("builds a plan with priority areas, actions, example and model moments and practice", async () => {
    const r = await admin.call("get_coaching_plan", { rep_email: DEMO.diego, ...PERIOD });
    expect(r.isError).toBeFalsy();
    const d = data(r);
    expect(d.rep).toMatchObject({ email: DEMO.diego, name: "Diego Alvarez" });
    expect(d.period).toEqual({ from: "2026-10-01", to: "2026-11-30" });
    expect(d.areas.length).toBeGreaterThanOrEqual(1);
    expect(d.areas.length).toBeLessThanOrEqual(3);
    const top = d.areas[0];
    expect(top).toMatchObject({ rubric_role: "AE", priority: expect.stringMatching(/^(HIGH|MEDIUM|LOW)$/) });
    expect(top.team_average).toEqual(expect.any(Number));
    expect(top.average).toBeLessThan(top.team_average!);
    expect(top.recommendations[0].action.length).toBeGreaterThan(10);
    const diegoCall = calls.find((c) => c.gongId === DEMO.diegoDemo)!;
    expect(top.recommendations[0].example).toMatchObject({ call_id: diegoCall.id, speaker_name: "Diego Alvarez", anonymised: false, at: expect.stringMatching(/^\d+:\d\d$/) });
    // An ADMIN sees the stronger colleague's call itself.
    const model = d.areas.map((a) => a.recommendations[0]?.model).find(Boolean)!;
    expect(model).toMatchObject({ anonymised: false, speaker_name: "Maya Chen", call_id: expect.any(String) });
    expect(top.practice[0].good_looks_like.length).toBeGreaterThan(0);
    const text = textOf(r);
    expect(text).toMatch(/^Coaching plan for Diego Alvarez <diego\.alvarez@prefect-demo\.example>, calls from 2026-10-01 to 2026-11-30:/);
    expect(text).toContain(`1. ${top.name} (${top.priority} priority)`);
  });

  it("gives a REP their own plan by default, with colleagues anonymised and no call ids of theirs", async () => {
    const rep = await connectValidating(ts.url, await ts.token(TokenRole.REP, DEMO.diego));
    try {
      const r = await rep.call("get_coaching_plan", PERIOD);
      expect(r.isError).toBeFalsy();
      const d = data(r);
      expect(d.rep.email).toBe(DEMO.diego);
      const models = d.areas.flatMap((a) => a.recommendations.map((x) => x.model)).filter((m): m is Moment => m !== null);
      expect(models.length).toBeGreaterThan(0);
      for (const m of models) expect(m).toMatchObject({ anonymised: true, speaker_name: "a same-role colleague", call_id: null, call_title: null, start_ms: null, at: null });
      const text = textOf(r);
      for (const c of calls.filter((x) => x.gongId !== DEMO.diegoDemo)) {
        expect(text).not.toContain(c.id);
        expect(text).not.toContain(c.title);
      }
      expect(text).not.toMatch(/Maya|maya\.chen/);
      // Another rep's plan is outside a REP's scope.
      const other = await rep.call("get_coaching_plan", { rep_email: DEMO.maya });
      expect(other.isError).toBe(true);
      expect(textOf(other)).toMatch(/^NOT_FOUND/);
    } finally {
      await rep.close();
    }
  });

  it("a REP token cannot read another rep's plan by id either", async () => {
    const mayaId = (await ts.gql(`{ rep(email: "${DEMO.maya}") { id } }`)).data!.rep.id;
    const rep = await connectValidating(ts.url, await ts.token(TokenRole.REP, DEMO.diego));
    try {
      const r = await rep.call("get_coaching_plan", { rep_id: mayaId });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/^NOT_FOUND/);
    } finally {
      await rep.close();
    }
  });

  it("refuses contradictory or invalid arguments", async () => {
    const both = await admin.call("get_coaching_plan", { rep_email: DEMO.maya, rep_id: "x" });
    expect(both.isError).toBe(true);
    expect(textOf(both)).toMatch(/^BAD_USER_INPUT: give rep_email or rep_id, not both/);
    const noRep = await admin.call("get_coaching_plan", {});
    expect(noRep.isError).toBe(true);
    expect(textOf(noRep)).toMatch(/give rep_email or rep_id/);
    const half = await admin.call("get_coaching_plan", { rep_email: DEMO.maya, period: "CUSTOM", from: "2026-10-01" });
    expect(half.isError).toBe(true);
    expect(textOf(half)).toMatch(/needs both from and to/);
    const badDate = await admin.call("get_coaching_plan", { rep_email: DEMO.maya, from: "October 1st", to: "2026-11-30" });
    expect(badDate.isError).toBe(true);
    expect(textOf(badDate)).toMatch(/YYYY-MM-DD/);
    const badPreset = await admin.call("get_coaching_plan", { rep_email: DEMO.maya, period: "LAST_YEAR" });
    expect(badPreset.isError).toBe(true);
    expect(textOf(badPreset)).toMatch(/period/);
  });

  it("uses the presets (default: the last 90 days)", async () => {
    const d = data(await admin.call("get_coaching_plan", { rep_email: DEMO.maya, as_of: "2026-11-30" }));
    expect(d.period).toEqual({ from: "2026-09-02", to: "2026-11-30" });
    const q = data(await admin.call("get_coaching_plan", { rep_email: DEMO.maya, period: "LAST_QUARTER", as_of: "2027-01-15" }));
    expect(q.period).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(q.areas.length).toBeGreaterThan(0);
  });
});
