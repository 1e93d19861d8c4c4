import type { DataSource } from "typeorm";
import { Rubric } from "./rubric.entity";
import { loadKnowledge, type KnowledgeLoadSummary } from "./knowledge.loader";

const ROLE_ORDER = ["AE", "SE", "CSM", "OTHER"];

/** The coaching rubrics loaded from the knowledge base. */
export class RubricService {
  constructor(
    private readonly ds: DataSource,
    private readonly knowledgeDir: string,
  ) {}

  /** Every rubric, AE, SE, CSM order. */
  async list(): Promise<Rubric[]> {
    const rows = await this.ds.getRepository(Rubric).find();
    return rows.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  }

  async byRole(role: string): Promise<Rubric | null> {
    return this.ds.getRepository(Rubric).findOne({ where: { role } });
  }

  /** Re-reads the knowledge base and upserts the rubrics (all or nothing). */
  async reload(): Promise<KnowledgeLoadSummary> {
    return loadKnowledge(this.ds, this.knowledgeDir);
  }
}
