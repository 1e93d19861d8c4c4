import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLDateTime, GraphQLJSONObject } from "graphql-scalars";
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Rep } from "../reps/rep.entity";

/** A stored weekly coaching report: one per (week, rep), and one team report per week (rep null). */
@ObjectType({ description: "A weekly coaching report: one per rep per week, and one team report per week for sales leadership (rep null)." })
@Entity("weekly_reports")
@Index("uq_weekly_reports_week_rep", ["weekStart", "repId"], { unique: true, where: `"rep_id" IS NOT NULL` })
@Index("uq_weekly_reports_week_team", ["weekStart"], { unique: true, where: `"rep_id" IS NULL` })
export class WeeklyReport {
  @Field(() => ID, { description: "Our id of the report." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Monday of the week (in REVIEW_TZ), as YYYY-MM-DD. */
  @Field({ description: "Monday of the reviewed week (YYYY-MM-DD, in REVIEW_TZ)." })
  @Column({ name: "week_start", type: "date" })
  weekStart: string;

  @Field(() => ID, { nullable: true, description: "The rep the report is for; null for the team report." })
  @Column({ name: "rep_id", type: "uuid", nullable: true })
  repId: string | null;

  @ManyToOne(() => Rep, { onDelete: "CASCADE", nullable: true })
  @JoinColumn({ name: "rep_id", foreignKeyConstraintName: "fk_weekly_reports_rep" })
  rep?: Rep | null;

  @Field({ description: "The report as Markdown." })
  @Column({ type: "text" })
  markdown: string;

  @Field({ description: "The report as a standalone HTML page with inline SVG charts (for browsers)." })
  @Column({ type: "text" })
  html: string;

  @Field({ description: "The report as an e-mail body: charts as table bars, no SVG (mail clients drop it)." })
  @Column({ name: "email_html", type: "text", default: "" })
  emailHtml: string;

  @Field(() => GraphQLJSONObject, { description: "The report's numbers (what the renderings show)." })
  @Column({ type: "jsonb", default: () => "'{}'" })
  data: Record<string, unknown>;

  @Field(() => GraphQLDateTime, { description: "When the report was first written." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: "When the report was last (re)written." })
  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When every configured delivery (webhook, e-mail) succeeded; null until then, or when none is configured." })
  @Column({ name: "delivered_at", type: "timestamptz", nullable: true })
  deliveredAt: Date | null;

  @Column({ name: "webhook_delivered_at", type: "timestamptz", nullable: true })
  webhookDeliveredAt: Date | null;

  @Column({ name: "email_delivered_at", type: "timestamptz", nullable: true })
  emailDeliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: "The last delivery failure, if any (deliveries are retried)." })
  @Column({ name: "delivery_error", type: "text", nullable: true })
  deliveryError: string | null;
}

/** One row per reviewed week: the first scheduler to insert it enqueues the review. */
@Entity("weekly_review_runs")
export class WeeklyReviewRun {
  @PrimaryColumn({ name: "week_start", type: "date", primaryKeyConstraintName: "pk_weekly_review_runs" })
  weekStart: string;

  @Column({ name: "requested_at", type: "timestamptz", default: () => "now()" })
  requestedAt: Date;

  @Column({ name: "completed_at", type: "timestamptz", nullable: true })
  completedAt: Date | null;

  @Column({ type: "integer", default: 0 })
  reports: number;
}
