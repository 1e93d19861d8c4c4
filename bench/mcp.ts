/**
 * Section 11: the MCP adapter. A call-coach server (PostgreSQL by default, workers on) over N
 * generated calls (search-data.ts, default 10,000), then `callcoach mcp` spawned as a child process
 * with CALLCOACH_URL + CALLCOACH_TOKEN and driven by the MCP SDK's real Client over stdio, as
 * Claude Desktop drives it:
 * - process start → answered `tools/list` (spawn, initialize, tools/list), `starts` times;
 * - `analyze_call` on a call already analysed (the result cache answers; goal < 300 ms);
 * - `search_calls` p50/p95 for the filters of section 8, a page of 10 hits with snippets.
 * Every figure is the client's wall time, JSON-RPC over the pipe and GraphQL over HTTP included.
 */
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { startServer, TokenRole, userEmail } from "./src-imports";
import { openBenchApp, type BackendKind } from "./backends";
import { seedSearchData } from "./search-data";
import { percentile } from "./http";
import { fmt, int, pad, padEnd, passFail, type SectionContext } from "./section";

export interface McpBenchOptions {
  /** Generated calls (--mcp-calls, default 10000). */
  calls: number;
  /** Cold starts measured (--mcp-starts, default 7). */
  starts: number;
  /** Timed tool calls per query (--mcp-runs, default 30). */
  runs: number;
  /** Backend (--mcp-backend=postgres|pglite; default postgres when available). */
  backend?: BackendKind;
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

const statsOf = (values: number[]): Stats => {
  const s = [...values].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], n: s.length };
};

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/callcoach.js");

function transportFor(url: string, token: string): StdioClientTransport {
  return new StdioClientTransport({
    command: process.execPath,
    args: [BIN, "mcp"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", CALLCOACH_URL: url, CALLCOACH_TOKEN: token, LOG_LEVEL: "warn" },
    stderr: "ignore",
  });
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ ms: number; result: CallToolResult }> {
  const t0 = performance.now();
  const result = (await client.callTool({ name, arguments: args }, undefined, { timeout: 600_000 })) as CallToolResult;
  const ms = performance.now() - t0;
  if (result.isError) throw new Error(`${name} failed: ${(result.content[0] as { text: string }).text}`);
  return { ms, result };
}

const LAST_MONTH = { from: "2026-10-01T00:00:00-07:00", to: "2026-11-01T00:00:00-07:00" };

export async function mcpSection(ctx: SectionContext, opts: McpBenchOptions): Promise<void> {
  const { out, progress } = ctx;
  const kind: BackendKind = opts.backend ?? (ctx.pgAdminUrl ? "postgres" : "pglite");
  out(`11. MCP adapter: \`callcoach mcp\` over stdio (SDK Client), against a server with ${int(opts.calls)} generated calls`);
  const o = await openBenchApp(ctx, kind, "mcp");
  try {
    const { summary: seed, users } = await seedSearchData(o.app.db.dataSource, opts.calls, progress);
    progress(`mcp (${o.short}): ${int(seed.calls)} calls in ${fmt(seed.seconds, 0)} s; starting the server (workers on)…`);
    const server = await startServer(o.app, { demo: false, workers: true });
    ctx.onCleanup("close mcp server", () => server.close());
    try {
      const token = server.adminToken!;
      const url = server.http.url;

      // 1. Start → tools/list.
      const starts: number[] = [];
      let toolCount = 0;
      for (let i = 0; i < opts.starts; i++) {
        progress(`mcp: start ${i + 1}/${opts.starts}…`);
        const t0 = performance.now();
        const client = new Client({ name: "bench", version: "1.0.0" });
        await client.connect(transportFor(url, token));
        toolCount = (await client.listTools()).tools.length;
        starts.push(performance.now() - t0);
        await client.close();
      }

      const client = new Client({ name: "bench", version: "1.0.0" });
      await client.connect(transportFor(url, token));
      try {
        // 2. analyze_call on an analysed call: analyse one first (heuristic engine unless a key is set).
        const ae = users.find((u) => u.role === "AE")!;
        const first = await call(client, "search_calls", { rep_email: userEmail(ae), first: 1 });
        const callId = (first.result.structuredContent as { hits: { call: { id: string } }[] }).hits[0].call.id;
        progress(`mcp: analysing call ${callId} once…`);
        const initial = await call(client, "analyze_call", { call_id: callId, timeout_seconds: 600 });
        const analysed: number[] = [];
        for (let i = 0; i < opts.runs + 3; i++) {
          const r = await call(client, "analyze_call", { call_id: callId });
          if (i >= 3) analysed.push(r.ms);
        }

        // 3. search_calls.
        const queries: { name: string; args: Record<string, unknown> }[] = [
          { name: 'text "security review"', args: { text: "security review" } },
          { name: 'text "Dagster"', args: { text: "Dagster" } },
          { name: "discovery, last month, PRICING objection, score < 70", args: { call_type: "DISCOVERY", ...LAST_MONTH, objection_type: "PRICING", max_score: 70 } },
          { name: 'customer domain + text "security"', args: { participant_domain: "kestrel-freight.example", text: "security" } },
          { name: 'rep + text "retries"', args: { rep_email: userEmail(ae), text: "retries" } },
          { name: "no filter (newest first)", args: {} },
        ];
        const rows: { name: string; hits: number; stats: Stats }[] = [];
        for (const q of queries) {
          progress(`mcp: search_calls ${q.name}…`);
          let hits = 0;
          const times: number[] = [];
          for (let i = 0; i < opts.runs + 3; i++) {
            const r = await call(client, "search_calls", { ...q.args, first: 10 });
            hits = (r.result.structuredContent as { total_count: number }).total_count;
            if (i >= 3) times.push(r.ms);
          }
          rows.push({ name: q.name, hits, stats: statsOf(times) });
        }

        const s = statsOf(starts);
        const a = statsOf(analysed);
        out(`   ${o.backend}; data: ${int(seed.calls)} calls, ${int(seed.segments)} segments; server workers on; ADMIN token`);
        out(`   start → tools/list answered (${toolCount} tools), ${s.n} starts: p50 ${fmt(s.p50, 0)} ms, max ${fmt(s.max, 0)} ms   goal < 1 500 ms: ${passFail(s.max < 1500)}`);
        out(`     each: ${starts.map((v) => fmt(v, 0)).join(", ")} ms`);
        out(`   analyze_call, first run (heuristic unless ANTHROPIC_API_KEY): ${fmt(initial.ms, 0)} ms`);
        out(`   analyze_call on the analysed call, ${a.n} calls: p50 ${fmt(a.p50)} ms, p95 ${fmt(a.p95)} ms, max ${fmt(a.max)} ms   goal < 300 ms: ${passFail(a.p95 < 300)}`);
        out(`   search_calls (page of 10 with snippets), ${opts.runs} calls each after 3 warm-ups:`);
        out(`   ${padEnd("query", 52)} ${pad("hits", 7)} ${pad("p50 ms", 8)} ${pad("p95 ms", 8)} ${pad("max ms", 8)}`);
        for (const r of rows) out(`   ${padEnd(r.name, 52)} ${pad(int(r.hits), 7)} ${pad(fmt(r.stats.p50), 8)} ${pad(fmt(r.stats.p95), 8)} ${pad(fmt(r.stats.max), 8)}`);
        out();
      } finally {
        await client.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    await o.close();
  }
  void TokenRole;
}
