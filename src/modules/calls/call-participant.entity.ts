import { Field, ID, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Rep } from "../reps/rep.entity";
import { Call } from "./call.entity";
import { Side } from "./call.enums";

/** One person on one call (Gong "party"); linked to a Rep when they are one of ours. */
@ObjectType({ description: "A person on a call, from either side." })
@Entity("call_participants")
@Index("uq_call_participants_party", ["callId", "partyKey"], { unique: true })
// Expression index on the customer-side email domain for searchCalls (migrations/0009_search.sql).
@Index("idx_call_participants_external_domain", { synchronize: false })
@Check("ck_call_participants_side", `"side" IN ('INTERNAL', 'EXTERNAL', 'UNKNOWN')`)
export class CallParticipant {
  @Field(() => ID, { description: "Our id of the participant (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "call_id", type: "uuid" })
  callId: string;

  @ManyToOne(() => Call, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "call_id", foreignKeyConstraintName: "fk_call_participants_call" })
  call?: Call;

  /** Stable key within the call: Gong party id, else speaker id, else lower-cased name. */
  @Column({ name: "party_key", type: "text" })
  partyKey: string;

  @Field(() => String, { nullable: true, description: "Gong speaker id joining the participant to transcript segments." })
  @Column({ name: "speaker_id", type: "text", nullable: true })
  speakerId: string | null;

  @Field({ description: "Display name." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Email address, when known." })
  @Column({ type: "text", nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: "Job title, when known." })
  @Column({ type: "text", nullable: true })
  title: string | null;

  @Field(() => Side, { description: "Our side (INTERNAL) or the customer's (EXTERNAL)." })
  @Column({ type: "text", default: Side.UNKNOWN })
  side: Side;

  @Index("idx_call_participants_rep_id")
  @Column({ name: "rep_id", type: "uuid", nullable: true })
  repId: string | null;

  @ManyToOne(() => Rep, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "rep_id", foreignKeyConstraintName: "fk_call_participants_rep" })
  rep?: Rep | null;
}
