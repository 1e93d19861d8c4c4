/**
 * searchCalls: filters (search-conditions.ts) and full-text search over transcript segments,
 * always within the viewer's scope (CallService.scope, AnalysisService.scope).
 *
 * Full text uses PostgreSQL's 'english' configuration over `transcript_segments.search_vector`
 * (GIN-indexed; migrations/0009_search.sql) with websearch_to_tsquery. A call matches when at least
 * one of its segments matches; its rank is the sum of ts_rank over its matching segments, so a call
 * where the words come up more often ranks higher (summed exactly, as numeric, and rounded to 6
 * decimals: the same data always gives the same rank, so cursors compare equal). Order: rank desc,
 * call id asc with text; started_at desc, id desc without. Keyset cursors on those keys keep pages
 * stable while calls arrive.
 */
import type { DataSource } from "typeorm";
import { Call } from "../calls/call.entity";
import { CallService } from "../calls/call.service";
import { AnalysisService } from "../analyses/analysis.service";
import type { Viewer } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import { groupByKeys } from "../../core/group";
import { applyFilters, hasCallFilter, normalizeFilter } from "./search-conditions";
import type { CallSearchFilter } from "./search-filter.input";
import { CallSearchHit, CallSearchSnippet, HIGHLIGHT_START, HIGHLIGHT_STOP } from "./search.types";

/** With text: [rank, call id]; without: [started_at ISO, call id]. */
export type SearchCursor = [number, string] | [string, string];

/** Snippets per call: the best-ranked matching segments (then earliest). */
export const SNIPPETS_PER_CALL = 3;

/** The parsed search text, given as parameter `$i`. */
const tsquery = (i: number) => `websearch_to_tsquery('english', $${i})`;
/** ts_headline options: our markers; passages of 12–40 words around the match for long segments. */
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MinWords=12, MaxWords=40`;

export class SearchService {
  constructor(
    private readonly ds: DataSource,
    private readonly calls = new CallService(ds),
    private readonly analyses = new AnalysisService(ds),
    /** Up to this many filtered calls, a text search passes their ids to the ranking query (see candidates). */
    private readonly idListMax = 5000,
  ) {}

  /** One page of hits (`limit + 1` rows fetched) and a lazy total count. */
  async page(
    viewer: Viewer,
    filter: CallSearchFilter | null | undefined,
    limit: number,
    after: SearchCursor | null,
  ): Promise<{ rows: CallSearchHit[]; count: () => Promise<number> }> {
    const f = normalizeFilter(filter);
    const qb = applyFilters(this.calls.scope(this.ds.getRepository(Call).createQueryBuilder("c"), viewer), f, viewer, this.analyses);
    const [filtered, params] = qb.select("c.id", "id").addSelect("c.started_at", "started_at").getQueryAndParameters();
    if (f.text !== null) {
      await this.checkText(f.text);
      if (after && typeof after[0] !== "number") throw cursorError();
      return this.textPage(f.text, await this.candidates(filtered, params, hasCallFilter(f) || viewer.visibleRepIds !== null), limit, after);
    }
    if (after && typeof after[0] !== "string") throw cursorError();
    const n = params.length;
    const keyset = after ? `WHERE (f.started_at, f.id) < ($${n + 1}::timestamptz, $${n + 2}::uuid)` : "";
    const rows: { id: string; started_at: Date }[] = await this.ds.query(
      `SELECT f.id, f.started_at FROM (${filtered}) f ${keyset} ORDER BY f.started_at DESC, f.id DESC LIMIT ${limit + 1}`,
      after ? [...params, after[0], after[1]] : params,
    );
    return {
      rows: rows.map((r) => hit(r.id, r.started_at, null, null)),
      count: async () => Number((await this.ds.query(`SELECT count(*) AS n FROM (${filtered}) f`, params))[0].n),
    };
  }

  /**
   * The calls a text search may rank, as SQL on `t.call_id` and its parameters. When the filters
   * (or the token's scope) leave at most `idListMax` calls, their ids are fetched first and passed
   * as an array: the planner then knows how few calls there are and reads just their segments,
   * instead of every segment that matches the words (measured: 23 ms instead of 250 ms for one
   * rep's last 90 days and a common word over 10,000 calls).
   */
  private async candidates(filtered: string, params: unknown[], narrowed: boolean): Promise<{ sql: string; params: unknown[] } | null> {
    if (narrowed) {
      const ids: { id: string }[] = await this.ds.query(`SELECT f.id FROM (${filtered}) f LIMIT ${this.idListMax + 1}`, params);
      if (ids.length === 0) return null;
      if (ids.length <= this.idListMax) return { sql: "t.call_id = ANY($1::uuid[])", params: [ids.map((r) => r.id)] };
    }
    return { sql: `t.call_id IN (SELECT f.id FROM (${filtered}) f)`, params };
  }

  private async textPage(
    text: string,
    calls: { sql: string; params: unknown[] } | null,
    limit: number,
    after: SearchCursor | null,
  ): Promise<{ rows: CallSearchHit[]; count: () => Promise<number> }> {
    if (!calls) return { rows: [], count: async () => 0 };
    const n = calls.params.length;
    const q = tsquery(n + 1);
    // Summed as numeric (exact, so the order of the rows cannot change the last digit of a rank).
    const matched = `SELECT t.call_id, round(sum(ts_rank(t.search_vector, ${q})::numeric), 6)::float8 AS rank
        FROM transcript_segments t
       WHERE t.search_vector @@ ${q} AND ${calls.sql}
       GROUP BY t.call_id`;
    const base = [...calls.params, text];
    const keyset = after ? `WHERE m.rank < $${n + 2} OR (m.rank = $${n + 2} AND m.call_id > $${n + 3})` : "";
    // Every match is ranked anyway, so the total comes with the page (window count before the keyset).
    const rows: { call_id: string; rank: number; total: string }[] = await this.ds.query(
      `SELECT m.call_id, m.rank, m.total FROM (SELECT m0.*, count(*) OVER () AS total FROM (${matched}) m0) m
        ${keyset} ORDER BY m.rank DESC, m.call_id ASC LIMIT ${limit + 1}`,
      after ? [...base, after[0], after[1]] : base,
    );
    const total = rows.length ? Number(rows[0].total) : null;
    return {
      rows: rows.map((r) => hit(r.call_id, null, text, r.rank)),
      count: async () => total ?? Number((await this.ds.query(`SELECT count(*) AS n FROM (${matched}) m`, base))[0].n),
    };
  }

  /**
   * Up to SNIPPETS_PER_CALL matching segments of each call (best ts_rank first, then earliest), with
   * ts_headline marks, in one statement. Callers pass calls the viewer may read (search hits).
   */
  async snippets(callIds: readonly string[], text: string): Promise<CallSearchSnippet[][]> {
    // One pass over the page's calls (not one index probe per call); ts_headline only for the kept rows.
    const raw: { call_id: string; text: string; speaker_name: string | null; start_ms: number; end_ms: number }[] =
      await this.ds.query(
        `SELECT s.call_id, s.speaker_name, s.start_ms, s.end_ms,
                ts_headline('english', s.text, ${tsquery(1)}, '${HEADLINE_OPTIONS}') AS text
           FROM (SELECT t.call_id, t.seq, t.speaker_name, t.start_ms, t.end_ms, t.text,
                        row_number() OVER (PARTITION BY t.call_id ORDER BY ts_rank(t.search_vector, ${tsquery(1)}) DESC, t.seq) AS n
                   FROM transcript_segments t
                  WHERE t.call_id = ANY($2::uuid[]) AND t.search_vector @@ ${tsquery(1)}) s
          WHERE s.n <= ${SNIPPETS_PER_CALL}
          ORDER BY s.call_id, s.n`,
        [text, [...callIds]],
      );
    const rows = raw.map((r) =>
      Object.assign(new CallSearchSnippet(), {
        callId: r.call_id,
        text: r.text,
        speakerName: r.speaker_name,
        startMs: r.start_ms,
        endMs: r.end_ms,
      }),
    );
    return groupByKeys(callIds, rows, (s) => s.callId);
  }

  /** A text with no searchable word (only stop words or punctuation) would silently match nothing. */
  private async checkText(text: string): Promise<void> {
    const [row]: { n: number }[] = await this.ds.query(`SELECT numnode(${tsquery(1)}) AS n`, [text]);
    if (!row || Number(row.n) === 0) {
      throw new BadInputError(
        "SEARCH_TEXT_WITHOUT_WORDS",
        `The search text "${text.slice(0, 80)}" has no searchable words (English stop words such as "the" and punctuation are ignored).`,
      );
    }
  }
}

function hit(callId: string, startedAt: Date | null, text: string | null, rank: number | null): CallSearchHit {
  return Object.assign(new CallSearchHit(), { callId, startedAt, text, rank });
}

const cursorError = () => new BadInputError("INVALID_CURSOR", "The cursor does not belong to this search (with or without text).");
