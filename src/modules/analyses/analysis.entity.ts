import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Call } from "../calls/call.entity";
import { CallParticipant } from "../calls/call-participant.entity";
import { Rep, RepRole } from "../reps/rep.entity";
import { AnalysisEngine, AnalysisStatus } from "./analysis.enums";
import { CoachingAction, KeyMoment } from "./analysis.types";

/** One coaching run for one (call, participant). A forced re-run supersedes the previous one. */
@ObjectType({ description: "One coaching analysis of one rep's part in one call." })
@Entity("analyses")
@Index("uq_analyses_call_participant_cache_key", ["callId", "participantId", "cacheKey"], {
  unique: true,
  where: `"superseded_by_id" IS NULL`,
})
@Index("idx_analyses_call_id", ["callId"])
@Index("idx_analyses_rep_id", ["repId"])
@Index("idx_analyses_review_cache_key", ["reviewCacheKey"])
@Index("idx_analyses_created_at", ["createdAt"])
@Check("ck_analyses_status", `"status" IN ('QUEUED', 'RUNNING', 'COMPLETED', 'PARTIAL', 'FAILED')`)
@Check("ck_analyses_engine", `"engine" IN ('CLAUDE', 'HEURISTIC')`)
@Check("ck_analyses_overall_score", `"overall_score" IS NULL OR ("overall_score" >= 0 AND "overall_score" <= 100)`)
export class Analysis {
  @Field(() => ID, { description: "Our id of the analysis (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "call_id", type: "uuid" })
  callId: string;

  @ManyToOne(() => Call, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "call_id", foreignKeyConstraintName: "fk_analyses_call" })
  call?: Call;

  @Column({ name: "participant_id", type: "uuid", nullable: true })
  participantId: string | null;

  @ManyToOne(() => CallParticipant, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "fk_analyses_participant" })
  participant?: CallParticipant | null;

  @Column({ name: "rep_id", type: "uuid", nullable: true })
  repId: string | null;

  @ManyToOne(() => Rep, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "rep_id", foreignKeyConstraintName: "fk_analyses_rep" })
  rep?: Rep | null;

  @Field(() => AnalysisStatus, { description: "Lifecycle state." })
  @Column({ type: "text", default: AnalysisStatus.QUEUED })
  status: AnalysisStatus;

  @Field(() => AnalysisEngine, { description: "What produced the scores." })
  @Column({ type: "text", default: AnalysisEngine.CLAUDE })
  engine: AnalysisEngine;

  @Field(() => String, { nullable: true, description: "Model id used (null for the heuristic engine)." })
  @Column({ type: "text", nullable: true })
  model: string | null;

  @Field(() => RepRole, { description: "Role whose rubric was applied." })
  @Column({ name: "rubric_role", type: "text" })
  rubricRole: RepRole;

  @Field(() => String, { nullable: true, description: "Hash of the rubric content applied." })
  @Column({ name: "rubric_version", type: "text", nullable: true })
  rubricVersion: string | null;

  @Field(() => String, { nullable: true, description: "Version of the prompts used." })
  @Column({ name: "prompt_version", type: "text", nullable: true })
  promptVersion: string | null;

  /** Hash of everything that determines the result (transcript, rubric, role, model, prompt version). */
  @Column({ name: "cache_key", type: "text" })
  cacheKey: string;

  /** Key of the call review (summary, moments, actions, objections); reused when it matches. */
  @Column({ name: "review_cache_key", type: "text", nullable: true })
  reviewCacheKey: string | null;

  @Field({ description: "True when the rep's role was unknown and the default rubric (ANALYSIS_ASSUMED_ROLE) was applied." })
  @Column({ name: "role_assumed", type: "boolean", default: false })
  roleAssumed: boolean;

  @Field({ description: "True when the analysis was forced: the result cache was bypassed." })
  @Column({ type: "boolean", default: false })
  forced: boolean;

  @Field(() => [String], { nullable: true, description: "Dimensions asked for, when the analysis was limited to some (null = the whole rubric)." })
  @Column({ name: "requested_dimensions", type: "jsonb", nullable: true })
  requestedDimensions: string[] | null;

  @Field(() => Int, { description: "Requests made to the Anthropic API by this analysis (0 when every result came from the cache)." })
  @Column({ name: "api_requests", type: "integer", default: 0 })
  apiRequests: number;

  @Field(() => Int, { description: "Evidence and objection quotes found in the transcript and kept." })
  @Column({ name: "quotes_verified", type: "integer", default: 0 })
  quotesVerified: number;

  @Field(() => Int, { description: "Quotes the engine offered that are not in the transcript (dropped)." })
  @Column({ name: "quotes_dropped", type: "integer", default: 0 })
  quotesDropped: number;

  @Field(() => Int, { description: "Transcript windows analysed (1 unless the call exceeded the context budget)." })
  @Column({ type: "integer", default: 1 })
  windows: number;

  @Field(() => String, { nullable: true, description: "Message Batch id when the analysis runs in batch mode (half price; results within 24 h)." })
  @Column({ name: "batch_id", type: "text", nullable: true })
  batchId: string | null;

  /** Version of the price table the cost was computed with (src/analysis/prices.ts). */
  @Column({ name: "price_version", type: "text", nullable: true })
  priceVersion: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When a worker started the analysis." })
  @Column({ name: "started_at", type: "timestamptz", nullable: true })
  startedAt: Date | null;

  @Field(() => Float, { nullable: true, description: "Weighted overall score, 0–100." })
  @Column({ name: "overall_score", type: "double precision", nullable: true })
  overallScore: number | null;

  @Field(() => String, { nullable: true, description: "Short coaching summary." })
  @Column({ type: "text", nullable: true })
  summary: string | null;

  @Field(() => [KeyMoment], { description: "At most about ten key moments, in call order." })
  @Column({ name: "key_moments", type: "jsonb", default: () => "'[]'" })
  keyMoments: KeyMoment[];

  @Field(() => [CoachingAction], { description: "One to three concrete actions." })
  @Column({ type: "jsonb", default: () => "'[]'" })
  actions: CoachingAction[];

  @Column({ name: "tokens_input", type: "integer", default: 0 })
  tokensInput: number;

  @Column({ name: "tokens_output", type: "integer", default: 0 })
  tokensOutput: number;

  @Column({ name: "tokens_cache_write", type: "integer", default: 0 })
  tokensCacheWrite: number;

  @Column({ name: "tokens_cache_read", type: "integer", default: 0 })
  tokensCacheRead: number;

  @Field(() => Float, { description: "Cost of the LLM calls in US dollars." })
  @Column({ name: "cost_usd", type: "numeric", precision: 12, scale: 6, default: 0, transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) } })
  costUsd: number;

  @Field(() => String, { nullable: true, description: "Why the analysis failed or is partial." })
  @Column({ type: "text", nullable: true })
  error: string | null;

  @Column({ name: "superseded_by_id", type: "uuid", nullable: true })
  supersededById: string | null;

  @Field(() => GraphQLDateTime, { description: "When the analysis was requested." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When the analysis finished." })
  @Column({ name: "completed_at", type: "timestamptz", nullable: true })
  completedAt: Date | null;
}
