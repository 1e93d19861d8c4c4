import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Rep } from "../reps/rep.entity";

/** A stored weekly coaching report: one per (week, rep), and one team report per week (rep null). */
@Entity("weekly_reports")
@Index("uq_weekly_reports_week_rep", ["weekStart", "repId"], { unique: true, where: `"rep_id" IS NOT NULL` })
@Index("uq_weekly_reports_week_team", ["weekStart"], { unique: true, where: `"rep_id" IS NULL` })
export class WeeklyReport {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Monday of the week (in REVIEW_TZ), as YYYY-MM-DD. */
  @Column({ name: "week_start", type: "date" })
  weekStart: string;

  @Column({ name: "rep_id", type: "uuid", nullable: true })
  repId: string | null;

  @ManyToOne(() => Rep, { onDelete: "CASCADE", nullable: true })
  @JoinColumn({ name: "rep_id", foreignKeyConstraintName: "fk_weekly_reports_rep" })
  rep?: Rep | null;

  @Column({ type: "text" })
  markdown: string;

  @Column({ type: "text" })
  html: string;

  @Column({ type: "jsonb", default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "delivered_at", type: "timestamptz", nullable: true })
  deliveredAt: Date | null;
}
