/**
 * Check 6: the MCP adapter's tools and prompts register. Builds the server `callcoach mcp` runs
 * (with a client pointing nowhere: listing needs no GraphQL) and lists them through the SDK's real
 * Client over the in-memory transport.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Config } from "../core/config";
import { createLogger } from "../core/logger";
import { createMcpServer } from "../mcp/server";
import type { CheckOptions, CheckResult } from "./types";
import { oneLine, withTimeout } from "./util";

const TITLE = "MCP";

export async function checkMcp(_config: Config, opts: CheckOptions): Promise<CheckResult> {
  const base = { id: "mcp" as const, title: TITLE };
  let server: ReturnType<typeof createMcpServer> | undefined;
  const client = new Client({ name: "callcoach-doctor", version: "1.0.0" });
  try {
    server = createMcpServer({ client: { url: "http://127.0.0.1:9", token: "doctor" }, logger: createLogger("silent") });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const { tools, prompts } = await withTimeout(
      (async () => {
        await client.connect(clientSide);
        const t = await client.listTools();
        const p = await client.listPrompts();
        return { tools: t.tools.length, prompts: p.prompts.length };
      })(),
      opts.timeoutMs,
      "the MCP server",
    );
    if (tools === 0) {
      return { ...base, status: "fail", message: "the MCP server lists no tools", hint: "a build problem: run `npm run build` again", details: { tools, prompts } };
    }
    return { ...base, status: "ok", message: `${tools} tools, ${prompts} prompts (\`callcoach mcp\` serves them)`, details: { tools, prompts } };
  } catch (err) {
    return {
      ...base,
      status: "fail",
      message: `the MCP server does not start: ${oneLine((err as Error)?.message ?? String(err))}`,
      hint: "a build or installation problem: run `npm install` and `npm run build` again",
    };
  } finally {
    await client.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
}
