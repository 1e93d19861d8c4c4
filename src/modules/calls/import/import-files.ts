/**
 * Reads the files given to one `callcoach import FILE...` run and turns them into `CallImport`s.
 * Gong calls and transcripts may arrive in separate files; all files are read first, then matched by
 * Gong call id, so every problem is reported against the file that has it.
 */
import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ImportFileError } from "../call.errors";
import {
  type CallImport,
  type GongCallTranscript,
  type GongExtensiveCall,
  describeZodError,
  gongCallTranscriptSchema,
  gongExtensiveCallSchema,
} from "./gong-shapes";
import { type VttCue, parseVtt } from "./vtt";
import { vttToCallImport } from "./vtt-to-gong";

/** Command-line options of `callcoach import`; `repEmail`, `repName`, `title` and `date` apply to `.vtt` files. */
export interface ImportFileOptions {
  /** `--rep`: our person on a VTT call. */
  repEmail?: string;
  repName?: string;
  /** `--title`: title of a VTT call (default: from the file name). */
  title?: string;
  /** `--date`: when a VTT call started (default: the file's modification time). */
  date?: Date;
  /** Our company's email domains (`CALLCOACH_INTERNAL_DOMAINS`). */
  internalDomains: string[];
}

const UNRECOGNISED = "not a Gong extensive-call response, transcript response, call object or {call, transcript} file";

interface Found<T> {
  value: T;
  file: string;
}

/** Everything read so far, keyed by Gong call id; `order` keeps results in order of first appearance. */
interface Collected {
  order: Array<{ callId: string } | { vtt: CallImport }>;
  calls: Map<string, Found<GongExtensiveCall>>;
  transcripts: Map<string, Found<GongCallTranscript>>;
}

/**
 * Reads and validates the files of one import run: Gong `/v2/calls/extensive` and `/v2/calls/transcript`
 * responses or bare call objects (matched by call id across files), `{call, transcript}` files, and
 * `.vtt` captions. Results follow the order in which each call first appears. Transcript times are in ms.
 * @throws ImportFileError naming the file for an unreadable file, malformed or unrecognised JSON, an
 *   invalid call object, a call without a transcript (or the reverse), or a call id given twice with
 *   different content.
 */
export async function readImportFiles(paths: string[], opts: ImportFileOptions): Promise<CallImport[]> {
  const found: Collected = { order: [], calls: new Map(), transcripts: new Map() };
  for (const file of paths) {
    if (path.extname(file).toLowerCase() === ".vtt") {
      found.order.push({ vtt: await readVttFile(file, opts) });
    } else {
      collectJson(file, parseJson(file, await readText(file)), found);
    }
  }

  for (const [callId, call] of found.calls) {
    if (!found.transcripts.has(callId)) {
      throw new ImportFileError(call.file, `call ${callId} has no transcript; pass the /v2/calls/transcript response too`);
    }
  }
  for (const [callId, transcript] of found.transcripts) {
    if (!found.calls.has(callId)) {
      throw new ImportFileError(
        transcript.file,
        `transcript for call ${callId} has no call object; pass the /v2/calls/extensive response too`,
      );
    }
  }

  return found.order.map((entry) => {
    if ("vtt" in entry) return entry.vtt;
    const call = found.calls.get(entry.callId)!;
    const transcript = found.transcripts.get(entry.callId)!;
    return {
      call: call.value,
      transcript: transcript.value,
      source: "GONG",
      origin: [...new Set([call.file, transcript.file])],
    };
  });
}

async function readText(file: string): Promise<string> {
  try {
    return (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    throw new ImportFileError(file, `cannot read file: ${describeFsError(err)}`);
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return err instanceof Error ? err.message : String(err);
}

async function readVttFile(file: string, opts: ImportFileOptions): Promise<CallImport> {
  const text = await readText(file);
  let cues: VttCue[];
  try {
    cues = parseVtt(text);
  } catch (err) {
    throw new ImportFileError(file, err instanceof Error ? err.message : String(err));
  }
  let startedAt = opts.date;
  if (!startedAt) {
    try {
      startedAt = (await stat(file)).mtime;
    } catch (err) {
      throw new ImportFileError(file, `cannot read file: ${describeFsError(err)}`);
    }
  }
  return vttToCallImport(cues, {
    file,
    title: opts.title,
    startedAt,
    repEmail: opts.repEmail,
    repName: opts.repName,
    internalDomains: opts.internalDomains,
  });
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = jsonErrorOffset(text) ?? positionInMessage(message);
    const where = offset === undefined || /\bline \d+/.test(message) ? "" : ` (${lineAndColumn(text, offset)})`;
    throw new ImportFileError(file, `malformed JSON: ${message}${where}`);
  }
}

function positionInMessage(message: string): number | undefined {
  const m = /at position (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** 1-based "line L, column C" of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `line ${line}, column ${column}`;
}

/**
 * Offset of the first JSON syntax error, or undefined when `text` is valid. Node 20's `JSON.parse`
 * often reports no position ("Unexpected token '}', … is not valid JSON"), so find it ourselves.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const stop = new Error("stop");
  const fail = (): never => {
    throw stop;
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const expect = (ch: string) => (text[i] === ch ? i++ : fail());
  const literal = /true|false|null/y;
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    if (!re.test(text)) fail();
    i = re.lastIndex;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      const ch = text[i++];
      if (ch === '"') return;
      if (ch === "\\") {
        if (text[i] === "u") sticky(/u[0-9a-fA-F]{4}/y);
        else if ('"\\/bfnrt'.includes(text[i] ?? "x")) i++;
        else fail();
      }
    }
  };
  const list = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      expect(",");
    }
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === "{") {
      list("}", () => {
        space();
        string();
        space();
        expect(":");
        value();
      });
    } else if (ch === "[") list("]", value);
    else if (ch === '"') string();
    else if (ch === "t" || ch === "f" || ch === "n") sticky(literal);
    else if (ch === "-" || (ch >= "0" && ch <= "9")) sticky(number);
    else fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (err) {
    if (err === stop) return i;
    throw err;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sorts one JSON file into calls and transcripts, by form. */
function collectJson(file: string, json: unknown, found: Collected): void {
  if (!isObject(json)) throw new ImportFileError(file, UNRECOGNISED);

  if ("call" in json) {
    const call = parseCall(file, json.call, "call");
    const callId = call.metaData.id;
    if (callId === undefined) throw new ImportFileError(file, "call.metaData.id is missing; a Gong call needs its id");
    addCall(found, callId, call, file);
    if (json.transcript !== undefined && json.transcript !== null) {
      const transcript = parseTranscript(file, json.transcript, "transcript");
      if (transcript.callId !== undefined && transcript.callId !== callId) {
        throw new ImportFileError(file, `transcript.callId ${transcript.callId} does not match call.metaData.id ${callId}`);
      }
      addTranscript(found, callId, { ...transcript, callId }, file);
    }
    return;
  }

  const isCallsResponse = Array.isArray(json.calls);
  const isTranscriptResponse = Array.isArray(json.callTranscripts);
  if (isCallsResponse || isTranscriptResponse) {
    (isCallsResponse ? (json.calls as unknown[]) : []).forEach((raw, index) => {
      const call = parseCall(file, raw, `calls[${index}]`);
      const callId = call.metaData.id;
      if (callId === undefined) throw new ImportFileError(file, `calls[${index}].metaData.id is missing`);
      addCall(found, callId, call, file);
    });
    (isTranscriptResponse ? (json.callTranscripts as unknown[]) : []).forEach((raw, index) => {
      const transcript = parseTranscript(file, raw, `callTranscripts[${index}]`);
      if (transcript.callId === undefined) {
        throw new ImportFileError(file, `callTranscripts[${index}].callId is missing`);
      }
      addTranscript(found, transcript.callId, transcript, file);
    });
    return;
  }

  if ("metaData" in json) {
    const call = parseCall(file, json, "");
    const callId = call.metaData.id;
    if (callId === undefined) throw new ImportFileError(file, "metaData.id is missing; a Gong call needs its id");
    addCall(found, callId, call, file);
    return;
  }

  throw new ImportFileError(file, UNRECOGNISED);
}

/** Validates a call object; `where` ("calls[2]", "call" or "" for a bare object) locates it in the file. */
function parseCall(file: string, raw: unknown, where: string): GongExtensiveCall {
  const prefix = where ? `${where}.` : "";
  assertSafeId(file, (raw as { metaData?: { id?: unknown } } | null)?.metaData?.id, `${prefix}metaData.id`);
  const result = gongExtensiveCallSchema.safeParse(raw);
  if (!result.success) {
    const at = where ? ` at ${where}` : "";
    throw new ImportFileError(file, `invalid Gong call object${at}: ${describeZodError(result.error)}`);
  }
  return result.data;
}

function parseTranscript(file: string, raw: unknown, where: string): GongCallTranscript {
  assertSafeId(file, (raw as { callId?: unknown } | null)?.callId, `${where}.callId`);
  const result = gongCallTranscriptSchema.safeParse(raw);
  if (!result.success) {
    throw new ImportFileError(file, `invalid Gong transcript at ${where}: ${describeZodError(result.error)}`);
  }
  return result.data;
}

/** Gong ids exceed 2^53: written as JSON numbers they have already lost digits, so refuse them. */
function assertSafeId(file: string, id: unknown, field: string): void {
  if (typeof id === "number" && !Number.isSafeInteger(id)) {
    throw new ImportFileError(file, `${field} is a number too large to be exact; Gong ids must be JSON strings`);
  }
}

function addCall(found: Collected, callId: string, call: GongExtensiveCall, file: string): void {
  const previous = found.calls.get(callId);
  if (previous) {
    if (isDeepStrictEqual(previous.value, call)) return;
    throw new ImportFileError(file, conflict(`call ${callId}`, previous.file, file));
  }
  found.calls.set(callId, { value: call, file });
  found.order.push({ callId });
}

function addTranscript(found: Collected, callId: string, transcript: GongCallTranscript, file: string): void {
  const previous = found.transcripts.get(callId);
  if (previous) {
    if (isDeepStrictEqual(previous.value, transcript)) return;
    throw new ImportFileError(file, conflict(`transcript for call ${callId}`, previous.file, file));
  }
  found.transcripts.set(callId, { value: transcript, file });
}

function conflict(what: string, firstFile: string, secondFile: string): string {
  return firstFile === secondFile
    ? `${what} appears twice with different content`
    : `${what} appears in both ${firstFile} and ${secondFile} with different content`;
}
