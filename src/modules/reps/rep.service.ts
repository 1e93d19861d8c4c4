/** Reading reps within the viewer's scope. */
import { In, type DataSource } from "typeorm";
import { Rep } from "./rep.entity";
import { RepLookupInputError, RepNotFoundError } from "./rep.errors";
import { canSeeRep, type Viewer } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import { isUuid } from "../../core/ids";


export type RepCursor = [string, string];

export class RepService {
  constructor(private readonly ds: DataSource) {}

  /** A rep by id or email; REP_NOT_FOUND when absent or outside the viewer's scope. */
  async get(viewer: Viewer, id?: string | null, email?: string | null): Promise<Rep> {
    if ((!id && !email) || (id && email)) throw new RepLookupInputError();
    let rep: Rep | null = null;
    if (id) rep = isUuid(id) ? await this.ds.getRepository(Rep).findOneBy({ id }) : null;
    else rep = await this.ds.getRepository(Rep).findOneBy({ email: email!.trim().toLowerCase() });
    if (!rep || !canSeeRep(viewer, rep.id)) throw new RepNotFoundError((id ?? email)!);
    return rep;
  }

  /** Sets a rep's role and marks it as overridden, so Gong user sync keeps it. */
  async overrideRole(viewer: Viewer, email: string, role: string): Promise<Rep> {
    const rep = await this.get(viewer, null, email);
    await this.ds.query(`UPDATE reps SET role = $2, role_overridden = true, updated_at = now() WHERE id = $1`, [rep.id, role]);
    return this.get(viewer, rep.id);
  }

  /** Reps by id (for loaders), without scope: callers decide what to show. */
  async byIds(ids: readonly string[]): Promise<(Rep | null)[]> {
    const rows = await this.ds.getRepository(Rep).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** One page of visible reps ordered by name. Fetches `limit + 1` rows. */
  async page(viewer: Viewer, limit: number, after: RepCursor | null) {
    const qb = this.ds.getRepository(Rep).createQueryBuilder("r");
    if (viewer.visibleRepIds !== null) {
      if (viewer.visibleRepIds.length === 0) qb.andWhere("FALSE");
      else qb.andWhere("r.id IN (:...ids)", { ids: viewer.visibleRepIds });
    }
    const countQb = qb.clone();
    if (after) {
      if (!isUuid(after[1])) throw new BadInputError("INVALID_CURSOR", "Not a cursor of this connection.");
      qb.andWhere("(r.name, r.id) > (:aName, :aId)", { aName: after[0], aId: after[1] });
    }
    const rows = await qb.orderBy("r.name", "ASC").addOrderBy("r.id", "ASC").limit(limit + 1).getMany();
    return { rows, count: () => countQb.getCount() };
  }
}
