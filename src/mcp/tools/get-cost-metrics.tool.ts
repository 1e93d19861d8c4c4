import { z } from "zod";
import { CostMetricsDocument, execute } from "../../../clients/execute";
import { defineTool, READ_ONLY } from "../tool";
import { dateTimeArg, toDateTime } from "./schema-enums";

/** Weeks kept at most (the most recent); about two years. */
const MAX_WEEKS = 104;

const bucket = z.object({
  start: z.string().describe("Start of the day or week (midnight in the review time zone, as an ISO-8601 instant)."),
  usd: z.number(),
  analyses: z.number().int(),
  calls: z.number().int(),
});

const usd = (n: number) => `$${n.toFixed(n !== 0 && Math.abs(n) < 1 ? 4 : 2)}`;
const pct = (n: number | null | undefined) => (n === null || n === undefined ? "n/a" : `${Math.round(n * 100)}%`);

export const getCostMetrics = defineTool({
  name: "get_cost_metrics",
  title: "Get analysis cost metrics",
  description:
    "What analysing calls has cost (LLM spend on the Anthropic API) in a window, within the token's scope: total and mean dollars per analysed call, analyses and calls, API requests, tokens (input, output, prompt-cache writes and reads), prompt-cache and result-cache hit rates, the grounding rate (share of evidence quotes found in the transcript), a projection for a 30-day month, and spend per day and per week. " +
    "Window: from (inclusive) and to (exclusive), ISO-8601 instants or dates (a date alone = midnight UTC); default the last 30 days. The daily series keeps the most recent `days` days that had analyses (default 31).",
  inputSchema: {
    from: dateTimeArg().optional().describe("Start of the window, inclusive (default: 30 days before `to`)."),
    to: dateTimeArg().optional().describe("End of the window, exclusive (default: now)."),
    days: z
      .number()
      .int()
      .min(0)
      .max(400)
      .default(31)
      .describe("How many of the most recent days with analyses to list in `daily`, 0–400 (default 31). Weekly totals always cover the whole window."),
  },
  outputSchema: {
    from: z.string().describe("Start of the window (inclusive)."),
    to: z.string().describe("End of the window (exclusive)."),
    total_usd: z.number(),
    analyses: z.number().int().describe("Analyses finished in the window (any engine)."),
    calls: z.number().int().describe("Distinct calls analysed."),
    mean_usd_per_call: z.number(),
    api_requests: z.number().int(),
    tokens: z.object({ input: z.number().int(), output: z.number().int(), cache_write: z.number().int(), cache_read: z.number().int() }),
    prompt_cache_hit_rate: z.number().nullable().describe("Cache reads / all prompt tokens, 0–1; null without prompt tokens."),
    result_cache_hit_rate: z.number().nullable().describe("Dimension results reused without an API request, 0–1; null without results."),
    grounding_rate: z.number().nullable().describe("Evidence quotes found in the transcript / all offered, 0–1; null without quotes."),
    projected_month_usd: z.number().describe("30 days at the mean daily spend of the last 7 days before `to`."),
    daily: z.array(bucket).describe("Per day with analyses, oldest first (the most recent `days` of them)."),
    daily_total: z.number().int().describe("Days with analyses in the whole window."),
    weekly: z.array(bucket).describe("Per week (Monday start), oldest first."),
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    const { costMetrics: m } = await execute(ctx.client, CostMetricsDocument, { from: toDateTime(input.from), to: toDateTime(input.to) });
    const daily = input.days === 0 ? [] : m.daily.slice(-input.days);
    const weekly = m.weekly.slice(-MAX_WEEKS);
    const notes: string[] = [];
    if (daily.length < m.daily.length) {
      notes.push(
        `daily: showing the last ${daily.length} of ${m.daily.length} days with analyses (from ${daily[0]?.start ?? "-"}); pass a larger \`days\` (up to 400) or a narrower from/to for the rest.`,
      );
    }
    if (weekly.length < m.weekly.length) notes.push(`weekly: showing the last ${weekly.length} of ${m.weekly.length} weeks; narrow from/to for earlier ones.`);

    const summary = [
      `Analysis cost ${m.from.slice(0, 10)} to ${m.to.slice(0, 10)} (to exclusive): ${usd(m.totalUsd)} for ${m.analyses} analyses of ${m.calls} call(s) ` +
        `(${usd(m.meanUsdPerCall)} per call, ${m.apiRequests} API requests); projected 30-day month ${usd(m.projectedMonthUsd)}.`,
      `Tokens: ${m.tokens.input} in, ${m.tokens.output} out, ${m.tokens.cacheWrite} cache writes, ${m.tokens.cacheRead} cache reads. ` +
        `Prompt-cache hit rate ${pct(m.promptCacheHitRate)}, result-cache hit rate ${pct(m.resultCacheHitRate)}, grounding rate ${pct(m.groundingRate)}.`,
    ].join("\n");

    const bucketOf = (b: { start: string; usd: number; analyses: number; calls: number }) => ({ start: b.start, usd: b.usd, analyses: b.analyses, calls: b.calls });
    return {
      summary,
      data: {
        from: m.from,
        to: m.to,
        total_usd: m.totalUsd,
        analyses: m.analyses,
        calls: m.calls,
        mean_usd_per_call: m.meanUsdPerCall,
        api_requests: m.apiRequests,
        tokens: { input: m.tokens.input, output: m.tokens.output, cache_write: m.tokens.cacheWrite, cache_read: m.tokens.cacheRead },
        prompt_cache_hit_rate: m.promptCacheHitRate ?? null,
        result_cache_hit_rate: m.resultCacheHitRate ?? null,
        grounding_rate: m.groundingRate ?? null,
        projected_month_usd: m.projectedMonthUsd,
        daily: daily.map(bucketOf),
        daily_total: m.daily.length,
        weekly: weekly.map(bucketOf),
        ...(notes.length ? { notes } : {}),
      },
    };
  },
});
