import { registerEnumType } from "type-graphql";

/** Lifecycle of one analysis run. PARTIAL = some dimensions failed, the rest were kept. */
export enum AnalysisStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  PARTIAL = "PARTIAL",
  FAILED = "FAILED",
}
registerEnumType(AnalysisStatus, {
  name: "AnalysisStatus",
  description: "QUEUED, RUNNING, COMPLETED, PARTIAL (some dimensions failed, the rest kept) or FAILED.",
});

/** What produced the scores. */
export enum AnalysisEngine {
  CLAUDE = "CLAUDE",
  HEURISTIC = "HEURISTIC",
}
registerEnumType(AnalysisEngine, {
  name: "AnalysisEngine",
  description: "CLAUDE = scored by the Anthropic API; HEURISTIC = deterministic fallback without an LLM.",
});

/** Whether an objection was resolved on the call. */
export enum ObjectionResolution {
  YES = "YES",
  NO = "NO",
  UNCLEAR = "UNCLEAR",
}
registerEnumType(ObjectionResolution, { name: "ObjectionResolution", description: "Whether the customer confirmed the objection was addressed." });

/** Category of a customer objection (objections.type; the engines' OBJECTION_TYPES in src/analysis/types.ts). */
export enum ObjectionType {
  PRICING = "PRICING",
  TIMING = "TIMING",
  COMPETITION = "COMPETITION",
  SECURITY = "SECURITY",
  TECHNICAL_FIT = "TECHNICAL_FIT",
  AUTHORITY = "AUTHORITY",
  NEED = "NEED",
  OTHER = "OTHER",
}
registerEnumType(ObjectionType, {
  name: "ObjectionType",
  description: "Category of a customer objection: price, timing, a competitor, security, technical fit, authority to decide, need, or other.",
});
