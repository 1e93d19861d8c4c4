import { Field, Float, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Call } from "../calls/call.entity";
import { CallParticipant } from "../calls/call-participant.entity";
import { Side } from "../calls/call.enums";

/**
 * Deterministic interaction statistics of one call, per participant (participant_id set) and per
 * side (participant_id null). Durations are milliseconds; ratios are 0–1; rates are per minute.
 */
@ObjectType({
  description: "Interaction metrics of one participant, or of one side of the call (participant null). Times in ms, rates per minute.",
})
@Entity("call_metrics")
@Index("uq_call_metrics_participant", ["callId", "participantId"], { unique: true, where: `"participant_id" IS NOT NULL` })
@Index("uq_call_metrics_side", ["callId", "side"], { unique: true, where: `"participant_id" IS NULL` })
@Check("ck_call_metrics_side", `"side" IN ('INTERNAL', 'EXTERNAL', 'UNKNOWN')`)
export class CallMetric {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "call_id", type: "uuid" })
  callId: string;

  @ManyToOne(() => Call, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "call_id", foreignKeyConstraintName: "fk_call_metrics_call" })
  call?: Call;

  @Column({ name: "participant_id", type: "uuid", nullable: true })
  participantId: string | null;

  @ManyToOne(() => CallParticipant, { onDelete: "CASCADE", nullable: true })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "fk_call_metrics_participant" })
  participant?: CallParticipant | null;

  @Field(() => Side, { description: "INTERNAL (our side), EXTERNAL (customer), or the participant's side." })
  @Column({ type: "text" })
  side: Side;

  @Field(() => Int, { description: "Speaking time, ms." })
  @Column({ name: "talk_ms", type: "integer", default: 0 })
  talkMs: number;

  @Field(() => Float, { description: "Share of all speaking time, 0–1 (Gong's talk ratio)." })
  @Column({ name: "talk_ratio", type: "double precision", default: 0 })
  talkRatio: number;

  @Field(() => Int, {
    description: "Longest uninterrupted stretch of one person, ms (for the customer side: the longest customer story).",
  })
  @Column({ name: "longest_monologue_ms", type: "integer", default: 0 })
  longestMonologueMs: number;

  @Field(() => Int, { description: "Questions asked (sentences ending in ?)." })
  @Column({ name: "question_count", type: "integer", default: 0 })
  questionCount: number;

  @Field(() => Float, { description: "Questions per minute of the call." })
  @Column({ name: "question_rate", type: "double precision", default: 0 })
  questionRate: number;

  @Field(() => Int, { description: "Words spoken." })
  @Column({ name: "word_count", type: "integer", default: 0 })
  wordCount: number;

  @Field(() => Float, { nullable: true, description: "Words per minute of own speaking time." })
  @Column({ name: "words_per_minute", type: "double precision", nullable: true })
  wordsPerMinute: number | null;

  @Field(() => Int, { description: "Filler words (um, uh, you know, I mean, kind of, sort of, basically …)." })
  @Column({ name: "filler_words", type: "integer", default: 0 })
  fillerWords: number;

  @Field(() => Int, { description: "Times this speaker started while someone else was still speaking." })
  @Column({ name: "interruptions", type: "integer", default: 0 })
  interruptions: number;

  @Field(() => Float, { nullable: true, description: "Speaker switches per minute of the call (same for the whole call)." })
  @Column({ name: "interactivity", type: "double precision", nullable: true })
  interactivity: number | null;

  @Field(() => Int, { nullable: true, description: "Mean pause before taking the floor after the customer stopped, ms (patience)." })
  @Column({ name: "patience_ms", type: "integer", nullable: true })
  patienceMs: number | null;

  @Field(() => Int, { description: "Transcript segments spoken." })
  @Column({ name: "segment_count", type: "integer", default: 0 })
  segmentCount: number;

  /** Further statistics, e.g. Gong's own interaction stats on the INTERNAL side row. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  extra: Record<string, unknown>;

  @Column({ name: "computed_at", type: "timestamptz", default: () => "now()" })
  computedAt: Date;
}
