import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Rep } from "../reps/rep.entity";

/** What a token may do (see README, "Authorization"). */
export enum TokenRole {
  ADMIN = "ADMIN",
  MANAGER = "MANAGER",
  REP = "REP",
}
registerEnumType(TokenRole, {
  name: "TokenRole",
  description: "ADMIN: everything. MANAGER: own calls and direct reports'. REP: own calls only.",
});

/** An API token. Only its SHA-256 hash is stored; the token itself is shown once at creation. */
@ObjectType({ description: "An API token (the secret itself is shown only once, when created)." })
@Entity("api_tokens")
@Index("uq_api_tokens_hash", ["tokenHash"], { unique: true })
@Index("uq_api_tokens_name", ["name"], { unique: true })
@Check("ck_api_tokens_role", `"role" IN ('ADMIN', 'MANAGER', 'REP')`)
@Check("ck_api_tokens_rep_required", `"role" = 'ADMIN' OR "rep_id" IS NOT NULL`)
export class ApiToken {
  @Field(() => ID, { description: "Our id of the token (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Unique name, e.g. who or what uses the token." })
  @Column({ type: "text" })
  name: string;

  /** Lower-case hex SHA-256 of the token. */
  @Column({ name: "token_hash", type: "text" })
  tokenHash: string;

  @Field({ description: "First characters of the token, to recognise it." })
  @Column({ type: "text" })
  prefix: string;

  @Field(() => TokenRole, { description: "What the token may do." })
  @Column({ type: "text" })
  role: TokenRole;

  @Column({ name: "rep_id", type: "uuid", nullable: true })
  repId: string | null;

  @ManyToOne(() => Rep, { onDelete: "CASCADE", nullable: true })
  @JoinColumn({ name: "rep_id", foreignKeyConstraintName: "fk_api_tokens_rep" })
  rep?: Rep | null;

  @Field(() => GraphQLDateTime, { description: "When the token was created." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: "Last time the token was used (updated at most once a minute)." })
  @Column({ name: "last_used_at", type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When the token was revoked; revoked tokens are refused." })
  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;
}
