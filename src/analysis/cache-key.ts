/**
 * Result-cache keys. A stored result is reused only when everything that shaped it is unchanged:
 * the normalised transcript, the scored participant, the role, the dimension's content hash, the
 * engine and model, the prompt version, the output-schema version and the product knowledge. A
 * rubric edit changes one dimension's hash, so exactly that dimension runs again.
 */
import crypto from "node:crypto";
import { PROMPT_VERSION } from "./prompts";
import { OUTPUT_SCHEMA_VERSION } from "./output-schema";
import type { TranscriptLine } from "./types";

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

/** Hash of the transcript as the engines see it (whitespace normalised, speakers and times included). */
export function normalisedTranscriptHash(lines: TranscriptLine[]): string {
  return sha256(JSON.stringify(lines.map((l) => [l.speakerName, l.side, l.startMs, l.text.replace(/\s+/g, " ").trim()])));
}

export interface KeyInputs {
  transcriptHash: string;
  /** Stable id of the scored person within the call (party key), plus the rep when known. */
  participantKey: string;
  role: string;
  /** `CLAUDE:<model>` or `HEURISTIC:<version>`. */
  engineId: string;
  /** Hash of the product knowledge sent in the prompt. */
  knowledgeHash: string;
}

function base(k: KeyInputs): string[] {
  return [k.transcriptHash, k.participantKey, k.role, k.engineId, PROMPT_VERSION, OUTPUT_SCHEMA_VERSION, k.knowledgeHash];
}

export function dimensionCacheKey(k: KeyInputs, dimensionKey: string, dimensionVersion: string): string {
  return sha256(["dim", ...base(k), dimensionKey, dimensionVersion].join("\n"));
}

export function reviewCacheKey(k: KeyInputs): string {
  return sha256(["review", ...base(k)].join("\n"));
}

/** Key of a whole analysis: its dimension keys (sorted) and its review key. */
export function analysisCacheKey(dimensionKeys: string[], reviewKey: string): string {
  return sha256(["analysis", reviewKey, ...[...dimensionKeys].sort()].join("\n"));
}

export function contentHash(text: string): string {
  return sha256(text);
}
