/**
 * Shapes shared by the analysis engines (Claude and heuristic), the prompt builder, grounding and
 * persistence. Pure data: no database or GraphQL types here. Times are milliseconds from the start
 * of the call.
 */
import type { CallMetricsResult } from "./metrics";

export type ScoredRole = "AE" | "SE" | "CSM";
export type TranscriptSide = "INTERNAL" | "EXTERNAL" | "UNKNOWN";

/** One line of the transcript as the engines see it (a stored transcript segment with its speaker resolved). */
export interface TranscriptLine {
  /** Order within the call (0-based). */
  seq: number;
  /** Our participant id of the speaker; null when Gong could not attribute the line. */
  participantId: string | null;
  /** Display name ("Unknown speaker" when unattributed). */
  speakerName: string;
  side: TranscriptSide;
  startMs: number;
  endMs: number;
  text: string;
}

/** One rubric dimension as the engines use it (see knowledge/rubrics/*.json). */
export interface DimensionSpec {
  key: string;
  name: string;
  weight: number;
  description: string;
  criteria: string[];
  bands: { min: number; label: string; description: string }[];
  examples: { excellent: string[]; poor: string[] };
  /** sha256 of the dimension's content. */
  version: string;
}

/** The person whose part of the call is scored. */
export interface AnalysisSubject {
  participantId: string;
  repId: string | null;
  name: string;
  role: ScoredRole;
  /** True when the rep's role was unknown and the default role's rubric was applied. */
  roleAssumed: boolean;
}

/** Everything an engine needs to score one participant of one call. */
export interface CallForAnalysis {
  callId: string;
  title: string;
  /** Lower-case call type, e.g. discovery, demo. */
  callType: string;
  /** Lower-case product, e.g. prefect, horizon, both, unknown. */
  product: string;
  startedAt: Date | null;
  durationMs: number;
  lines: TranscriptLine[];
  /** Interaction metrics keyed by participant id (see metrics.ts). */
  metrics: CallMetricsResult;
}

export const OBJECTION_TYPES = ["PRICING", "TIMING", "COMPETITION", "SECURITY", "TECHNICAL_FIT", "AUTHORITY", "NEED", "OTHER"] as const;
export type ObjectionTypeName = (typeof OBJECTION_TYPES)[number];
export type Resolution = "YES" | "NO" | "UNCLEAR";

/** A quote an engine offers as evidence, before grounding. */
export interface ProposedQuote {
  quote: string;
  /** Speaker name as the engine gave it (grounding replaces it with the transcript's). */
  speaker?: string | null;
}

/** What an engine says about one dimension, before grounding. */
export interface DimensionAnswer {
  score: number;
  rationale: string;
  strengths: string[];
  improvements: string[];
  evidence: ProposedQuote[];
}

/** What an engine says about the call as a whole for the subject, before grounding. */
export interface CallReviewAnswer {
  summary: string;
  /** At most 10, `atMs` from the engine's `mm:ss`. */
  keyMoments: { atMs: number; text: string }[];
  /** At most 3, each tied to a moment. */
  actions: { text: string; atMs: number | null }[];
  objections: { type: ObjectionTypeName; quote: string; response: string; resolved: Resolution }[];
}

/** A quote after grounding: found in the transcript (verified) with the speaker and time of the line. */
export interface GroundedQuote {
  quote: string;
  speakerName: string | null;
  startMs: number | null;
  verified: boolean;
}
