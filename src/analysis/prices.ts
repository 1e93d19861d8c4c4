/**
 * Claude prices in US dollars per million tokens, versioned: every analysis records the version it
 * was priced with, so a later price change never rewrites history. Source: Anthropic's pricing page
 * as of November 2026 (docs/costs.md). Batch requests pay half of every rate (the discount stacks
 * with the cache multipliers).
 */

export const PRICE_TABLE_VERSION = "2026-11";

export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
}

export const PRICES: Record<string, ModelPrice> = {
  "claude-opus-5-5": { input: 4, output: 20, cacheWrite5m: 5, cacheWrite1h: 8, cacheRead: 0.2 },
  "claude-sonnet-5-5": { input: 2, output: 10, cacheWrite5m: 2.5, cacheWrite1h: 4, cacheRead: 0.1 },
  // Haiku 5.5 prompts up to 100K tokens; longer prompts pay HAIKU_55_LONG (see priceFor).
  "claude-haiku-5-5": { input: 0.1, output: 0.5, cacheWrite5m: 0.125, cacheWrite1h: 0.2, cacheRead: 0.01 },
  "claude-opus-5": { input: 5, output: 25, cacheWrite5m: 6.25, cacheWrite1h: 10, cacheRead: 0.5 },
  "claude-sonnet-5": { input: 2, output: 10, cacheWrite5m: 2.5, cacheWrite1h: 4, cacheRead: 0.2 },
  "claude-haiku-4-5": { input: 1, output: 5, cacheWrite5m: 1.25, cacheWrite1h: 2, cacheRead: 0.1 },
};

const HAIKU_55_LONG: ModelPrice = { input: 0.5, output: 2.5, cacheWrite5m: 0.625, cacheWrite1h: 1, cacheRead: 0.05 };

/** Token counts of one or more requests, as the API's `usage` reports them. */
export interface Usage {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
}

export const ZERO_USAGE: Usage = Object.freeze({ input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 });

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheWrite5m: a.cacheWrite5m + b.cacheWrite5m,
    cacheWrite1h: a.cacheWrite1h + b.cacheWrite1h,
    cacheRead: a.cacheRead + b.cacheRead,
  };
}

/** Reads the SDK's `usage` object (cache fields may be null or absent). */
export function usageFromApi(u: {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: { ephemeral_5m_input_tokens?: number | null; ephemeral_1h_input_tokens?: number | null } | null;
} | null | undefined): Usage {
  if (!u) return { ...ZERO_USAGE };
  const write = u.cache_creation_input_tokens ?? 0;
  const w1h = u.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  return {
    input: u.input_tokens ?? 0,
    output: u.output_tokens ?? 0,
    cacheWrite5m: Math.max(0, write - w1h),
    cacheWrite1h: w1h,
    cacheRead: u.cache_read_input_tokens ?? 0,
  };
}

/** The price of a model; null for a model the table does not know (its cost is then reported as 0 and flagged). */
export function priceFor(model: string, promptTokens = 0): ModelPrice | null {
  const base = PRICES[model] ?? PRICES[model.replace(/-\d{8}$/, "")];
  if (!base) return null;
  if (model.startsWith("claude-haiku-5-5") && promptTokens > 100_000) return HAIKU_55_LONG;
  return base;
}

/** Dollars for one request's usage (pass `batch` for Message Batches, which cost half). */
export function costUsd(model: string, usage: Usage, opts: { batch?: boolean } = {}): number {
  const prompt = usage.input + usage.cacheRead + usage.cacheWrite5m + usage.cacheWrite1h;
  const p = priceFor(model, prompt);
  if (!p) return 0;
  const dollars =
    (usage.input * p.input +
      usage.output * p.output +
      usage.cacheWrite5m * p.cacheWrite5m +
      usage.cacheWrite1h * p.cacheWrite1h +
      usage.cacheRead * p.cacheRead) /
    1_000_000;
  return opts.batch ? dollars / 2 : dollars;
}
