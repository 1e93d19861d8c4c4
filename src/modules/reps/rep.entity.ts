import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
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

/** What a person on our side does on calls; selects the coaching rubric. */
export enum RepRole {
  AE = "AE",
  SE = "SE",
  CSM = "CSM",
  OTHER = "OTHER",
}
registerEnumType(RepRole, {
  name: "RepRole",
  description: "Role of a rep: account executive, sales engineer, customer success manager, or other.",
});

/** A person on our side (one row per person, keyed by lower-cased email). */
@ObjectType({ description: "A person on our side of calls: account executive, sales engineer or customer success manager." })
@Entity("reps")
@Check("ck_reps_role", `"role" IN ('AE', 'SE', 'CSM', 'OTHER')`)
@Check("ck_reps_email_lower", `"email" = lower("email")`)
export class Rep {
  @Field(() => ID, { description: "Our id of the rep (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { nullable: true, description: "Gong user id (a numeric string), when the rep is a Gong user." })
  @Index("uq_reps_gong_user_id", { unique: true, where: `"gong_user_id" IS NOT NULL` })
  @Column({ name: "gong_user_id", type: "text", nullable: true })
  gongUserId: string | null;

  @Field({ description: "Email address, lower-cased; unique per rep." })
  @Index("uq_reps_email", { unique: true })
  @Column({ type: "text" })
  email: string;

  @Field({ description: "Display name." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Job title as known to Gong or given at import." })
  @Column({ type: "text", nullable: true })
  title: string | null;

  @Field(() => RepRole, { description: "Role used to pick the coaching rubric." })
  @Column({ type: "text", default: RepRole.OTHER })
  role: RepRole;

  @Field({ description: "True when an admin set the role (Gong user sync keeps it)." })
  @Column({ name: "role_overridden", type: "boolean", default: false })
  roleOverridden: boolean;

  @Index("idx_reps_manager_id")
  @Column({ name: "manager_id", type: "uuid", nullable: true })
  managerId: string | null;

  @ManyToOne(() => Rep, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "manager_id", foreignKeyConstraintName: "fk_reps_manager" })
  manager?: Rep | null;

  @Field({ description: "False once the rep has left or was deactivated in Gong." })
  @Column({ type: "boolean", default: true })
  active: boolean;

  @Field({ description: "When the rep was first seen." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
