/**
 * Text helpers of the heuristic scorer: sentence splitting that keeps verbatim substrings (so evidence
 * quotes survive grounding), crude word stems for rubric hints, and small formatting helpers. Pure.
 */
import { MIN_QUOTE_WORDS, normalizeForMatch } from "./grounding";
import type { DimensionSpec, TranscriptLine } from "./types";

/** One sentence of a transcript line; `text` is a verbatim substring of `line.text`. */
export interface Sentence {
  line: TranscriptLine;
  text: string;
}

/** Longest evidence quote, in characters. */
export const MAX_QUOTE_CHARS = 200;

/**
 * Splits at `.`, `!` or `?` followed by whitespace or the end, so "1.5 engineers" and "$40.5k" stay whole.
 * Every returned piece is a trimmed substring of `text`.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (s: string) => {
    const t = s.trim();
    if (/[\p{L}\p{N}]/u.test(t)) out.push(t);
  };
  for (const m of text.matchAll(/[.!?]+(?=\s|$)/g)) {
    const end = (m.index ?? 0) + m[0].length;
    push(text.slice(start, end));
    start = end;
  }
  push(text.slice(start));
  return out;
}

export const lineSentences = (line: TranscriptLine): Sentence[] => splitSentences(line.text).map((text) => ({ line, text }));

/** A verbatim prefix of `s` of at most `max` characters, cut at a word boundary (no ellipsis: it must stay a substring). */
export function clipVerbatim(s: string, max = MAX_QUOTE_CHARS): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(" ", max);
  return s.slice(0, cut > max / 3 ? cut : max).replace(/[\s,;:–-]+$/u, "");
}

/** A shortened copy for display (moment texts, objection responses); not used for evidence. */
export function shorten(s: string, max: number): string {
  const clipped = clipVerbatim(s, max);
  return clipped.length < s.length ? `${clipped}…` : s;
}

export const isQuestion = (s: string): boolean => s.includes("?");

/** `mm:ss` (or `h:mm:ss`) of a time in ms. */
export function mmss(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${String(m).padStart(2, "0")}:${s}`;
}

/** "4:10" style duration for prose. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

export const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

/** "no open questions", "1 open question", "9 open questions". */
export function count(n: number, one: string, many = `${one}s`): string {
  if (n === 0) return `no ${many}`;
  return `${n} ${n === 1 ? one : many}`;
}

// Words that carry no meaning for a dimension (short words are dropped anyway).
const STOPWORDS = new Set(
  (
    "about above after again against also always another because been before being below between both cannot could does doing " +
    "done down during each even every from further have having here into itself just like more most much must never only other " +
    "ought over same should some such than that thats their them then there theres these they theyre this those through under " +
    "until very want what whats when where which while will with would your yours youre youd were well lets dont didnt doesnt " +
    "isnt cant wont customer prefect horizon call calls says said asks tell today thing things really make made gets going know " +
    "need needs sure okay right good great time times something anything everything someone still maybe quite rather without " +
    "within across instead example examples first last week weeks back show shows"
  ).split(" "),
);

/** Crude stem: lower-case letters and digits, plural stripped, cut to six characters ("deployments" → "deploy"). */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, "").replace(/[^a-z0-9]/g, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** Stems of the significant words of a text (four letters or more, not a stop word), each with the first word seen. */
export function significantStems(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.match(/[A-Za-z][A-Za-z0-9']*/g) ?? []) {
    const plain = raw.toLowerCase().replace(/'s$/, "").replace(/'/g, "");
    if (plain.length < 4 || STOPWORDS.has(plain)) continue;
    const s = stem(plain);
    if (!out.has(s)) out.set(s, plain);
  }
  return out;
}

/**
 * Hint stems of a rubric dimension: significant words of its criteria and "excellent" examples, minus
 * any word that also appears in its "poor" examples (those describe what not to do).
 */
export function rubricHints(spec: DimensionSpec): Set<string> {
  const good = significantStems([...spec.criteria, ...spec.examples.excellent].join(" "));
  const poor = significantStems(spec.examples.poor.join(" "));
  return new Set([...good.keys()].filter((w) => !poor.has(w)));
}

const IRREGULAR: Record<string, string> = { is: "be", does: "do", has: "have", "does not": "don't" };

function imperativeVerb(verb: string): string {
  const lower = verb.toLowerCase();
  const mapped = IRREGULAR[lower] ?? (/(ch|sh|ss|x)es$/.test(lower) ? lower.slice(0, -2) : lower.length > 4 && /ies$/.test(lower) ? `${lower.slice(0, -3)}y` : lower.replace(/s$/, ""));
  return verb[0] === verb[0].toUpperCase() ? mapped[0].toUpperCase() + mapped.slice(1) : mapped;
}

/** "Asks open questions …" → "Ask open questions …"; "Brings or asks for …" → "Bring or ask for …". */
export function criterionAsAdvice(criterion: string): string {
  const c = criterion.trim().replace(/^Does not\b/, "Don't");
  const m = /^([A-Z][a-z]+)( or ([a-z]+))?\b(.*)$/s.exec(c);
  if (!m || m[1] === "Don" || !/s$/.test(m[1])) return c;
  // A second verb after "and" ("… and lets the customer talk") follows the first one.
  const rest = m[4].replace(/\b(and|or) ([a-z]{3,}s)\b(?= (the|a|an|what|it|them|specific|side|with|to|up|back)\b)/g, (_all, conj: string, verb: string) => `${conj} ${imperativeVerb(verb)}`);
  return `${imperativeVerb(m[1])}${m[3] ? ` or ${imperativeVerb(m[3])}` : ""}${rest}`;
}

/**
 * A quote that grounding can verify: the sentence itself, or — when the sentence is shorter than
 * grounding's minimum ("That's fair.") — its whole line, clipped.
 */
export function groundableQuote(sentence: string, lineText: string): string {
  const words = normalizeForMatch(sentence).split(" ").filter(Boolean).length;
  return words >= MIN_QUOTE_WORDS ? clipVerbatim(sentence) : clipVerbatim(lineText);
}
