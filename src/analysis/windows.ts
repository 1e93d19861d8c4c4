/**
 * Long calls. The prompt is measured (token-counting endpoint when the cheap estimate says it may
 * not fit; the estimate otherwise) against ANALYSIS_CONTEXT_BUDGET_TOKENS. A call that fits is
 * analysed in one pass. A longer one is split into windows on speaker-turn boundaries, each
 * overlapping the previous by a few turns, analysed separately, and merged: a dimension's score is
 * the mean of the windows' scores weighted by the scored person's talk time in each window;
 * evidence, strengths and improvements are de-duplicated; key moments and objections are united.
 */
import type { ClaudeEngine, ClaudeRunResult, TaskOutcome } from "./claude";
import { normalizeForMatch } from "./grounding";
import { instructionsBlock, transcriptBlock, type PromptContext } from "./prompts";
import { addUsage, ZERO_USAGE } from "./prices";
import type { CallReviewAnswer, DimensionAnswer, TranscriptLine } from "./types";

/** The stated estimator: about four characters per token (used when token counting is unavailable). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Turns shared by consecutive windows, so a moment at a boundary is seen whole in one of them. */
export const OVERLAP_TURNS = 4;
/** Room kept for the task, the output format and the answer. */
const TASK_RESERVE_TOKENS = 1_500;

export interface WindowPlan {
  lines: TranscriptLine[];
  window: { index: number; count: number };
}

/** Groups lines into speaker turns (consecutive lines of one speaker). */
export function speakerTurns(lines: TranscriptLine[]): TranscriptLine[][] {
  const turns: TranscriptLine[][] = [];
  for (const l of lines) {
    const last = turns[turns.length - 1];
    if (last && last[0].participantId === l.participantId && last[0].speakerName === l.speakerName) last.push(l);
    else turns.push([l]);
  }
  return turns;
}

/** Splits lines into windows of at most `maxTokens` transcript tokens, on turn boundaries, with overlap. */
export function splitIntoWindows(lines: TranscriptLine[], maxTokens: number, overlapTurns = OVERLAP_TURNS): TranscriptLine[][] {
  const turns = speakerTurns(lines);
  const cost = turns.map((t) => estimateTokens(transcriptBlock(t)));
  const windows: TranscriptLine[][] = [];
  let start = 0;
  while (start < turns.length) {
    let end = start;
    let used = 0;
    while (end < turns.length && (end === start || used + cost[end] <= maxTokens)) used += cost[end++];
    windows.push(turns.slice(start, end).flat());
    if (end >= turns.length) break;
    start = Math.max(start + 1, end - overlapTurns);
  }
  return windows;
}

/** One window when the prompt fits the budget; otherwise overlapping windows. */
export async function planWindows(claude: ClaudeEngine, base: Omit<PromptContext, "lines" | "window">, budget: number): Promise<WindowPlan[]> {
  const lines = base.call.lines;
  const ctx: PromptContext = { ...base, lines };
  const estimate = estimateTokens(instructionsBlock(ctx)) + estimateTokens(transcriptBlock(lines)) + TASK_RESERVE_TOKENS;
  let total = estimate;
  // Only pay for a count when the estimate is near the budget.
  if (estimate > budget * 0.5) total = ((await claude.countTokens(ctx)) ?? estimate - TASK_RESERVE_TOKENS) + TASK_RESERVE_TOKENS;
  if (total <= budget) return [{ lines, window: { index: 0, count: 1 } }];
  const overhead = estimateTokens(instructionsBlock(ctx)) + TASK_RESERVE_TOKENS;
  const ratio = total / estimate; // the counted size corrects the estimator for this text
  const perWindow = Math.max(500, Math.floor((budget - overhead * ratio) / ratio));
  const parts = splitIntoWindows(lines, perWindow);
  return parts.map((l, i) => ({ lines: l, window: { index: i, count: parts.length } }));
}

type Review = CallReviewAnswer;

const talkMs = (lines: TranscriptLine[], participantId: string) =>
  lines.filter((l) => l.participantId === participantId).reduce((n, l) => n + Math.max(0, l.endMs - l.startMs), 0);

function dedupe(items: string[], max: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of items) {
    const k = normalizeForMatch(s);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
    if (out.length >= max) break;
  }
  return out;
}

/** Merges the runs of all windows (one run = one window); a single run passes through unchanged. */
export function mergeWindowResults(plan: WindowPlan[], runs: ClaudeRunResult[], participantId: string): {
  dimensions: Map<string, TaskOutcome<DimensionAnswer>>;
  review: TaskOutcome<Review> | null;
  usage: ClaudeRunResult["usage"];
} {
  const usage = runs.reduce((u, r) => addUsage(u, r.usage), { ...ZERO_USAGE });
  if (runs.length === 1) return { dimensions: runs[0].dimensions, review: runs[0].review, usage };
  const weights = plan.map((w) => talkMs(w.lines, participantId) || 1);
  const dimensions = new Map<string, TaskOutcome<DimensionAnswer>>();
  for (const key of runs[0].dimensions.keys()) {
    const parts = runs.map((r, i) => ({ o: r.dimensions.get(key)!, w: weights[i] }));
    const ok = parts.filter((p) => p.o?.ok) as { o: Extract<TaskOutcome<DimensionAnswer>, { ok: true }>; w: number }[];
    const attempts = parts.reduce((n, p) => n + (p.o?.attempts ?? 0), 0);
    if (ok.length === 0) {
      const reason = parts.map((p, i) => (p.o && !p.o.ok ? `window ${i + 1}: ${p.o.reason}` : "")).filter(Boolean).join("; ");
      dimensions.set(key, { ok: false, reason, usage: ZERO_USAGE, attempts });
      continue;
    }
    const w = ok.reduce((n, p) => n + p.w, 0);
    const heaviest = [...ok].sort((a, b) => b.w - a.w)[0];
    dimensions.set(key, {
      ok: true,
      attempts,
      usage: ZERO_USAGE,
      value: {
        score: Math.round(ok.reduce((n, p) => n + p.o.value.score * p.w, 0) / w),
        rationale: heaviest.o.value.rationale,
        strengths: dedupe(ok.flatMap((p) => p.o.value.strengths), 3),
        improvements: dedupe(ok.flatMap((p) => p.o.value.improvements), 3),
        evidence: ok
          .flatMap((p) => p.o.value.evidence)
          .filter((e, i, all) => all.findIndex((x) => normalizeForMatch(x.quote) === normalizeForMatch(e.quote)) === i)
          .slice(0, 6),
      },
    });
  }
  const reviews = runs.map((r) => r.review).filter((r): r is Extract<TaskOutcome<Review>, { ok: true }> => !!r?.ok);
  let review: TaskOutcome<Review> | null = null;
  if (runs.some((r) => r.review)) {
    if (reviews.length === 0) {
      review = { ok: false, reason: runs.map((r) => (r.review && !r.review.ok ? r.review.reason : "")).filter(Boolean).join("; "), usage: ZERO_USAGE, attempts: 0 };
    } else {
      const moments = reviews.flatMap((r) => r.value.keyMoments).sort((a, b) => a.atMs - b.atMs);
      const spaced = moments.filter((m, i) => i === 0 || m.atMs - moments[i - 1].atMs > 30_000);
      const step = Math.max(1, spaced.length / 10);
      review = {
        ok: true,
        attempts: reviews.length,
        usage: ZERO_USAGE,
        value: {
          summary: reviews.map((r) => r.value.summary.split(/(?<=[.!?])\s/)[0]).join(" "),
          keyMoments: Array.from({ length: Math.min(10, spaced.length) }, (_, i) => spaced[Math.floor(i * step)]),
          actions: reviews.flatMap((r) => r.value.actions).slice(0, 3),
          objections: reviews
            .flatMap((r) => r.value.objections)
            .filter((o, i, all) => all.findIndex((x) => normalizeForMatch(x.quote) === normalizeForMatch(o.quote)) === i),
        },
      };
    }
  }
  return { dimensions, review, usage };
}
