/**
 * What one `callcoach doctor` check reports: passed (✓), failed (✗, with a fix) or skipped (SKIP,
 * with what to do to use the part). Messages and hints never carry a secret.
 */
import type { Config } from "../core/config";

export type CheckStatus = "ok" | "fail" | "skip";

export type CheckId = "config" | "database" | "gong" | "anthropic" | "webhook" | "mcp" | "api";

export interface CheckResult {
  id: CheckId;
  /** Short label printed before the message ("database", "Gong API" …). */
  title: string;
  status: CheckStatus;
  /** What was found, in one line. */
  message: string;
  /** For ✗ and SKIP: what a person can do about it. */
  hint?: string;
  /** Figures others may read from `--json` (model, webhook URL, tool count …); never secrets. */
  details?: Record<string, string | number | boolean | null>;
}

export interface CheckOptions {
  /** Longest wait for any one network answer (default 5,000 ms). */
  timeoutMs: number;
}

export type Check = (config: Config, opts: CheckOptions) => Promise<CheckResult>;

export const DEFAULT_TIMEOUT_MS = 5_000;
