/**
 * What the heuristic scorer looks at for each known rubric dimension key (knowledge/rubrics/*.json):
 * which trackers count and how much, and how strongly the interaction metrics weigh. Unknown keys
 * use FALLBACK_PROFILE, where the rubric's own words (hints) carry the score.
 */
import type { TrackerId } from "./heuristic-trackers";

export interface TrackerWeight {
  id: TrackerId;
  /** Points per matching sentence (negative for things to avoid). */
  per: number;
  /** Cap on the points (a floor for negative trackers). */
  max: number;
  /** Points taken off when no sentence matches (positive trackers only). */
  missing?: number;
  /** Matching sentences needed before it counts as a strength (default 1). */
  want?: number;
}

export interface DimensionProfile {
  trackers: TrackerWeight[];
  /** Weight of talk time against the call type's target; lowOk: talking less than the target is fine. */
  talk?: { weight: number; lowOk: boolean };
  monologue?: number;
  questions?: number;
  patience?: number;
  interruptions?: number;
  /** Score how the subject handled customer objections (all, or only technical ones). */
  objections?: "all" | "technical";
  /** Score how the subject followed up on customer risk signals. */
  risk?: boolean;
  /** Points per rubric hint word found in the subject's lines, the cap, and the penalty for none. */
  hints: { per: number; max: number; missing: number };
}

const KNOWN_HINTS = { per: 0.4, max: 4, missing: 0 };

const RELATIONSHIP: DimensionProfile = {
  trackers: [
    { id: "courtesy", per: 1.5, max: 4.5, missing: 2 },
    { id: "name_use", per: 2, max: 6, missing: 2 },
    { id: "empathy", per: 3, max: 6 },
    { id: "referback", per: 2, max: 6, missing: 2 },
    { id: "honesty", per: 2, max: 4 },
    { id: "stakeholders", per: 1.5, max: 3 },
    { id: "follow_through", per: 3, max: 6 },
  ],
  talk: { weight: 0.5, lowOk: true },
  monologue: 0.4,
  patience: 1,
  interruptions: 1,
  hints: KNOWN_HINTS,
};

export const PROFILES: Record<string, DimensionProfile> = {
  // AE
  discovery: {
    trackers: [
      { id: "open_question", per: 2, max: 14, missing: 8, want: 5 },
      { id: "pain", per: 2.5, max: 7.5, missing: 3 },
      { id: "impact", per: 3, max: 9, missing: 4 },
      { id: "decision", per: 3, max: 9, missing: 4 },
      { id: "playback", per: 3, max: 6, missing: 1 },
      { id: "referback", per: 1.5, max: 3 },
      { id: "pitch", per: -2, max: -8 },
    ],
    talk: { weight: 1, lowOk: true },
    monologue: 1,
    patience: 0.5,
    interruptions: 0.5,
    hints: KNOWN_HINTS,
  },
  objection_handling: {
    trackers: [
      { id: "acknowledge", per: 2, max: 6 },
      { id: "confirm", per: 3, max: 6 },
      { id: "story", per: 2, max: 4 },
      { id: "number", per: 1, max: 3 },
      { id: "honesty", per: 2, max: 4 },
      { id: "overclaim", per: -4, max: -8 },
      { id: "discount", per: -4, max: -8 },
    ],
    objections: "all",
    monologue: 0.3,
    patience: 0.3,
    hints: KNOWN_HINTS,
  },
  value_articulation: {
    trackers: [
      { id: "referback", per: 3, max: 12, missing: 5 },
      { id: "outcome", per: 2.5, max: 10, missing: 4, want: 2 },
      { id: "number", per: 2, max: 6 },
      { id: "story", per: 3, max: 6 },
      { id: "confirm", per: 1.5, max: 3 },
      { id: "pitch", per: -2, max: -8 },
      { id: "overclaim", per: -3, max: -6 },
    ],
    talk: { weight: 0.3, lowOk: false },
    monologue: 0.8,
    hints: KNOWN_HINTS,
  },
  relationship: RELATIONSHIP,
  call_control: {
    trackers: [
      { id: "agenda", per: 8, max: 10, missing: 6 },
      { id: "next_step", per: 2.5, max: 7.5, missing: 8 },
      { id: "dated_next", per: 5, max: 8, missing: 3 },
      { id: "stakeholders", per: 1.5, max: 3 },
      { id: "vague_next", per: -4, max: -8 },
    ],
    monologue: 0.25,
    hints: KNOWN_HINTS,
  },
  // SE
  technical_discovery: {
    trackers: [
      { id: "stack_question", per: 3, max: 15, missing: 8, want: 3 },
      { id: "constraint_question", per: 3, max: 6, missing: 2 },
      { id: "success_question", per: 3, max: 6 },
      { id: "open_question", per: 1, max: 5 },
      { id: "referback", per: 1.5, max: 3 },
    ],
    talk: { weight: 0.7, lowOk: true },
    monologue: 0.6,
    hints: KNOWN_HINTS,
  },
  technical_accuracy: {
    trackers: [
      { id: "tech_terms", per: 1.5, max: 12, missing: 6, want: 3 },
      { id: "honesty", per: 3, max: 8 },
      { id: "architecture", per: 1, max: 4 },
      { id: "overclaim", per: -4, max: -12 },
    ],
    monologue: 0.3,
    hints: KNOWN_HINTS,
  },
  architecture_fit: {
    trackers: [
      { id: "architecture", per: 2, max: 12, missing: 6, want: 2 },
      { id: "migration", per: 3, max: 9, missing: 3 },
      { id: "tradeoff", per: 3, max: 6 },
      { id: "tech_terms", per: 1, max: 5 },
      { id: "referback", per: 1.5, max: 3 },
    ],
    talk: { weight: 0.3, lowOk: false },
    hints: KNOWN_HINTS,
  },
  demo_effectiveness: {
    trackers: [
      { id: "demo_check", per: 3, max: 12, missing: 6, want: 2 },
      { id: "referback", per: 3, max: 9 },
      { id: "failure_demo", per: 3, max: 6 },
    ],
    talk: { weight: 0.8, lowOk: false },
    monologue: 1.3,
    questions: 0.5,
    hints: KNOWN_HINTS,
  },
  technical_objections: {
    trackers: [
      { id: "acknowledge", per: 2, max: 4 },
      { id: "confirm", per: 3, max: 6 },
      { id: "honesty", per: 3, max: 6 },
      { id: "tech_terms", per: 1, max: 4 },
      { id: "story", per: 2, max: 4 },
      { id: "number", per: 1, max: 3 },
      { id: "overclaim", per: -4, max: -8 },
    ],
    objections: "technical",
    hints: KNOWN_HINTS,
  },
  // CSM
  value_realisation: {
    trackers: [
      { id: "value_terms", per: 2, max: 10, missing: 5, want: 2 },
      { id: "number", per: 2, max: 8 },
      { id: "goal_referback", per: 4, max: 8, missing: 3 },
      { id: "leadership_story", per: 3, max: 6 },
      { id: "confirm", per: 1.5, max: 3 },
    ],
    talk: { weight: 0.4, lowOk: true },
    hints: KNOWN_HINTS,
  },
  risk_detection: {
    trackers: [
      { id: "change_question", per: 3, max: 9, missing: 5 },
      { id: "risk_terms", per: 1.5, max: 4.5 },
      { id: "mitigation", per: 2.5, max: 7.5 },
    ],
    risk: true,
    talk: { weight: 0.4, lowOk: true },
    questions: 0.5,
    hints: KNOWN_HINTS,
  },
  expansion: {
    trackers: [
      { id: "expansion_terms", per: 3, max: 12, missing: 6 },
      { id: "referback", per: 2, max: 4 },
      { id: "stakeholders", per: 1.5, max: 3 },
      { id: "open_question", per: 1, max: 3 },
    ],
    hints: KNOWN_HINTS,
  },
  adoption_health: {
    trackers: [
      { id: "adoption_terms", per: 2, max: 10, missing: 5, want: 2 },
      { id: "blocker_question", per: 3, max: 6 },
      { id: "best_practice", per: 2, max: 6 },
      { id: "dated_next", per: 2, max: 4 },
      { id: "number", per: 1, max: 3 },
    ],
    hints: KNOWN_HINTS,
  },
};

/** For dimension keys we have no trackers for: the rubric's own words and the generic metrics. */
export const FALLBACK_PROFILE: DimensionProfile = {
  trackers: [],
  talk: { weight: 0.4, lowOk: true },
  monologue: 0.6,
  questions: 0.5,
  hints: { per: 1.5, max: 18, missing: 6 },
};

export const profileFor = (key: string): { profile: DimensionProfile; known: boolean } => {
  const k = key.trim().toLowerCase();
  return Object.hasOwn(PROFILES, k) ? { profile: PROFILES[k], known: true } : { profile: FALLBACK_PROFILE, known: false };
};
