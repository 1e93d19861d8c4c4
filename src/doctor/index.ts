/**
 * `callcoach doctor`: checks configuration and connectivity, one line each — ✓ passed, ✗ failed
 * (with a fix), SKIP an optional part that is not set up (with how to set it up). Only the database
 * is required; a configured part that fails is ✗. Every network check has a timeout.
 */
import type { Config } from "../core/config";
import { checkAnthropic } from "./anthropic-check";
import { checkApi } from "./api-check";
import { checkConfig } from "./config-check";
import { checkDatabase } from "./database-check";
import { checkGong } from "./gong-check";
import { checkMcp } from "./mcp-check";
import { checkWebhook } from "./webhook-check";
import { DEFAULT_TIMEOUT_MS, type Check, type CheckId, type CheckOptions, type CheckResult } from "./types";
import { oneLine } from "./util";

export * from "./types";
export { checkAnthropic, checkApi, checkConfig, checkDatabase, checkGong, checkMcp, checkWebhook };

/** The checks after the configuration, in the order they are printed. */
export const CHECKS: { id: CheckId; title: string; run: Check }[] = [
  { id: "database", title: "database", run: checkDatabase },
  { id: "gong", title: "Gong API", run: checkGong },
  { id: "anthropic", title: "Anthropic", run: checkAnthropic },
  { id: "webhook", title: "webhook", run: checkWebhook },
  { id: "mcp", title: "MCP", run: checkMcp },
  { id: "api", title: "remote API", run: checkApi },
];

export interface DoctorReport {
  ok: boolean;
  failed: number;
  checks: CheckResult[];
}

export interface DoctorOptions extends Partial<CheckOptions> {
  /** Configuration source; default `.env` + process.env, as every command. */
  env?: Record<string, string | undefined>;
  /** Already-loaded configuration (tests); skips loading. */
  config?: Config;
}

/** Runs every check (the independent ones at once) and returns them in order. */
export async function runDoctor(opts: DoctorOptions = {}): Promise<DoctorReport> {
  const checkOpts: CheckOptions = { timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  let config: Config | null;
  let first: CheckResult;
  if (opts.config) {
    config = opts.config;
    first = { id: "config", title: "configuration", status: "ok", message: "valid" };
  } else {
    ({ result: first, config } = checkConfig(opts.env));
  }
  const rest: CheckResult[] = config
    ? await Promise.all(
        CHECKS.map(async (c) => {
          try {
            return await c.run(config!, checkOpts);
          } catch (err) {
            return { id: c.id, title: c.title, status: "fail" as const, message: `check crashed: ${oneLine((err as Error)?.message ?? String(err))}`, hint: "report this as a bug" };
          }
        }),
      )
    : CHECKS.map((c) => ({ id: c.id, title: c.title, status: "skip" as const, message: "configuration invalid", hint: "fix the configuration first" }));
  const checks = [first, ...rest];
  const failed = checks.filter((c) => c.status === "fail").length;
  return { ok: failed === 0, failed, checks };
}

export const MARKS: Record<CheckResult["status"], string> = { ok: "✓", fail: "✗", skip: "SKIP" };

/** One line per check: mark, title, message, and " → hint" for ✗ and SKIP. */
export function formatReport(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((c) => c.title.length));
  const lines = report.checks.map((c) => {
    const hint = c.status !== "ok" && c.hint ? ` → ${c.hint}` : "";
    return `${MARKS[c.status].padEnd(4)} ${c.title.padEnd(width)}  ${c.message}${hint}`;
  });
  const count = (s: CheckResult["status"]) => report.checks.filter((c) => c.status === s).length;
  lines.push("", `${count("ok")} passed, ${count("fail")} failed, ${count("skip")} skipped`);
  return lines.join("\n") + "\n";
}
