/**
 * WebVTT caption parser for the files Zoom, Microsoft Teams and Google Meet export
 * (https://www.w3.org/TR/webvtt1/). Only what a transcript needs is kept: timing, speaker and plain text.
 */

/** One caption cue. Times are integer milliseconds from the start of the recording. */
export interface VttCue {
  startMs: number;
  endMs: number;
  /** From a `<v Name>` voice tag (Teams) or a `Name: ` prefix (Zoom); null when the cue names nobody. */
  speaker: string | null;
  /** Plain text: tags stripped, entities decoded, whitespace collapsed. Never empty. */
  text: string;
}

/** `[HH:]MM:SS.mmm`, with `.` or `,` before the fraction. */
const TIMESTAMP = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})`;
const TIMING_LINE = new RegExp(String.raw`^\s*${TIMESTAMP}\s*-->\s*${TIMESTAMP}(?:\s+.*)?$`);
/** First voice tag: `<v Name>`, `<v.loud Name>`; group 1 is the annotation (the speaker). */
const VOICE_TAG = /<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>/;
/** Markup tags (`<c.x>`, `</i>`, `<v Name>` …) and inline timestamps (`<00:00:01.000>`); a bare `<` is text. */
const TAG = /<\/?(?:[A-Za-z][^>]*|\d[\d:.,]*)>/g;
const ENTITY = /&(?:amp|lt|gt|nbsp|quot|apos|lrm|rlm|#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6}));/g;
const NAMED_ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&nbsp;": " ",
  "&quot;": '"',
  "&apos;": "'",
  "&lrm;": "",
  "&rlm;": "",
};
const MAX_SPEAKER_PREFIX = 60;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Parses a WebVTT file into cues, in file order. Cue times are in milliseconds.
 * Skips the header block and NOTE/STYLE/REGION blocks; cues whose text is empty after cleanup are dropped.
 * @throws Error when the `WEBVTT` header is missing, a timing line is malformed (the message gives
 *   its line number) or a cue ends before it starts.
 */
export function parseVtt(text: string): VttCue[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let i = 0;
  while (i < lines.length && lines[i].trim() === "") i++;
  if (i >= lines.length || !/^WEBVTT(?:[ \t].*)?$/.test(lines[i].trimEnd())) {
    throw new Error("not a WebVTT file: missing WEBVTT header");
  }
  // The header block (e.g. "Kind: captions", "Language: en") runs to the first blank line.
  while (i < lines.length && lines[i].trim() !== "") i++;

  const cues: VttCue[] = [];
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === "") i++;
    if (i >= lines.length) break;
    const blockStart = i;
    while (i < lines.length && lines[i].trim() !== "") i++;
    const cue = parseBlock(lines.slice(blockStart, i), blockStart + 1);
    if (cue) cues.push(cue);
  }
  return cues;
}

/** Parses one blank-line-separated block; `firstLineNo` is the 1-based line number of its first line. */
function parseBlock(block: string[], firstLineNo: number): VttCue | null {
  if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]) && !block[0].includes("-->")) return null;
  // An optional identifier line (numeric or text) may precede the timing line.
  const timingIndex = block[0].includes("-->") ? 0 : block.length > 1 && block[1].includes("-->") ? 1 : -1;
  if (timingIndex < 0) {
    const lineNo = firstLineNo + (block.length > 1 ? 1 : 0);
    throw new Error(
      `line ${lineNo}: expected a cue timing line like "00:00:01.000 --> 00:00:04.000", got "${truncate(block[block.length > 1 ? 1 : 0])}"`,
    );
  }
  const lineNo = firstLineNo + timingIndex;
  const { startMs, endMs } = parseTimingLine(block[timingIndex], lineNo);
  const { speaker, text } = cleanCueText(block.slice(timingIndex + 1));
  if (text === "") return null;
  return { startMs, endMs, speaker, text };
}

function parseTimingLine(line: string, lineNo: number): { startMs: number; endMs: number } {
  const m = TIMING_LINE.exec(line);
  if (!m) {
    throw new Error(
      `line ${lineNo}: malformed cue timing "${truncate(line)}"; expected "HH:MM:SS.mmm --> HH:MM:SS.mmm" or "MM:SS.mmm --> MM:SS.mmm"`,
    );
  }
  const startMs = toMs(m.slice(1, 5), line, lineNo);
  const endMs = toMs(m.slice(5, 9), line, lineNo);
  if (endMs < startMs) {
    throw new Error(`line ${lineNo}: cue ends before it starts ("${truncate(line)}")`);
  }
  return { startMs, endMs };
}

function toMs([h, m, s, frac]: string[], line: string, lineNo: number): number {
  const minutes = Number(m);
  const seconds = Number(s);
  if (minutes > 59 || seconds > 59) {
    throw new Error(`line ${lineNo}: malformed cue timing "${truncate(line)}"; minutes and seconds must be below 60`);
  }
  // "1.5" means 1.500 s: the fraction is decimal, so pad on the right.
  const ms = Number(frac.padEnd(3, "0"));
  return ((Number(h ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** Joins a cue's text lines with spaces and extracts the speaker (voice tag first, then a Zoom prefix). */
function cleanCueText(textLines: string[]): { speaker: string | null; text: string } {
  const raw = textLines.join("\n");
  const voice = VOICE_TAG.exec(raw);
  const voiceName = voice?.[1] !== undefined ? normaliseSpace(decodeEntities(voice[1])) : "";
  if (voiceName !== "") {
    return { speaker: voiceName, text: normaliseSpace(toPlainText(raw)) };
  }
  const plainLines = textLines.map(toPlainText);
  const firstNonEmpty = plainLines.findIndex((l) => l.trim() !== "");
  if (firstNonEmpty >= 0) {
    const prefix = splitSpeakerPrefix(plainLines[firstNonEmpty].trim());
    if (prefix) {
      plainLines[firstNonEmpty] = prefix.rest;
      return { speaker: prefix.speaker, text: normaliseSpace(plainLines.join(" ")) };
    }
  }
  return { speaker: null, text: normaliseSpace(plainLines.join(" ")) };
}

/**
 * Zoom writes "Jane Doe: text". Treat the part before the first ": " as a speaker only when it is short
 * and reads like a name (no sentence punctuation) so that "Note: …" style sentences are rarely misread.
 */
function splitSpeakerPrefix(line: string): { speaker: string; rest: string } | null {
  const at = line.indexOf(": ");
  if (at <= 0) return null;
  const candidate = normaliseSpace(line.slice(0, at));
  if (candidate === "" || candidate.length > MAX_SPEAKER_PREFIX || !looksLikeName(candidate)) return null;
  return { speaker: candidate, rest: line.slice(at + 2) };
}

function looksLikeName(candidate: string): boolean {
  if (EMAIL.test(candidate)) return true;
  if (!/\p{L}/u.test(candidate) || /[!?;:"…]/.test(candidate)) return false;
  // A period is allowed only closing a short abbreviation or initial ("Dr.", "J.", "Jr.").
  return candidate.split(" ").every((word) => !word.includes(".") || /^\p{L}{1,3}\.$/u.test(word));
}

function toPlainText(s: string): string {
  return decodeEntities(s.replace(TAG, ""));
}

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (entity, dec: string | undefined, hex: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[entity] ?? entity;
  });
}

function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function truncate(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
