/**
 * `createMcpServer()`: an McpServer with call-coach's tools, resources (the rubrics per role) and
 * prompts, bound to one GraphQL client (URL + token). Transports are thin (transports/); over HTTP
 * each request gets its own server bound to its caller's token, so scoping is per caller.
 */
import { z } from "zod";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ClientOptions } from "../../clients/execute";
import type { Logger } from "../core/logger";
import { TOOLS } from "./tools";
import { registerRubricResources } from "./resources";
import { registerPrompts } from "./prompts";
import { errorResult, toResult } from "./results";
import type { ToolDefinition } from "./tool";

export const MCP_SERVER_NAME = "call-coach";
export const MCP_SERVER_VERSION = "0.1.0";

export const MCP_INSTRUCTIONS =
  "call-coach scores sales calls (recorded in Gong) against role rubrics for AEs, SEs and CSMs, and keeps " +
  "each rep's trends. Find calls with search_calls (or get_call by id), score one with analyze_call, and " +
  "coach with get_rep_insights, get_coaching_plan, compare_calls and get_weekly_report. Every answer is " +
  "limited to what the configured token may see; ids may be call-coach's or Gong's.";

export interface McpServerOptions {
  /** The API and token; a promise while the adapter is still starting call-coach in-process (tools wait for it). */
  client: ClientOptions | Promise<ClientOptions>;
  logger: Logger;
}

const notesShape = {
  notes: z.array(z.string()).optional().describe("What was left out of this answer and how to get it."),
};

function registerTool(server: McpServer, tool: ToolDefinition, opts: McpServerOptions): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: z.object(tool.inputSchema).strict(),
      outputSchema: { ...tool.outputSchema, ...notesShape },
      annotations: { title: tool.title, ...tool.annotations },
    },
    async (args: Record<string, unknown>, extra) => {
      const started = Date.now();
      const progressToken = extra._meta?.progressToken;
      try {
        const client = await opts.client;
        const answer = await tool.run(
          {
            client,
            logger: opts.logger,
            signal: extra.signal,
            progress:
              progressToken === undefined
                ? undefined
                : (progress, total, message) =>
                    extra.sendNotification({ method: "notifications/progress", params: { progressToken, progress, total, message } }),
          },
          args as never,
        );
        opts.logger.debug({ tool: tool.name, ms: Date.now() - started }, "MCP tool answered");
        return toResult(answer as { summary: string; data: object });
      } catch (err) {
        opts.logger.info({ tool: tool.name, ms: Date.now() - started, err: (err as Error).message }, "MCP tool failed");
        return errorResult(err);
      }
    },
  );
}

export function createMcpServer(opts: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version: MCP_SERVER_VERSION },
    { instructions: MCP_INSTRUCTIONS, capabilities: { logging: {} } },
  );
  for (const tool of TOOLS) registerTool(server, tool as unknown as ToolDefinition, opts);
  registerRubricResources(server, opts);
  registerPrompts(server);
  return server;
}
