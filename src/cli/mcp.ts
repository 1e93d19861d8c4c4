/**
 * `callcoach mcp [--http]`: the MCP adapter for Claude Desktop and other MCP clients. stdio by
 * default (the protocol on stdout, logs on stderr); `--http` serves Streamable HTTP on
 * 127.0.0.1:4100/mcp, where every caller sends their own call-coach token. The API it talks to:
 * CALLCOACH_URL, else the server holding the data dir, else one started in this process
 * (src/mcp/target.ts).
 */
import type { Command } from "commander";
import { cliRuntime, CliError } from "./runtime";
import { createMcpServer } from "../mcp/server";
import { findRunningTarget, McpTargetError, resolveMcpTarget, startInProcessTarget, type McpTarget } from "../mcp/target";
import { serveStdio } from "../mcp/transports/stdio";
import { DEFAULT_MCP_BODY_BYTES, startMcpHttp } from "../mcp/transports/http";
import { TOOLS } from "../mcp/tools";
import { execute, ViewerDocument } from "../../clients/execute";

interface McpOpts {
  http: boolean;
  host: string;
  port: string;
  allowedOrigin: string[];
  maxBodyBytes: string;
  demo: boolean;
}

export function registerMcp(program: Command): void {
  program
    .command("mcp")
    .description(
      "Run the MCP server for Claude Desktop: call-coach's tools over stdio (default) or Streamable HTTP (--http). It uses CALLCOACH_URL + CALLCOACH_TOKEN, else the server running on the data dir, else starts one in this process.",
    )
    .option("--http", "serve Streamable HTTP instead of stdio; each client sends its own token as a bearer token", false)
    .option("--host <host>", "with --http: address to bind", "127.0.0.1")
    .option("--port <port>", "with --http: port to listen on", "4100")
    .option("--allowed-origin <origin...>", "with --http: browser origins allowed besides the server's own (e.g. https://tools.example.com)", [])
    .option("--max-body-bytes <n>", "with --http: largest request body accepted", String(DEFAULT_MCP_BODY_BYTES))
    .option("--no-demo", "when starting call-coach in this process: do not load the demo calls into an empty embedded database")
    .action(async (opts: McpOpts) => {
      const rt = cliRuntime({ quiet: !opts.http });
      const { config, logger } = rt;
      const port = Number(opts.port);
      const maxBodyBytes = Number(opts.maxBodyBytes);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not "${opts.port}"`);
      if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1024) throw new CliError(`--max-body-bytes must be an integer ≥ 1024`);
      if (!opts.http) {
        let running;
        try {
          running = findRunningTarget(config, { needToken: true });
        } catch (err) {
          if (err instanceof McpTargetError) throw new CliError(err.message);
          throw err;
        }
        // With nothing running, answer the client at once and start call-coach meanwhile: the
        // first start of an embedded data dir takes seconds, and tools wait for it, not tools/list.
        const starting: Promise<McpTarget> = running
          ? Promise.resolve(running)
          : startInProcessTarget(config, logger, { needToken: true, demo: opts.demo }).catch((err: unknown) => {
              process.stderr.write(`callcoach: could not start call-coach for the MCP adapter: ${(err as Error).message.replace(/\s*\n\s*/g, " ")}\n`);
              process.exit(1);
            });
        const client = starting.then((t) => ({ url: t.url, token: t.token! }));
        const server = createMcpServer({ client, logger });
        void starting.then((target) => {
          logger.info({ api: target.url, via: target.via, tools: TOOLS.length }, "MCP server on stdio");
          // Say at once (in Claude Desktop's MCP log) when the token will not work, without delaying start-up.
          return execute({ url: target.url, token: target.token! }, ViewerDocument).then(
            ({ viewer }) => logger.info({ token: viewer.tokenName, role: viewer.role, rep: viewer.rep?.email ?? null }, "MCP tools act as this token"),
            (err: unknown) => logger.error(`call-coach at ${target.url} refused the adapter's token or is unreachable: ${(err as Error).message} — every tool will fail until CALLCOACH_TOKEN is fixed (see \`callcoach doctor\`).`),
          );
        });
        await serveStdio(server);
        await server.close();
        await (await starting).close();
        process.exit(0);
      }
      let target: McpTarget;
      try {
        target = await resolveMcpTarget(config, logger, { needToken: false, demo: opts.demo });
      } catch (err) {
        if (err instanceof McpTargetError) throw new CliError(err.message);
        throw err;
      }
      const stop = async () => {
        await target.close();
      };
      const http = await startMcpHttp({ apiUrl: target.url, host: opts.host, port, logger, allowedOrigins: opts.allowedOrigin, maxBodyBytes });
      process.stdout.write(
        [
          "",
          "call-coach MCP server (Streamable HTTP)",
          `  Endpoint:  ${http.url}`,
          `  API:       ${target.url}/graphql (${target.via})`,
          `  Tools:     ${TOOLS.length}; every client sends its own call-coach token (Authorization: Bearer …)`,
          "",
        ].join("\n") + "\n",
      );
      const shutdown = (signal: string) => {
        logger.info({ signal }, "stopping the MCP server");
        void http
          .close()
          .then(stop)
          .then(() => process.exit(0), () => process.exit(1));
      };
      process.once("SIGTERM", () => shutdown("SIGTERM"));
      process.once("SIGINT", () => shutdown("SIGINT"));
    });
}
