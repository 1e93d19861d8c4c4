import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { backend } from "../helpers/test-db";
import type { TestServer } from "../helpers/test-server";
import { textOf, type McpTestClient } from "../helpers/mcp";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { DEMO, useAnalysedDemo, connectValidating, type DemoCall } from "./demo-server";

interface Answer {
  rep_id: string | null;
  calls: { id: string; gong_id: string | null; title: string; started_at: string; call_type: string; overall_score: number | null }[];
  dimensions: { dimension: string; scores: (number | null)[]; deltas: (number | null)[]; distinct_strengths: string[][]; distinct_improvements: string[][] }[];
  metrics: { metric: string; values: (number | null)[] }[];
  matched_moments: { theme: string; moments: { call_index: number; at_ms: number; at: string; text: string }[] }[];
}
const data = (r: CallToolResult) => r.structuredContent as unknown as Answer;

describe(`MCP compare_calls (${backend})`, () => {
  const demo = useAnalysedDemo();
  let ts: TestServer;
  let admin: McpTestClient;
  let calls: DemoCall[];
  beforeAll(() => ({ ts, admin, calls } = demo));

  it("puts a rep's calls side by side with deltas from the first", async () => {
    const negotiation = calls.find((c) => c.gongId === DEMO.mayaNegotiation)!;
    const r = await admin.call("compare_calls", { call_ids: [DEMO.mayaDiscovery, negotiation.id], rep_email: DEMO.maya });
    expect(r.isError).toBeFalsy();
    const d = data(r);
    expect(d.calls.map((c) => c.gong_id)).toEqual([DEMO.mayaDiscovery, DEMO.mayaNegotiation]);
    expect(d.calls[1].id).toBe(negotiation.id);
    for (const c of d.calls) expect(c.overall_score).toEqual(expect.any(Number));
    expect(d.dimensions.map((x) => x.dimension).sort()).toEqual(["call_control", "discovery", "objection_handling", "relationship", "value_articulation"]);
    for (const dim of d.dimensions) {
      expect(dim.scores).toHaveLength(2);
      expect(dim.deltas[0]).toBe(0);
      expect(dim.deltas[1]).toBe(dim.scores[1]! - dim.scores[0]!);
      expect(dim.distinct_strengths).toHaveLength(2);
    }
    expect(d.metrics.map((m) => m.metric)).toContain("talkRatio");
    for (const m of d.metrics) expect(m.values).toHaveLength(2);
    for (const t of d.matched_moments) for (const m of t.moments) expect([0, 1]).toContain(m.call_index);
    const text = textOf(r);
    expect(text).toMatch(/^Comparing 2 calls for maya\.chen@prefect-demo\.example; call 1 is the baseline\./);
    expect(text).toContain(`1. ${d.calls[0].title}`);
    expect(text).toContain(`overall ${d.calls[1].overall_score}`);
    expect(text).toMatch(/talk ratio: \d+% → \d+%/);
  });

  it("limits the comparison to some dimensions", async () => {
    const d = data(await admin.call("compare_calls", { call_ids: [DEMO.mayaDiscovery, DEMO.mayaNegotiation], dimensions: ["discovery"] }));
    expect(d.dimensions.map((x) => x.dimension)).toEqual(["discovery"]);
  });

  it("refuses fewer than 2 or more than 5 ids with a validation message", async () => {
    const one = await admin.call("compare_calls", { call_ids: [DEMO.mayaDiscovery] });
    expect(one.isError).toBe(true);
    expect(textOf(one)).toMatch(/at least 2 call ids/);
    const six = await admin.call("compare_calls", { call_ids: calls.map((c) => c.id) });
    expect(six.isError).toBe(true);
    expect(textOf(six)).toMatch(/at most 5 call ids/);
    const none = await admin.call("compare_calls", {});
    expect(none.isError).toBe(true);
    expect(textOf(none)).toMatch(/call_ids/);
  });

  it("a REP token cannot compare another rep's call: NOT_FOUND", async () => {
    const rep = await connectValidating(ts.url, await ts.token(TokenRole.REP, DEMO.maya));
    try {
      const r = await rep.call("compare_calls", { call_ids: [DEMO.mayaDiscovery, DEMO.diegoDemo] });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/^NOT_FOUND/);
      expect(textOf(r)).not.toMatch(/Ledgerline|Diego/);
      const own = await rep.call("compare_calls", { call_ids: [DEMO.mayaDiscovery, DEMO.mayaNegotiation] });
      expect(own.isError).toBeFalsy();
      expect(data(own).calls).toHaveLength(2);
    } finally {
      await rep.close();
    }
  });
});
