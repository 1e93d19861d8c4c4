import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Call } from "../calls/call.entity";
import { CallParticipant } from "../calls/call-participant.entity";

/**
 * Deterministic interaction statistics of one call, per participant (participant_id set) and per
 * side (participant_id null). Durations are milliseconds; ratios are 0–1.
 */
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

  @Column({ type: "text" })
  side: string;

  @Column({ name: "talk_ms", type: "integer", default: 0 })
  talkMs: number;

  @Column({ name: "talk_ratio", type: "double precision", default: 0 })
  talkRatio: number;

  @Column({ name: "longest_monologue_ms", type: "integer", default: 0 })
  longestMonologueMs: number;

  @Column({ name: "question_count", type: "integer", default: 0 })
  questionCount: number;

  @Column({ name: "words_per_minute", type: "double precision", nullable: true })
  wordsPerMinute: number | null;

  @Column({ name: "interactivity", type: "double precision", nullable: true })
  interactivity: number | null;

  @Column({ name: "patience_ms", type: "integer", nullable: true })
  patienceMs: number | null;

  /** Further statistics added by later metric versions. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  extra: Record<string, unknown>;

  @Column({ name: "computed_at", type: "timestamptz", default: () => "now()" })
  computedAt: Date;
}
