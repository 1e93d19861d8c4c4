/**
 * Grounding: a quote an engine offers as evidence counts only if it is in the stored transcript.
 * Quotes and transcript are compared after normalising case, punctuation and whitespace (the model
 * may re-punctuate or change curly quotes); a quote with an ellipsis must match its pieces in order.
 * A verified quote takes the speaker and start time of the line it was found in — never the ones the
 * model claimed. Too-short quotes ("yes") are not evidence of anything and are not verified.
 */
import type { GroundedQuote, ProposedQuote, TranscriptLine } from "./types";

/** Lower-case, letters and digits only, single spaces. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Fewer normalised words than this (unless the quote is a whole line) cannot be verified. */
export const MIN_QUOTE_WORDS = 3;

export interface GroundingIndex {
  text: string;
  /** Offset in `text` where each line starts (ascending). */
  starts: number[];
  lines: TranscriptLine[];
}

export function buildGroundingIndex(lines: TranscriptLine[]): GroundingIndex {
  const starts: number[] = [];
  let text = "";
  for (const line of lines) {
    starts.push(text.length);
    text += normalizeForMatch(line.text) + " ";
  }
  return { text, starts, lines };
}

function lineAt(index: GroundingIndex, offset: number): TranscriptLine {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return index.lines[lo];
}

/** Finds the quote's pieces in order; returns the offset of the first piece, or -1. */
function locate(index: GroundingIndex, quote: string): number {
  const pieces = quote
    .split(/\.\.\.|…|\[\.\.\.\]/)
    .map(normalizeForMatch)
    .filter(Boolean);
  if (pieces.length === 0) return -1;
  const words = pieces.reduce((n, p) => n + p.split(" ").length, 0);
  let from = 0;
  let first = -1;
  for (const piece of pieces) {
    // Match on word boundaries so "price" does not verify inside "priceless".
    const bounded = (i: number) => (i === 0 || index.text[i - 1] === " ") && index.text[i + piece.length] === " ";
    let at = index.text.indexOf(piece, from);
    while (at >= 0 && !bounded(at)) at = index.text.indexOf(piece, at + 1);
    if (at < 0) return -1;
    if (first < 0) first = at;
    from = at + piece.length;
  }
  if (words < MIN_QUOTE_WORDS) {
    const line = lineAt(index, first);
    if (normalizeForMatch(line.text) !== pieces.join(" ")) return -1;
  }
  return first;
}

export interface GroundingOutcome {
  kept: GroundedQuote[];
  dropped: number;
}

/** Verifies proposed quotes; unverifiable ones are dropped and counted, duplicates removed. */
export function groundQuotes(index: GroundingIndex, quotes: ProposedQuote[]): GroundingOutcome {
  const kept: GroundedQuote[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const q of quotes) {
    const at = locate(index, q.quote);
    if (at < 0) {
      dropped++;
      continue;
    }
    const key = normalizeForMatch(q.quote);
    if (seen.has(key)) continue;
    seen.add(key);
    const line = lineAt(index, at);
    kept.push({ quote: q.quote.trim(), speakerName: line.speakerName, startMs: line.startMs, verified: true });
  }
  return { kept, dropped };
}

/** The line a single quote comes from, or null when it is not in the transcript. */
export function findQuote(index: GroundingIndex, quote: string): TranscriptLine | null {
  const at = locate(index, quote);
  return at < 0 ? null : lineAt(index, at);
}
