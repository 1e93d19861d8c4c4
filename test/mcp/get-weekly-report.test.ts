import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { backend } from "../helpers/test-db";
import type { TestServer } from "../helpers/test-server";
import { textOf, type McpTestClient } from "../helpers/mcp";
import { waitFor } from "../helpers/wait";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { DEMO, connectValidating, startDemoServer, waitForDemoAnalyses } from "./demo-server";

interface Answer {
  kind: "REP" | "TEAM";
  rep: { id: string; email: string; name: string } | null;
  week_start: string | null;
  available_weeks: string[];
  report: {
    id: string;
    markdown: string;
    key_figures: {
      calls: number | null;
      analyses: number | null;
      overall: number | null;
      previous_overall: number | null;
      dimensions: { dimension: string; average: number | null; previous: number | null }[];
      priorities: { dimension: string; average: number | null; role: string | null; advice: string | null }[];
      objections: { type: string; count: number; resolved: number; resolution_rate: number | null }[];
      reps: { name: string; role: string | null; calls: number | null; overall: number | null }[];
      distribution: { label: string; count: number }[];
      movers: unknown[];
    };
    delivered_at: string | null;
    updated_at: string;
  } | null;
  full_report: string;
}
const data = (r: CallToolResult) => r.structuredContent as unknown as Answer;

/** Writes the reports of the week containing `day` the way the scheduler does (runWeeklyReview, on the server's workers). */
async function review(ts: TestServer, day: string): Promise<string> {
  const run = await ts.gql(`mutation($week: String) { runWeeklyReview(week: $week) { weekStart } }`, { week: day });
  expect(run.errors).toBeUndefined();
  const weekStart: string = run.data!.runWeeklyReview.weekStart;
  await waitFor(
    `the reports of ${weekStart}`,
    async () => (await ts.gql(`query($w: String) { weeklyReports(week: $w, team: true) { id } }`, { w: weekStart })).data?.weeklyReports.length === 1,
    45_000,
    100,
  );
  return weekStart;
}

describe(`MCP get_weekly_report (${backend})`, () => {
  let ts: TestServer;
  let admin: McpTestClient;
  beforeAll(async () => {
    ts = await startDemoServer({ env: { REVIEW_WAIT_SECONDS: "5" } });
    await waitForDemoAnalyses(ts);
    // Maya Chen's calls fall in the weeks of 2026-10-19 and 2026-11-09.
    expect(await review(ts, "2026-10-21")).toBe("2026-10-19");
    expect(await review(ts, "2026-11-10")).toBe("2026-11-09");
    admin = await connectValidating(ts.url, ts.adminToken);
  });
  afterAll(async () => {
    await admin?.close();
    await ts?.close();
  });

  it("returns a rep's latest report as Markdown with its key figures and where the full report is", async () => {
    const r = await admin.call("get_weekly_report", { rep_email: DEMO.maya });
    expect(r.isError).toBeFalsy();
    const d = data(r);
    expect(d).toMatchObject({ kind: "REP", rep: { email: DEMO.maya, name: "Maya Chen" }, week_start: "2026-11-09", available_weeks: ["2026-11-09", "2026-10-19"] });
    expect(d.report!.markdown).toMatch(/^# Weekly coaching review — Maya Chen \(AE\), week of 2026-11-09/);
    const k = d.report!.key_figures;
    expect(k).toMatchObject({ calls: 1, analyses: 1, overall: expect.any(Number), previous_overall: null });
    expect(k.dimensions.map((x) => x.dimension).sort()).toEqual(["call_control", "discovery", "objection_handling", "relationship", "value_articulation"]);
    for (const x of k.dimensions) expect(d.report!.markdown).toContain(`| ${x.dimension} | ${x.average} |`);
    expect(k.reps).toEqual([]);
    const text = textOf(r);
    expect(text).toMatch(/^Weekly coaching review of Maya Chen <maya\.chen@prefect-demo\.example>, week of 2026-11-09/);
    expect(text).toContain(`Mean overall score ${k.overall}`);
    expect(text).toContain("callcoach review weekly --week 2026-11-09");
    expect(text).toMatch(/HTML page with charts/);
    expect(d.full_report).toContain('weeklyReports(week: "2026-11-09") { html }');
  });

  it("finds the week from any day in it, and by rep id", async () => {
    const mayaId = (await ts.gql(`{ rep(email: "${DEMO.maya}") { id } }`)).data!.rep.id;
    const d = data(await admin.call("get_weekly_report", { rep_id: mayaId, week: "2026-10-25" }));
    expect(d).toMatchObject({ kind: "REP", week_start: "2026-10-19", rep: { id: mayaId } });
    expect(d.report!.markdown).toContain("week of 2026-10-19");
  });

  it("returns the team report with every rep's week", async () => {
    const r = await admin.call("get_weekly_report", { team: true, week: "2026-11-09" });
    const d = data(r);
    expect(d).toMatchObject({ kind: "TEAM", rep: null, week_start: "2026-11-09" });
    expect(d.report!.key_figures.reps.map((x) => x.name).sort()).toEqual(["Maya Chen", "Tom Becker"]);
    expect(d.report!.key_figures.distribution.reduce((n, b) => n + b.count, 0)).toBe(d.report!.key_figures.analyses);
    expect(d.report!.markdown).toContain("| Maya Chen | AE | 1 |");
    expect(textOf(r)).toMatch(/^Weekly coaching review of the team, week of 2026-11-09/);
    // An ADMIN token not tied to a rep gets the team report by default.
    expect(data(await admin.call("get_weekly_report", {}))).toMatchObject({ kind: "TEAM", week_start: "2026-11-09" });
  });

  it("says so, with the weeks that exist, when no report is stored for a week", async () => {
    const r = await admin.call("get_weekly_report", { rep_email: DEMO.maya, week: "2026-11-25" });
    expect(r.isError).toBeFalsy();
    const d = data(r);
    expect(d).toMatchObject({ kind: "REP", week_start: null, report: null, available_weeks: ["2026-11-09", "2026-10-19"] });
    expect(textOf(r)).toMatch(/^No weekly report of Maya Chen .* is stored for the week of 2026-11-25\.\nWeeks with a report: 2026-11-09, 2026-10-19\./);
  });

  it("a REP token gets their own report, and NOT_FOUND for another rep's", async () => {
    const rep = await connectValidating(ts.url, await ts.token(TokenRole.REP, DEMO.maya));
    try {
      const own = data(await rep.call("get_weekly_report", {}));
      expect(own).toMatchObject({ kind: "REP", rep: { email: DEMO.maya }, week_start: "2026-11-09" });
      const other = await rep.call("get_weekly_report", { rep_email: DEMO.tom, week: "2026-11-09" });
      expect(other.isError).toBe(true);
      expect(textOf(other)).toMatch(/^NOT_FOUND/);
      const tomId = (await ts.gql(`{ rep(email: "${DEMO.tom}") { id } }`)).data!.rep.id;
      const byId = await rep.call("get_weekly_report", { rep_id: tomId });
      expect(byId.isError).toBe(true);
      expect(textOf(byId)).toMatch(/^NOT_FOUND/);
      const team = await rep.call("get_weekly_report", { team: true });
      expect(team.isError).toBeFalsy();
      expect(data(team)).toMatchObject({ kind: "TEAM", report: null, available_weeks: [] });
      expect(textOf(team)).toMatch(/MANAGER and ADMIN tokens only/);
      expect(textOf(team)).not.toMatch(/Tom Becker/);
    } finally {
      await rep.close();
    }
  });

  it("refuses invalid arguments with a validation message", async () => {
    const w = await admin.call("get_weekly_report", { week: "last monday" });
    expect(w.isError).toBe(true);
    expect(textOf(w)).toMatch(/week must be a date as YYYY-MM-DD/);
    const both = await admin.call("get_weekly_report", { rep_email: DEMO.maya, team: true });
    expect(both.isError).toBe(true);
    expect(textOf(both)).toMatch(/^BAD_USER_INPUT: give only one of rep_email, rep_id or team/);
  });
});
