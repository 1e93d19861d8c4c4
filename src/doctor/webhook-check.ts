/**
 * Check 5: Gong webhook deliveries can be verified (README, "Connecting Gong", §3).
 *
 * - GONG_WEBHOOK_PUBLIC_KEY set: ✓ "signed JWT" once the key parses as an RSA public key
 *   (`checkWebhookConfig`, which `serve` runs at start), else ✗.
 * - GONG_WEBHOOK_URL_KEY set: ✓ "URL key".
 * - Neither, GONG_WEBHOOK_INSECURE set: ✗ — unsigned deliveries would be accepted, and anyone who
 *   can reach the server could make it ingest calls. Development only; doctor says so and fails.
 * - Neither: SKIP (every delivery is refused with 503; calls still come by sync and import).
 *
 * The message names the URL to give Gong: CALLCOACH_PUBLIC_URL (else http://HOST:PORT) + /webhooks/gong.
 */
import type { Config } from "../core/config";
import { checkWebhookConfig } from "../gong/webhook";
import type { CheckOptions, CheckResult } from "./types";
import { oneLine } from "./util";

const TITLE = "webhook";

/** The URL a Gong rule delivers to (without the URL key). */
export function webhookUrl(config: Config): string {
  const base = config.publicUrl ?? `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${config.port === 0 ? "<port>" : config.port}`;
  return `${base}/webhooks/gong`;
}

export async function checkWebhook(config: Config, _opts?: CheckOptions): Promise<CheckResult> {
  const { publicKey, urlKey, insecure } = config.webhook;
  const url = webhookUrl(config);
  const publicNote = config.publicUrl ? "" : " (CALLCOACH_PUBLIC_URL is unset: set it to the address Gong reaches)";
  const publicHint = config.publicUrl ? "" : "; set CALLCOACH_PUBLIC_URL to the address Gong reaches";
  const base = { id: "webhook" as const, title: TITLE };
  if (publicKey) {
    try {
      await checkWebhookConfig(config);
    } catch (err) {
      return {
        ...base,
        status: "fail",
        message: oneLine((err as Error).message),
        hint: "paste the key from the Gong rule's \"Show public key\" (the bare base64 or PEM) into GONG_WEBHOOK_PUBLIC_KEY",
        details: { mode: "jwt", url },
      };
    }
    const modes = urlKey ? "signed JWT (GONG_WEBHOOK_PUBLIC_KEY parses) and URL key" : "signed JWT (GONG_WEBHOOK_PUBLIC_KEY parses)";
    return {
      ...base,
      status: "ok",
      message: `${modes}; Gong's rule must deliver to ${url}${urlKey ? " (or …?key=<GONG_WEBHOOK_URL_KEY>)" : ""}${publicNote}`,
      details: { mode: urlKey ? "jwt+url-key" : "jwt", url },
    };
  }
  if (urlKey) {
    return {
      ...base,
      status: "ok",
      message: `URL key; Gong's rule must deliver to ${url}?key=<GONG_WEBHOOK_URL_KEY>${publicNote}`,
      details: { mode: "url-key", url },
    };
  }
  if (insecure) {
    return {
      ...base,
      status: "fail",
      message: `GONG_WEBHOOK_INSECURE is set: ${url} accepts unverified deliveries (development only)`,
      hint: "unset GONG_WEBHOOK_INSECURE and set GONG_WEBHOOK_PUBLIC_KEY (the Gong rule's public key) or GONG_WEBHOOK_URL_KEY",
      details: { mode: "insecure", url },
    };
  }
  return {
    ...base,
    status: "skip",
    message: `not configured: Gong's deliveries to ${url} would be refused (503)`,
    hint: `to ingest calls as Gong records them, create a Gong rule (Admin center → Settings → Ecosystem → Automation rules → Fire webhook) delivering to ${url} and set GONG_WEBHOOK_PUBLIC_KEY to its public key (or GONG_WEBHOOK_URL_KEY)${publicHint}`,
    details: { mode: null, url },
  };
}
