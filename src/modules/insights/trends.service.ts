/**
 * trends: score series per rep and for the selected reps together, by week or month of the call date
 * (REVIEW_TZ), from the `dimension_daily` aggregate (one indexed read, whatever the number of results
 * behind it). Every bucket of the range is present, empty ones with count 0, so thin data shows.
 *
 * Selection (at most one): `repIds`; `teamOf` = the direct reports of a manager (not the manager);
 * `role` = reps whose current role is that; none = every rep in your scope. A named rep or manager
 * outside your scope is REP_NOT_FOUND; `teamOf` and `role` are narrowed to your scope silently.
 */
import { In, type DataSource } from "typeorm";
import { canSeeRep, type Viewer } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import { isUuid } from "../../core/ids";
import { Rep, type RepRole } from "../reps/rep.entity";
import { RepNotFoundError } from "../reps/rep.errors";
import type { RepService } from "../reps/rep.service";
import { bucketStarts, checkRange, type Granularity, type LocalDate } from "./period";
import { mean } from "./insights-math";
import type { DimensionDailyStore } from "./dimension-daily.store";
import { addTo, bucketSeries, total, type Sums } from "./series";
import type { RepTrend, Trends } from "./insights.types";

export interface TrendsRequest {
  repIds?: string[] | null;
  teamOf?: string | null;
  role?: RepRole | null;
  dimension?: string | null;
  granularity: Granularity;
  from: LocalDate;
  to: LocalDate;
}

export class TrendsService {
  constructor(
    private readonly ds: DataSource,
    private readonly reps: RepService,
    private readonly store: DimensionDailyStore,
  ) {}

  async trends(viewer: Viewer, req: TrendsRequest): Promise<Trends> {
    checkRange(req.from, req.to);
    const starts = bucketStarts(req.from, req.to, req.granularity);
    const dimension = req.dimension?.trim() || null;
    const selected = await this.select(viewer, req);
    const rows = await this.store.buckets(selected.map((r) => r.id), req.from, req.to, req.granularity, dimension);

    const perRep = new Map<string, Sums>();
    const team: Sums = new Map();
    for (const r of rows) {
      let m = perRep.get(r.repId);
      if (!m) perRep.set(r.repId, (m = new Map()));
      addTo(m, r.bucket, r.sum, r.count);
      addTo(team, r.bucket, r.sum, r.count);
    }
    const series = (m: Sums) => {
      const t = total(m);
      return { average: mean(t.sum, t.count), count: t.count, buckets: bucketSeries(starts, m, this.store.timeZone) };
    };
    const reps: RepTrend[] = selected.map((rep) => ({ rep, ...series(perRep.get(rep.id) ?? new Map()) }));
    return {
      from: req.from,
      to: req.to,
      granularity: req.granularity,
      dimension,
      timeZone: this.store.timeZone,
      team: { repCount: selected.length, ...series(team) },
      reps,
    };
  }

  /** The reps a request names, in the viewer's scope, by name. */
  private async select(viewer: Viewer, req: TrendsRequest): Promise<Rep[]> {
    const given = [req.repIds != null, req.teamOf != null, req.role != null].filter(Boolean).length;
    if (given > 1) throw new BadInputError("TRENDS_SELECTION", "Give at most one of repIds, teamOf and role.");
    const qb = this.ds.getRepository(Rep).createQueryBuilder("r").orderBy("r.name", "ASC").addOrderBy("r.id", "ASC");
    if (req.repIds != null) {
      const ids = [...new Set(req.repIds)];
      const bad = ids.find((id) => !isUuid(id) || !canSeeRep(viewer, id));
      if (bad !== undefined) throw new RepNotFoundError(bad);
      if (ids.length === 0) return [];
      const found = await this.ds.getRepository(Rep).find({ where: { id: In(ids) }, order: { name: "ASC", id: "ASC" } });
      const missing = ids.find((id) => !found.some((r) => r.id === id));
      if (missing) throw new RepNotFoundError(missing);
      return found;
    }
    if (req.teamOf != null) {
      const key = req.teamOf.trim();
      const manager = await this.reps.get(viewer, isUuid(key) ? key : null, isUuid(key) ? null : key);
      qb.where("r.manager_id = :managerId", { managerId: manager.id });
    } else if (req.role != null) {
      qb.where("r.role = :role", { role: req.role });
    }
    if (viewer.visibleRepIds !== null) {
      if (viewer.visibleRepIds.length === 0) return [];
      qb.andWhere("r.id IN (:...scopeIds)", { scopeIds: viewer.visibleRepIds });
    }
    return qb.getMany();
  }
}
