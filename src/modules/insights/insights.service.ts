/**
 * repInsights: how one rep is doing over a period of call dates (REVIEW_TZ). Scores come from the
 * `dimension_daily` aggregate (current analyses only, keyed by the call's date); the same-role team is
 * every rep scored on the same rubric in the period, returned as aggregates only, so a REP or MANAGER
 * token learns no other rep's identity or scores. Interaction metrics and objections are read from the
 * rep's own rows. Out of scope: REP_NOT_FOUND (NOT_FOUND).
 */
import type { DataSource } from "typeorm";
import type { Viewer } from "../../core/graphql/viewer";
import type { RepService } from "../reps/rep.service";
import type { RepRole } from "../reps/rep.entity";
import { CallType, type Product } from "../calls/call.enums";
import { addDays, bucketStarts, Granularity, resolvePeriod, weekStart, zonedMidnight, type PeriodRequest, type ResolvedPeriod } from "./period";
import { addTo, bucketSeries, type Sums } from "./series";
import { gapPriority, mean, TrendDirection, weeklyDirection } from "./insights-math";
import { InteractionMetric, METRIC_UNITS, targetFor, targetStatus } from "./targets";
import type { DimensionDailyStore } from "./dimension-daily.store";
import type { CallTypeMetrics, DimensionInsight, InsightPeriod, ObjectionStat, RepInsights } from "./insights.types";

export interface RepInsightsRequest {
  repId?: string | null;
  email?: string | null;
  period: PeriodRequest;
  product?: Product | null;
}

/** Metric → the column of the per-call metrics query below. */
const METRIC_COLUMNS: [InteractionMetric, string][] = [
  [InteractionMetric.TALK_RATIO, "side_talk"],
  [InteractionMetric.OWN_TALK_RATIO, "own_talk"],
  [InteractionMetric.LONGEST_MONOLOGUE, "monologue"],
  [InteractionMetric.QUESTIONS, "questions"],
  [InteractionMetric.QUESTION_RATE, "question_rate"],
  [InteractionMetric.PATIENCE, "patience"],
  [InteractionMetric.INTERACTIVITY, "interactivity"],
];

export class InsightsService {
  constructor(
    private readonly ds: DataSource,
    private readonly reps: RepService,
    private readonly store: DimensionDailyStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get timeZone(): string {
    return this.store.timeZone;
  }

  /** The period as the API shows it (days plus the instants they span). */
  describePeriod(p: ResolvedPeriod): InsightPeriod {
    return {
      ...p,
      timeZone: this.timeZone,
      startsAt: zonedMidnight(p.from, this.timeZone),
      endsAt: zonedMidnight(addDays(p.to, 1), this.timeZone),
    };
  }

  async repInsights(viewer: Viewer, req: RepInsightsRequest): Promise<RepInsights> {
    const rep = await this.reps.get(viewer, req.repId, req.email);
    const period = resolvePeriod(req.period, this.timeZone, this.now());
    const product = req.product ?? null;
    const days = await this.store.repDays(rep.id, period.from, period.to, product);
    const roles = [...new Set(days.map((d) => d.rubricRole))].sort();
    const [team, analyses, metrics, objections] = await Promise.all([
      this.store.teamTotals(roles, period.from, period.to, product),
      this.analysedCount(rep.id, period, product),
      this.metrics(rep.id, period, product),
      this.objections(rep.id, period, product),
    ]);

    const weeks = bucketStarts(period.from, period.to, Granularity.WEEK);
    const overallWeeks: Sums = new Map();
    const perDimension = new Map<string, { role: string; dimension: string; sum: number; count: number; weeks: Sums }>();
    for (const d of days) {
      const key = `${d.rubricRole}\u0000${d.dimension}`;
      let e = perDimension.get(key);
      if (!e) perDimension.set(key, (e = { role: d.rubricRole, dimension: d.dimension, sum: 0, count: 0, weeks: new Map() }));
      e.sum += d.sum;
      e.count += d.count;
      addTo(e.weeks, weekStart(d.day), d.sum, d.count);
      addTo(overallWeeks, weekStart(d.day), d.sum, d.count);
    }
    const teamBy = new Map(team.map((t) => [`${t.rubricRole}\u0000${t.dimension}`, t]));
    const dimensions: DimensionInsight[] = [...perDimension.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, e]) => {
        const t = teamBy.get(key);
        const average = e.sum / e.count;
        const teamAverage = t ? mean(t.sum, t.count) : null;
        const gap = teamAverage === null ? null : average - teamAverage;
        const weekly = bucketSeries(weeks, e.weeks, this.timeZone);
        return {
          dimension: e.dimension,
          rubricRole: e.role as RepRole,
          average,
          count: e.count,
          teamAverage,
          teamCount: t?.count ?? 0,
          teamRepCount: t?.reps ?? 0,
          gap,
          priority: gapPriority(average, gap),
          ...weeklyDirection(weekly),
          weekly,
        };
      });
    const mine = days.reduce((s, d) => ({ sum: s.sum + d.sum, count: s.count + d.count }), { sum: 0, count: 0 });
    const teamTotal = team.reduce((s, d) => ({ sum: s.sum + d.sum, count: s.count + d.count }), { sum: 0, count: 0 });
    const by = (f: (d: DimensionInsight) => number) => (a: DimensionInsight, b: DimensionInsight) => f(a) - f(b);
    return {
      rep,
      period: this.describePeriod(period),
      product,
      rubricRoles: roles as RepRole[],
      analyses,
      average: mean(mine.sum, mine.count),
      teamAverage: mean(teamTotal.sum, teamTotal.count),
      weekly: bucketSeries(weeks, overallWeeks, this.timeZone),
      dimensions,
      gaps: [...dimensions].sort((a, b) => (a.gap ?? 0) - (b.gap ?? 0) || a.average - b.average || a.dimension.localeCompare(b.dimension)),
      improving: dimensions.filter((d) => d.direction === TrendDirection.IMPROVING).sort(by((d) => -d.slopePerWeek!)),
      declining: dimensions.filter((d) => d.direction === TrendDirection.DECLINING).sort(by((d) => d.slopePerWeek!)),
      metrics,
      objections,
    };
  }

  /** The instants [start, end) of a period, for queries on calls.started_at. */
  private bounds(p: ResolvedPeriod): [Date, Date] {
    return [zonedMidnight(p.from, this.timeZone), zonedMidnight(addDays(p.to, 1), this.timeZone)];
  }

  private async analysedCount(repId: string, p: ResolvedPeriod, product: string | null): Promise<number> {
    const [start, end] = this.bounds(p);
    const [row]: { n: string }[] = await this.ds.query(
      `SELECT count(*) AS n FROM analyses a JOIN calls c ON c.id = a.call_id
        WHERE a.rep_id = $1 AND a.superseded_by_id IS NULL AND c.started_at >= $2 AND c.started_at < $3
          AND ($4::text IS NULL OR c.product = $4)
          AND EXISTS (SELECT 1 FROM dimension_results r WHERE r.analysis_id = a.id AND r.score IS NOT NULL)`,
      [repId, start, end, product],
    );
    return Number(row.n);
  }

  /**
   * Per call type, the mean per call of the rep's interaction metrics: our side's talk ratio from the
   * call's INTERNAL side row (what the targets refer to), the rest from the rep's participant row(s)
   * (several rows of one person on one call are summed, or the maximum for the monologue).
   */
  private async metrics(repId: string, p: ResolvedPeriod, product: string | null): Promise<CallTypeMetrics[]> {
    const [start, end] = this.bounds(p);
    const rows: Record<string, string | number | null>[] = await this.ds.query(
      `WITH per_call AS (
         SELECT c.id, c.call_type,
                (SELECT s.talk_ratio FROM call_metrics s WHERE s.call_id = c.id AND s.participant_id IS NULL AND s.side = 'INTERNAL') AS side_talk,
                sum(m.talk_ratio) AS own_talk, max(m.longest_monologue_ms) AS monologue, sum(m.question_count) AS questions,
                sum(m.question_rate) AS question_rate, avg(m.patience_ms) AS patience, avg(m.interactivity) AS interactivity
           FROM call_participants p
           JOIN calls c ON c.id = p.call_id
           JOIN call_metrics m ON m.participant_id = p.id
          WHERE p.rep_id = $1 AND c.started_at >= $2 AND c.started_at < $3 AND ($4::text IS NULL OR c.product = $4)
          GROUP BY c.id, c.call_type)
       SELECT call_type, count(*) AS calls,
              ${METRIC_COLUMNS.map(([, col]) => `avg(${col})::float8 AS ${col}, count(${col}) AS ${col}_n`).join(",\n              ")}
         FROM per_call GROUP BY call_type`,
      [repId, start, end, product],
    );
    const order = Object.values(CallType);
    return rows
      .map((r) => {
        const callType = r.call_type as CallType;
        return {
          callType,
          calls: Number(r.calls),
          metrics: METRIC_COLUMNS.map(([metric, col]) => {
            const average = r[col] === null ? null : Number(r[col]);
            const target = targetFor(metric, callType);
            return { metric, unit: METRIC_UNITS[metric], average, calls: Number(r[`${col}_n`]), target, status: targetStatus(average, target) };
          }),
        };
      })
      .sort((a, b) => order.indexOf(a.callType) - order.indexOf(b.callType));
  }

  /** Objections on the rep's current analyses of calls in the period, by type, most frequent first. */
  private async objections(repId: string, p: ResolvedPeriod, product: string | null): Promise<ObjectionStat[]> {
    const [start, end] = this.bounds(p);
    const rows: { type: string; n: string; yes: string; no: string; unclear: string }[] = await this.ds.query(
      `SELECT o.type, count(*) AS n, count(*) FILTER (WHERE o.resolved = 'YES') AS yes,
              count(*) FILTER (WHERE o.resolved = 'NO') AS no, count(*) FILTER (WHERE o.resolved = 'UNCLEAR') AS unclear
         FROM objections o
         JOIN analyses a ON a.id = o.analysis_id
         JOIN calls c ON c.id = a.call_id
        WHERE a.rep_id = $1 AND a.superseded_by_id IS NULL AND c.started_at >= $2 AND c.started_at < $3
          AND ($4::text IS NULL OR c.product = $4)
        GROUP BY o.type
        ORDER BY count(*) DESC, o.type`,
      [repId, start, end, product],
    );
    return rows.map((r) => ({
      type: r.type,
      count: Number(r.n),
      resolved: Number(r.yes),
      unresolved: Number(r.no),
      unclear: Number(r.unclear),
      resolutionRate: Number(r.yes) / Number(r.n),
    }));
  }
}
