/**
 * Check 4: Anthropic accepts ANTHROPIC_API_KEY. One token-counting request (free) for the
 * configured model through the real SDK client the analysis engine uses (ANTHROPIC_BASE_URL
 * honoured), with no retries and a timeout. SKIP when no key is set: the heuristic engine scores.
 */
import Anthropic from "@anthropic-ai/sdk";
import type { Config } from "../core/config";
import { anthropicClient } from "../analysis/claude";
import { priceFor } from "../analysis/prices";
import type { CheckOptions, CheckResult } from "./types";
import { networkReason, oneLine, seconds, withTimeout } from "./util";

const TITLE = "Anthropic";

export async function checkAnthropic(config: Config, opts: CheckOptions): Promise<CheckResult> {
  const { apiKey, model } = config.analysis;
  const base = { id: "anthropic" as const, title: TITLE };
  if (!apiKey) {
    return {
      ...base,
      status: "skip",
      message: "ANTHROPIC_API_KEY not set: analyses use the offline heuristic engine (labelled HEURISTIC)",
      hint: `set ANTHROPIC_API_KEY to score calls with Claude (model ${model}, CALLCOACH_MODEL)`,
      details: { engine: "HEURISTIC", model: null },
    };
  }
  const client = anthropicClient(config).withOptions({ timeout: opts.timeoutMs, maxRetries: 0 });
  const url = client.baseURL.replace(/\/+$/, "");
  const details = { engine: "CLAUDE", model, baseUrl: url };
  const priced = priceFor(model) ? "" : "; not in the built-in price table, so its cost is recorded as $0";
  try {
    const counted = await withTimeout(
      client.messages.countTokens({ model, messages: [{ role: "user", content: "ping" }] }),
      opts.timeoutMs + 1_000,
      `Anthropic at ${url}`,
    );
    void counted;
    return { ...base, status: "ok", message: `key accepted by ${url}; model ${model}${priced}`, details };
  } catch (err) {
    return anthropicFailure(err, url, model, opts, details);
  }
}

function apiErrorType(err: InstanceType<typeof Anthropic.APIError>): string {
  return (err.error as { error?: { type?: string } } | undefined)?.error?.type ?? err.type ?? "error";
}

function apiErrorMessage(err: InstanceType<typeof Anthropic.APIError>): string {
  return oneLine((err.error as { error?: { message?: string } } | undefined)?.error?.message ?? err.message);
}

function anthropicFailure(err: unknown, url: string, model: string, opts: CheckOptions, details: CheckResult["details"]): CheckResult {
  const base = { id: "anthropic" as const, title: TITLE, status: "fail" as const, details };
  if (err instanceof Anthropic.APIConnectionTimeoutError || (err instanceof Error && /did not answer within/.test(err.message))) {
    return {
      ...base,
      message: `cannot reach Anthropic at ${url} (no answer within ${seconds(opts.timeoutMs)})`,
      hint: "check ANTHROPIC_BASE_URL (unset means https://api.anthropic.com) and this machine's network or proxy",
    };
  }
  if (err instanceof Anthropic.APIConnectionError) {
    const reason = networkReason(err);
    return {
      ...base,
      message: `cannot reach Anthropic at ${url} (${reason})`,
      hint: "check ANTHROPIC_BASE_URL (unset means https://api.anthropic.com) and this machine's network or proxy",
    };
  }
  if (err instanceof Anthropic.AuthenticationError) {
    return {
      ...base,
      message: `key rejected by ${url} (401 ${apiErrorType(err)}: ${apiErrorMessage(err)}); model ${model}`,
      hint: "set ANTHROPIC_API_KEY to a valid key from https://console.anthropic.com/settings/keys (or unset it to use the heuristic engine)",
    };
  }
  if (err instanceof Anthropic.PermissionDeniedError) {
    return {
      ...base,
      message: `${url} refused the key (403 ${apiErrorType(err)}: ${apiErrorMessage(err)}); model ${model}`,
      hint: "the key's workspace or organisation may not use this API or model; check it in the Anthropic Console",
    };
  }
  if (err instanceof Anthropic.NotFoundError) {
    return {
      ...base,
      message: `key accepted, but model ${model} is unknown to ${url} (404 ${apiErrorType(err)}: ${apiErrorMessage(err)})`,
      hint: "set CALLCOACH_MODEL to a model your key can use (default claude-sonnet-5-5)",
    };
  }
  if (err instanceof Anthropic.RateLimitError) {
    return { ...base, status: "ok", message: `key accepted by ${url} (rate limited right now: 429); model ${model}` };
  }
  if (err instanceof Anthropic.APIError) {
    const status = err.status ?? "?";
    return {
      ...base,
      message: `${url} answered ${status} ${apiErrorType(err)} (${apiErrorMessage(err)}), so the key could not be checked; model ${model}`,
      hint: typeof status === "number" && status >= 500 ? "try again later (https://status.anthropic.com)" : "check ANTHROPIC_BASE_URL and CALLCOACH_MODEL",
    };
  }
  return { ...base, message: `${url}: ${oneLine((err as Error)?.message ?? String(err))}`, hint: "check ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY" };
}
