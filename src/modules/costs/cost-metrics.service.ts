/**
 * The cost ledger: sums the tokens and dollars every analysis recorded (priced when it ran, with the
 * price table version stored beside it), per day and week in REVIEW_TZ, with cache hit rates and a
 * month projection. Scoped like analyses: a REP or MANAGER sees the cost of analyses they may read.
 */
import type { DataSource } from "typeorm";
import type { Viewer } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import type { CostMetrics, CostPeriod } from "./cost.types";

const DAY_MS = 86_400_000;

export class CostMetricsService {
  constructor(
    private readonly ds: DataSource,
    private readonly timeZone: string,
  ) {}

  async metrics(viewer: Viewer, range: { from?: Date | null; to?: Date | null } = {}): Promise<CostMetrics> {
    const to = range.to ?? new Date();
    const from = range.from ?? new Date(to.getTime() - 30 * DAY_MS);
    if (!(from < to)) throw new BadInputError("INVALID_RANGE", "`from` must be before `to`.");
    const scope = viewer.visibleRepIds === null ? "" : `AND a.rep_id = ANY($4::uuid[])`;
    const params: unknown[] = [from, to, this.timeZone, ...(viewer.visibleRepIds === null ? [] : [viewer.visibleRepIds])];
    const where = `a.completed_at >= $1 AND a.completed_at < $2 AND a.status <> 'QUEUED' ${scope}`;
    const [totals]: Record<string, string | null>[] = await this.ds.query(
      `SELECT count(*) AS analyses, count(DISTINCT a.call_id) AS calls, coalesce(sum(a.cost_usd), 0) AS usd,
              coalesce(sum(a.api_requests), 0) AS requests, coalesce(sum(a.tokens_input), 0) AS input,
              coalesce(sum(a.tokens_output), 0) AS output, coalesce(sum(a.tokens_cache_write), 0) AS cache_write,
              coalesce(sum(a.tokens_cache_read), 0) AS cache_read,
              coalesce(sum(a.quotes_verified), 0) AS verified, coalesce(sum(a.quotes_dropped), 0) AS dropped,
              (SELECT count(*) FROM dimension_results d JOIN analyses a ON a.id = d.analysis_id WHERE ${where}) AS results,
              (SELECT count(*) FROM dimension_results d JOIN analyses a ON a.id = d.analysis_id WHERE ${where} AND d.reused) AS reused,
              (SELECT coalesce(sum(a.cost_usd), 0) FROM analyses a WHERE a.completed_at >= $2::timestamptz - interval '7 days'
                 AND a.completed_at < $2 AND a.status <> 'QUEUED' ${scope}) AS last7
         FROM analyses a WHERE ${where} AND $3::text IS NOT NULL`, // $3 (the zone) is for the period queries; typed here so the shared parameter list is valid
      params,
    );
    const period = async (unit: "day" | "week"): Promise<CostPeriod[]> => {
      const rows: { start: Date; usd: string; analyses: string; calls: string }[] = await this.ds.query(
        `SELECT (date_trunc('${unit}', a.completed_at AT TIME ZONE $3) AT TIME ZONE $3) AS start, sum(a.cost_usd) AS usd,
                count(*) AS analyses, count(DISTINCT a.call_id) AS calls
           FROM analyses a WHERE ${where} GROUP BY 1 ORDER BY 1`,
        params,
      );
      return rows.map((r) => ({ start: new Date(r.start), usd: Number(r.usd), analyses: Number(r.analyses), calls: Number(r.calls) }));
    };
    const n = (k: string) => Number(totals[k] ?? 0);
    const prompt = n("input") + n("cache_write") + n("cache_read");
    return {
      from,
      to,
      totalUsd: n("usd"),
      analyses: n("analyses"),
      calls: n("calls"),
      meanUsdPerCall: n("calls") ? n("usd") / n("calls") : 0,
      apiRequests: n("requests"),
      tokens: { input: n("input"), output: n("output"), cacheWrite: n("cache_write"), cacheRead: n("cache_read") },
      promptCacheHitRate: prompt ? n("cache_read") / prompt : null,
      resultCacheHitRate: n("results") ? n("reused") / n("results") : null,
      groundingRate: n("verified") + n("dropped") ? n("verified") / (n("verified") + n("dropped")) : null,
      projectedMonthUsd: (n("last7") / 7) * 30,
      daily: await period("day"),
      weekly: await period("week"),
    };
  }
}
