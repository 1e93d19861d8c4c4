/**
 * Reading calls, their participants and transcript segments, always within the viewer's scope.
 * Batched methods back the request-scoped DataLoaders (one statement per relation and page).
 */
import { In, type DataSource, type SelectQueryBuilder } from "typeorm";
import { Call } from "./call.entity";
import { CallParticipant } from "./call-participant.entity";
import { TranscriptSegment } from "./transcript-segment.entity";
import { CallNotFoundError } from "./call.errors";
import type { CallFilter } from "./dto/call-filter.input";
import type { Viewer } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import { groupByKeys } from "../../core/group";
import { isGongId, isUuid } from "../../core/ids";


export type CallCursor = [string, string];

export class CallService {
  constructor(private readonly ds: DataSource) {}

  /** Restricts a calls query (alias `c`) to what the viewer may read. */
  scope(qb: SelectQueryBuilder<Call>, viewer: Viewer): SelectQueryBuilder<Call> {
    if (viewer.visibleRepIds === null) return qb;
    if (viewer.visibleRepIds.length === 0) return qb.andWhere("FALSE");
    return qb.andWhere(
      `(c.primary_rep_id IN (:...scopeRepIds) OR EXISTS (SELECT 1 FROM call_participants sp WHERE sp.call_id = c.id AND sp.rep_id IN (:...scopeRepIds)))`,
      { scopeRepIds: viewer.visibleRepIds },
    );
  }

  /** A call by our id or Gong id, or CALL_NOT_FOUND (also when outside the viewer's scope). */
  async get(viewer: Viewer, id: string): Promise<Call> {
    const qb = this.ds.getRepository(Call).createQueryBuilder("c");
    if (isUuid(id)) qb.where("c.id = :id", { id });
    else if (isGongId(id)) qb.where("c.gong_id = :id", { id });
    else throw new CallNotFoundError(id);
    const call = await this.scope(qb, viewer).getOne();
    if (!call) throw new CallNotFoundError(id);
    return call;
  }

  /** Calls by our ids within scope (for loaders); missing or hidden ids map to null. */
  async byIds(viewer: Viewer, ids: readonly string[]): Promise<(Call | null)[]> {
    const qb = this.ds.getRepository(Call).createQueryBuilder("c").where("c.id IN (:...ids)", { ids: [...ids] });
    const rows = await this.scope(qb, viewer).getMany();
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private filtered(viewer: Viewer, filter: CallFilter | undefined): SelectQueryBuilder<Call> {
    const qb = this.scope(this.ds.getRepository(Call).createQueryBuilder("c"), viewer);
    if (filter?.repId) {
      if (!isUuid(filter.repId)) throw new BadInputError("INVALID_ID", `repId "${filter.repId}" is not a rep id.`);
      qb.andWhere(
        `(c.primary_rep_id = :fRepId OR EXISTS (SELECT 1 FROM call_participants fp WHERE fp.call_id = c.id AND fp.rep_id = :fRepId))`,
        { fRepId: filter.repId },
      );
    }
    if (filter?.repEmail) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM reps fr WHERE fr.email = :fEmail AND (fr.id = c.primary_rep_id OR EXISTS (SELECT 1 FROM call_participants fp2 WHERE fp2.call_id = c.id AND fp2.rep_id = fr.id)))`,
        { fEmail: filter.repEmail.trim().toLowerCase() },
      );
    }
    if (filter?.from) qb.andWhere("c.started_at >= :fFrom", { fFrom: filter.from });
    if (filter?.to) qb.andWhere("c.started_at < :fTo", { fTo: filter.to });
    if (filter?.from && filter?.to && filter.from > filter.to) {
      throw new BadInputError("INVALID_DATE_RANGE", `"from" (${filter.from.toISOString()}) is after "to".`);
    }
    if (filter?.callType) qb.andWhere("c.call_type = :fType", { fType: filter.callType });
    if (filter?.product) qb.andWhere("c.product = :fProduct", { fProduct: filter.product });
    return qb;
  }

  /** One page of calls, newest first, plus a lazy total count. Fetches `limit + 1` rows. */
  async page(
    viewer: Viewer,
    filter: CallFilter | undefined,
    limit: number,
    after: CallCursor | null,
  ): Promise<{ rows: Call[]; count: () => Promise<number> }> {
    const qb = this.filtered(viewer, filter);
    const countQb = qb.clone();
    if (after) {
      qb.andWhere("(c.started_at, c.id) < (:aTs, :aId)", { aTs: new Date(after[0]), aId: after[1] });
    }
    const rows = await qb.orderBy("c.started_at", "DESC").addOrderBy("c.id", "DESC").limit(limit + 1).getMany();
    return { rows, count: () => countQb.getCount() };
  }

  /** Sets the call type and/or product and marks them as overridden (ADMIN; checked by the resolver). */
  async override(viewer: Viewer, id: string, patch: { callType?: string; product?: string }): Promise<Call> {
    const call = await this.get(viewer, id);
    if (patch.callType === undefined && patch.product === undefined) {
      throw new BadInputError("NOTHING_TO_OVERRIDE", "Give callType and/or product.");
    }
    await this.ds.query(
      `UPDATE calls SET
         call_type = COALESCE($2, call_type), call_type_overridden = call_type_overridden OR $2 IS NOT NULL,
         product = COALESCE($3, product), product_overridden = product_overridden OR $3 IS NOT NULL,
         updated_at = now()
       WHERE id = $1`,
      [call.id, patch.callType ?? null, patch.product ?? null],
    );
    return this.get(viewer, call.id);
  }

  async participantsByCallIds(callIds: readonly string[]): Promise<CallParticipant[][]> {
    const rows = await this.ds.getRepository(CallParticipant).find({
      where: { callId: In([...callIds]) },
      order: { name: "ASC", id: "ASC" },
    });
    // Our side first, then the customer's, then anyone undecided.
    const rank = { INTERNAL: 0, EXTERNAL: 1, UNKNOWN: 2 } as const;
    rows.sort((a, b) => rank[a.side] - rank[b.side]);
    return groupByKeys(callIds, rows, (p) => p.callId);
  }

  /** The first `limit` segments with seq > afterSeq of each call, after skipping `offset` of them, in one statement. */
  async segmentsByCallIds(callIds: readonly string[], limit: number, afterSeq: number, offset = 0): Promise<TranscriptSegment[][]> {
    const raw: Record<string, unknown>[] = await this.ds.query(
      `SELECT s.* FROM unnest($1::uuid[]) AS c(id)
       CROSS JOIN LATERAL (
         SELECT t.id, t.call_id, t.seq, t.speaker_id, t.speaker_name, t.start_ms, t.end_ms, t.text, t.topic
           FROM transcript_segments t WHERE t.call_id = c.id AND t.seq > $2 ORDER BY t.seq LIMIT $3 OFFSET $4
       ) s`,
      [callIds, afterSeq, limit, offset],
    );
    const rows = raw.map((r) => this.ds.getRepository(TranscriptSegment).create(toSegment(r)));
    return groupByKeys(callIds, rows, (s) => s.callId);
  }

  async segmentCounts(callIds: readonly string[]): Promise<number[]> {
    const raw: { call_id: string; n: string }[] = await this.ds.query(
      `SELECT call_id, count(*) AS n FROM transcript_segments WHERE call_id = ANY($1::uuid[]) GROUP BY call_id`,
      [callIds],
    );
    const byId = new Map(raw.map((r) => [r.call_id, Number(r.n)]));
    return callIds.map((id) => byId.get(id) ?? 0);
  }
}

function toSegment(r: Record<string, unknown>): Partial<TranscriptSegment> {
  return {
    id: r.id as string,
    callId: r.call_id as string,
    seq: r.seq as number,
    speakerId: r.speaker_id as string | null,
    speakerName: r.speaker_name as string | null,
    startMs: r.start_ms as number,
    endMs: r.end_ms as number,
    text: r.text as string,
    topic: r.topic as string | null,
  };
}
