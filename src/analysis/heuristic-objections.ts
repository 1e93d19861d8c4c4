/**
 * Objection detection for the heuristic scorer: customer (EXTERNAL) lines are matched against trigger
 * phrases per objection category, then the answer from our side and whether the customer accepted it
 * are read from the lines that follow. Pure and deterministic.
 */
import { TRACKERS } from "./heuristic-trackers";
import { clipVerbatim, groundableQuote, isQuestion, MAX_QUOTE_CHARS, shorten, splitSentences } from "./heuristic-text";
import type { CallForAnalysis, CallReviewAnswer, ObjectionTypeName, Resolution, TranscriptLine } from "./types";

/** A repeat of the same objection type within this window is the same objection. */
export const OBJECTION_DEDUPE_MS = 60_000;
/** Acceptance by the customer within this window after an objection resolves it. */
export const ACCEPTANCE_WINDOW_MS = 180_000;

const COMPETITOR_NAMES = /\b(airflow|dagster|astronomer|temporal|step functions|mwaa|argo|luigi|kestra|cloud composer|databricks workflows)\b/i;
const COMPARISON = /\b(cheaper|better|instead|already (have|use|run|pay)|why not|versus|vs\.?|compar\w*|switch\w*|stick with|stay (with|on)|does (that|this|all that) (too|already)|for free|good enough|over you)\b/i;

/**
 * First match of `re` in `s` that is not a capitalised word in mid-sentence, so a name such as
 * "Hannah Price" is not a pricing objection.
 */
function plain(re: RegExp): (s: string) => { index: number } | null {
  const global = new RegExp(re.source, `${re.flags}g`); // matchAll clones it, so sharing it is safe
  return (s) => {
    for (const m of s.matchAll(global)) {
      const index = m.index ?? 0;
      const name = index > 0 && /^\p{Lu}\p{Ll}/u.test(m[0]) && !/[.!?:"“]\s*$/u.test(s.slice(0, index));
      if (!name) return { index };
    }
    return null;
  };
}

/** Trigger phrases per category, in tie-break order (earliest match in the sentence wins). */
const TRIGGERS: { type: ObjectionTypeName; test: (s: string) => { index: number } | null }[] = [
  {
    type: "PRICING",
    test: plain(/\b(price\w*|pricing|pricey|expensive|discount\w*|afford\w*|budget\w*|per seat|licen[cs]e (fee|cost)s?|too costly|cost of (horizon|prefect|it|this|the (platform|license|product))|(horizon|it|this) (would )?costs?|how much (does|would|will) (it|this|horizon|prefect))\b/i),
  },
  {
    type: "SECURITY",
    test: (s) => /\b(security|infosec|secure|soc ?2|compliance|compliant|sso|saml|data residency|residency|pen(etration)? ?tests?|gdpr|hipaa|auditors?|encrypt\w*|iso ?27001|data (leaves|leaving|leave))\b/i.exec(s),
  },
  {
    type: "COMPETITION",
    test: (s) =>
      /\b(competitors?|alternatives?|other vendors?|(also|currently) (looking at|evaluating|considering)|evaluating (other|a few)|shortlist)\b/i.exec(s) ??
      (COMPARISON.test(s) ? COMPETITOR_NAMES.exec(s) : null),
  },
  {
    type: "TECHNICAL_FIT",
    test: plain(/\b(doesn't support|does not support|don't support|won't work|wouldn't work|will not work|not compatible|incompatible|integrat\w*|at (our|that) scale|scal(e|ing|ability)|too complex|complicated|learning curve|lock-?in|migration (effort|cost|risk)|rewrit\w*|missing (a )?feature|can it handle|does it (handle|support|work with))\b/i),
  },
  {
    type: "AUTHORITY",
    test: plain(/\b(my boss|my manager|need to (check|run it by|talk to|ask)|check with|run (it|this) by|not my (decision|call)|not up to me|procurement|legal (team|review)|sign[- ]off|decision maker|(cto|cfo|vp|director|leadership) (would|will|has to|needs to))\b/i),
  },
  {
    type: "TIMING",
    test: plain(/\b(not (right )?now|not a priority|next (quarter|year)|(no|don't have the|limited) bandwidth|timeline|too busy|maybe later|revisit (this|it)|down the road|later this year|not in buying mode|no time|other priorities|on hold|wait until|in a few months)\b/i),
  },
  {
    type: "NEED",
    test: plain(/\b(we're fine|we are fine|doing fine|don't (really )?need|do not need|happy with what we have|works (fine|well enough) for us|good enough|not sure we need|no real need|why would we (need|change|switch)|isn't broken|not broken|what we have works)\b/i),
  },
];

/** A sentence reporting that a concern is already settled ("security signed off last week") is no objection. */
const SETTLED = /\b(signed off|approved|passed|cleared|(is|are|was|were) (complete|done|fine|sorted)|no (issues?|problems?|concerns?) with)\b/i;

const ACCEPTANCE = /(\b(?<!(n't|not)( really| very| that)? )(makes sense|that helps|helpful|sounds good|great|that works|works for me|perfect|fair enough|good to know|that answers|that addresses|that covers|reassuring|I'm comfortable|love that)\b|\bok(ay)?,? (good|great|cool)\b)/i;

export const isAcceptance = (text: string): boolean => ACCEPTANCE.test(text);

/** The first objection trigger in a text: its category, the sentence holding it and where in that sentence. */
export function matchObjection(text: string): { type: ObjectionTypeName; sentence: string; index: number } | null {
  for (const sentence of splitSentences(text)) {
    if (SETTLED.test(sentence)) continue;
    let best: { type: ObjectionTypeName; sentence: string; index: number } | null = null;
    for (const t of TRIGGERS) {
      const m = t.test(sentence);
      if (m && (!best || m.index < best.index)) best = { type: t.type, sentence, index: m.index };
    }
    if (best) return best;
  }
  return null;
}

const mentions = (text: string, type: ObjectionTypeName): boolean =>
  splitSentences(text).some((s) => TRIGGERS.some((t) => t.type === type && t.test(s) !== null));

/** A verbatim excerpt of at most MAX_QUOTE_CHARS around position `index` of `sentence`. */
function excerptAround(sentence: string, index: number): string {
  if (sentence.length <= MAX_QUOTE_CHARS || index < MAX_QUOTE_CHARS / 2) return clipVerbatim(sentence);
  const before = sentence.slice(0, index);
  const clause = Math.max(before.lastIndexOf(", "), before.lastIndexOf("; "));
  const start = clause >= 0 && index - clause < 150 ? clause + 2 : sentence.lastIndexOf(" ", index - 40) + 1;
  return clipVerbatim(sentence.slice(start));
}

/** Objection types an SE is expected to handle. */
export const TECHNICAL: ReadonlySet<ObjectionTypeName> = new Set(["SECURITY", "TECHNICAL_FIT", "COMPETITION"]);

const OBJECTION_WORDS: Record<ObjectionTypeName, string> = {
  PRICING: "pricing",
  TIMING: "timing",
  COMPETITION: "competition",
  SECURITY: "security",
  TECHNICAL_FIT: "technical fit",
  AUTHORITY: "decision-maker",
  NEED: "need",
  OTHER: "",
};
export const objectionWord = (type: ObjectionTypeName): string => OBJECTION_WORDS[type] || "other";

/** A detected objection with the lines around it (for the scorer; the public shape is detectObjections'). */
export interface ObjectionFinding {
  type: ObjectionTypeName;
  line: TranscriptLine;
  quote: string;
  /** Our side's lines answering it (the first run of INTERNAL lines after it, within the window). */
  responseLines: TranscriptLine[];
  response: string;
  resolved: Resolution;
}

/** Transcript lines in call order. */
export const inCallOrder = (lines: TranscriptLine[]): TranscriptLine[] =>
  [...lines].sort((a, b) => a.startMs - b.startMs || a.seq - b.seq);

/** Our side's answer to line `index`: the first run of INTERNAL lines after it (within the acceptance window). */
export function responseLinesAfter(lines: TranscriptLine[], index: number): TranscriptLine[] {
  const from = lines[index];
  const out: TranscriptLine[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.side === "INTERNAL") {
      if (!out.length && l.startMs - from.endMs > ACCEPTANCE_WINDOW_MS) break;
      out.push(l);
    } else if (out.length) break;
  }
  return out;
}

/** What our side did with an objection, in plain words, with the start of what was said. */
export function summariseResponse(lines: TranscriptLine[]): string {
  if (!lines.length) return "No response on the call.";
  const text = lines.map((l) => l.text).join(" ");
  const sentences = splitSentences(text);
  const has = (id: keyof typeof TRACKERS) => sentences.some((s) => TRACKERS[id].test(s, { customerNames: null }));
  const moves = [
    has("acknowledge") && "acknowledged it",
    sentences.some(isQuestion) && "asked a question",
    (has("story") || has("number")) && "gave a concrete example",
    has("honesty") && "was candid about limits",
    has("discount") && "offered a discount",
    has("next_step") && "offered a follow-up",
    has("confirm") && "checked it was resolved",
  ].filter((m): m is string => typeof m === "string");
  const speakers = [...new Set(lines.map((l) => l.speakerName))].join(" and ");
  const said = `"${shorten(sentences.slice(0, 2).join(" "), 140)}"`;
  if (!moves.length) return `${speakers}: ${said}`;
  const list = moves.length > 1 ? `${moves.slice(0, -1).join(", ")} and ${moves[moves.length - 1]}` : moves[0];
  return `${speakers} ${list}: ${said}`;
}

function resolution(lines: TranscriptLine[], index: number, type: ObjectionTypeName): Resolution {
  const at = lines[index].startMs;
  for (let i = index + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.side !== "EXTERNAL") continue;
    if (l.startMs - at > OBJECTION_DEDUPE_MS && mentions(l.text, type)) return "NO";
    if (isAcceptance(l.text)) return l.startMs - at <= ACCEPTANCE_WINDOW_MS ? "YES" : "UNCLEAR";
  }
  return "UNCLEAR";
}

/** Objections raised by the customer, in call order, with our answer and whether it landed. */
export function findObjections(call: CallForAnalysis): ObjectionFinding[] {
  const lines = inCallOrder(call.lines);
  const lastOfType = new Map<ObjectionTypeName, number>();
  const out: ObjectionFinding[] = [];
  lines.forEach((line, index) => {
    if (line.side !== "EXTERNAL") return;
    const m = matchObjection(line.text);
    if (!m) return;
    const previous = lastOfType.get(m.type);
    if (previous !== undefined && line.startMs - previous <= OBJECTION_DEDUPE_MS) return;
    lastOfType.set(m.type, line.startMs);
    const responseLines = responseLinesAfter(lines, index);
    out.push({
      type: m.type,
      line,
      quote: groundableQuote(excerptAround(m.sentence, m.index), line.text),
      responseLines,
      response: summariseResponse(responseLines),
      resolved: resolution(lines, index, m.type),
    });
  });
  return out;
}

/** Objections raised by the customer (EXTERNAL lines): at most one per line, one per type per minute. */
export function detectObjections(call: CallForAnalysis): CallReviewAnswer["objections"] {
  return findObjections(call).map(({ type, quote, response, resolved }) => ({ type, quote, response, resolved }));
}
