/**
 * Signals of the heuristic scorer: each turns one observation about the subject's part of the call
 * (a tracker count, a metric against its target, how objections or risks were handled, rubric words)
 * into points around a neutral score, a rationale phrase, optional strength/improvement text and the
 * sentences that show it. Pure.
 */
import type { MetricValues } from "./metrics";
import { CUSTOMER_RISK, TRACKERS, talkTarget, type Tracker, type TrackerContext } from "./heuristic-trackers";
import type { DimensionProfile, TrackerWeight } from "./heuristic-profiles";
import { findObjections, inCallOrder, objectionWord, responseLinesAfter, TECHNICAL, type ObjectionFinding } from "./heuristic-objections";
import { count, criterionAsAdvice, duration, isQuestion, lineSentences, mmss, percent, rubricHints, shorten, significantStems, type Sentence } from "./heuristic-text";
import { MONOLOGUE_GAP_MS } from "./metrics";
import type { AnalysisSubject, CallForAnalysis, DimensionSpec, TranscriptLine } from "./types";

export interface Signal {
  /** Points added to (or taken from) the neutral score, before saturation. */
  points: number;
  /** Phrase for the rationale, e.g. "9 open questions". */
  label: string;
  strength?: string;
  improvement?: string;
  /** Rubric criteria as advice, least covered first (the rubric-words signal only); used when little else applies. */
  advice?: string[];
  /** The subject's sentences that show this signal, and what each is worth when ranking evidence. */
  evidence: Sentence[];
  weight: number;
}

/** The call as seen from the subject's side. */
export interface SubjectView {
  call: CallForAnalysis;
  subject: AnalysisSubject;
  /** All lines in call order. */
  lines: TranscriptLine[];
  own: TranscriptLine[];
  sentences: Sentence[];
  metrics: MetricValues | undefined;
  /** The subject's share of our side's talk time (1 when they are the only one of us speaking). */
  internalShare: number;
  ctx: TrackerContext;
}

/** "a", "a and b", "a, b and c". */
export const listing = (items: string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : (items[0] ?? "");

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function subjectView(call: CallForAnalysis, subject: AnalysisSubject): SubjectView {
  const lines = inCallOrder(call.lines);
  const own = lines.filter((l) => l.participantId === subject.participantId);
  const metrics = call.metrics.participants.get(subject.participantId);
  const internalTalk = call.metrics.sides.INTERNAL.talkMs;
  const firstNames = [
    ...new Set(
      lines
        .filter((l) => l.side === "EXTERNAL" && l.participantId !== null)
        .map((l) => l.speakerName.trim().split(/\s+/)[0])
        .filter((n) => n.length >= 2 && /^\p{Lu}/u.test(n) && n !== "Unknown"),
    ),
  ];
  return {
    call,
    subject,
    lines,
    own,
    sentences: own.flatMap(lineSentences),
    metrics,
    internalShare: metrics && internalTalk > 0 ? Math.min(1, metrics.talkMs / internalTalk) : 1,
    ctx: { customerNames: firstNames.length ? new RegExp(`\\b(${firstNames.map(escapeRe).join("|")})\\b`) : null },
  };
}

export const trackerHits = (view: SubjectView, id: keyof typeof TRACKERS): Sentence[] =>
  view.sentences.filter((s) => (TRACKERS[id] as Tracker).test(s.text, view.ctx));

export function trackerSignal(view: SubjectView, w: TrackerWeight): Signal {
  const t: Tracker = TRACKERS[w.id];
  const hits = trackerHits(view, w.id);
  const n = hits.length;
  const label = count(n, t.one, t.many);
  if (w.per < 0) {
    return { points: n ? Math.max(w.max, n * w.per) : 0, label, improvement: n ? t.improvement : undefined, evidence: [], weight: 0 };
  }
  const want = w.want ?? 1;
  return {
    points: n ? Math.min(w.max, n * w.per) : -(w.missing ?? 0),
    label,
    strength: n >= want ? t.strength?.(n) : undefined,
    improvement: n < want ? t.improvement : undefined,
    evidence: hits,
    weight: w.per,
  };
}

/** Where the subject's longest uninterrupted stretch starts (same joining rule as metrics.ts). */
export function longestMonologue(view: SubjectView): { startMs: number; ms: number } | null {
  let best: { startMs: number; ms: number } | null = null;
  let run: { start: number; end: number } | null = null;
  let prevOwn = false;
  const close = () => {
    if (run && (!best || run.end - run.start > best.ms)) best = { startMs: run.start, ms: run.end - run.start };
  };
  for (const l of view.lines) {
    const mine = l.participantId === view.subject.participantId;
    if (mine && prevOwn && run && l.startMs - run.end <= MONOLOGUE_GAP_MS) run.end = Math.max(run.end, l.endMs);
    else {
      close();
      run = mine ? { start: l.startMs, end: l.endMs } : null;
    }
    prevOwn = mine;
  }
  close();
  return best;
}

const metricSignal = (points: number, label: string, text?: { strength?: string; improvement?: string }): Signal => ({
  points,
  label,
  ...text,
  evidence: [],
  weight: 0,
});

/** Talk time, monologues, questions, patience and interruptions, as far as the profile weighs them. */
export function metricSignals(view: SubjectView, profile: DimensionProfile): Signal[] {
  const m = view.metrics;
  if (!m || m.talkMs === 0) return [];
  const out: Signal[] = [];
  if (profile.talk) {
    const { target, label: on } = talkTarget(view.call.callType);
    const side = view.call.metrics.sides.INTERNAL.talkRatio;
    const alone = view.internalShare > 0.98;
    const excess = (side - target) * view.internalShare;
    const mine = percent(m.talkRatio);
    const label = `talk ratio ${mine}${alone ? "" : `, our side ${percent(side)}`} (target ≈${percent(target)} on ${on})`;
    const who = alone ? `You talked ${mine} of the time` : `Our side talked ${percent(side)} of the time (you ${mine})`;
    let points: number;
    let text: { strength?: string; improvement?: string };
    if (Math.abs(excess) <= 0.07) {
      points = 8;
      text = {
        strength: alone
          ? `Kept your share of talk time to ${mine}, close to the ≈${percent(target)} that suits ${on}.`
          : `Kept your own share of talk time to ${mine}, with our side at ${percent(side)} (≈${percent(target)} suits ${on}).`,
      };
    } else if (excess > 0) {
      points = excess <= 0.15 ? -4 : -10 - Math.min(6, (excess - 0.15) * 40);
      text = { improvement: `${who}; aim for about ${percent(target)} on ${on} by pausing after each question.` };
    } else if (profile.talk.lowOk) {
      points = excess >= -0.15 ? 4 : 2;
      text = { strength: `Let the customer do most of the talking (you: ${mine}).` };
    } else {
      points = excess >= -0.15 ? -4 : -8;
      text = { improvement: `${who}; on ${on} take more of the floor to show how it fits (aim ≈${percent(target)}).` };
    }
    out.push(metricSignal(points * profile.talk.weight, label, text));
  }
  if (profile.monologue) {
    const ms = m.longestMonologueMs;
    const where = longestMonologue(view);
    if (ms > 120_000) {
      const at = where ? ` at ${mmss(where.startMs)}` : "";
      out.push(
        metricSignal(-(5 + Math.min(9, ((ms - 120_000) / 60_000) * 3)) * profile.monologue, `longest monologue ${duration(ms)}`, {
          improvement: `You spoke for ${duration(ms)} without a break${at}; stop after a minute or two and check in with a question.`,
        }),
      );
    } else {
      out.push(
        metricSignal((ms <= 60_000 ? 3 : 1) * profile.monologue, "no monologue over 2 min", {
          strength: "No monologue over 2 minutes: the conversation stayed two-way.",
        }),
      );
    }
  }
  if (profile.questions) {
    const n = m.questionCount;
    const rate = m.questionRate;
    const points = rate >= 0.5 ? 4 : rate >= 0.25 ? 2 : rate < 0.1 && m.talkMs >= 60_000 ? -4 : 0;
    out.push(
      metricSignal(points * profile.questions, count(n, "question"), {
        strength: points > 0 ? `Asked ${n} questions, which kept the customer involved.` : undefined,
        improvement: points < 0 ? `Only ${count(n, "question")} on the whole call; ask more to keep the customer involved.` : undefined,
      }),
    );
  }
  if (profile.patience && m.patienceMs !== null) {
    const s = (m.patienceMs / 1000).toFixed(1);
    if (m.patienceMs < 500) {
      out.push(metricSignal(-3 * profile.patience, `${s} s pause before replying`, {
        improvement: `Leave a moment of silence after the customer finishes; you came in after ${s} s on average.`,
      }));
    } else if (m.patienceMs >= 800 && m.patienceMs <= 5_000) {
      out.push(metricSignal(2 * profile.patience, `${s} s pause before replying`, {
        strength: `Let the customer finish before replying (${s} s pause on average).`,
      }));
    }
  }
  if (profile.interruptions && m.interruptions >= 3) {
    out.push(metricSignal(-Math.min(6, 2 * (m.interruptions - 2)) * profile.interruptions, `${m.interruptions} interruptions`, {
      improvement: `You started talking over someone ${m.interruptions} times; let them finish their point.`,
    }));
  }
  return out;
}

const EVIDENCE_OFFER = /\b(send (you )?(the |our )?(docs|documentation|report|case study|whitepaper)|documentation|trial|proof of concept|POC|reference (customer|call)|security team)\b/i;

/** How the subject answered customer objections: acknowledged, explored, answered with evidence, confirmed. */
export function objectionSignal(view: SubjectView, mode: "all" | "technical", all?: ObjectionFinding[]): Signal {
  const findings = (all ?? findObjections(view.call)).filter((f) => mode === "all" || TECHNICAL.has(f.type));
  if (!findings.length) return metricSignal(0, mode === "all" ? "no customer objections detected" : "no technical objections raised");
  const id = view.subject.participantId;
  const mine = findings.filter((f) => f.responseLines.some((l) => l.participantId === id));
  const accountable = view.internalShare >= 0.5 ? findings.filter((f) => !f.responseLines.length) : [];
  const evidence: Sentence[] = [];
  const rated = mine.map((f) => {
    const said = f.responseLines.filter((l) => l.participantId === id).flatMap(lineSentences);
    const is = (test: (s: string) => boolean) => said.filter((s) => test(s.text));
    const ack = is((s) => TRACKERS.acknowledge.test(s));
    const asked = is(isQuestion);
    const proof = is((s) => TRACKERS.story.test(s) || TRACKERS.number.test(s) || TRACKERS.honesty.test(s) || EVIDENCE_OFFER.test(s));
    const confirm = is((s) => TRACKERS.confirm.test(s));
    evidence.push(...ack, ...asked, ...proof, ...confirm);
    const q = 3 * (Math.sign(ack.length) + Math.sign(asked.length) + Math.sign(proof.length) + Math.sign(confirm.length)) + (f.resolved === "YES" ? 4 : f.resolved === "NO" ? -6 : 0);
    return { f, q, ack: ack.length > 0, asked: asked.length > 0, proof: proof.length > 0, confirm: confirm.length > 0 };
  });
  const avg = rated.length ? rated.reduce((n, r) => n + r.q, 0) / rated.length : 0;
  const points = (rated.length ? (avg - 3) * 1.2 : 0) - Math.min(8, 4 * accountable.length);
  const resolved = mine.filter((f) => f.resolved === "YES").length;
  const label = `${mine.length} of ${count(findings.length, "customer objection")} answered, ${resolved} resolved`;
  const best = [...rated].sort((a, b) => b.q - a.q)[0];
  const moves = best
    ? [best.ack && "acknowledged it", best.asked && "asked what was behind it", best.proof && "answered with something concrete", best.confirm && "checked it was resolved"].filter(
        (m): m is string => typeof m === "string",
      )
    : [];
  const strength = best && best.q >= 9 ? `Handled the ${objectionWord(best.f.type)} concern at ${mmss(best.f.line.startMs)} well: ${listing(moves)}.` : undefined;
  const reopened = mine.find((f) => f.resolved === "NO");
  const improvement = accountable.length
    ? `The ${objectionWord(accountable[0].type)} concern at ${mmss(accountable[0].line.startMs)} got no answer; come back to it before the call ends.`
    : reopened
      ? `The ${objectionWord(reopened.type)} concern at ${mmss(reopened.line.startMs)} came back later; explore it fully the first time and agree how to close it.`
      : rated.some((r) => !r.asked)
        ? "Ask what is behind a concern before answering it."
        : rated.some((r) => !r.confirm)
          ? "After answering a concern, check it is resolved: \"does that address it?\""
          : rated.some((r) => !r.proof)
            ? "Answer concerns with something concrete: a customer example, a number or documentation."
            : undefined;
  return { points, label, strength, improvement, evidence, weight: 4 };
}

/** How the subject followed up when the customer mentioned a retention risk. */
export function riskSignal(view: SubjectView): Signal {
  const id = view.subject.participantId;
  const risks = view.lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.side === "EXTERNAL" && CUSTOMER_RISK.test(l.text));
  if (!risks.length) return metricSignal(0, "no risk signals from the customer");
  const evidence: Sentence[] = [];
  let explored = 0;
  const missed: TranscriptLine[] = [];
  for (const { l, i } of risks) {
    const reply = responseLinesAfter(view.lines, i);
    const questions = reply.filter((r) => r.participantId === id).flatMap(lineSentences).filter((s) => isQuestion(s.text));
    if (questions.length) {
      explored++;
      evidence.push(...questions);
    } else if (reply.some((r) => r.participantId === id) || view.internalShare >= 0.5) missed.push(l);
  }
  const first = missed[0];
  return {
    points: Math.min(12, 4 * explored) - Math.min(10, 4 * missed.length),
    label: `${explored} of ${count(risks.length, "customer risk signal")} followed up`,
    strength: explored ? "Followed up with a question when the customer mentioned a risk." : undefined,
    improvement: first ? `At ${mmss(first.startMs)} the customer said "${shorten(first.text, 70)}"; ask what is behind it instead of moving on.` : undefined,
    evidence,
    weight: 4,
  };
}

/** Words of the rubric dimension itself (criteria and excellent examples) found in the subject's lines. */
export function hintSignal(view: SubjectView, spec: DimensionSpec, weights: DimensionProfile["hints"], known: boolean): Signal {
  const hints = rubricHints(spec);
  const matched = new Map<string, string>();
  const evidence: Sentence[] = [];
  for (const s of view.sentences) {
    const inSentence = [...significantStems(s.text)].filter(([st]) => hints.has(st));
    for (const [st, word] of inSentence) if (!matched.has(st)) matched.set(st, word);
    // Rubric words alone are weak evidence; ask for more of them where trackers exist.
    if (inSentence.length >= (known ? 3 : 2)) evidence.push(s);
  }
  const words = [...matched.values()];
  // The criterion the subject's words covered least is the most useful one to work on.
  const coverage = spec.criteria.map((c) => {
    const stems = [...significantStems(c).keys()].filter((st) => hints.has(st));
    return stems.length ? stems.filter((st) => matched.has(st)).length / stems.length : 1;
  });
  const advice = spec.criteria
    .map((c, i) => ({ c, i }))
    .sort((a, b) => coverage[a.i] - coverage[b.i] || a.i - b.i)
    .map(({ c }) => criterionAsAdvice(c));
  return {
    points: words.length ? Math.min(weights.max, words.length * weights.per) : -weights.missing,
    label: words.length ? `${words.length} of the rubric's key words (${words.slice(0, 3).join(", ")})` : "none of the rubric's key words",
    strength: !known && words.length >= 4 ? `Covered what the rubric asks for (${words.slice(0, 3).join(", ")}).` : undefined,
    improvement: known ? undefined : advice[0],
    advice,
    evidence,
    weight: weights.per,
  };
}

/** Every signal the profile asks for, in a fixed order. */
export function dimensionSignals(view: SubjectView, spec: DimensionSpec, profile: DimensionProfile, known: boolean): Signal[] {
  const out = profile.trackers.map((w) => trackerSignal(view, w));
  if (profile.objections) out.push(objectionSignal(view, profile.objections));
  if (profile.risk) out.push(riskSignal(view));
  out.push(...metricSignals(view, profile));
  out.push(hintSignal(view, spec, profile.hints, known));
  return out;
}
