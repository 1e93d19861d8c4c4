import fs from "node:fs";
import type { Command } from "commander";
import { cliRuntime } from "./runtime";
import { openApp, startServer } from "../core/app";
import { adminTokenPath } from "../modules/tokens/token.service";
import { describeConfig } from "../core/config";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("Run the HTTP server: GraphQL over HTTP and WebSocket at /graphql, health, readiness and metrics.")
    .option("--no-demo", "do not load the demo calls on the first start of an empty embedded database")
    .option("--no-worker", "do not run the job workers in this process (run `callcoach worker` elsewhere)")
    .action(async (opts: { demo: boolean; worker: boolean }) => {
      const rt = cliRuntime();
      const { config, logger } = rt;
      logger.info({ config: describeConfig(config) }, "starting call-coach");
      const app = await openApp(config, logger, { command: "serve" });
      let server;
      try {
        server = await startServer(app, { demo: opts.demo, workers: opts.worker });
      } catch (err) {
        await app.close();
        throw err;
      }
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) {
          logger.warn({ signal }, "second signal: exiting now");
          process.exit(1);
        }
        stopping = true;
        logger.info({ signal }, "shutting down: draining HTTP, closing WebSockets and the database");
        server!
          .close()
          .then(() => {
            logger.info("stopped");
            process.exit(0);
          })
          .catch((err) => {
            logger.error({ err }, "error during shutdown");
            process.exit(1);
          });
      };
      process.on("SIGTERM", () => stop("SIGTERM"));
      process.on("SIGINT", () => stop("SIGINT"));
      const lines = [
        "",
        "call-coach is running",
        `  GraphQL:    ${server.http.url}/graphql   (WebSocket: ${server.http.url.replace(/^http/, "ws")}/graphql)`,
        `  Health:     ${server.http.url}/healthz   Metrics: ${server.http.url}/metrics`,
        `  Database:   ${app.db.kind === "embedded" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
        `  Jobs:       ${opts.worker ? "workers running in this process" : "no workers here (--no-worker)"}`,
        `  Analysis:   ${config.analysis.apiKey ? `Claude (${config.analysis.model})` : "heuristic engine (set ANTHROPIC_API_KEY to score with Claude)"}`,
      ];
      if (server.demoCalls) lines.push(`  Demo data:  ${server.demoCalls} demo calls loaded (titles start with "[Demo]")`);
      if (server.adminToken) {
        lines.push(
          `  Admin token (shown once; also saved to ${adminTokenPath(config.dataDir)}, mode 0600):`,
          server.adminToken,
        );
      } else {
        lines.push(
          fs.existsSync(adminTokenPath(config.dataDir))
            ? `  Admin token: created on first start (see ${adminTokenPath(config.dataDir)}); more with \`callcoach token create\``
            : `  Admin token: tokens already existed on first start; create one with \`callcoach token create --role ADMIN\``,
        );
      }
      process.stdout.write(lines.join("\n") + "\n\n");
      logger.info({ url: server.http.url }, "listening");

    });
}
