import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { Rep } from "../reps/rep.entity";
import { CALL_TYPES, CallSource, CallType, PRODUCTS, Product, sqlIn } from "./call.enums";

/** A recorded conversation (one Gong call, or one imported caption file). */
@ObjectType({ description: "A recorded sales conversation with its participants, transcript and analyses." })
@Entity("calls")
@Check("ck_calls_call_type", `"call_type" IN (${sqlIn(CALL_TYPES)})`)
@Check("ck_calls_product", `"product" IN (${sqlIn(PRODUCTS)})`)
@Check("ck_calls_source", `"source" IN ('GONG', 'VTT', 'DEMO')`)
@Check("ck_calls_duration", `"duration_s" >= 0`)
@Index("idx_calls_started_at_id", ["startedAt", "id"])
// GIN index on tracker_names for searchCalls (migrations/0009_search.sql); TypeORM cannot express GIN indexes.
@Index("idx_calls_tracker_names", { synchronize: false })
export class Call {
  @Field(() => ID, { description: "Our id of the call (UUID). Every query taking a call id also accepts the Gong id." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { nullable: true, description: "Gong's call id (a numeric string of up to 20 digits); null for non-Gong imports." })
  @Index("uq_calls_gong_id", { unique: true, where: `"gong_id" IS NOT NULL` })
  @Column({ name: "gong_id", type: "text", nullable: true })
  gongId: string | null;

  @Field({ description: "Call title." })
  @Column({ type: "text" })
  title: string;

  @Field(() => GraphQLDateTime, { description: "When the call started (ISO-8601)." })
  @Column({ name: "started_at", type: "timestamptz" })
  startedAt: Date;

  @Field(() => Int, { description: "Duration in seconds." })
  @Column({ name: "duration_s", type: "integer" })
  durationSec: number;

  @Field(() => String, { nullable: true, description: "Gong direction: Inbound, Outbound, Conference or Unknown." })
  @Column({ type: "text", nullable: true })
  direction: string | null;

  @Field(() => String, { nullable: true, description: "Gong scope: Internal, External or Unknown." })
  @Column({ type: "text", nullable: true })
  scope: string | null;

  @Field(() => String, { nullable: true, description: "Spoken language (ISO-639-2B, e.g. eng)." })
  @Column({ type: "text", nullable: true })
  language: string | null;

  @Field(() => String, { nullable: true, description: "Link to the call in Gong." })
  @Column({ type: "text", nullable: true })
  url: string | null;

  @Field(() => CallType, { description: "Kind of conversation (classified at import; admins may override)." })
  @Column({ name: "call_type", type: "text", default: CallType.OTHER })
  callType: CallType;

  @Field(() => Product, { description: "Product discussed (classified at import; admins may override)." })
  @Column({ type: "text", default: Product.UNKNOWN })
  product: Product;

  @Field({ description: "True when an admin set the call type (re-ingest keeps it)." })
  @Column({ name: "call_type_overridden", type: "boolean", default: false })
  callTypeOverridden: boolean;

  @Field({ description: "True when an admin set the product (re-ingest keeps it)." })
  @Column({ name: "product_overridden", type: "boolean", default: false })
  productOverridden: boolean;

  @Field(() => CallSource, { description: "Where the call's data came from." })
  @Column({ type: "text", default: CallSource.GONG })
  source: CallSource;

  @Field({ description: "True for the bundled demo calls loaded on first start of an empty embedded database." })
  @Column({ name: "is_demo", type: "boolean", default: false })
  isDemo: boolean;

  @Index("idx_calls_primary_rep_id")
  @Column({ name: "primary_rep_id", type: "uuid", nullable: true })
  primaryRepId: string | null;

  @ManyToOne(() => Rep, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "primary_rep_id", foreignKeyConstraintName: "fk_calls_primary_rep" })
  primaryRep?: Rep | null;

  /** SHA-256 of the normalised transcript; identifies non-Gong imports so re-importing updates in place. */
  @Index("uq_calls_transcript_hash_no_gong", { unique: true, where: `"gong_id" IS NULL` })
  @Column({ name: "transcript_hash", type: "text" })
  transcriptHash: string;

  /** Gong's call object as received (unknown fields kept for later use); not loaded unless asked for. */
  @Column({ type: "jsonb", default: () => "'{}'", select: false })
  raw: Record<string, unknown>;

  /**
   * Lower-cased names of the Gong trackers that fired on the call (content.trackers[] with count > 0
   * in `raw`), set by a trigger whenever raw is written (migrations/0009_search.sql); for searchCalls.
   */
  @Column({ name: "tracker_names", type: "text", array: true, select: false, insert: false, update: false })
  trackerNames?: string[];

  @Field(() => GraphQLDateTime, { description: "When call-coach last imported or ingested the call." })
  @Column({ name: "ingested_at", type: "timestamptz" })
  ingestedAt: Date;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: "When analysis of the call was last requested (the analysis engine scores it later).",
  })
  @Column({ name: "analysis_requested_at", type: "timestamptz", nullable: true })
  analysisRequestedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
