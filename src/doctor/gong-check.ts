/**
 * Check 3: Gong accepts the credentials. One cheap authenticated request through the real client
 * (`GET /v2/users`, first page only), with one attempt and a timeout. SKIP when no credentials are
 * set. The request is not drawn from the database's shared budget (doctor needs no database for
 * it); it is one request.
 */
import type { Config } from "../core/config";
import { ConfigError } from "../core/config";
import {
  createGongClient,
  gongAuthFromConfig,
  GongAuthError,
  GongBudgetExhaustedError,
  GongRateLimitedError,
  GongUnavailableError,
  InMemoryRequestBudget,
  type GongAuth,
} from "../gong/client";
import type { CheckOptions, CheckResult } from "./types";
import { networkReason, oneLine, seconds, withTimeout } from "./util";

const TITLE = "Gong API";

export async function checkGong(config: Config, opts: CheckOptions): Promise<CheckResult> {
  const { accessKey, accessKeySecret, token, baseUrl } = config.gong;
  const base = { id: "gong" as const, title: TITLE };
  if (!accessKey && !accessKeySecret && !token) {
    return {
      ...base,
      status: "skip",
      message: "no credentials set: calls come only from `callcoach import` (no webhook ingestion, sync or reconciliation)",
      hint: "set GONG_API_KEY and GONG_API_SECRET (Gong → Admin center → Settings → Ecosystem → API), or GONG_API_TOKEN",
    };
  }
  let auth: GongAuth;
  try {
    auth = gongAuthFromConfig(config.gong);
  } catch (err) {
    const msg = err instanceof ConfigError ? err.message : (err as Error).message;
    return { ...base, status: "fail", message: oneLine(msg.split(":")[0]), hint: "set both GONG_API_KEY and GONG_API_SECRET (one key pair), or GONG_API_TOKEN alone" };
  }
  const authName = auth.kind === "basic" ? "GONG_API_KEY/GONG_API_SECRET" : "GONG_API_TOKEN";
  const details = { baseUrl, auth: auth.kind };
  const client = createGongClient({
    baseUrl,
    auth,
    budget: new InMemoryRequestBudget({ perSecond: config.gong.requestsPerSecond, perDay: config.gong.requestsPerDay }),
    timeoutMs: opts.timeoutMs,
    retry: { maxAttempts: 1, maxRateLimitRetries: 0 },
  });
  try {
    let users = 0;
    let total: number | undefined;
    await withTimeout(
      (async () => {
        for await (const page of client.listUsers()) {
          users = page.items.length;
          total = page.records?.totalRecords ?? undefined;
          break; // the first page is enough
        }
      })(),
      opts.timeoutMs + 1_000,
      `Gong at ${baseUrl}`,
    );
    return {
      ...base,
      status: "ok",
      message: `${baseUrl} accepted ${authName} (${auth.kind === "basic" ? "access key" : "OAuth token"}; ${total ?? users} users visible)`,
      details: { ...details, users: total ?? users },
    };
  } catch (err) {
    return gongFailure(err, baseUrl, auth, opts, details);
  }
}

function gongFailure(err: unknown, baseUrl: string, auth: GongAuth, opts: CheckOptions, details: CheckResult["details"]): CheckResult {
  const base = { id: "gong" as const, title: TITLE, status: "fail" as const, details };
  if (err instanceof GongAuthError) {
    if (err.status === 403) {
      return {
        ...base,
        message: `${baseUrl} refused GET /v2/users (HTTP 403): the credentials lack a permission or scope, or this IP is not trusted`,
        hint:
          auth.kind === "basic"
            ? "check the key's IP allow list in Gong (Admin center → Settings → Ecosystem → API)"
            : "the token needs the scopes api:calls:read:basic, api:calls:read:extensive, api:calls:read:transcript and api:users:read",
      };
    }
    return {
      ...base,
      message: `${baseUrl} rejected the credentials (HTTP ${err.status ?? 401})`,
      hint:
        auth.kind === "basic"
          ? `check that GONG_API_KEY and GONG_API_SECRET are the access key and secret of one key pair (Gong → Admin center → Settings → Ecosystem → API), and that GONG_API_BASE_URL (${baseUrl}) is https://api.gong.io or your tenant's host`
          : `GONG_API_TOKEN may have expired (OAuth tokens last a day by default), and GONG_API_BASE_URL (${baseUrl}) must be the api_base_url_for_customer of its token response`,
    };
  }
  if (err instanceof GongRateLimitedError) {
    return { ...base, message: `${baseUrl} answered 429 (rate limit), so the credentials could not be checked`, hint: "other tools share the company's 3 requests/s; run doctor again in a minute" };
  }
  if (err instanceof GongBudgetExhaustedError) {
    return { ...base, message: oneLine(err.message), hint: "run doctor again after the reset" };
  }
  if (err instanceof GongUnavailableError) {
    const status = err.status;
    if (status !== undefined) {
      return { ...base, message: `${baseUrl} answered HTTP ${status} (Gong unavailable), so the credentials could not be checked`, hint: "try again later; Gong's status: https://status.gong.io" };
    }
    const timedOut = /timed out/.test(err.message);
    const reason = timedOut ? `no answer within ${seconds(opts.timeoutMs)}` : networkReason(err.cause ?? err);
    return {
      ...base,
      message: `cannot reach Gong at ${baseUrl} (${reason})`,
      hint: "check GONG_API_BASE_URL (https://api.gong.io or your tenant's host) and this machine's network or proxy",
    };
  }
  const msg = oneLine((err as Error)?.message ?? String(err));
  if (/did not answer within/.test(msg)) {
    return { ...base, message: `cannot reach Gong at ${baseUrl} (${msg})`, hint: "check GONG_API_BASE_URL and this machine's network or proxy" };
  }
  return { ...base, message: `${baseUrl}: ${msg}`, hint: "check GONG_API_BASE_URL: it must be Gong's API host (https://api.gong.io or your tenant's host)" };
}
