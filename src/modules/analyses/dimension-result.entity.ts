import { Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Analysis } from "./analysis.entity";
import { Evidence } from "./analysis.types";

/** The score of one rubric dimension within one analysis. */
@ObjectType({ description: "Score and feedback for one rubric dimension." })
@Entity("dimension_results")
@Index("uq_dimension_results_analysis_dimension", ["analysisId", "dimension"], { unique: true })
@Index("idx_dimension_results_cache_key", ["cacheKey"])
@Check("ck_dimension_results_score", `"score" IS NULL OR ("score" >= 0 AND "score" <= 100)`)
export class DimensionResult {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "analysis_id", type: "uuid" })
  analysisId: string;

  @ManyToOne(() => Analysis, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "analysis_id", foreignKeyConstraintName: "fk_dimension_results_analysis" })
  analysis?: Analysis;

  @Field({ description: "Dimension key from the rubric (e.g. discovery)." })
  @Column({ type: "text" })
  dimension: string;

  /** Hash of the dimension's rubric content at scoring time. */
  @Column({ name: "dimension_version", type: "text", nullable: true })
  dimensionVersion: string | null;

  @Field(() => Int, { nullable: true, description: "Score 0–100 (null when the dimension failed)." })
  @Column({ type: "integer", nullable: true })
  score: number | null;

  @Field(() => String, { nullable: true, description: "One-line reason for the score." })
  @Column({ type: "text", nullable: true })
  rationale: string | null;

  @Field({ description: "True when evidence was thin or could not be verified." })
  @Column({ name: "low_confidence", type: "boolean", default: false })
  lowConfidence: boolean;

  @Field(() => [String], { description: "What went well." })
  @Column({ type: "jsonb", default: () => "'[]'" })
  strengths: string[];

  @Field(() => [String], { description: "What to improve." })
  @Column({ type: "jsonb", default: () => "'[]'" })
  improvements: string[];

  @Field(() => [Evidence], { description: "Supporting quotes from the transcript." })
  @Column({ type: "jsonb", default: () => "'[]'" })
  evidence: Evidence[];

  /** Cache key of this dimension's own scoring call. */
  @Column({ name: "cache_key", type: "text", nullable: true })
  cacheKey: string | null;

  @Field({ description: "True when the result was reused from an earlier analysis with the same inputs (no API request)." })
  @Column({ type: "boolean", default: false })
  reused: boolean;

  @Field(() => String, { nullable: true, description: "Why the dimension could not be scored (score is then null)." })
  @Column({ type: "text", nullable: true })
  error: string | null;

  @Field(() => Int, { description: "Evidence quotes dropped because they are not in the transcript." })
  @Column({ name: "quotes_dropped", type: "integer", default: 0 })
  quotesDropped: number;
}
