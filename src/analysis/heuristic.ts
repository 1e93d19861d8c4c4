/**
 * The heuristic scorer: the deterministic, offline counterpart of the Claude engine, used when no
 * ANTHROPIC_API_KEY is configured. It reads the subject's own transcript lines with keyword trackers
 * per dimension (heuristic-trackers.ts, heuristic-profiles.ts), weighs the interaction metrics against
 * targets for the call type, and adds the rubric dimension's own words. Same input, same output: no
 * clock, no randomness, no I/O.
 */
import { profileFor } from "./heuristic-profiles";
import { dimensionSignals, subjectView, type Signal } from "./heuristic-signals";
import { groundableQuote, criterionAsAdvice, significantStems, type Sentence } from "./heuristic-text";
import type { AnalysisSubject, CallForAnalysis, DimensionAnswer, DimensionSpec } from "./types";

export { detectObjections } from "./heuristic-objections";
export { heuristicCallReview } from "./heuristic-review";

/** Recorded with every heuristic analysis; bump when the scoring rules change. */
export const HEURISTIC_VERSION = "heuristic-1";

/** Neutral score: what a dimension gets when nothing speaks for or against it. */
export const NEUTRAL_SCORE = 60;

/**
 * Maps the summed signal points to 0–100 with diminishing returns, so scores stay in a realistic band
 * (about 35–92) instead of piling up at the ends.
 */
export function saturate(points: number): number {
  const score = points >= 0 ? NEUTRAL_SCORE + 32 * (1 - Math.exp(-points / 30)) : NEUTRAL_SCORE - 25 * (1 - Math.exp(points / 20));
  return Math.max(0, Math.min(100, Math.round(score)));
}

const MAX_ITEMS = 3;

/** Up to three sentences that showed the dimension's signals, strongest first when choosing, in call order. */
function pickEvidence(signals: Signal[], speaker: string): DimensionAnswer["evidence"] {
  const byKey = new Map<string, { s: Sentence; w: number }>();
  for (const sig of signals) {
    if (sig.weight <= 0) continue;
    for (const s of sig.evidence) {
      const key = `${s.line.seq}\u0000${s.text}`;
      const cur = byKey.get(key) ?? { s, w: 0 };
      cur.w += sig.weight;
      byKey.set(key, cur);
    }
  }
  const ranked = [...byKey.values()].sort((a, b) => b.w - a.w || a.s.line.startMs - b.s.line.startMs || a.s.line.seq - b.s.line.seq);
  const chosen: Sentence[] = [];
  for (const { s } of ranked) {
    if (chosen.length >= MAX_ITEMS) break;
    if (!chosen.some((c) => c.line === s.line)) chosen.push(s);
  }
  return chosen
    .sort((a, b) => a.line.startMs - b.line.startMs || a.line.seq - b.line.seq)
    .map((s) => ({ quote: groundableQuote(s.text, s.line.text), speaker }));
}

/** True when `text` shares at least `overlap` significant words with one of `others` (it would say the same thing). */
function repeats(text: string, others: string[], overlap: number): boolean {
  const words = significantStems(text);
  return others.some((o) => [...significantStems(o).keys()].filter((w) => words.has(w)).length >= overlap);
}

const unique = (items: (string | undefined)[]): string[] => [...new Set(items.filter((s): s is string => !!s))];

/** Scores one rubric dimension for the subject from their own lines and metrics. */
export function heuristicDimension(spec: DimensionSpec, call: CallForAnalysis, subject: AnalysisSubject): DimensionAnswer {
  const view = subjectView(call, subject);
  if (!view.own.length) {
    return {
      score: 40,
      rationale: `Heuristic estimate: ${subject.name} did not speak on this call, so there is nothing to judge ${spec.name.toLowerCase()} on.`,
      strengths: [],
      improvements: spec.criteria.length ? [criterionAsAdvice(spec.criteria[0])] : [],
      evidence: [],
    };
  }
  const { profile, known } = profileFor(spec.key);
  const signals = dimensionSignals(view, spec, profile, known);
  const hint = signals[signals.length - 1];
  const score = saturate(signals.reduce((n, s) => n + s.points, 0));

  // Rationale: the signals that moved the score most, in that order.
  const moving = signals.filter((s) => s.points !== 0 && (known ? s !== hint : true));
  const named = (moving.length ? moving : signals).map((s, i) => ({ s, i })).sort((a, b) => Math.abs(b.s.points) - Math.abs(a.s.points) || a.i - b.i);
  const rationale = `Heuristic estimate: ${named.slice(0, 4).map(({ s }) => s.label).join(", ")}.`;

  const byPoints = (dir: 1 | -1) => (a: Signal, b: Signal) => dir * (a.points - b.points) || b.weight - a.weight;
  const strengths = unique([...signals].filter((s) => s.strength && s.points > 0).sort(byPoints(-1)).map((s) => s.strength)).slice(0, MAX_ITEMS);
  // Improvements: what cost points first, then what scored but is not there yet, then what was simply absent,
  // then the rubric's own criteria (skipping any that repeat a strength or an improvement already given).
  const tier = (s: Signal) => (s.points < 0 ? 0 : s.points > 0 ? 1 : 2);
  const ranked = signals
    .filter((s) => s.improvement && (!known || s !== hint))
    .sort((a, b) => tier(a) - tier(b) || byPoints(1)(a, b))
    .map((s) => s.improvement);
  const improvements: string[] = [];
  const candidates = [...unique(ranked).map((text) => ({ text, overlap: 3 })), ...(hint.advice ?? []).map((text) => ({ text, overlap: 2 }))];
  for (const { text, overlap } of candidates) {
    if (improvements.length >= MAX_ITEMS) break;
    if (!repeats(text, [...strengths, ...improvements], overlap)) improvements.push(text);
  }
  if (!strengths.length) strengths.push(`Took part in the conversation with ${view.own.length} turn${view.own.length === 1 ? "" : "s"}.`);

  return { score, rationale, strengths, improvements, evidence: pickEvidence(signals, subject.name) };
}
