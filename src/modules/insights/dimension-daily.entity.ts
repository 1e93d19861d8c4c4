import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * The aggregate behind repInsights and trends (migration 0010): per rep, dimension, call day (in
 * REVIEW_TZ), rubric role and product, the sum and count of the scores of current analyses. Kept
 * exact by triggers on dimension_results, analyses and calls; read with SQL by the insights services.
 */
@Entity("dimension_daily")
@Index("idx_dimension_daily_rep_day", ["repId", "day"])
@Index("idx_dimension_daily_role_day", ["rubricRole", "day"])
@Index("idx_dimension_daily_empty", ["repId"], { where: `"score_count" = 0` })
export class DimensionDaily {
  @PrimaryColumn({ name: "rep_id", type: "uuid", primaryKeyConstraintName: "pk_dimension_daily" })
  repId: string;

  @PrimaryColumn({ type: "text", primaryKeyConstraintName: "pk_dimension_daily" })
  dimension: string;

  /** The call's date in REVIEW_TZ (YYYY-MM-DD). */
  @PrimaryColumn({ type: "date", primaryKeyConstraintName: "pk_dimension_daily" })
  day: string;

  @PrimaryColumn({ name: "rubric_role", type: "text", primaryKeyConstraintName: "pk_dimension_daily" })
  rubricRole: string;

  @PrimaryColumn({ type: "text", primaryKeyConstraintName: "pk_dimension_daily" })
  product: string;

  /** Sum of the scores (0–100 each). */
  @Column({ name: "score_sum", type: "bigint" })
  scoreSum: string;

  /** Number of scored dimension results. */
  @Column({ name: "score_count", type: "integer" })
  scoreCount: number;
}
