/**
 * Reads of the aggregates the triggers of migration 0010 keep: `dimension_daily` (per rep, dimension,
 * call day in REVIEW_TZ, rubric role and product: sum and count of current scores) and
 * `dimension_rollup` (the same per rep, dimension and week or month). Every read first
 * makes sure the aggregate is keyed in the configured REVIEW_TZ (once per process: when the zone was
 * changed, the first read re-keys it, which rebuilds it from the base tables).
 */
import type { DataSource } from "typeorm";
import type { Logger } from "../../core/logger";
import { addDays, addMonths, bucketStarts, Granularity, type LocalDate } from "./period";

export interface DayRow {
  rubricRole: string;
  dimension: string;
  day: LocalDate;
  sum: number;
  count: number;
}

export interface TeamRow {
  rubricRole: string;
  dimension: string;
  sum: number;
  count: number;
  reps: number;
}

export interface BucketRow {
  repId: string;
  bucket: LocalDate;
  sum: number;
  count: number;
}

export class DimensionDailyStore {
  private zoneReady: Promise<void> | undefined;

  constructor(
    private readonly ds: DataSource,
    readonly timeZone: string,
    private readonly logger?: Logger,
  ) {}

  /** Re-keys the aggregate when REVIEW_TZ differs from the zone it was built in (once per process). */
  ensureZone(): Promise<void> {
    this.zoneReady ??= (async () => {
      const started = Date.now();
      const [{ rebuilt }]: { rebuilt: boolean }[] = await this.ds.query(`SELECT callcoach_dimension_daily_use_zone($1) AS rebuilt`, [this.timeZone]);
      if (rebuilt) this.logger?.info({ timeZone: this.timeZone, ms: Date.now() - started }, "insights aggregate re-keyed to REVIEW_TZ");
    })().catch((err) => {
      this.zoneReady = undefined;
      throw err;
    });
    return this.zoneReady;
  }

  /** One rep's sums per rubric role, dimension and day in [from, to]. */
  async repDays(repId: string, from: LocalDate, to: LocalDate, product: string | null): Promise<DayRow[]> {
    await this.ensureZone();
    const rows: { rubric_role: string; dimension: string; day: string; s: string; n: string }[] = await this.ds.query(
      `SELECT rubric_role, dimension, day::text AS day, sum(score_sum) AS s, sum(score_count) AS n
         FROM dimension_daily
        WHERE rep_id = $1 AND day >= $2::date AND day <= $3::date AND ($4::text IS NULL OR product = $4)
        GROUP BY 1, 2, 3`,
      [repId, from, to, product],
    );
    return rows.map((r) => ({ rubricRole: r.rubric_role, dimension: r.dimension, day: r.day, sum: Number(r.s), count: Number(r.n) }));
  }

  /** Sums over every rep scored on these rubrics in [from, to], per rubric role and dimension. */
  async teamTotals(roles: string[], from: LocalDate, to: LocalDate, product: string | null): Promise<TeamRow[]> {
    if (roles.length === 0) return [];
    await this.ensureZone();
    const rows: { rubric_role: string; dimension: string; s: string; n: string; reps: string }[] = await this.ds.query(
      // Per rep first, then per dimension: two hash aggregates instead of a sort for count(DISTINCT rep_id).
      `SELECT rubric_role, dimension, sum(s) AS s, sum(n) AS n, count(*) AS reps
         FROM (SELECT rubric_role, dimension, rep_id, sum(score_sum) AS s, sum(score_count) AS n
                 FROM dimension_daily
                WHERE rubric_role = ANY($1::text[]) AND day >= $2::date AND day <= $3::date AND ($4::text IS NULL OR product = $4)
                GROUP BY 1, 2, 3) per_rep
        GROUP BY 1, 2`,
      [roles, from, to, product],
    );
    return rows.map((r) => ({ rubricRole: r.rubric_role, dimension: r.dimension, sum: Number(r.s), count: Number(r.n), reps: Number(r.reps) }));
  }

  /**
   * Sums per rep and bucket (week or month start) in [from, to], for one dimension or all: whole
   * buckets from the rollup, the partial buckets at the ends of the range from the day rows.
   */
  async buckets(repIds: string[], from: LocalDate, to: LocalDate, granularity: Granularity, dimension: string | null): Promise<BucketRow[]> {
    if (repIds.length === 0) return [];
    await this.ensureZone();
    const starts = bucketStarts(from, to, granularity);
    const next = (b: LocalDate) => (granularity === Granularity.WEEK ? addDays(b, 7) : addMonths(b, 1));
    const whole = starts.filter((b) => b >= from && addDays(next(b), -1) <= to);
    // Days of the range outside whole buckets: before the first whole one and after the last (or all).
    const edges: [LocalDate, LocalDate][] = whole.length
      ? [
          [from, addDays(whole[0], -1)],
          [next(whole[whole.length - 1]), to],
        ].filter(([a, b]) => a <= b) as [LocalDate, LocalDate][]
      : [[from, to]];
    const params: unknown[] = [repIds, granularity, dimension];
    const parts: string[] = [];
    if (whole.length) {
      params.push(whole[0], whole[whole.length - 1]);
      parts.push(
        `SELECT rep_id, start::text AS bucket, score_sum AS s, score_count AS n FROM dimension_rollup
          WHERE rep_id = ANY($1::uuid[]) AND granularity = $2 AND start >= $4::date AND start <= $5::date
            AND ($3::text IS NULL OR dimension = $3)`,
      );
    }
    for (const [a, b] of edges) {
      params.push(a, b);
      parts.push(
        `SELECT rep_id, date_trunc(lower($2), day::timestamp)::date::text AS bucket, score_sum AS s, score_count AS n FROM dimension_daily
          WHERE rep_id = ANY($1::uuid[]) AND day >= $${params.length - 1}::date AND day <= $${params.length}::date
            AND ($3::text IS NULL OR dimension = $3)`,
      );
    }
    const rows: { rep_id: string; bucket: string; s: string; n: string }[] = await this.ds.query(
      `SELECT rep_id, bucket, sum(s) AS s, sum(n) AS n FROM (${parts.join("\n UNION ALL\n")}) x GROUP BY 1, 2`,
      params,
    );
    return rows.map((r) => ({ repId: r.rep_id, bucket: r.bucket, sum: Number(r.s), count: Number(r.n) }));
  }
}
