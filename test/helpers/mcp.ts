/**
 * The MCP SDK's real Client connected to call-coach's MCP server over the in-memory transport,
 * bound to a running test server's GraphQL API and a token.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createMcpServer } from "../../src/mcp/server";
import { createLogger } from "../../src/core/logger";

export interface McpTestClient {
  client: Client;
  /** Calls a tool and returns its result (isError results included). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export async function connectMcp(url: string, token: string): Promise<McpTestClient> {
  const server = createMcpServer({ client: { url, token }, logger: createLogger("silent") });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "call-coach-tests", version: "1.0.0" });
  await client.connect(clientSide);
  // The SDK Client validates structuredContent against a tool's output schema only once it has
  // listed the tools: list them, so every tool answer in the tests is checked.
  await client.listTools();
  return {
    client,
    async call(name, args = {}) {
      return (await client.callTool({ name, arguments: args })) as CallToolResult;
    },
    async close() {
      await client.close();
      await server.close();
    },
  };
}

/** The text of a result's first content block. */
export const textOf = (r: CallToolResult): string => (r.content[0] as { text: string }).text;
