import { startTestServer, type TestServer } from "../helpers/test-server";
import { connectMcp, textOf, type McpTestClient } from "../helpers/mcp";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { loadDemoData } from "../../src/demo/load-demo";

describe("MCP list_reps", () => {
  let ts: TestServer;
  let admin: McpTestClient;
  beforeAll(async () => {
    ts = await startTestServer({ demo: true, workers: false });
    // The demo calls load on their own only into the embedded database.
    if (ts.server.demoCalls === 0) await loadDemoData(ts.server.app);
    admin = await connectMcp(ts.url, ts.adminToken);
  });
  afterAll(async () => {
    await admin?.close();
    await ts?.close();
  });

  it("lists every rep for an ADMIN, paged", async () => {
    const r = await admin.call("list_reps", { first: 2 });
    expect(r.isError).toBeFalsy();
    const data = r.structuredContent as { reps: { email: string }[]; total_count: number; next_cursor: string | null };
    expect(data.reps).toHaveLength(2);
    expect(data.total_count).toBeGreaterThanOrEqual(4);
    expect(data.next_cursor).not.toBeNull();
    const next = await admin.call("list_reps", { first: 100, cursor: data.next_cursor });
    const rest = (next.structuredContent as { reps: { email: string }[] }).reps;
    expect(rest.length).toBe(data.total_count - 2);
    expect(textOf(r)).toMatch(/rep\(s\) visible/);
  });

  it("a REP token sees only its own rep", async () => {
    const token = await ts.token(TokenRole.REP, "maya.chen@prefect-demo.example");
    const rep = await connectMcp(ts.url, token);
    try {
      const r = await rep.call("list_reps");
      expect((r.structuredContent as { reps: { email: string }[] }).reps.map((x) => x.email)).toEqual(["maya.chen@prefect-demo.example"]);
    } finally {
      await rep.close();
    }
  });

  it("refuses unknown and invalid arguments with a validation message", async () => {
    const r = await admin.call("list_reps", { first: 1000 });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/first|100/i);
    const u = await admin.call("list_reps", { bogus: 1 });
    expect(u.isError).toBe(true);
    expect(textOf(u)).toMatch(/bogus|unrecognized/i);
  });

  it("a wrong token is an isError result naming UNAUTHENTICATED and what to do", async () => {
    const bad = await connectMcp(ts.url, "cc_wrong_token");
    try {
      const r = await bad.call("list_reps");
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/^UNAUTHENTICATED/);
      expect(textOf(r)).toMatch(/callcoach token create/);
    } finally {
      await bad.close();
    }
  });
});
