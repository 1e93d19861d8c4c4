/**
 * The non-text filters of searchCalls as conditions on a calls query (alias `c`) that is already
 * restricted to the viewer's scope. Input is validated and normalised here (BAD_USER_INPUT).
 */
import type { SelectQueryBuilder } from "typeorm";
import type { Call } from "../calls/call.entity";
import { Analysis } from "../analyses/analysis.entity";
import type { AnalysisService } from "../analyses/analysis.service";
import type { Viewer } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import { isUuid } from "../../core/ids";
import type { CallSearchFilter } from "./search-filter.input";

const DOMAIN_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** A filter with blank strings dropped, emails lower-cased and ranges checked. */
export type NormalizedFilter = Omit<CallSearchFilter, "text"> & { text: string | null };

/** "" and whitespace count as not given. */
const given = (s: string | null | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);

export function normalizeFilter(filter: CallSearchFilter | null | undefined): NormalizedFilter {
  const f: NormalizedFilter = { ...(filter ?? {}), text: given(filter?.text) ?? null };
  f.repId = given(f.repId);
  if (f.repId && !isUuid(f.repId)) throw new BadInputError("INVALID_ID", `repId "${f.repId}" is not a rep id.`);
  f.repEmail = given(f.repEmail)?.toLowerCase();
  f.teamOf = given(f.teamOf)?.toLowerCase();
  f.participantEmail = given(f.participantEmail)?.toLowerCase();
  f.dimension = given(f.dimension)?.toLowerCase();
  f.tracker = given(f.tracker)?.toLowerCase();
  f.participantDomain = given(f.participantDomain)?.toLowerCase().replace(/^@/, "");
  if (f.participantDomain !== undefined && !DOMAIN_RE.test(f.participantDomain)) {
    throw new BadInputError("INVALID_DOMAIN", `participantDomain "${filter?.participantDomain}" is not a domain (e.g. acme.com).`);
  }
  if (f.from && f.to && f.from > f.to) {
    throw new BadInputError("INVALID_DATE_RANGE", `"from" (${f.from.toISOString()}) is after "to" (${f.to.toISOString()}).`);
  }
  const min = f.minScore ?? null;
  const max = f.maxScore ?? null;
  if (min !== null && max !== null && min >= max) {
    throw new BadInputError(
      "INVALID_SCORE_RANGE",
      `minScore (${min}) must be below maxScore (${max}): minScore is inclusive, maxScore exclusive.`,
    );
  }
  return f;
}

/** SQL selecting the ids of the reps the rep filters name, or null when there is no rep filter. */
function repSubquery(f: NormalizedFilter): string | null {
  const conds: string[] = [];
  if (f.repId) conds.push("sr.id = :sRepId");
  if (f.repEmail) conds.push("sr.email = :sRepEmail");
  if (f.role) conds.push("sr.role = :sRole");
  if (f.teamOf) conds.push("(sr.email = :sTeamOf OR sr.manager_id IN (SELECT sm.id FROM reps sm WHERE sm.email = :sTeamOf))");
  return conds.length ? `SELECT sr.id FROM reps sr WHERE ${conds.join(" AND ")}` : null;
}

/** True when any filter other than `text` is given. */
export const hasCallFilter = (f: NormalizedFilter): boolean =>
  Object.entries(f).some(([k, v]) => k !== "text" && v !== undefined && v !== null);

const hasAnalysisFilter = (f: NormalizedFilter) =>
  f.minScore != null || f.maxScore != null || !!f.dimension || !!f.objectionType || !!f.objectionResolved;

/** Adds every non-text filter of `f` to `qb` (a scoped calls query, alias `c`). */
export function applyFilters(
  qb: SelectQueryBuilder<Call>,
  f: NormalizedFilter,
  viewer: Viewer,
  analyses: AnalysisService,
): SelectQueryBuilder<Call> {
  const params = {
    sRepId: f.repId,
    sRepEmail: f.repEmail,
    sRole: f.role,
    sTeamOf: f.teamOf,
  };
  const reps = repSubquery(f);
  if (reps) {
    qb.andWhere(
      `(c.primary_rep_id IN (${reps}) OR EXISTS (SELECT 1 FROM call_participants srp WHERE srp.call_id = c.id AND srp.rep_id IN (${reps})))`,
      params,
    );
  }
  if (f.from) qb.andWhere("c.started_at >= :sFrom", { sFrom: f.from });
  if (f.to) qb.andWhere("c.started_at < :sTo", { sTo: f.to });
  if (f.callType) qb.andWhere("c.call_type = :sCallType", { sCallType: f.callType });
  if (f.product) qb.andWhere("c.product = :sProduct", { sProduct: f.product });
  if (f.participantEmail) {
    qb.andWhere(`EXISTS (SELECT 1 FROM call_participants spe WHERE spe.call_id = c.id AND lower(spe.email) = :sPEmail)`, {
      sPEmail: f.participantEmail,
    });
  }
  if (f.participantDomain) {
    // The part after the last "@", so "@acme.com" never matches "x@notacme.com" or "x@eu.acme.com".
    qb.andWhere(
      `EXISTS (SELECT 1 FROM call_participants spd WHERE spd.call_id = c.id AND spd.side = 'EXTERNAL'
                 AND lower(substring(spd.email from '@([^@]*)$')) = :sDomain)`,
      { sDomain: f.participantDomain },
    );
  }
  if (f.tracker) {
    // tracker_names: lower-cased names of the trackers with count > 0 (migrations/0009_search.sql).
    qb.andWhere("c.tracker_names @> ARRAY[CAST(:sTracker AS text)]", { sTracker: f.tracker });
  }
  if (hasAnalysisFilter(f)) qb.andWhere(`EXISTS ${analysisSubquery(qb, f, reps, viewer, analyses)}`, params);
  return qb;
}

/**
 * One current analysis of the call that the viewer may read (AnalysisService.scope), of a rep the
 * rep filters name, on which every score and objection filter holds.
 */
function analysisSubquery(
  qb: SelectQueryBuilder<Call>,
  f: NormalizedFilter,
  reps: string | null,
  viewer: Viewer,
  analyses: AnalysisService,
): string {
  const sub = analyses.scope(qb.subQuery().select("1").from(Analysis, "a").where("a.call_id = c.id"), viewer);
  if (reps) sub.andWhere(`a.rep_id IN (${reps})`);
  const bounds = (col: string) =>
    [f.minScore != null ? `${col} >= :sMin` : null, f.maxScore != null ? `${col} < :sMax` : null].filter(Boolean).join(" AND ");
  const scoreParams = { sMin: f.minScore, sMax: f.maxScore };
  if (f.dimension) {
    const b = bounds("d.score");
    sub.andWhere(
      `EXISTS (SELECT 1 FROM dimension_results d WHERE d.analysis_id = a.id AND d.dimension = :sDim AND d.score IS NOT NULL${b ? ` AND ${b}` : ""})`,
      { sDim: f.dimension, ...scoreParams },
    );
  } else if (f.minScore != null || f.maxScore != null) {
    sub.andWhere(bounds("a.overall_score"), scoreParams);
  }
  if (f.objectionType || f.objectionResolved) {
    const conds = [f.objectionType ? "o.type = :sObjType" : null, f.objectionResolved ? "o.resolved = :sObjResolved" : null];
    sub.andWhere(`EXISTS (SELECT 1 FROM objections o WHERE o.analysis_id = a.id AND ${conds.filter(Boolean).join(" AND ")})`, {
      sObjType: f.objectionType,
      sObjResolved: f.objectionResolved,
    });
  }
  return sub.getQuery();
}
