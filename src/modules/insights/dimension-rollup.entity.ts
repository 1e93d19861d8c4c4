import { Check, Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * Week and month rollups of `dimension_daily` (migration 0010) per rep and dimension, over all roles
 * and products: what trends read for whole buckets. Maintained by the same triggers, in the same
 * statements, as the day rows.
 */
@Entity("dimension_rollup")
@Index("idx_dimension_rollup_rep_start", ["repId", "granularity", "start"])
@Index("idx_dimension_rollup_empty", ["repId"], { where: `"score_count" = 0` })
@Check("ck_dimension_rollup_granularity", `"granularity" IN ('WEEK', 'MONTH')`)
export class DimensionRollup {
  @PrimaryColumn({ name: "rep_id", type: "uuid", primaryKeyConstraintName: "pk_dimension_rollup" })
  repId: string;

  @PrimaryColumn({ type: "text", primaryKeyConstraintName: "pk_dimension_rollup" })
  dimension: string;

  /** WEEK (Monday start) or MONTH, in REVIEW_TZ. */
  @PrimaryColumn({ type: "text", primaryKeyConstraintName: "pk_dimension_rollup" })
  granularity: string;

  /** First day of the week or month (YYYY-MM-DD). */
  @PrimaryColumn({ type: "date", primaryKeyConstraintName: "pk_dimension_rollup" })
  start: string;

  @Column({ name: "score_sum", type: "bigint" })
  scoreSum: string;

  @Column({ name: "score_count", type: "integer" })
  scoreCount: number;
}
