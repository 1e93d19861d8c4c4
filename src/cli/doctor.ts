/**
 * `callcoach doctor`: configuration and connectivity checks (src/doctor/), one line each with
 * ✓ / ✗ / SKIP and a fix for ✗ and SKIP. Exits non-zero when a check fails; an optional part that
 * is not set up (Gong, Anthropic, webhook) is SKIP, not a failure. Secrets are never printed.
 */
import type { Command } from "commander";
import { CliError } from "./runtime";
import { formatReport, runDoctor, DEFAULT_TIMEOUT_MS } from "../doctor";

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(
      "Check the configuration, the database (reachable, migrated), Gong and Anthropic credentials, webhook verification and the MCP tools: ✓, ✗ with a fix, or SKIP for a part not set up. Exit code 1 when a check fails.",
    )
    .option("--json", "print the checks as JSON")
    .option("--timeout <seconds>", "longest wait for each network check", String(DEFAULT_TIMEOUT_MS / 1000))
    .action(async (opts: { json?: boolean; timeout: string }) => {
      const timeout = Number(opts.timeout);
      if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) {
        throw new CliError(`--timeout "${opts.timeout}" must be a number of seconds between 0 and 600`);
      }
      const report = await runDoctor({ timeoutMs: Math.round(timeout * 1000) });
      process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
      if (report.failed > 0) throw new CliError(`doctor: ${report.failed} check(s) failed`);
    });
}
