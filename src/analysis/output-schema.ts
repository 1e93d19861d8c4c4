/**
 * The one output schema every Claude request of an analysis uses. It is a single schema for the
 * dimension tasks and the call review on purpose: `output_config.format` (and a forced tool's
 * definition) is part of the cached prefix, so N requests share the cached transcript only when
 * they send a byte-identical schema. The task text says which half to fill; zod then checks the
 * half that was asked for (scores bounded 0–100, timestamps `mm:ss`).
 */
import { z } from "zod";
import { OBJECTION_TYPES, type CallReviewAnswer, type DimensionAnswer } from "./types";

/** Bump when the JSON schema or its validation changes (part of every result-cache key). */
export const OUTPUT_SCHEMA_VERSION = "out-1";

const str = (description: string) => ({ type: "string", description });
const strings = (description: string) => ({ type: "array", items: { type: "string" }, description });
const timestamp = str("Time in the call as mm:ss (or h:mm:ss), copied from the transcript line.");

const dimensionSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    score: { type: "integer", description: "Score from 0 to 100 following the dimension's bands." },
    rationale: str("One sentence: why this score."),
    strengths: strings("Up to 3 short, concrete things done well."),
    improvements: strings("Up to 3 short, concrete things to do differently."),
    evidence: {
      type: "array",
      description: "Up to 4 quotes copied word for word from the transcript that support the score.",
      items: {
        type: "object",
        additionalProperties: false,
        properties: { quote: str("Exact words from one transcript line."), speaker: str("Speaker name as in the transcript."), timestamp },
        required: ["quote", "speaker", "timestamp"],
      },
    },
  },
  required: ["score", "rationale", "strengths", "improvements", "evidence"],
} as const;

const reviewSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    summary: str("Two or three plain sentences on how the scored person did on this call."),
    key_moments: {
      type: "array",
      description: "At most 10 moments that matter for coaching, in call order.",
      items: { type: "object", additionalProperties: false, properties: { timestamp, text: str("One line.") }, required: ["timestamp", "text"] },
    },
    actions: {
      type: "array",
      description: "One to three concrete actions, each tied to a moment of this call.",
      items: { type: "object", additionalProperties: false, properties: { text: str("What to do differently."), timestamp }, required: ["text", "timestamp"] },
    },
    objections: {
      type: "array",
      description: "Every objection the customer raised, in call order.",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          type: { type: "string", enum: [...OBJECTION_TYPES] },
          quote: str("The customer's words, copied exactly."),
          timestamp,
          response: str("One line: how our side answered."),
          resolved: { type: "string", enum: ["YES", "NO", "UNCLEAR"], description: "YES only if the customer confirmed it was addressed." },
        },
        required: ["type", "quote", "timestamp", "response", "resolved"],
      },
    },
  },
  required: ["summary", "key_moments", "actions", "objections"],
} as const;

/** JSON schema sent as `output_config.format.schema` (or as the forced tool's `input_schema`). */
export const ANALYSIS_OUTPUT_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    dimension_result: { anyOf: [dimensionSchema, { type: "null" }], description: "Filled for a dimension task, else null." },
    call_review: { anyOf: [reviewSchema, { type: "null" }], description: "Filled for the call-review task, else null." },
  },
  required: ["dimension_result", "call_review"],
} as const;

/** Parses `mm:ss` / `h:mm:ss` (or a bare number of seconds) into milliseconds; null when unreadable. */
export function parseTimestamp(ts: string | null | undefined): number | null {
  if (!ts) return null;
  const parts = ts.trim().replace(/^\[|\]$/g, "").split(":");
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  const secs = parts.reduce((acc, p) => acc * 60 + Number(p), 0);
  return Math.round(secs * 1000);
}

const text = z.string().trim().min(1);
const evidenceZ = z.object({ quote: text, speaker: z.string().nullish(), timestamp: z.string().nullish() });

export const dimensionOutputZ = z.object({
  score: z.number().int("score must be an integer").min(0, "score must be 0–100").max(100, "score must be 0–100"),
  rationale: text,
  strengths: z.array(text).max(5),
  improvements: z.array(text).max(5),
  evidence: z.array(evidenceZ).max(8),
});

export const callReviewOutputZ = z.object({
  summary: text,
  key_moments: z.array(z.object({ timestamp: z.string(), text })).transform((m) => m.slice(0, 10)),
  actions: z.array(z.object({ text, timestamp: z.string().nullish() })).min(1).transform((a) => a.slice(0, 3)),
  objections: z.array(
    z.object({
      type: z.enum(OBJECTION_TYPES),
      quote: text,
      timestamp: z.string().nullish(),
      response: z.string().default(""),
      resolved: z.enum(["YES", "NO", "UNCLEAR"]),
    }),
  ),
});

export class OutputValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputValidationError";
  }
}

function firstIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

function pick(raw: unknown, key: "dimension_result" | "call_review"): unknown {
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch (err) {
      throw new OutputValidationError(`the answer is not valid JSON (${(err as Error).message})`);
    }
  }
  if (!raw || typeof raw !== "object") throw new OutputValidationError("the answer is not a JSON object");
  const part = (raw as Record<string, unknown>)[key];
  if (part === undefined || part === null) throw new OutputValidationError(`${key} is missing (it must be filled for this task)`);
  return part;
}

/** Validates a dimension task's answer (a JSON string or object). Throws OutputValidationError. */
export function parseDimensionAnswer(raw: unknown): DimensionAnswer {
  const r = dimensionOutputZ.safeParse(pick(raw, "dimension_result"));
  if (!r.success) throw new OutputValidationError(`dimension_result is invalid: ${firstIssues(r.error)}`);
  return {
    score: r.data.score,
    rationale: r.data.rationale,
    strengths: r.data.strengths.slice(0, 3),
    improvements: r.data.improvements.slice(0, 3),
    evidence: r.data.evidence.map((e) => ({ quote: e.quote, speaker: e.speaker ?? null })),
  };
}

/** Validates the call-review answer, resolving `mm:ss` to milliseconds. Throws OutputValidationError. */
export function parseCallReviewAnswer(raw: unknown): CallReviewAnswer & { objectionTimes: (number | null)[] } {
  const r = callReviewOutputZ.safeParse(pick(raw, "call_review"));
  if (!r.success) throw new OutputValidationError(`call_review is invalid: ${firstIssues(r.error)}`);
  const moments = r.data.key_moments
    .map((m) => ({ atMs: parseTimestamp(m.timestamp), text: m.text }))
    .filter((m): m is { atMs: number; text: string } => m.atMs !== null)
    .sort((a, b) => a.atMs - b.atMs);
  return {
    summary: r.data.summary,
    keyMoments: moments,
    actions: r.data.actions.map((a) => ({ text: a.text, atMs: parseTimestamp(a.timestamp) })),
    objections: r.data.objections.map((o) => ({ type: o.type, quote: o.quote, response: o.response, resolved: o.resolved })),
    objectionTimes: r.data.objections.map((o) => parseTimestamp(o.timestamp)),
  };
}
