/**
 * `compareCalls`: two to five calls side by side for one person's part in each (a rep given by
 * email, or each call's primary rep) — dimension scores with deltas from the first call, the
 * strengths and improvements that only one call shows, interaction metrics, and key moments matched
 * across calls by theme. Everything is read within the viewer's scope.
 */
import type { DataSource } from "typeorm";
import type { Viewer } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import { normalizeForMatch } from "../../analysis/grounding";
import type { CallService } from "../calls/call.service";
import type { RepService } from "../reps/rep.service";
import type { AnalysisService } from "../analyses/analysis.service";
import type { Analysis } from "../analyses/analysis.entity";
import type { CallComparison, MatchedMoments, MetricComparison } from "./compare.types";

const METRICS = [
  ["talkRatio", "talk_ratio"],
  ["longestMonologueMs", "longest_monologue_ms"],
  ["questionCount", "question_count"],
  ["questionRate", "question_rate"],
  ["wordsPerMinute", "words_per_minute"],
  ["interactivity", "interactivity"],
  ["patienceMs", "patience_ms"],
  ["fillerWords", "filler_words"],
  ["interruptions", "interruptions"],
] as const;

const STOP = new Set(
  "about after again also asked asks because before being call calls customer does from have into just more next only other over said says some such than that their them then there they this those very what when where which while will with would your".split(" "),
);

/** Significant words of a moment (4+ letters, not common words), for matching moments across calls. */
export function themeWords(text: string): Set<string> {
  return new Set(
    normalizeForMatch(text)
      .split(" ")
      .filter((w) => w.length >= 4 && !STOP.has(w))
      .map((w) => w.replace(/(ing|ed|es|s)$/, "")),
  );
}

const jaccard = (a: Set<string>, b: Set<string>) => {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common === 0 ? 0 : common / (a.size + b.size - common);
};

/** Groups key moments of different calls that share a theme (greedy, best match per call, similarity ≥ 0.2). */
export function matchMoments(perCall: { atMs: number; text: string }[][]): MatchedMoments[] {
  const used = perCall.map(() => new Set<number>());
  const groups: MatchedMoments[] = [];
  perCall.forEach((moments, ci) => {
    moments.forEach((m, mi) => {
      if (used[ci].has(mi)) return;
      const words = themeWords(m.text);
      const group = [{ callIndex: ci, atMs: m.atMs, text: m.text, words }];
      for (let cj = ci + 1; cj < perCall.length; cj++) {
        let best = -1;
        let bestScore = 0.2 - 1e-9;
        perCall[cj].forEach((o, oi) => {
          if (used[cj].has(oi)) return;
          const s = jaccard(words, themeWords(o.text));
          if (s > bestScore) [best, bestScore] = [oi, s];
        });
        if (best >= 0) {
          used[cj].add(best);
          const o = perCall[cj][best];
          group.push({ callIndex: cj, atMs: o.atMs, text: o.text, words: themeWords(o.text) });
        }
      }
      if (group.length < 2) return;
      used[ci].add(mi);
      const shared = [...group[0].words].filter((w) => group.slice(1).some((g) => g.words.has(w)));
      groups.push({ theme: shared.join(", "), moments: group.map(({ callIndex, atMs, text }) => ({ callIndex, atMs, text })) });
    });
  });
  return groups;
}

export class CompareService {
  constructor(
    private readonly ds: DataSource,
    private readonly calls: CallService,
    private readonly reps: RepService,
    private readonly analyses: AnalysisService,
  ) {}

  async compare(viewer: Viewer, ids: string[], opts: { repEmail?: string | null; dimensions?: string[] | null } = {}): Promise<CallComparison> {
    if (ids.length < 2 || ids.length > 5) throw new BadInputError("COMPARE_COUNT", `Compare 2 to 5 calls (got ${ids.length}).`);
    const calls = [];
    for (const id of ids) calls.push(await this.calls.get(viewer, id));
    if (new Set(calls.map((c) => c.id)).size !== calls.length) throw new BadInputError("COMPARE_DUPLICATE", "The same call is listed twice.");
    const rep = opts.repEmail ? await this.reps.get(viewer, null, opts.repEmail) : null;

    const current = await this.analyses.byCallIds(viewer, calls.map((c) => c.id));
    const analyses: (Analysis | null)[] = calls.map((c, i) => {
      const repId = rep?.id ?? c.primaryRepId;
      const mine = current[i].filter((a) => a.repId === repId && a.overallScore !== null);
      return mine.sort((x, y) => +y.createdAt - +x.createdAt)[0] ?? null;
    });
    const ids_ = analyses.filter((a): a is Analysis => !!a).map((a) => a.id);
    const results = ids_.length ? await this.analyses.dimensionResultsByAnalysisIds(ids_) : [];
    const byAnalysis = new Map(ids_.map((id, i) => [id, results[i]]));

    const keys: string[] = [];
    for (const a of analyses) for (const d of (a && byAnalysis.get(a.id)) || []) if (!keys.includes(d.dimension)) keys.push(d.dimension);
    const wanted = opts.dimensions?.length ? keys.filter((k) => opts.dimensions!.includes(k)) : keys;
    const dimensions = wanted.map((key) => {
      const rows = analyses.map((a) => (a ? byAnalysis.get(a.id)?.find((d) => d.dimension === key) ?? null : null));
      const scores = rows.map((r) => r?.score ?? null);
      const norm = (list: string[] | undefined) => (list ?? []).map(normalizeForMatch);
      const distinct = (pick: "strengths" | "improvements") =>
        rows.map((r, i) => (r?.[pick] ?? []).filter((s) => !rows.some((o, j) => j !== i && norm(o?.[pick]).includes(normalizeForMatch(s)))));
      return {
        dimension: key,
        scores,
        deltas: scores.map((s) => (s === null || scores[0] === null ? null : s - scores[0])),
        distinctStrengths: distinct("strengths"),
        distinctImprovements: distinct("improvements"),
      };
    });

    // The scored person's metrics on each call: the analysed participant, else the rep's participant.
    const metricRows: Record<string, number | null>[] = [];
    for (const [i, c] of calls.entries()) {
      const a = analyses[i];
      const repId = rep?.id ?? c.primaryRepId;
      const rows: Record<string, number | null>[] = await this.ds.query(
        `SELECT m.* FROM call_metrics m JOIN call_participants p ON p.id = m.participant_id
          WHERE m.call_id = $1 AND ($2::uuid IS NOT NULL AND p.id = $2 OR $2::uuid IS NULL AND p.rep_id = $3) LIMIT 1`,
        [c.id, a?.participantId ?? null, repId],
      );
      metricRows.push(rows[0] ?? {});
    }
    const metrics: MetricComparison[] = METRICS.map(([metric, column]) => ({
      metric,
      values: metricRows.map((r) => (r[column] === undefined || r[column] === null ? null : Number(r[column]))),
    }));

    return {
      calls,
      analyses,
      overallScores: analyses.map((a) => a?.overallScore ?? null),
      dimensions,
      metrics,
      matchedMoments: matchMoments(analyses.map((a) => a?.keyMoments ?? [])),
      repId: rep?.id ?? null,
    };
  }
}
