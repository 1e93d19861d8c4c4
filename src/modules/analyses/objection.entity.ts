import { Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Analysis } from "./analysis.entity";
import { ObjectionResolution } from "./analysis.enums";

/** An objection raised by the customer and how it was handled. */
@ObjectType({ description: "A customer objection found in a call and how the rep handled it." })
@Entity("objections")
@Index("uq_objections_analysis_seq", ["analysisId", "seq"], { unique: true })
@Check("ck_objections_resolved", `"resolved" IN ('YES', 'NO', 'UNCLEAR')`)
export class Objection {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "analysis_id", type: "uuid" })
  analysisId: string;

  @ManyToOne(() => Analysis, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "analysis_id", foreignKeyConstraintName: "fk_objections_analysis" })
  analysis?: Analysis;

  @Column({ type: "integer" })
  seq: number;

  @Field({ description: "Category: PRICING, TIMING, COMPETITION, SECURITY, TECHNICAL_FIT, AUTHORITY, NEED or OTHER." })
  @Column({ type: "text" })
  type: string;

  @Field({ description: "The customer's words." })
  @Column({ type: "text" })
  quote: string;

  @Field(() => Int, { nullable: true, description: "Milliseconds from the start of the call." })
  @Column({ name: "start_ms", type: "integer", nullable: true })
  startMs: number | null;

  @Field(() => String, { nullable: true, description: "Summary of the rep's response." })
  @Column({ type: "text", nullable: true })
  response: string | null;

  @Field(() => ObjectionResolution, { description: "Whether the customer confirmed it was addressed." })
  @Column({ type: "text", default: ObjectionResolution.UNCLEAR })
  resolved: ObjectionResolution;
}
