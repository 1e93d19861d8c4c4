import { Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Call } from "./call.entity";

/** One utterance of a transcript (a Gong sentence or a caption cue), in call order. */
@ObjectType({ description: "One utterance of a call transcript, in order. Times are milliseconds from the start of the call." })
@Entity("transcript_segments")
@Index("uq_transcript_segments_call_seq", ["callId", "seq"], { unique: true })
// GIN index on search_vector (migrations/0009_search.sql); TypeORM cannot express GIN indexes.
@Index("idx_transcript_segments_search", { synchronize: false })
@Check("ck_transcript_segments_times", `"start_ms" >= 0 AND "end_ms" >= "start_ms"`)
export class TranscriptSegment {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "call_id", type: "uuid" })
  callId: string;

  @ManyToOne(() => Call, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "call_id", foreignKeyConstraintName: "fk_transcript_segments_call" })
  call?: Call;

  @Field(() => Int, { description: "Position in the transcript, starting at 0." })
  @Column({ type: "integer" })
  seq: number;

  @Field(() => String, { nullable: true, description: "Gong speaker id (null when Gong could not attribute the speech)." })
  @Column({ name: "speaker_id", type: "text", nullable: true })
  speakerId: string | null;

  @Field(() => String, { nullable: true, description: "Name of the participant who spoke, when known." })
  @Column({ name: "speaker_name", type: "text", nullable: true })
  speakerName: string | null;

  @Field(() => Int, { description: "Start, in milliseconds from the start of the call." })
  @Column({ name: "start_ms", type: "integer" })
  startMs: number;

  @Field(() => Int, { description: "End, in milliseconds from the start of the call." })
  @Column({ name: "end_ms", type: "integer" })
  endMs: number;

  @Field({ description: "What was said." })
  @Column({ type: "text" })
  text: string;

  @Field(() => String, { nullable: true, description: "Gong topic of the monologue, when Gong gave one." })
  @Column({ type: "text", nullable: true })
  topic: string | null;

  /**
   * to_tsvector('english', text) for searchCalls, set by a trigger (migrations/0009_search.sql) on
   * every insert and update; never selected or written by TypeORM.
   */
  @Column({ name: "search_vector", type: "tsvector", select: false, insert: false, update: false })
  searchVector?: string;
}
