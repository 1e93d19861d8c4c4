/**
 * Targets for interaction metrics, by call type: the one place these numbers live (the heuristic
 * engine reads its talk-ratio targets from here too). Each target names its source. Figures marked
 * "call-coach default" are our own choice where the published material gives none; change them here.
 *
 * Sources: Gong's published call benchmarks and help pages, as collected in the coaching-domain notes
 * (see docs/graphql-api.md, "Rep insights"): talk ratio by call type (discovery ≈ 30/70, demo ≈ 50/50,
 * negotiation ≈ 40/60, closing ≈ 35/65; won calls ≈ 43% rep), monologues over ~2 minutes as an
 * anti-pattern, about 11–14 questions on the best discovery calls.
 */
import { CallType } from "../calls/call.enums";

/** The interaction metrics repInsights compares with targets. Units in `METRIC_UNITS`. */
export enum InteractionMetric {
  /** Our side's share of talk time on the call (0–1): what the talk-ratio targets refer to. */
  TALK_RATIO = "TALK_RATIO",
  /** The rep's own share of talk time (0–1). */
  OWN_TALK_RATIO = "OWN_TALK_RATIO",
  /** The rep's longest uninterrupted stretch, ms. */
  LONGEST_MONOLOGUE = "LONGEST_MONOLOGUE",
  /** Questions the rep asked per call. */
  QUESTIONS = "QUESTIONS",
  /** Questions the rep asked per minute of the call. */
  QUESTION_RATE = "QUESTION_RATE",
  /** Mean pause before the rep speaks after the customer stops, ms. */
  PATIENCE = "PATIENCE",
  /** Speaker switches per minute of the call. */
  INTERACTIVITY = "INTERACTIVITY",
}

export const METRIC_UNITS: Record<InteractionMetric, string> = {
  TALK_RATIO: "share 0–1",
  OWN_TALK_RATIO: "share 0–1",
  LONGEST_MONOLOGUE: "ms",
  QUESTIONS: "questions per call",
  QUESTION_RATE: "questions per minute",
  PATIENCE: "ms",
  INTERACTIVITY: "speaker switches per minute",
};

/** An acceptable range; `ideal` is the figure the range is built around (null when only a bound). */
export interface MetricTarget {
  min: number | null;
  max: number | null;
  ideal: number | null;
  source: string;
}

const GONG = "Gong call benchmarks (published figures)";

/** How far our side's talk ratio may stray from the ideal and still count as on target (the heuristic's "close" band). */
export const TALK_RATIO_TOLERANCE = 0.07;

/** Our side's ideal share of talk time, by call type. */
export const TALK_RATIO_IDEAL: Record<CallType, { ideal: number; source: string }> = {
  DISCOVERY: { ideal: 0.3, source: `${GONG}: discovery ≈ 30/70` },
  DEMO: { ideal: 0.5, source: `${GONG}: demo ≈ 50/50` },
  NEGOTIATION: { ideal: 0.4, source: `${GONG}: negotiation ≈ 40/60` },
  TECHNICAL_DEEP_DIVE: { ideal: 0.5, source: "call-coach default: as a demo" },
  QBR: { ideal: 0.4, source: "call-coach default: as a negotiation (the customer reviews, we steer)" },
  RENEWAL: { ideal: 0.4, source: "call-coach default: as a negotiation" },
  ONBOARDING: { ideal: 0.5, source: "call-coach default: as a demo (we show, they try)" },
  OTHER: { ideal: 0.43, source: `${GONG}: won calls average ≈ 43% rep` },
};

/** Closing calls are not a call type of ours; kept for the heuristic engine's wording. */
export const CLOSING_TALK_RATIO = { ideal: 0.35, source: `${GONG}: closing ≈ 35/65` };

/** Longest monologue: at most two minutes on any call. */
export const MAX_MONOLOGUE_MS = 120_000;

/** Questions per discovery call. */
export const DISCOVERY_QUESTIONS = { min: 11, max: 14 };

/** Patience band: under 0.5 s reads as jumping in; 0.8–5 s as letting the customer finish. */
export const PATIENCE_MS = { min: 800, max: 5_000 };

/** The target of one metric on one call type, or null when there is none (the value is still shown). */
export function targetFor(metric: InteractionMetric, callType: CallType): MetricTarget | null {
  switch (metric) {
    case InteractionMetric.TALK_RATIO: {
      const t = TALK_RATIO_IDEAL[callType] ?? TALK_RATIO_IDEAL.OTHER;
      return { min: round(t.ideal - TALK_RATIO_TOLERANCE), max: round(t.ideal + TALK_RATIO_TOLERANCE), ideal: t.ideal, source: `${t.source}; ±${TALK_RATIO_TOLERANCE} counts as on target` };
    }
    case InteractionMetric.LONGEST_MONOLOGUE:
      return { min: null, max: MAX_MONOLOGUE_MS, ideal: null, source: `${GONG}: monologues over ~2 minutes are an anti-pattern` };
    case InteractionMetric.QUESTIONS:
      return callType === CallType.DISCOVERY
        ? { ...DISCOVERY_QUESTIONS, ideal: null, source: `${GONG}: discovery calls with about 11–14 good questions do best` }
        : null;
    case InteractionMetric.PATIENCE:
      return { ...PATIENCE_MS, ideal: null, source: "call-coach default (the heuristic engine's band): 0.8–5 s before replying" };
    default:
      return null;
  }
}

export enum TargetStatus {
  ON_TARGET = "ON_TARGET",
  BELOW = "BELOW",
  ABOVE = "ABOVE",
  NO_TARGET = "NO_TARGET",
  NO_DATA = "NO_DATA",
}

export function targetStatus(value: number | null, target: MetricTarget | null): TargetStatus {
  if (value === null) return TargetStatus.NO_DATA;
  if (!target) return TargetStatus.NO_TARGET;
  if (target.min !== null && value < target.min) return TargetStatus.BELOW;
  if (target.max !== null && value > target.max) return TargetStatus.ABOVE;
  return TargetStatus.ON_TARGET;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
