/**
 * Turns parsed WebVTT cues into the Gong shapes every import form becomes, so the rest of the import
 * path handles captions and Gong calls alike.
 */
import * as path from "node:path";
import { ImportFileError } from "../call.errors";
import type { CallImport, GongExtensiveCall, GongMonologue, GongParty } from "./gong-shapes";
import type { VttCue } from "./vtt";

export interface VttToCallOptions {
  /** The caption file, as given on the command line; names the call in errors and `origin`. */
  file: string;
  /** Call title; defaults to the file's base name with `_`/`-` turned into spaces. */
  title?: string;
  /** When the recording started; cue times are offsets from it. */
  startedAt: Date;
  /** Our rep on the call (`--rep`); without it every party's side is "Unknown". */
  repEmail?: string;
  /** The rep's display name, tried before guessing a name from `repEmail`. */
  repName?: string;
  /** Our company's email domains; decide the side of speakers named by an email address. */
  internalDomains: string[];
}

/** The party for cues that name no speaker. */
export const UNKNOWN_SPEAKER = "Unknown speaker";

type Affiliation = "Internal" | "External" | "Unknown";

/**
 * Builds a Gong-shaped call (no Gong id, `system: "WebVTT"`) with one party per distinct speaker
 * (synthetic speaker ids "vtt-1", "vtt-2" … in order of first appearance) and one monologue per cue.
 * Sentence `start`/`end` are cue times in milliseconds; `metaData.duration` is in seconds (rounded up).
 * @throws ImportFileError when there are no cues, or `repEmail` is given and no speaker matches it.
 */
export function vttToCallImport(cues: VttCue[], opts: VttToCallOptions): CallImport {
  const { file } = opts;
  if (cues.length === 0) throw new ImportFileError(file, "contains no cues");

  // One party per distinct speaker, keyed case- and whitespace-insensitively; the first spelling wins.
  const speakerIds = new Map<string, string>();
  const names: string[] = [];
  for (const cue of cues) {
    const name = cue.speaker?.trim() ? cue.speaker.trim() : UNKNOWN_SPEAKER;
    const key = nameKey(name);
    if (!speakerIds.has(key)) {
      names.push(name);
      speakerIds.set(key, `vtt-${names.length}`);
    }
  }

  const repIndex = opts.repEmail ? findRepSpeaker(names, opts.repEmail, opts.repName) : -1;
  if (opts.repEmail && repIndex < 0) {
    const named = names.filter((n) => n !== UNKNOWN_SPEAKER);
    const listed = named.length ? `speakers are: ${named.join(", ")}` : "the file names no speakers";
    throw new ImportFileError(file, `no speaker matches --rep ${opts.repEmail}; ${listed}`);
  }

  const parties: GongParty[] = names.map((name, index) => {
    const speakerId = speakerIds.get(nameKey(name))!;
    const party: GongParty = { id: speakerId, speakerId, name, affiliation: "Unknown" };
    if (index === repIndex) {
      party.emailAddress = opts.repEmail;
      party.affiliation = "Internal";
    } else if (isEmail(name)) {
      party.emailAddress = name;
      party.affiliation = affiliationByDomain(name, opts);
    } else if (opts.repEmail && name !== UNKNOWN_SPEAKER) {
      party.affiliation = "External";
    }
    return party;
  });

  const transcript: GongMonologue[] = cues.map((cue) => ({
    speakerId: speakerIds.get(nameKey(cue.speaker?.trim() ? cue.speaker.trim() : UNKNOWN_SPEAKER))!,
    topic: null,
    sentences: [{ start: cue.startMs, end: cue.endMs, text: cue.text }],
  }));

  const lastEndMs = Math.max(...cues.map((c) => c.endMs));
  const call: GongExtensiveCall = {
    metaData: {
      title: opts.title?.trim() || titleFromFile(file),
      started: opts.startedAt.toISOString(),
      duration: Math.ceil(lastEndMs / 1000),
      scope: "External",
      system: "WebVTT",
      language: "eng",
    },
    parties,
  };

  return { call, transcript: { transcript }, source: "VTT", origin: [file], repEmail: opts.repEmail };
}

/** "2024-03-05_acme-demo.vtt" → "2024 03 05 acme demo". */
function titleFromFile(file: string): string {
  const base = path.basename(file, path.extname(file));
  return base.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim() || path.basename(file);
}

/**
 * Index of the speaker who is our rep, or -1. Tried in order: `repName`; the email itself as a name;
 * the email's local part as a name ("jane.doe@x" → "Jane Doe"); the first name alone if one speaker has it;
 * a one-word local part as a first name ("jane@x" → "Jane Doe") if only one speaker has that first name.
 */
function findRepSpeaker(names: string[], repEmail: string, repName?: string): number {
  const keys = names.map((n) => nameKey(n, true));
  const find = (wanted: string) => (wanted ? keys.indexOf(wanted) : -1);

  const byName = repName ? find(nameKey(repName, true)) : -1;
  if (byName >= 0) return byName;
  const byEmail = find(nameKey(repEmail, true));
  if (byEmail >= 0) return byEmail;

  // Drop a "+tag" suffix, then split "jane.doe" / "jane_doe" / "jane-doe" into words.
  const localPart = repEmail.split("@")[0].replace(/\+.*$/, "");
  const words = localPart.split(/[._-]+/).filter(Boolean);
  const byLocalPart = find(nameKey(words.join(" "), true));
  if (byLocalPart >= 0) return byLocalPart;

  const firstName = nameKey(words[0] ?? "", true);
  if (words.length > 1) {
    // "jane.doe@x" and a speaker called just "Jane".
    const matches = keys.flatMap((k, i) => (k === firstName ? [i] : []));
    if (matches.length === 1) return matches[0];
  }
  if (firstName) {
    // "jane@x" and a speaker called "Jane Doe", when only one speaker is called Jane.
    const matches = keys.flatMap((k, i) => (k.split(" ")[0] === firstName ? [i] : []));
    if (matches.length === 1) return matches[0];
  }
  return -1;
}

/** Case- and whitespace-insensitive key; `loose` also drops accents ("José" matches "jose"). */
function nameKey(name: string, loose = false): string {
  const key = name.replace(/\s+/g, " ").trim().toLowerCase();
  return loose ? key.normalize("NFD").replace(/\p{M}/gu, "") : key;
}

function isEmail(name: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(name);
}

/**
 * Side of a speaker named by an email: Internal when its domain (or a parent domain) is one of ours.
 * Our domains are `internalDomains` plus the rep's; with none known the side stays "Unknown".
 */
function affiliationByDomain(email: string, opts: VttToCallOptions): Affiliation {
  const ours = opts.internalDomains.map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean);
  if (opts.repEmail?.includes("@")) ours.push(opts.repEmail.split("@").pop()!.toLowerCase());
  if (ours.length === 0) return "Unknown";
  const domain = email.split("@").pop()!.toLowerCase();
  return ours.some((d) => domain === d || domain.endsWith(`.${d}`)) ? "Internal" : "External";
}
