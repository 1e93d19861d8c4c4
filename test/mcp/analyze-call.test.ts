import type { CallToolResult, Progress } from "@modelcontextprotocol/sdk/types.js";
import { backend } from "../helpers/test-db";
import type { TestServer } from "../helpers/test-server";
import { textOf, type McpTestClient } from "../helpers/mcp";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { DEMO, useAnalysedDemo, connectValidating, demoCalls, startDemoServer, type DemoCall } from "./demo-server";

interface Person {
  analysis_id: string;
  rep: { email: string; name: string } | null;
  rubric_role: string;
  status: string;
  engine: string;
  overall_score: number | null;
  summary: string | null;
  dimensions_done: number;
  dimensions_total: number;
  dimensions: { dimension: string; name: string; score: number | null; rationale: string | null; strengths: string[]; improvements: string[]; evidence: { quote: string; at: string | null }[] }[];
  key_moments: { at_ms: number; at: string; text: string }[];
  actions: { text: string }[];
  objections: unknown[];
  cost_usd: number;
  api_requests: number;
}
interface Answer {
  status: string;
  call: { id: string; gong_id: string | null; title: string } | null;
  from_cache: boolean;
  analyses: Person[];
  notes?: string[];
}
const data = (r: CallToolResult) => r.structuredContent as unknown as Answer;

describe(`MCP analyze_call (${backend})`, () => {
  const demo = useAnalysedDemo();
  let ts: TestServer;
  let admin: McpTestClient;
  let calls: DemoCall[];
  beforeAll(() => ({ ts, admin, calls } = demo));

  it("answers an already analysed call at once, summary first, from the cache", async () => {
    await admin.call("analyze_call", { call_id: DEMO.mayaDiscovery }); // warm-up (first request compiles code paths)
    const timings: number[] = [];
    let r!: CallToolResult;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      r = await admin.call("analyze_call", { call_id: DEMO.mayaDiscovery });
      timings.push(Math.round(performance.now() - t0));
    }
    console.info(`analyze_call on an analysed call (${backend}): ${timings.join(", ")} ms`);
    expect(Math.min(...timings)).toBeLessThan(1000); // benchmark goal is < 300 ms; loose here for slow CI machines
    expect(r.isError).toBeFalsy();
    const d = data(r);
    const existing = calls.find((c) => c.gongId === DEMO.mayaDiscovery)!;
    expect(d).toMatchObject({ status: "COMPLETED", from_cache: true, call: { id: existing.id, gong_id: DEMO.mayaDiscovery, title: existing.title } });
    expect(d.analyses).toHaveLength(1);
    const p = d.analyses[0];
    expect(p).toMatchObject({ analysis_id: existing.analyses[0].id, status: "COMPLETED", engine: "HEURISTIC", rubric_role: "AE", rep: { email: DEMO.maya, name: "Maya Chen" } });
    expect(p.overall_score).toEqual(expect.any(Number));
    expect(p.dimensions.map((x) => x.dimension)).toEqual(["discovery", "objection_handling", "value_articulation", "relationship", "call_control"]);
    expect(p.dimensions_done).toBe(5);
    expect(p.dimensions_total).toBe(5);
    for (const dim of p.dimensions) {
      expect(dim.score).toEqual(expect.any(Number));
      expect(dim.name).not.toBe(dim.dimension); // display names from the rubric
      expect(dim.strengths.length + dim.improvements.length).toBeLessThanOrEqual(6);
      expect(dim.evidence.length).toBeLessThanOrEqual(2);
      for (const e of dim.evidence) expect(e.at === null || /^\d+:\d\d$/.test(e.at)).toBe(true);
    }
    expect(p.cost_usd).toBe(0);
    expect(p.api_requests).toBe(0);
    // The summary comes first, then the data; it says which engine scored and why.
    const text = textOf(r);
    expect(text.startsWith(`Call "${existing.title}"`)).toBe(true);
    expect(text.indexOf("Maya Chen")).toBeLessThan(text.indexOf("{"));
    expect(text).toMatch(/HEURISTIC.*no ANTHROPIC_API_KEY/);
    expect(text).toContain(`overall ${p.overall_score}/100`);
  });

  it("accepts our call id as well as Gong's, and one person's part of a shared call", async () => {
    const diego = calls.find((c) => c.gongId === DEMO.diegoDemo)!;
    const both = data(await admin.call("analyze_call", { call_id: diego.id }));
    expect(both.analyses.map((p) => p.rep?.email).sort()).toEqual([DEMO.diego, DEMO.priya]);
    const one = data(await admin.call("analyze_call", { call_id: diego.id, rep_email: DEMO.priya }));
    expect(one.analyses).toHaveLength(1);
    expect(one.analyses[0]).toMatchObject({ rubric_role: "SE", rep: { email: DEMO.priya }, status: "COMPLETED" });
  });

  it("waits for a forced analysis and reports progress per dimension", async () => {
    const before = calls.find((c) => c.gongId === DEMO.mayaNegotiation)!.analyses[0].id;
    const progress: Progress[] = [];
    const r = (await admin.client.callTool({ name: "analyze_call", arguments: { call_id: DEMO.mayaNegotiation, force: true } }, undefined, {
      onprogress: (p) => progress.push(p),
    })) as CallToolResult;
    expect(r.isError).toBeFalsy();
    const d = data(r);
    expect(d).toMatchObject({ status: "COMPLETED", from_cache: false });
    expect(d.analyses).toHaveLength(1);
    expect(d.analyses[0].analysis_id).not.toBe(before);
    expect(d.analyses[0]).toMatchObject({ status: "COMPLETED", dimensions_done: 5, dimensions_total: 5 });
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i].progress).toBeGreaterThan(progress[i - 1].progress);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ progress: 5, total: 5 });
    expect(progress.some((p) => /Maya Chen: .+ scored \d+/.test(p.message ?? ""))).toBe(true);
    // The new analysis is now the current one: asking again is answered from it.
    const again = data(await admin.call("analyze_call", { call_id: DEMO.mayaNegotiation }));
    expect(again).toMatchObject({ status: "COMPLETED", from_cache: true });
    expect(again.analyses[0].analysis_id).toBe(d.analyses[0].analysis_id);
  });

  it("limits the analysis to some dimensions and refuses unknown ones", async () => {
    const r = data(await admin.call("analyze_call", { call_id: DEMO.mayaDiscovery, dimensions: ["discovery", "call_control"] }));
    expect(r.status).toBe("COMPLETED");
    expect(r.analyses[0].dimensions.map((x) => x.dimension)).toEqual(["discovery", "call_control"]);
    expect(r.analyses[0].dimensions_total).toBe(2);
    const bad = await admin.call("analyze_call", { call_id: DEMO.mayaDiscovery, dimensions: ["charisma"] });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/^BAD_USER_INPUT \(UNKNOWN_DIMENSION\).*charisma/);
  });

  it("refuses invalid arguments with a validation message", async () => {
    const r = await admin.call("analyze_call", { call_id: DEMO.mayaDiscovery, timeout_seconds: 9999 });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/timeout_seconds/);
    expect(textOf(r)).toMatch(/600/);
    const e = await admin.call("analyze_call", { call_id: DEMO.mayaDiscovery, rep_email: "not-an-email" });
    expect(e.isError).toBe(true);
    expect(textOf(e)).toMatch(/rep_email must be an email address/);
    const m = await admin.call("analyze_call", {});
    expect(m.isError).toBe(true);
    expect(textOf(m)).toMatch(/call_id/);
    const u = await admin.call("analyze_call", { call_id: DEMO.mayaDiscovery, callId: "x" });
    expect(u.isError).toBe(true);
  });

  it("a REP token analyses their own calls only: another rep's call is NOT_FOUND", async () => {
    const rep = await connectValidating(ts.url, await ts.token(TokenRole.REP, DEMO.maya));
    try {
      const other = await rep.call("analyze_call", { call_id: DEMO.diegoDemo });
      expect(other.isError).toBe(true);
      expect(textOf(other)).toMatch(/^NOT_FOUND/);
      expect(textOf(other)).not.toMatch(/Ledgerline|Diego/);
      const own = await rep.call("analyze_call", { call_id: DEMO.mayaDiscovery });
      expect(own.isError).toBeFalsy();
      expect(data(own).analyses.map((p) => p.rep?.email)).toEqual([DEMO.maya]);
    } finally {
      await rep.close();
    }
  });

  it("lists analyze_call with its annotations and output schema", async () => {
    const { tools } = await admin.client.listTools();
    const tool = tools.find((t) => t.name === "analyze_call")!;
    expect(tool.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true });
    expect(Object.keys(tool.inputSchema.properties ?? {}).sort()).toEqual(["call_id", "dimensions", "force", "rep_email", "timeout_seconds"]);
    expect(tool.outputSchema?.properties).toHaveProperty("analyses");
  });
});

describe(`MCP analyze_call when the analysis outlasts the wait (${backend})`, () => {
  let ts: TestServer;
  let admin: McpTestClient;
  beforeAll(async () => {
    ts = await startDemoServer({ workers: false }); // nothing runs the queued analyses
    admin = await connectValidating(ts.url, ts.adminToken);
  });
  afterAll(async () => {
    await admin?.close();
    await ts?.close();
  });

  it("returns what is known with status RUNNING and a note to call again, not an error", async () => {
    const progress: Progress[] = [];
    const t0 = Date.now();
    const r = (await admin.client.callTool({ name: "analyze_call", arguments: { call_id: DEMO.mayaDiscovery, timeout_seconds: 1 } }, undefined, {
      onprogress: (p) => progress.push(p),
    })) as CallToolResult;
    const ms = Date.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(5000);
    expect(r.isError).toBeFalsy();
    const d = data(r);
    expect(d.status).toBe("RUNNING");
    expect(d.from_cache).toBe(false);
    expect(d.analyses[0]).toMatchObject({ status: "QUEUED", overall_score: null, dimensions_done: 0, dimensions_total: 5, dimensions: [] });
    expect(d.notes?.join(" ")).toMatch(/call analyze_call again/i);
    expect(textOf(r)).toMatch(/Still running after 1 s/);
    expect(progress[0]).toMatchObject({ progress: 0, total: 5 });
    expect(progress).toHaveLength(1); // nothing finished: no further (non-increasing) notifications
    const [call] = (await demoCalls(ts)).filter((c) => c.gongId === DEMO.mayaDiscovery);
    expect(call.analyses[0].status).toBe("QUEUED"); // still there for the next call
  });
});
