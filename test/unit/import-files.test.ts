import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ImportFileError } from "../../src/modules/calls/call.errors";
import { jsonErrorOffset, readImportFiles } from "../../src/modules/calls/import/import-files";

const FIXTURES = path.join(__dirname, "../fixtures/import");
const fixture = (name: string) => path.join(FIXTURES, name);
const opts = { internalDomains: ["seller.example.com"] };

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "callcoach-import-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a file into the run's temporary directory and returns its path. */
function tmpFile(name: string, content: unknown): string {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

async function importError(paths: string[], options: Parameters<typeof readImportFiles>[1] = opts): Promise<Error> {
  try {
    await readImportFiles(paths, options);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return err as Error;
  }
  throw new Error("expected readImportFiles to fail");
}

const validCall = (id: string | number, extra: Record<string, unknown> = {}) => ({
  metaData: { id, title: "T", started: "2024-03-05T10:00:00Z", duration: 60, ...extra },
});
const validTranscript = (callId: string) => ({
  callId,
  transcript: [{ speakerId: null, topic: null, sentences: [{ start: 0, end: 900, text: "Hello." }] }],
});

describe("readImportFiles: Gong responses", () => {
  it("matches an extensive response and a transcript response by call id", async () => {
    const calls = fixture("gong-extensive.json");
    const transcripts = fixture("gong-transcript.json");
    const result = await readImportFiles([calls, transcripts], opts);

    expect(result).toHaveLength(2);
    expect(result.map((r) => r.call.metaData.id)).toEqual(["7782342274025937895", "7782342274025937896"]);
    expect(result.map((r) => r.transcript.callId)).toEqual(["7782342274025937895", "7782342274025937896"]);
    expect(result.every((r) => r.source === "GONG" && r.repEmail === undefined)).toBe(true);
    expect(result[0].origin).toEqual([calls, transcripts]);

    const [first] = result;
    expect(first.call.metaData.title).toBe("Acme / Discovery");
    expect(first.call.metaData.duration).toBe(1820);
    expect(first.call.parties!.map((p) => [p.name, p.speakerId, p.affiliation])).toEqual([
      ["Riley Rep", "4444444444444444444", "Internal"],
      ["Bea Buyer", "6666666666666666666", "External"],
    ]);
    expect(first.transcript.transcript).toHaveLength(2);
    expect(first.transcript.transcript[0].sentences).toEqual([
      { start: 460230, end: 462343, text: "Let's look at the tiers." },
      { start: 462500, end: 465010, text: "The middle one fits you." },
    ]);
    expect(result[1].transcript.transcript[0].sentences[0]).toEqual({
      start: 1000,
      end: 3500,
      text: "Here is the pricing sheet.",
    });
    // Unknown fields are kept.
    expect((first.call.metaData as Record<string, unknown>).workspaceId).toBe("9000000000000000001");
  });

  it("orders results by the call objects' first appearance, whatever the file order", async () => {
    const result = await readImportFiles([fixture("gong-transcript.json"), fixture("gong-extensive.json")], opts);
    expect(result.map((r) => r.call.metaData.id)).toEqual(["7782342274025937895", "7782342274025937896"]);
    expect(result[0].origin).toEqual([fixture("gong-extensive.json"), fixture("gong-transcript.json")]);
  });

  it("accepts bare call objects and returns parsed (not raw) objects", async () => {
    const call = tmpFile("bare-call.json", validCall(12345));
    const transcripts = tmpFile("bare-transcripts.json", { callTranscripts: [{ ...validTranscript("12345"), callId: 12345 }] });
    const [result] = await readImportFiles([call, transcripts], opts);
    expect(result.call.metaData.id).toBe("12345");
    expect(result.transcript.callId).toBe("12345");
    expect(result.origin).toEqual([call, transcripts]);
  });

  it("reads a combined {call, transcript} file", async () => {
    const file = fixture("combined-call.json");
    const result = await readImportFiles([file], opts);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ source: "GONG", origin: [file] });
    expect(result[0].call.metaData).toMatchObject({ id: "7782342274025937897", title: "Initech / Demo", duration: 95 });
    expect(result[0].transcript.transcript.map((m) => m.speakerId)).toEqual(["101", "102"]);
  });

  it("fills in the transcript's call id when a combined file omits it", async () => {
    const file = tmpFile("combined-no-callid.json", { call: validCall("42"), transcript: { transcript: [] } });
    const [result] = await readImportFiles([file], opts);
    expect(result.transcript).toEqual({ callId: "42", transcript: [] });
  });

  it("accepts the same call twice when the content is identical", async () => {
    const calls = fixture("gong-extensive.json");
    const result = await readImportFiles([calls, fixture("gong-transcript.json"), calls], opts);
    expect(result).toHaveLength(2);
  });
});

describe("readImportFiles: WebVTT", () => {
  it("converts a .vtt file with --rep, --title and --date", async () => {
    const file = fixture("zoom-discovery_call.vtt");
    const date = new Date("2024-04-01T15:00:00Z");
    const [result] = await readImportFiles([file], { ...opts, repEmail: "jane.doe@seller.example.com", title: "Acme", date });
    expect(result.source).toBe("VTT");
    expect(result.origin).toEqual([file]);
    expect(result.repEmail).toBe("jane.doe@seller.example.com");
    expect(result.call.metaData).toMatchObject({ title: "Acme", started: "2024-04-01T15:00:00.000Z", duration: 66 });
    expect(result.call.parties!.map((p) => [p.name, p.affiliation])).toEqual([
      ["Jane Doe", "Internal"],
      ["Bob Buyer", "External"],
    ]);
    expect(result.transcript.transcript).toHaveLength(5);
  });

  it("matches --rep jane@… to the only speaker whose first name is Jane", async () => {
    const file = fixture("zoom-discovery_call.vtt");
    const [result] = await readImportFiles([file], { ...opts, repEmail: "jane@seller.example.com", date: new Date() });
    const jane = result.call.parties!.find((p) => p.name === "Jane Doe");
    expect(jane).toMatchObject({ affiliation: "Internal", emailAddress: "jane@seller.example.com" });
  });

  it("dates a .VTT file (any case) by its modification time without --date", async () => {
    const file = path.join(tmp, "Team_Sync.VTT");
    copyFileSync(fixture("teams-pricing.vtt"), file);
    const mtime = new Date("2024-02-29T12:34:56.000Z");
    utimesSync(file, mtime, mtime);
    const [result] = await readImportFiles([file], opts);
    expect(result.call.metaData.started).toBe("2024-02-29T12:34:56.000Z");
    expect(result.call.metaData.title).toBe("Team Sync");
    expect(result.transcript.transcript).toHaveLength(3);
  });

  it("keeps the order of first appearance across VTT and Gong files", async () => {
    const result = await readImportFiles(
      [fixture("gong-transcript.json"), fixture("meet-standup.vtt"), fixture("combined-call.json"), fixture("gong-extensive.json")],
      { ...opts, date: new Date("2024-01-01T00:00:00Z") },
    );
    expect(result.map((r) => r.call.metaData.id ?? r.call.metaData.title)).toEqual([
      "meet standup",
      "7782342274025937897",
      "7782342274025937895",
      "7782342274025937896",
    ]);
  });

  it("rejects a VTT file without cues", async () => {
    const err = await importError([fixture("header-only.vtt")], { ...opts, date: new Date() });
    expect(err.message).toBe(`${fixture("header-only.vtt")}: contains no cues`);
  });

  it("wraps a VTT parse error with the file name", async () => {
    const file = tmpFile("broken.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:xx\nhi\n");
    const err = await importError([file]);
    expect(err.message).toMatch(new RegExp(`^${escape(file)}: line 3: malformed cue timing`));
    expect((err as ImportFileError).file).toBe(file);
  });

  it("reports a --rep that matches no speaker", async () => {
    const file = fixture("teams-pricing.vtt");
    const err = await importError([file], { ...opts, repEmail: "sam@seller.example.com", date: new Date() });
    expect(err.message).toBe(`${file}: no speaker matches --rep sam@seller.example.com; speakers are: Riley Rep, Bea Buyer`);
  });
});

describe("readImportFiles: errors name the file and the problem", () => {
  it("an unreadable file", async () => {
    const missing = path.join(tmp, "nope.json");
    expect((await importError([missing])).message).toBe(`${missing}: cannot read file: no such file`);
    expect((await importError([tmp])).message).toBe(`${tmp}: cannot read file: is a directory`);
  });

  it("malformed JSON, with line and column", async () => {
    const file = fixture("malformed.json");
    const err = await importError([file]);
    expect(err.message).toMatch(new RegExp(`^${escape(file)}: malformed JSON: .+ \\(line 3, column 71\\)$`));
  });

  it("JSON of no known form", async () => {
    const problem = "not a Gong extensive-call response, transcript response, call object or {call, transcript} file";
    for (const content of [{ foo: 1 }, [validCall("1")], "42"]) {
      const file = tmpFile("unknown.json", content);
      expect((await importError([file])).message).toBe(`${file}: ${problem}`);
    }
  });

  it("a call object failing the Gong schema, naming the field", async () => {
    const file = tmpFile("bad-call.json", { calls: [validCall("1"), validCall("2", { started: "yesterday" })] });
    const err = await importError([file]);
    expect(err.message).toBe(
      `${file}: invalid Gong call object at calls[1]: metaData.started: metaData.started must be an ISO-8601 timestamp with offset`,
    );
  });

  it("a transcript failing the Gong schema", async () => {
    const bad = { callId: "1", transcript: [{ speakerId: "9", sentences: [{ start: 1.5, end: 2, text: "x" }] }] };
    const file = tmpFile("bad-transcript.json", { callTranscripts: [bad] });
    const err = await importError([file]);
    expect(err.message).toMatch(new RegExp(`^${escape(file)}: invalid Gong transcript at callTranscripts\\[0\\]: transcript\\.0\\.sentences\\.0\\.start: `));
  });

  it("a call id written as an inexact JSON number", async () => {
    const file = tmpFile("numeric-id.json", '{ "metaData": { "id": 7782342274025937895, "started": "2024-03-05T10:00:00Z", "duration": 1 } }');
    expect((await importError([file])).message).toBe(
      `${file}: metaData.id is a number too large to be exact; Gong ids must be JSON strings`,
    );
  });

  it("a Gong call without a transcript", async () => {
    const file = fixture("call-without-transcript.json");
    const err = await importError([file, fixture("gong-extensive.json"), fixture("gong-transcript.json")]);
    expect(err.message).toBe(
      `${file}: call 7782342274025937899 has no transcript; pass the /v2/calls/transcript response too`,
    );
  });

  it("a transcript without its call", async () => {
    const file = fixture("gong-transcript.json");
    const err = await importError([file]);
    expect(err.message).toBe(
      `${file}: transcript for call 7782342274025937896 has no call object; pass the /v2/calls/extensive response too`,
    );
  });

  it("the same call id twice with different content, naming both files", async () => {
    const a = fixture("gong-extensive.json");
    const b = tmpFile("other.json", validCall("7782342274025937895"));
    const err = await importError([a, b, fixture("gong-transcript.json")]);
    expect(err.message).toBe(`${b}: call 7782342274025937895 appears in both ${a} and ${b} with different content`);
    expect((err as ImportFileError).file).toBe(b);
  });

  it("two different transcripts for one call", async () => {
    const a = tmpFile("t1.json", { callTranscripts: [validTranscript("5")] });
    const b = tmpFile("t2.json", { call: validCall("5"), transcript: { ...validTranscript("5"), transcript: [] } });
    const err = await importError([a, b]);
    expect(err.message).toBe(`${b}: transcript for call 5 appears in both ${a} and ${b} with different content`);
  });

  it("a combined file whose transcript belongs to another call", async () => {
    const file = tmpFile("mismatch.json", { call: validCall("5"), transcript: validTranscript("6") });
    expect((await importError([file])).message).toBe(`${file}: transcript.callId 6 does not match call.metaData.id 5`);
  });
});

describe("jsonErrorOffset", () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2.5e3, "x\\u00e9", true, null, {}]', undefined],
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a": 01}', 7],
    ["", 0],
    ['{"a": "b"} x', 11],
    ['["tab\there"]', 5],
  ])("%j → %s", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    if (offset === undefined) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
