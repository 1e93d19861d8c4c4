import { Check, Column, Entity, PrimaryColumn } from "typeorm";

/** One row: the zone dimension_daily's days are keyed in (REVIEW_TZ when it was last re-keyed). */
@Entity("insight_settings")
@Check("ck_insight_settings_one_row", `"id"`)
export class InsightSettings {
  @PrimaryColumn({ type: "boolean", default: true, primaryKeyConstraintName: "pk_insight_settings" })
  id: boolean;

  @Column({ name: "time_zone", type: "text" })
  timeZone: string;

  @Column({ name: "rebuilt_at", type: "timestamptz", nullable: true })
  rebuiltAt: Date | null;
}
