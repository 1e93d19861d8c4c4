import type { Command } from "commander";
import cliProgress from "cli-progress";
import { cliRuntime, closeTarget, openTarget, CliError } from "./runtime";
import { gongClientFor } from "../gong/gong-access";
import { ingestGongCall } from "../gong/ingest";
import { callsToIngest, syncGongUsers } from "../gong/sync";
import { startGongSimulator } from "../gong/simulator";
import { SyncGongCallsDocument, execute } from "../../clients/execute";

function parseDate(value: string, flag: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new CliError(`${flag} "${value}" is not an ISO-8601 date or date-time`);
  return d;
}

export function registerGong(program: Command): void {
  const gong = program.command("gong").description("Work with Gong: backfill calls, or run the Gong simulator.");

  gong
    .command("sync")
    .description("Sync Gong users to reps and ingest the calls of a window that call-coach lacks (progress with calls/s and ETA).")
    .requiredOption("--from <date>", "start of the window (inclusive), ISO-8601")
    .requiredOption("--to <date>", "end of the window (exclusive), ISO-8601")
    .option("--force", "re-ingest calls already stored")
    .option("--no-users", "skip the user sync")
    .action(async (opts: { from: string; to: string; force?: boolean; users: boolean }) => {
      const from = parseDate(opts.from, "--from");
      const to = parseDate(opts.to, "--to");
      if (from >= to) throw new CliError("--from must be before --to");
      const rt = cliRuntime({ quiet: true });
      const target = await openTarget(rt, "gong sync");
      try {
        if (target.kind === "remote") {
          const r = await execute(target.client, SyncGongCallsDocument, {
            from: from.toISOString(),
            to: to.toISOString(),
            force: !!opts.force,
            users: opts.users,
          });
          process.stdout.write(
            `Queued gong.sync job ${r.syncGongCalls.id} on the server at ${target.url}; its workers ingest the calls (see \`callcoach jobs failed\` for problems).\n`,
          );
          return;
        }
        const app = target.app;
        const client = gongClientFor(app);
        if (opts.users) {
          const u = await syncGongUsers(app, client);
          process.stdout.write(`Users: ${u.users} from Gong, ${u.reps} reps upserted, ${u.managersLinked} manager links set.\n`);
        }
        const ids = await callsToIngest(app, client, from, to, !!opts.force);
        if (ids.length === 0) {
          process.stdout.write("No calls to ingest in that window.\n");
          return;
        }
        const bar = new cliProgress.SingleBar(
          {
            format: "ingesting [{bar}] {value}/{total} calls | {speed} calls/s | ETA {eta_formatted}",
            stream: process.stderr,
            noTTYOutput: !process.stderr.isTTY,
            notTTYSchedule: 2000,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = Date.now();
        bar.start(ids.length, 0, { speed: "0.0" });
        let failed = 0;
        for (const id of ids) {
          try {
            const r = await ingestGongCall(app, client, id);
            await app.queue.enqueue("call.analyze", { callId: r.callId, reason: "ingest:sync" });
          } catch (err) {
            failed++;
            app.logger.warn({ gongCallId: id, err: (err as Error).message }, "call not ingested");
          }
          const secs = (Date.now() - started) / 1000;
          bar.increment({ speed: (bar.getProgress() * ids.length / Math.max(secs, 0.001)).toFixed(1) });
        }
        bar.stop();
        const secs = (Date.now() - started) / 1000;
        process.stdout.write(
          `Ingested ${ids.length - failed} of ${ids.length} calls in ${secs.toFixed(1)} s (${((ids.length - failed) / secs).toFixed(2)} calls/s).` +
            (failed ? ` ${failed} failed (see the log; run again to retry them).` : "") +
            "\n",
        );
        if (failed) process.exitCode = 1;
      } finally {
        await closeTarget(target);
      }
    });

  gong
    .command("simulate")
    .description("Run the Gong simulator: Gong's v2 API (Basic auth, paging, 3 req/s) over demo and generated calls; can send signed webhooks.")
    .option("--port <port>", "port (0 picks a free one)", "4010")
    .option("--calls <n>", "generated calls besides the demo calls", "20")
    .option("--seed <s>", "seed of the generator", "1")
    .option("--webhook <url>", "send a signed webhook for every call to this URL once started")
    .action(async (opts: { port: string; calls: string; seed: string; webhook?: string }) => {
      const sim = await startGongSimulator({ port: Number(opts.port), calls: Number(opts.calls), seed: Number(opts.seed) });
      const lines = [
        "",
        "Gong simulator is running",
        `  GONG_API_BASE_URL=${sim.url}`,
        "  GONG_API_KEY=sim-key  GONG_API_SECRET=sim-secret   (the simulator's fixed demo credentials)",
        `  GONG_WEBHOOK_PUBLIC_KEY=${sim.webhookPublicKeyBase64}`,
        `  ${sim.callIds().length} calls; 3 requests/s, 10,000/day`,
        "",
      ];
      process.stdout.write(lines.join("\n") + "\n");
      if (opts.webhook) {
        for (const id of sim.callIds()) {
          const r = await sim.sendWebhook({ url: opts.webhook, gongCallId: id });
          process.stdout.write(`webhook for ${id}: HTTP ${r.status} ${r.body}\n`);
        }
      }
      const stop = () => {
        sim.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    });
}
