/**
 * The MCP adapter over its real transports: `callcoach mcp` spawned as a child process speaking
 * stdio to the SDK's StdioClientTransport, and `--http` (Streamable HTTP) with its checks: bearer
 * token, Origin, body size, method. Uses the compiled CLI (`npm run build` first).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { startMcpHttp, type RunningMcpHttp } from "../../src/mcp/transports/http";
import { TOOLS } from "../../src/mcp/tools";
import { createLogger } from "../../src/core/logger";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { loadDemoData } from "../../src/demo/load-demo";
import { DEMO, startDemoServer, waitForDemoAnalyses } from "./demo-server";
import { waitFor } from "../helpers/wait";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/callcoach.js");
jest.setTimeout(90_000);

/** The environment of a child: PATH and HOME only, then what the test sets (never the suite's DATABASE_URL). */
function childEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), LOG_LEVEL: "warn", ...extra };
}

const emails = (r: CallToolResult) => (r.structuredContent as { reps: { email: string }[] }).reps.map((x) => x.email).sort();

describe("callcoach mcp (stdio)", () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ demo: true, workers: false });
    // The demo calls load on their own only into the embedded database.
    if (ts.server.demoCalls === 0) await loadDemoData(ts.server.app);
  });
  afterAll(async () => {
    await ts?.close();
  });

  it("lists every tool and answers a call, against CALLCOACH_URL with CALLCOACH_TOKEN; logs stay off stdout", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-mcp-"));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "mcp"],
      env: childEnv({ CALLCOACH_URL: ts.url, CALLCOACH_TOKEN: ts.adminToken, CALLCOACH_DATA_DIR: dataDir, LOG_LEVEL: "debug" }),
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: "stdio-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(TOOLS.map((t) => t.name).sort());
      for (const t of tools) {
        expect(t.title).toBeTruthy();
        expect(t.description!.length).toBeGreaterThan(40);
        expect(t.outputSchema).toBeDefined();
        expect(t.annotations).toBeDefined();
      }
      const r = (await client.callTool({ name: "list_reps", arguments: {} })) as CallToolResult;
      expect(r.isError).toBeFalsy();
      expect(emails(r)).toContain("maya.chen@prefect-demo.example");
    } finally {
      await client.close();
    }
    // Debug logs went to stderr (stdout carried only JSON-RPC, or the client would have failed to parse).
    expect(stderr).toMatch(/MCP server on stdio/);
    expect(stderr).not.toContain(ts.adminToken);
  });

  it("calls every tool over stdio against the seeded server, and a REP's token sees only that rep through each", async () => {
    const seeded = await startDemoServer({ workers: true });
    try {
      const calls = await waitForDemoAnalyses(seeded);
      const run = await seeded.gql(`mutation($week: String) { runWeeklyReview(week: $week) { weekStart } }`, { week: "2026-11-10" });
      expect(run.errors).toBeUndefined();
      const weekStart: string = run.data!.runWeeklyReview.weekStart;
      await waitFor("the weekly reports", async () => (await seeded.gql(`query($w: String) { weeklyReports(week: $w, team: true) { id } }`, { w: weekStart })).data?.weeklyReports.length === 1, 45_000, 100);
      const byGong = new Map(calls.map((c) => [c.gongId, c.id]));
      const args: Record<string, Record<string, unknown>> = {
        list_reps: {},
        get_call: { call_id: DEMO.mayaDiscovery, transcript_limit: 5 },
        search_calls: { text: "pricing" },
        get_rep_insights: { rep_email: DEMO.maya, period: "LAST_90_DAYS", as_of: "2026-11-20" },
        get_cost_metrics: {},
        analyze_call: { call_id: byGong.get(DEMO.mayaNegotiation) },
        compare_calls: { call_ids: [DEMO.mayaDiscovery, DEMO.mayaNegotiation] },
        get_coaching_plan: { rep_email: DEMO.maya },
        get_weekly_report: { week: weekStart, rep_email: DEMO.maya },
      };
      expect(Object.keys(args).sort()).toEqual(TOOLS.map((t) => t.name).sort());
      const repToken = await seeded.token(TokenRole.REP, DEMO.maya);
      for (const [token, who] of [[seeded.adminToken, "ADMIN"], [repToken, "REP"]] as const) {
        const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp"], env: childEnv({ CALLCOACH_URL: seeded.url, CALLCOACH_TOKEN: token, CALLCOACH_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cc-mcp-")) }), stderr: "pipe" });
        const client = new Client({ name: `stdio-${who}`, version: "1.0.0" });
        await client.connect(transport);
        try {
          await client.listTools(); // the Client validates every answer against its output schema from now on
          for (const [name, a] of Object.entries(args)) {
            const r = (await client.callTool({ name, arguments: a }, undefined, { timeout: 60_000 })) as CallToolResult;
            expect({ who, name, isError: r.isError ?? false, text: r.isError ? (r.content[0] as { text: string }).text : "" }).toEqual({ who, name, isError: false, text: "" });
            expect(r.structuredContent).toBeDefined();
          }
          // Through any tool, the REP's token reaches nothing of Diego's.
          if (who === "REP") {
            const diegoCall = (await client.callTool({ name: "get_call", arguments: { call_id: DEMO.diegoDemo } })) as CallToolResult;
            expect(diegoCall.isError).toBe(true);
            expect((diegoCall.content[0] as { text: string }).text).toMatch(/^NOT_FOUND/);
            const reps = (await client.callTool({ name: "list_reps", arguments: {} })) as CallToolResult;
            expect(emails(reps)).toEqual([DEMO.maya]);
          }
        } finally {
          await client.close();
        }
      }
    } finally {
      await seeded.close();
    }
  });

  it("stops with a one-line reason when CALLCOACH_URL is set without CALLCOACH_TOKEN", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync(process.execPath, [BIN, "mcp"], { env: childEnv({ CALLCOACH_URL: ts.url }), encoding: "utf8", timeout: 30_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/CALLCOACH_TOKEN/);
  });

  it("with nothing configured, starts the embedded server in-process on a fresh data dir (one config entry for Claude Desktop)", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-mcp-embedded-"));
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp"], env: childEnv({ CALLCOACH_DATA_DIR: dataDir }), stderr: "pipe" });
    const client = new Client({ name: "stdio-embedded", version: "1.0.0" });
    await client.connect(transport);
    try {
      const r = (await client.callTool({ name: "list_reps", arguments: {} })) as CallToolResult;
      expect(r.isError).toBeFalsy();
      // The demo calls' reps: the embedded server was set up as `serve` would.
      expect(emails(r)).toContain("priya.natarajan@prefect-demo.example");
      // While it runs, it holds the data dir and says where it listens, so other commands can use it.
      const lock = JSON.parse(fs.readFileSync(path.join(dataDir, "callcoach.lock"), "utf8")) as { command: string; url: string };
      expect(lock.command).toBe("mcp");
      expect(lock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      // A second `callcoach mcp` on the same data dir uses that server instead of opening the files.
      const second = new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp"], env: childEnv({ CALLCOACH_DATA_DIR: dataDir, LOG_LEVEL: "debug" }), stderr: "pipe" });
      let stderr = "";
      second.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
      const client2 = new Client({ name: "stdio-embedded-2", version: "1.0.0" });
      await client2.connect(second);
      try {
        const r2 = (await client2.callTool({ name: "list_reps", arguments: {} })) as CallToolResult;
        expect(emails(r2)).toEqual(emails(r));
      } finally {
        await client2.close();
      }
      expect(stderr).toContain('"via":"running server"');
      expect(stderr).toContain(lock.url);
    } finally {
      await client.close();
    }
  });
});

describe("callcoach mcp --http (Streamable HTTP)", () => {
  let ts: TestServer;
  let mcp: RunningMcpHttp;
  let repToken: string;
  beforeAll(async () => {
    ts = await startTestServer({ demo: true, workers: false });
    // The demo calls load on their own only into the embedded database.
    if (ts.server.demoCalls === 0) await loadDemoData(ts.server.app);
    mcp = await startMcpHttp({ apiUrl: ts.url, host: "127.0.0.1", port: 0, logger: createLogger("silent"), allowedOrigins: ["https://tools.example.com"], maxBodyBytes: 64 * 1024 });
    repToken = await ts.token(TokenRole.REP, "maya.chen@prefect-demo.example");
  });
  afterAll(async () => {
    await mcp?.close();
    await ts?.close();
  });

  const initialize = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  });
  const post = (headers: Record<string, string>, body = initialize) =>
    fetch(mcp.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }, body });

  async function connect(token: string, origin?: string): Promise<Client> {
    const transport = new StreamableHTTPClientTransport(new URL(mcp.url), {
      requestInit: { headers: { authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) } },
    });
    const client = new Client({ name: "http-test", version: "1.0.0" });
    await client.connect(transport);
    return client;
  }

  it("serves the tools to a client with a token, scoped to that caller's token", async () => {
    const admin = await connect(ts.adminToken);
    const rep = await connect(repToken, "https://tools.example.com");
    try {
      expect((await admin.listTools()).tools).toHaveLength(TOOLS.length);
      const all = emails((await admin.callTool({ name: "list_reps", arguments: {} })) as CallToolResult);
      const mine = emails((await rep.callTool({ name: "list_reps", arguments: {} })) as CallToolResult);
      expect(all.length).toBeGreaterThan(1);
      expect(mine).toEqual(["maya.chen@prefect-demo.example"]);
    } finally {
      await admin.close();
      await rep.close();
    }
  });

  it("refuses a request without a bearer token (401 with WWW-Authenticate) and a token the API rejects", async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/bearer token is required/);
    const wrong = await post({ authorization: "Bearer cc_not_a_real_token" });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/not accepted/);
  });

  it("refuses a foreign Origin (403) and accepts its own loopback origin and configured ones", async () => {
    const foreign = await post({ authorization: `Bearer ${ts.adminToken}`, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toMatch(/evil\.example is not allowed/);
    const port = new URL(mcp.url).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, "https://tools.example.com"]) {
      const ok = await post({ authorization: `Bearer ${ts.adminToken}`, origin });
      expect(ok.status).toBe(200);
    }
  });

  it("limits the body (413), refuses malformed JSON (400), other methods (405) and paths (404)", async () => {
    const big = await post({ authorization: `Bearer ${ts.adminToken}` }, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(70 * 1024) } }));
    expect(big.status).toBe(413);
    const bad = await post({ authorization: `Bearer ${ts.adminToken}` }, "{not json");
    expect(bad.status).toBe(400);
    expect((await fetch(mcp.url, { method: "GET", headers: { authorization: `Bearer ${ts.adminToken}` } })).status).toBe(405);
    expect((await fetch(mcp.url.replace(/\/mcp$/, "/other"), { method: "POST" })).status).toBe(404);
  });
});
