/**
 * `callcoach review weekly [--week DAY]`: the weekly review of one week (default: last week), with
 * progress. Locally it analyses what is missing in this process, then writes the reports and queues
 * their delivery (sent by a running server or worker); through a running server it queues the
 * review there and follows it.
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { cliRuntime, closeTarget, openTarget, CliError } from "./runtime";
import { RunWeeklyReviewDocument, WeeklyReportsDocument, execute } from "../../clients/execute";
import { mondayOf, previousWeekStart } from "../modules/reports/review-schedule";

export function registerReview(program: Command): void {
  const review = program.command("review").description("Weekly coaching reviews.");
  review
    .command("weekly")
    .description("Write the weekly reports of a week (per rep and for the team), analysing its calls first when needed; re-running replaces that week's reports.")
    .option("--week <day>", "any day of the week to review (YYYY-MM-DD; default: last week, in REVIEW_TZ)")
    .option("--timeout <seconds>", "through a running server: how long to wait for the reports", "900")
    .action(async (opts: { week?: string; timeout: string }) => {
      const rt = cliRuntime({ quiet: true });
      let weekStart: string;
      try {
        weekStart = opts.week ? mondayOf(opts.week) : previousWeekStart(new Date(), rt.config.timeZone);
      } catch (err) {
        throw new CliError(`--week: ${(err as Error).message}`);
      }
      const target = await openTarget(rt, "review weekly");
      try {
        if (target.kind === "local") {
          const { services } = target.app;
          process.stderr.write(`Reviewing the week of ${weekStart} (${rt.config.timeZone})\n`);
          const { requested } = await services.reviews.catchUp(weekStart, { enqueue: false });
          if (requested.length) {
            const bar = new cliProgress.SingleBar(
              { format: "analysing [{bar}] {value}/{total} analyses", stream: process.stderr, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 2000 },
              cliProgress.Presets.shades_classic,
            );
            bar.start(requested.length, 0);
            for (const id of requested) {
              await services.analysisRunner.run(id);
              bar.increment();
            }
            bar.stop();
          }
          const { reports, deliveries } = await services.reviews.writeReports(weekStart);
          process.stdout.write(
            `Week of ${weekStart}: ${reports.length - 1} rep report(s) and 1 team report written` +
              (deliveries ? `; ${deliveries} deliveries queued (a running server or worker sends them).\n` : ".\n"),
          );
        } else {
          const started = Date.now();
          const { runWeeklyReview } = await execute(target.client, RunWeeklyReviewDocument, { week: weekStart });
          process.stderr.write(`Review of the week of ${runWeeklyReview.weekStart} queued on ${target.url}; waiting for the reports…\n`);
          const deadline = started + Number(opts.timeout) * 1000;
          for (;;) {
            const { weeklyReports } = await execute(target.client, WeeklyReportsDocument, { week: weekStart });
            const fresh = weeklyReports.filter((r) => Date.parse(r.updatedAt) >= started - 1000);
            if (fresh.some((r) => r.repId === null)) {
              process.stdout.write(`Week of ${weekStart}: ${fresh.length - 1} rep report(s) and 1 team report written by ${target.url}.\n`);
              break;
            }
            if (Date.now() > deadline) throw new CliError(`the review of ${weekStart} is still running after ${opts.timeout} s (analyses may be pending); see weeklyReports later`);
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
      } finally {
        await closeTarget(target);
      }
    });
}
