/**
 * The MCP tools get_call, search_calls, get_rep_insights and get_cost_metrics through the SDK's real
 * Client, against a server holding the demo calls (analysed by the heuristic engine) on either database.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { connectMcp, textOf, type McpTestClient } from "../helpers/mcp";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { waitFor } from "../helpers/wait";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { loadDemoData } from "../../src/demo/load-demo";

const MAYA = "maya.chen@prefect-demo.example";
const DIEGO = "diego.alvarez@prefect-demo.example";
const NORTHWIND = "9000000000000000101"; // Maya's discovery call
const LEDGERLINE = "9000000000000000102"; // Diego's (and Priya's) demo

/** The shape every tool answer is checked for: the summary first, then the same data as JSON. */
function data<T = any>(r: CallToolResult): T {
  expect(r.isError).toBeFalsy();
  expect(textOf(r)).toContain(JSON.stringify(r.structuredContent, null, 1));
  return r.structuredContent as T;
}

describe(`MCP call, search, insight and cost tools (${backend})`, () => {
  let ts: TestServer;
  let admin: McpTestClient;
  let maya: McpTestClient;
  let longCallId: string;
  let sliceCallId: string;

  beforeAll(async () => {
    ts = await startTestServer({ demo: true, workers: true });
    // The demo calls load on their own only into the embedded database.
    if (ts.server.demoCalls === 0) await loadDemoData(ts.server.app);
    const talker = { name: "Lena Longwinded", email: "lena.long@prefect-demo.example" };
    const long = await ts.gql(IMPORT_CALL, {
      input: gongCall({ gongId: "7600000000000000001", title: "Verbose Corp / Discovery", reps: [talker], sentences: 220, text: (i) => `Segment ${i}: ${"blah ".repeat(120)}`.trim() }),
    });
    expect(long.errors).toBeUndefined();
    longCallId = long.data!.importCall.id;
    const slices = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "7600000000000000002", title: "Short Lines / Demo", reps: [talker], sentences: 160 }) });
    sliceCallId = slices.data!.importCall.id;
    await waitFor(
      "the demo analyses",
      async () => {
        const [r] = await ts.tdb.db.dataSource.query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING'))::int AS open FROM analyses`,
        );
        return r.n >= 6 && r.open === 0;
      },
      60_000,
      200,
    );
    admin = await connectMcp(ts.url, ts.adminToken);
    maya = await connectMcp(ts.url, await ts.token(TokenRole.REP, MAYA));
  }, 120_000);
  afterAll(async () => {
    await maya?.close();
    await admin?.close();
    await ts?.close();
  });

  it("lists the four tools as read-only, with output schemas and described arguments", async () => {
    const { tools } = await admin.client.listTools();
    for (const name of ["get_call", "search_calls", "get_rep_insights", "get_cost_metrics"]) {
      const tool = tools.find((t) => t.name === name)!;
      expect(tool).toBeDefined();
      expect(tool.title).toBeTruthy();
      expect(tool.description!.length).toBeGreaterThan(100);
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      expect(tool.outputSchema).toBeDefined();
      for (const [arg, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect([arg, (schema as { description?: string }).description]).toEqual([arg, expect.any(String)]);
        expect(arg).toMatch(/^[a-z][a-z_]*$/);
      }
    }
  });

  describe("get_call", () => {
    it("returns metadata, participants, metrics, analyses in brief and the first transcript page, by Gong id or our id", async () => {
      const r = await admin.call("get_call", { call_id: NORTHWIND });
      const d = data(r);
      expect(d.call).toMatchObject({
        gong_id: NORTHWIND,
        title: "[Demo] Northwind Logistics / Discovery",
        call_type: "DISCOVERY",
        is_demo: true,
        primary_rep: { email: MAYA, name: "Maya Chen", role: "AE" },
      });
      expect(d.call.url).toContain(NORTHWIND);
      expect(d.call.duration_sec).toBe(833);
      expect(d.participants.find((p: any) => p.email === MAYA)).toMatchObject({ side: "INTERNAL", rep: { role: "AE" } });
      expect(d.participants.find((p: any) => p.name === "Rachel Okafor")).toMatchObject({ side: "EXTERNAL", rep: null });
      expect(d.metrics.slice(0, 2).map((m: any) => [m.side, m.participant])).toEqual([
        ["INTERNAL", null],
        ["EXTERNAL", null],
      ]);
      expect(d.metrics[0].talk_ratio).toBeGreaterThan(0);
      // The heuristic engine scored Maya; scores per dimension, no evidence.
      expect(d.analyses).toHaveLength(1);
      const a = d.analyses[0];
      expect(a).toMatchObject({ rep: { email: MAYA }, status: "COMPLETED", engine: "HEURISTIC", rubric_role: "AE" });
      expect(a.overall_score).toEqual(expect.any(Number));
      expect(a.dimensions.length).toBeGreaterThan(3);
      expect(a.dimensions[0]).toEqual({ dimension: expect.any(String), score: expect.any(Number), low_confidence: expect.any(Boolean), error: null });
      expect(JSON.stringify(d.analyses)).not.toMatch(/evidence|rationale/);
      // Transcript: 50 segments from the start, the total and where to continue.
      expect(d.transcript.total_segments).toBeGreaterThan(50);
      expect(d.transcript).toMatchObject({ offset: 0, returned: 50, next_offset: 50 });
      expect(d.transcript.segments.map((s: any) => s.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(d.transcript.segments[0]).toMatchObject({ speaker: expect.any(String), start_ms: expect.any(Number), text: expect.any(String) });
      expect(d.notes).toBeUndefined();

      const text = textOf(r);
      expect(text.startsWith("[Demo] Northwind Logistics / Discovery — DISCOVERY")).toBe(true);
      expect(text).toMatch(/Maya Chen \(AE\) COMPLETED, overall \d+ \[HEURISTIC\]/);
      expect(text).toMatch(/analyze_call/);
      expect(text).toMatch(new RegExp(`segments 0–49 of ${d.transcript.total_segments}.*transcript_offset=50`));

      const byOurId = data(await admin.call("get_call", { call_id: d.call.id, transcript_limit: 1 }));
      expect(byOurId.call).toEqual(d.call);
    });

    it("pages the transcript by offset: the next offset continues exactly, the last page says so", async () => {
      const first = data(await admin.call("get_call", { call_id: NORTHWIND, transcript_limit: 5 }));
      expect(first.transcript.segments.map((s: any) => s.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(first.transcript.next_offset).toBe(5);
      const second = data(await admin.call("get_call", { call_id: NORTHWIND, transcript_offset: first.transcript.next_offset, transcript_limit: 5 }));
      expect(second.transcript.segments.map((s: any) => s.seq)).toEqual([5, 6, 7, 8, 9]);
      const total = first.transcript.total_segments;
      const lastR = await admin.call("get_call", { call_id: NORTHWIND, transcript_offset: total - 3, transcript_limit: 5 });
      const last = data(lastR);
      expect(last.transcript).toMatchObject({ offset: total - 3, returned: 3, next_offset: null });
      expect(textOf(lastR)).toMatch(/end of transcript/);
      const past = data(await admin.call("get_call", { call_id: NORTHWIND, transcript_offset: total + 10 }));
      expect(past.transcript).toMatchObject({ returned: 0, next_offset: null, segments: [] });
      expect(past.notes.join(" ")).toMatch(/past the end/);
      const none = await admin.call("get_call", { call_id: NORTHWIND, transcript_limit: 0 });
      expect(data(none).transcript).toMatchObject({ total_segments: total, returned: 0, segments: [], next_offset: null });
      expect(textOf(none)).toMatch(/not requested/);
    });

    it("returns pages over the server's page cap (two slices) in order", async () => {
      const d = data(await admin.call("get_call", { call_id: sliceCallId, transcript_offset: 3, transcript_limit: 150 }));
      expect(d.transcript.segments.map((s: any) => s.seq)).toEqual(Array.from({ length: 150 }, (_, i) => i + 3));
      expect(d.transcript).toMatchObject({ total_segments: 160, next_offset: 153 });
      const end = data(await admin.call("get_call", { call_id: sliceCallId, transcript_offset: 40, transcript_limit: 200 }));
      expect(end.transcript).toMatchObject({ returned: 120, next_offset: null });
      expect(end.transcript.segments.at(-1).seq).toBe(159);
    });

    it("cuts an oversize transcript page to the budget and says where to continue", async () => {
      const r = await admin.call("get_call", { call_id: "7600000000000000001", transcript_limit: 200 });
      const d = data(r);
      expect(textOf(r).length).toBeLessThanOrEqual(80_000);
      expect(d.transcript.total_segments).toBe(220);
      expect(d.transcript.returned).toBeLessThan(200);
      expect(d.transcript.returned).toBeGreaterThan(50);
      expect(d.transcript.segments).toHaveLength(d.transcript.returned);
      expect(d.transcript.next_offset).toBe(d.transcript.returned);
      expect(d.notes).toEqual([expect.stringMatching(new RegExp(`cut from 200 to ${d.transcript.returned} segments.*transcript_offset=${d.transcript.returned}`))]);
      // Continuing from there picks up the very next segment.
      const next = data(await admin.call("get_call", { call_id: longCallId, transcript_offset: d.transcript.next_offset, transcript_limit: 2 }));
      expect(next.transcript.segments[0].seq).toBe(d.transcript.returned);
    });

    it("refuses invalid arguments with a validation message", async () => {
      const big = await admin.call("get_call", { call_id: NORTHWIND, transcript_limit: 500 });
      expect(big.isError).toBe(true);
      expect(textOf(big)).toMatch(/transcript_limit/);
      const missing = await admin.call("get_call", {});
      expect(missing.isError).toBe(true);
      expect(textOf(missing)).toMatch(/call_id/);
      const negative = await admin.call("get_call", { call_id: NORTHWIND, transcript_offset: -1 });
      expect(negative.isError).toBe(true);
      expect(textOf(negative)).toMatch(/transcript_offset/);
      const unknown = await admin.call("get_call", { call_id: NORTHWIND, page: 2 });
      expect(unknown.isError).toBe(true);
      expect(textOf(unknown)).toMatch(/page|unrecognized/i);
    });

    it("answers NOT_FOUND for an unknown call and for another rep's call on a REP token", async () => {
      const unknown = await admin.call("get_call", { call_id: "1234567890123456789" });
      expect(unknown.isError).toBe(true);
      expect(textOf(unknown)).toMatch(/^NOT_FOUND \(CALL_NOT_FOUND\)/);
      const other = await maya.call("get_call", { call_id: LEDGERLINE });
      expect(other.isError).toBe(true);
      expect(textOf(other)).toMatch(/^NOT_FOUND/);
      expect(textOf(other)).not.toContain("Ledgerline");
      const own = data(await maya.call("get_call", { call_id: NORTHWIND, transcript_limit: 1 }));
      expect(own.call.gong_id).toBe(NORTHWIND);
    });
  });

  describe("search_calls", () => {
    it("finds calls by transcript text with ranked, highlighted snippets", async () => {
      const r = await admin.call("search_calls", { text: "Airflow" });
      const d = data(r);
      expect(d.total_count).toBeGreaterThanOrEqual(1);
      const top = d.hits[0];
      expect(top.call).toMatchObject({ gong_id: NORTHWIND, primary_rep: { email: MAYA } });
      expect(top.rank).toBeGreaterThan(0);
      expect(top.snippets[0].text).toMatch(/«Airflow»/);
      expect(top.snippets[0].start_ms).toEqual(expect.any(Number));
      expect(textOf(r)).toMatch(/call\(s\) match/);
      expect(textOf(r)).toContain(top.call.id);
    });

    it("applies filters, in snake case, and pages with a cursor", async () => {
      const disc = data(await admin.call("search_calls", { call_type: "DISCOVERY", rep_email: MAYA }));
      expect(disc.hits.map((h: any) => h.call.gong_id)).toEqual([NORTHWIND]);
      expect(disc.hits[0].rank).toBeNull();
      expect(disc.hits[0].snippets).toEqual([]);
      const dated = data(await admin.call("search_calls", { from: "2026-11-01", to: "2026-11-11T00:00:00-08:00", participant_domain: "harborview-retail.example" }));
      expect(dated.hits.map((h: any) => h.call.gong_id)).toEqual(["9000000000000000104"]);
      const csm = data(await admin.call("search_calls", { role: "CSM" }));
      expect(csm.total_count).toBe(2);
      const scored = data(await admin.call("search_calls", { min_score: 0, max_score: 100 }));
      expect(scored.total_count).toBeGreaterThan(0);

      const page1 = data(await admin.call("search_calls", { first: 2 }));
      expect(page1.hits).toHaveLength(2);
      expect(page1.total_count).toBe(8);
      expect(page1.next_cursor).toEqual(expect.any(String));
      const rest = data(await admin.call("search_calls", { first: 50, cursor: page1.next_cursor }));
      expect(rest.hits).toHaveLength(6);
      expect(rest.next_cursor).toBeNull();
      const ids = [...page1.hits, ...rest.hits].map((h: any) => h.call.id);
      expect(new Set(ids).size).toBe(8);
    });

    it("refuses invalid arguments with a validation message", async () => {
      const badEnum = await admin.call("search_calls", { call_type: "COLD_CALL" });
      expect(badEnum.isError).toBe(true);
      expect(textOf(badEnum)).toMatch(/call_type/);
      const big = await admin.call("search_calls", { first: 51 });
      expect(big.isError).toBe(true);
      expect(textOf(big)).toMatch(/first/);
      const date = await admin.call("search_calls", { from: "last tuesday" });
      expect(date.isError).toBe(true);
      expect(textOf(date)).toMatch(/from|ISO-8601/);
      const camel = await admin.call("search_calls", { repEmail: MAYA });
      expect(camel.isError).toBe(true);
      const range = await admin.call("search_calls", { min_score: 80, max_score: 60 });
      expect(range.isError).toBe(true);
      expect(textOf(range)).toMatch(/^BAD_USER_INPUT: min_score/);
    });

    it("shows a REP token only the calls that rep took part in", async () => {
      const all = data(await maya.call("search_calls", { first: 50 }));
      expect(all.total_count).toBe(2);
      expect(all.hits.map((h: any) => h.call.gong_id).sort()).toEqual([NORTHWIND, "9000000000000000104"]);
      const other = data(await maya.call("search_calls", { rep_email: DIEGO }));
      expect(other).toMatchObject({ total_count: 0, hits: [], next_cursor: null });
    });
  });

  describe("get_rep_insights", () => {
    it("returns a rep's scores against the team, gaps, trends, metrics and objections", async () => {
      const r = await admin.call("get_rep_insights", { rep_email: MAYA, period: "LAST_90_DAYS", as_of: "2026-11-30" });
      const d = data(r);
      expect(d.rep).toMatchObject({ email: MAYA, name: "Maya Chen", role: "AE" });
      expect(d.period).toMatchObject({ preset: "LAST_90_DAYS", from: "2026-09-02", to: "2026-11-30", days: 90 });
      expect(d.analyses).toBe(2);
      expect(d.rubric_roles).toEqual(["AE"]);
      expect(d.average).toEqual(expect.any(Number));
      expect(d.dimensions.length).toBeGreaterThan(3);
      expect(d.dimensions[0]).toMatchObject({ rubric_role: "AE", count: expect.any(Number), weekly: expect.any(Array) });
      expect(d.gaps.map((g: any) => g.dimension).sort()).toEqual(d.dimensions.map((x: any) => x.dimension).sort());
      expect(d.metrics.length).toBeGreaterThan(0);
      const text = textOf(r);
      expect(text).toMatch(/^Maya Chen <maya\.chen@prefect-demo\.example> \(AE\) — LAST_90_DAYS 2026-09-02 to 2026-11-30: 2 analysed call\(s\)/);

      const byId = data(await admin.call("get_rep_insights", { rep_id: d.rep.id, period: "CUSTOM", from: "2026-10-01", to: "2026-10-31" }));
      expect(byId.period).toMatchObject({ preset: "CUSTOM", from: "2026-10-01", to: "2026-10-31" });
      expect(byId.analyses).toBe(1);
      const horizon = data(await admin.call("get_rep_insights", { rep_id: d.rep.id, period: "CUSTOM", from: "2026-10-01", to: "2026-10-31", product: "HORIZON" }));
      expect(horizon.product).toBe("HORIZON");
    });

    it("requires exactly one of rep_email and rep_id and validates the period", async () => {
      const neither = await admin.call("get_rep_insights", {});
      expect(neither.isError).toBe(true);
      expect(textOf(neither)).toMatch(/^BAD_USER_INPUT: Give the rep: rep_email or rep_id/);
      const both = await admin.call("get_rep_insights", { rep_email: MAYA, rep_id: "x" });
      expect(both.isError).toBe(true);
      expect(textOf(both)).toMatch(/not both/);
      const preset = await admin.call("get_rep_insights", { rep_email: MAYA, period: "LAST_YEAR" });
      expect(preset.isError).toBe(true);
      expect(textOf(preset)).toMatch(/period/);
      const custom = await admin.call("get_rep_insights", { rep_email: MAYA, period: "CUSTOM", from: "2026-10-01" });
      expect(custom.isError).toBe(true);
      expect(textOf(custom)).toMatch(/^BAD_USER_INPUT \(INVALID_PERIOD\)/);
      const date = await admin.call("get_rep_insights", { rep_email: MAYA, as_of: "30/11/2026" });
      expect(date.isError).toBe(true);
      expect(textOf(date)).toMatch(/as_of|YYYY-MM-DD/);
    });

    it("answers NOT_FOUND for another rep on a REP token, and shows the rep their own", async () => {
      const other = await maya.call("get_rep_insights", { rep_email: DIEGO });
      expect(other.isError).toBe(true);
      expect(textOf(other)).toMatch(/^NOT_FOUND \(REP_NOT_FOUND\)/);
      const own = data(await maya.call("get_rep_insights", { rep_email: MAYA, period: "LAST_90_DAYS", as_of: "2026-11-30" }));
      expect(own.analyses).toBe(2);
    });
  });

  describe("get_cost_metrics", () => {
    it("returns spend, tokens, rates and a bounded daily series", async () => {
      // Spread the heuristic analyses over several days (the ledger counts them by completion time).
      await ts.tdb.db.dataSource.query(
        `UPDATE analyses a SET completed_at = now() - make_interval(days => x.n::int)
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM analyses) x WHERE x.id = a.id`,
      );
      const [{ n }] = await ts.tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM analyses WHERE status IN ('COMPLETED', 'PARTIAL', 'FAILED')`);
      const r = await admin.call("get_cost_metrics", {});
      const d = data(r);
      expect(d.analyses).toBe(n);
      expect(d.total_usd).toBe(0); // the heuristic engine is free
      expect(d.tokens).toEqual({ input: 0, output: 0, cache_write: 0, cache_read: 0 });
      expect(d.daily_total).toBeGreaterThanOrEqual(5);
      expect(d.daily).toHaveLength(d.daily_total);
      expect(d.weekly.length).toBeGreaterThan(0);
      expect(d.notes).toBeUndefined();
      expect(textOf(r)).toMatch(/^Analysis cost .*: \$0\.00 for \d+ analyses/);

      const bounded = data(await admin.call("get_cost_metrics", { days: 2 }));
      expect(bounded.daily).toEqual(d.daily.slice(-2));
      expect(bounded.notes).toEqual([expect.stringMatching(new RegExp(`daily: showing the last 2 of ${d.daily_total} days`))]);

      const windowed = data(await admin.call("get_cost_metrics", { from: "2020-01-01", to: "2020-02-01T00:00:00Z" }));
      expect(windowed).toMatchObject({ from: "2020-01-01T00:00:00.000Z", to: "2020-02-01T00:00:00.000Z", analyses: 0, daily: [] });

      // A REP's ledger covers only their own analyses.
      const own = data(await maya.call("get_cost_metrics", {}));
      expect(own.analyses).toBe(2);
    });

    it("refuses invalid arguments with a validation message", async () => {
      const date = await admin.call("get_cost_metrics", { from: "yesterday" });
      expect(date.isError).toBe(true);
      expect(textOf(date)).toMatch(/from|ISO-8601/);
      const days = await admin.call("get_cost_metrics", { days: 1000 });
      expect(days.isError).toBe(true);
      expect(textOf(days)).toMatch(/days/);
    });
  });
});
