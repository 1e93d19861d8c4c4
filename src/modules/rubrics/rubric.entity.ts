import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** One weighted dimension of a rubric; `version` is the hash of its content. */
export interface RubricDimension {
  key: string;
  name: string;
  weight: number;
  criteria: string[];
  bands: { min: number; label: string; description: string }[];
  version: string;
  /** What the dimension is about (knowledge files written before it was added may lack it). */
  description?: string;
  /** Behaviours that score high and low. */
  examples?: { excellent: string[]; poor: string[] };
}

/** The coaching rubric of one role (loaded from `knowledge/`). */
@Entity("rubrics")
@Index("uq_rubrics_role", ["role"], { unique: true })
@Check("ck_rubrics_role", `"role" IN ('AE', 'SE', 'CSM', 'OTHER')`)
export class Rubric {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text" })
  role: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  /** Hash of the whole rubric (all dimension versions and weights). */
  @Column({ type: "text" })
  version: string;

  @Column({ type: "jsonb" })
  dimensions: RubricDimension[];

  @Column({ name: "source_path", type: "text", nullable: true })
  sourcePath: string | null;

  @UpdateDateColumn({ name: "loaded_at", type: "timestamptz" })
  loadedAt: Date;
}
