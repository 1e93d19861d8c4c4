import type { Command } from "commander";
import { cliRuntime, CliError } from "./runtime";
import { openApp } from "../core/app";
import { describeConfig } from "../core/config";
import { scheduleReconciliation } from "../gong/reconcile";
import { scheduleWeeklyReview } from "../modules/reports/review-scheduler";

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description(
      "Run the job workers (call.analyze, …) without HTTP. Needs DATABASE_URL: run several against one PostgreSQL to scale out.",
    )
    .action(async () => {
      const { config, logger } = cliRuntime();
      if (!config.databaseUrl) {
        throw new CliError(
          "callcoach worker needs DATABASE_URL: the embedded database belongs to one process. Use `callcoach serve` (it runs the workers in-process) or point DATABASE_URL at PostgreSQL.",
        );
      }
      logger.info({ config: describeConfig(config) }, "starting call-coach worker");
      const app = await openApp(config, logger, { command: "worker" });
      try {
        await app.queue.work(app);
        await scheduleReconciliation(app);
        scheduleWeeklyReview(app);
      } catch (err) {
        await app.close();
        throw err;
      }
      logger.info({ queues: app.queue.definitions.map((d) => d.name) }, "worker ready");
      process.stdout.write(`call-coach worker running (queues: ${app.queue.definitions.map((d) => d.name).join(", ")})\n`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) {
          logger.warn({ signal }, "second signal: exiting now");
          process.exit(1);
        }
        stopping = true;
        logger.info({ signal }, "shutting down: finishing in-flight jobs");
        app
          .close()
          .then(() => process.exit(0))
          .catch((err) => {
            logger.error({ err }, "error during shutdown");
            process.exit(1);
          });
      };
      process.on("SIGTERM", () => stop("SIGTERM"));
      process.on("SIGINT", () => stop("SIGINT"));
    });
}
