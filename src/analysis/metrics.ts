/**
 * Deterministic interaction metrics of one call (Gong's names; see docs/metrics.md), per participant
 * and per side. Pure: segments in, numbers out. Times are milliseconds; rates are per minute.
 */

export type MetricSide = "INTERNAL" | "EXTERNAL" | "UNKNOWN";

export interface MetricSegment {
  /** Participant key (e.g. our participant id); null when the speaker is unknown. */
  speaker: string | null;
  startMs: number;
  endMs: number;
  text: string;
}

export interface MetricParticipant {
  key: string;
  side: MetricSide;
}

export interface MetricValues {
  /** Speaking time, ms. */
  talkMs: number;
  /** Share of all speaking time in the call, 0–1. */
  talkRatio: number;
  /** Longest stretch of one person speaking without another speaker in between (ms). */
  longestMonologueMs: number;
  questionCount: number;
  /** Questions per minute of the call. */
  questionRate: number;
  wordCount: number;
  /** Words per minute of own speaking time (null without speech). */
  wordsPerMinute: number | null;
  fillerWords: number;
  /** Times this speaker started while someone else was still speaking. */
  interruptions: number;
  /** Speaker switches per minute of the call (same value on every row of a call). */
  interactivity: number;
  /**
   * Mean pause (ms) before this speaker (or side) took the floor right after the customer stopped;
   * null when that never happened. Meaningful for our side ("patience").
   */
  patienceMs: number | null;
  segmentCount: number;
}

export interface CallMetricsResult {
  durationMs: number;
  participants: Map<string, MetricValues>;
  sides: Record<"INTERNAL" | "EXTERNAL", MetricValues>;
}

/** Consecutive segments of one speaker separated by at most this gap count as one monologue. */
export const MONOLOGUE_GAP_MS = 2000;

const FILLERS = [/\b(um+|uh+|uhm+|erm+|er|ah+|hmm+|mm+)\b/gi, /\b(you know|i mean|kind of|sort of|basically)\b/gi];

export function countFillers(text: string): number {
  return FILLERS.reduce((n, re) => n + (text.match(re)?.length ?? 0), 0);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Sentences that end with a question mark. */
export function countQuestions(text: string): number {
  return text.match(/[^.!?]*\?+/g)?.length ?? 0;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export function computeCallMetrics(
  participants: MetricParticipant[],
  segmentsIn: MetricSegment[],
  durationMsHint?: number,
): CallMetricsResult {
  const segments = [...segmentsIn].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const sideOf = new Map(participants.map((p) => [p.key, p.side]));
  const lastEnd = segments.reduce((m, s) => Math.max(m, s.endMs), 0);
  const durationMs = Math.max(durationMsHint ?? 0, lastEnd);
  const minutes = durationMs / 60_000;

  interface Acc {
    talkMs: number;
    longest: number;
    questions: number;
    words: number;
    fillers: number;
    interruptions: number;
    patience: number[];
    segments: number;
  }
  const empty = (): Acc => ({ talkMs: 0, longest: 0, questions: 0, words: 0, fillers: 0, interruptions: 0, patience: [], segments: 0 });
  const per = new Map<string, Acc>(participants.map((p) => [p.key, empty()]));
  const sides = { INTERNAL: empty(), EXTERNAL: empty() };

  let switches = 0;
  let prev: MetricSegment | undefined;
  let run: { speaker: string; start: number; end: number } | undefined;
  let furthestEnd = -1;
  let furthestSpeaker: string | null = null;
  const closeRun = () => {
    if (!run) return;
    const len = run.end - run.start;
    const acc = per.get(run.speaker);
    if (acc) acc.longest = Math.max(acc.longest, len);
    const side = sideOf.get(run.speaker);
    if (side === "INTERNAL" || side === "EXTERNAL") sides[side].longest = Math.max(sides[side].longest, len);
  };

  for (const s of segments) {
    const len = Math.max(0, s.endMs - s.startMs);
    const side = s.speaker ? sideOf.get(s.speaker) : undefined;
    const targets: Acc[] = [];
    if (s.speaker && per.has(s.speaker)) targets.push(per.get(s.speaker)!);
    if (side === "INTERNAL" || side === "EXTERNAL") targets.push(sides[side]);
    const questions = countQuestions(s.text);
    const words = countWords(s.text);
    const fillers = countFillers(s.text);
    for (const t of targets) {
      t.talkMs += len;
      t.questions += questions;
      t.words += words;
      t.fillers += fillers;
      t.segments += 1;
    }
    if (prev && s.speaker !== prev.speaker) {
      switches++;
      // Interruption: starting before the person speaking has finished.
      if (s.speaker && furthestSpeaker !== s.speaker && s.startMs < furthestEnd) for (const t of targets) t.interruptions++;
      // Patience: our side taking the floor after the customer stopped.
      const prevSide = prev.speaker ? sideOf.get(prev.speaker) : undefined;
      if (prevSide === "EXTERNAL" && side === "INTERNAL") {
        const pause = Math.max(0, s.startMs - prev.endMs);
        for (const t of targets) t.patience.push(pause);
      }
    }
    // Monologues: same speaker, small gaps.
    if (s.speaker && run && run.speaker === s.speaker && s.startMs - run.end <= MONOLOGUE_GAP_MS) {
      run.end = Math.max(run.end, s.endMs);
    } else {
      closeRun();
      run = s.speaker ? { speaker: s.speaker, start: s.startMs, end: s.endMs } : undefined;
    }
    if (s.endMs > furthestEnd) {
      furthestEnd = s.endMs;
      furthestSpeaker = s.speaker;
    }
    prev = s;
  }
  closeRun();

  const totalTalk = sides.INTERNAL.talkMs + sides.EXTERNAL.talkMs + [...per.entries()]
    .filter(([k]) => sideOf.get(k) === "UNKNOWN")
    .reduce((n, [, a]) => n + a.talkMs, 0);
  const interactivity = minutes > 0 ? round(switches / minutes, 3) : 0;
  const finish = (a: Acc): MetricValues => ({
    talkMs: a.talkMs,
    talkRatio: totalTalk > 0 ? round(a.talkMs / totalTalk) : 0,
    longestMonologueMs: a.longest,
    questionCount: a.questions,
    questionRate: minutes > 0 ? round(a.questions / minutes, 3) : 0,
    wordCount: a.words,
    wordsPerMinute: a.talkMs > 0 ? round(a.words / (a.talkMs / 60_000), 1) : null,
    fillerWords: a.fillers,
    interruptions: a.interruptions,
    interactivity,
    patienceMs: a.patience.length ? Math.round(a.patience.reduce((x, y) => x + y, 0) / a.patience.length) : null,
    segmentCount: a.segments,
  });
  return {
    durationMs,
    participants: new Map([...per.entries()].map(([k, a]) => [k, finish(a)])),
    sides: { INTERNAL: finish(sides.INTERNAL), EXTERNAL: finish(sides.EXTERNAL) },
  };
}
