import type { Command } from "commander";
import { cliRuntime, closeTarget, openTarget } from "./runtime";
import { FailedJobsDocument, RetryJobDocument, execute } from "../../clients/execute";

interface JobLine {
  id: string;
  queue: string;
  state: string;
  error: string | null;
  retryCount: number;
  finishedAt: string | Date | null;
}

export function registerJobs(program: Command): void {
  const jobs = program.command("jobs").description("Inspect and retry background jobs.");

  jobs
    .command("failed")
    .description("List jobs that failed after all their retries (newest first).")
    .option("--queue <name>", "only this queue, e.g. call.ingest")
    .option("--first <n>", "how many to show (max 100)", "50")
    .option("--json", "print JSON")
    .action(async (opts: { queue?: string; first: string; json?: boolean }) => {
      const rt = cliRuntime({ quiet: true });
      const target = await openTarget(rt, "jobs failed");
      let rows: JobLine[];
      let total: number;
      try {
        const first = Number(opts.first);
        if (target.kind === "local") {
          const page = await target.app.services.jobs.failed(opts.queue, first, null);
          rows = page.rows.slice(0, first);
          total = await page.count();
        } else {
          const r = await execute(target.client, FailedJobsDocument, { queue: opts.queue, first });
          rows = r.failedJobs.edges.map((e) => e.node);
          total = r.failedJobs.totalCount;
        }
      } finally {
        await closeTarget(target);
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
        return;
      }
      if (!rows.length) {
        process.stdout.write("No failed jobs.\n");
        return;
      }
      for (const j of rows) {
        const when = j.finishedAt ? new Date(j.finishedAt).toISOString() : "-";
        process.stdout.write(`${j.id}  ${j.queue}  retries ${j.retryCount}  ${when}  ${(j.error ?? "").slice(0, 120)}\n`);
      }
      process.stdout.write(`${rows.length} of ${total} failed job(s). Retry one with \`callcoach jobs retry ID\`.\n`);
    });

  jobs
    .command("retry")
    .description("Put a failed job back in its queue.")
    .argument("<id>", "the job's id")
    .action(async (id: string) => {
      const rt = cliRuntime({ quiet: true });
      const target = await openTarget(rt, "jobs retry");
      try {
        const job =
          target.kind === "local"
            ? await target.app.services.jobs.retry(id)
            : (await execute(target.client, RetryJobDocument, { id })).retryJob;
        process.stdout.write(`Job ${job.id} (${job.queue}) is queued again (state ${job.state}).\n`);
      } finally {
        await closeTarget(target);
      }
    });
}
