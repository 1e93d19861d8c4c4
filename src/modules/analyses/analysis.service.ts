/**
 * Reading analyses and their parts. A REP sees the analyses of their own part in calls; a MANAGER
 * those of their reports too; an ADMIN all. Superseded analyses are hidden.
 */
import { In, type DataSource, type SelectQueryBuilder } from "typeorm";
import { Analysis } from "./analysis.entity";
import { DimensionResult } from "./dimension-result.entity";
import { Objection } from "./objection.entity";
import { AnalysisNotFoundError } from "./analysis.errors";
import type { Viewer } from "../../core/graphql/viewer";
import { groupByKeys } from "../../core/group";
import { isUuid } from "../../core/ids";


export class AnalysisService {
  constructor(private readonly ds: DataSource) {}

  /** Restricts an analyses query (alias `a`, possibly a subquery) to current analyses the viewer may read. */
  scope<T extends object>(qb: SelectQueryBuilder<T>, viewer: Viewer): SelectQueryBuilder<T> {
    qb.andWhere("a.superseded_by_id IS NULL");
    if (viewer.visibleRepIds === null) return qb;
    if (viewer.visibleRepIds.length === 0) return qb.andWhere("FALSE");
    return qb.andWhere("a.rep_id IN (:...scopeRepIds)", { scopeRepIds: viewer.visibleRepIds });
  }

  private scoped(viewer: Viewer): SelectQueryBuilder<Analysis> {
    return this.scope(this.ds.getRepository(Analysis).createQueryBuilder("a"), viewer);
  }

  async get(viewer: Viewer, id: string): Promise<Analysis> {
    if (!isUuid(id)) throw new AnalysisNotFoundError(id);
    const analysis = await this.scoped(viewer).andWhere("a.id = :id", { id }).getOne();
    if (!analysis) throw new AnalysisNotFoundError(id);
    return analysis;
  }

  async byCallIds(viewer: Viewer, callIds: readonly string[]): Promise<Analysis[][]> {
    const rows = await this.scoped(viewer)
      .andWhere("a.call_id IN (:...callIds)", { callIds: [...callIds] })
      .orderBy("a.created_at", "ASC")
      .getMany();
    return groupByKeys(callIds, rows, (a) => a.callId);
  }

  async dimensionResultsByAnalysisIds(ids: readonly string[]): Promise<DimensionResult[][]> {
    const rows = await this.ds
      .getRepository(DimensionResult)
      .find({ where: { analysisId: In([...ids]) }, order: { dimension: "ASC" } });
    return groupByKeys(ids, rows, (d) => d.analysisId);
  }

  async objectionsByAnalysisIds(ids: readonly string[]): Promise<Objection[][]> {
    const rows = await this.ds
      .getRepository(Objection)
      .find({ where: { analysisId: In([...ids]) }, order: { seq: "ASC" } });
    return groupByKeys(ids, rows, (o) => o.analysisId);
  }
}
