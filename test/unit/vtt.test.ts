import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ImportFileError } from "../../src/modules/calls/call.errors";
import { gongCallTranscriptSchema, gongExtensiveCallSchema } from "../../src/modules/calls/import/gong-shapes";
import { type VttCue, parseVtt } from "../../src/modules/calls/import/vtt";
import { vttToCallImport } from "../../src/modules/calls/import/vtt-to-gong";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/import", name), "utf8");

describe("parseVtt", () => {
  it("reads a Zoom export: numeric ids, 'Name: ' prefixes, multi-line text", () => {
    const cues = parseVtt(fixture("zoom-discovery_call.vtt"));
    expect(cues).toHaveLength(5);
    expect(cues[0]).toEqual({
      startMs: 1000,
      endMs: 4500,
      speaker: "Jane Doe",
      text: "Thanks for making the time today, Bob.",
    });
    expect(cues[1]).toEqual({
      startMs: 5000,
      endMs: 9250,
      speaker: "Bob Buyer",
      text: "Happy to. We've been struggling with forecast accuracy for a while.",
    });
    // Only the first ": " marks the speaker.
    expect(cues[3]).toMatchObject({ speaker: "Bob Buyer", text: "Honestly: we missed by 20%." });
    expect(cues[4]).toMatchObject({ startMs: 62000, endMs: 65120, speaker: "Jane Doe" });
  });

  it("reads a Teams export: voice tags, text identifiers, NOTE blocks, entities; drops empty cues", () => {
    const cues = parseVtt(fixture("teams-pricing.vtt"));
    expect(cues.map((c) => c.speaker)).toEqual(["Riley Rep", "Bea Buyer", "Riley Rep"]);
    expect(cues[0]).toEqual({ startMs: 0, endMs: 3200, speaker: "Riley Rep", text: "Let's look at the tiers & pricing." });
    expect(cues[1].text).toBe("What about annual billing? Is there a discount?");
    // <v.loud Name> is a voice too; the voice tag wins over a "Yes: " prefix; <b> is stripped.
    expect(cues[2]).toEqual({
      startMs: 8000,
      endMs: 11400,
      speaker: "Riley Rep",
      text: "Yes: fifteen percent, <if> you sign this month.",
    });
  });

  it("reads a Meet-style export: header metadata, STYLE, MM:SS.mmm, comma decimals, cue settings, inline timestamps", () => {
    const cues = parseVtt(fixture("meet-standup.vtt"));
    expect(cues).toEqual([
      { startMs: 1000, endMs: 3500, speaker: null, text: "so the plan" },
      { startMs: 3500, endMs: 6000, speaker: null, text: "is to ship Friday" },
    ]);
  });

  it("handles a BOM, CRLF line endings and hours beyond 99", () => {
    const text = "\uFEFFWEBVTT - meeting\r\n\r\n1\r\n100:00:00.000 --> 100:00:01.500\r\nAna: hi\r\nthere\r\n";
    expect(parseVtt(text)).toEqual([{ startMs: 360_000_000, endMs: 360_001_500, speaker: "Ana", text: "hi there" }]);
  });

  it("returns no cues for a header-only file", () => {
    expect(parseVtt(fixture("header-only.vtt"))).toEqual([]);
  });

  it("does not take sentence-like prefixes for speakers", () => {
    const cues = parseVtt(
      [
        "WEBVTT",
        "",
        "00:00:01.000 --> 00:00:02.000",
        "Well, here is the thing! Listen: it works.",
        "",
        "00:00:02.000 --> 00:00:03.000",
        "Dr. Jane O'Neil: Welcome.",
        "",
        "00:00:03.000 --> 00:00:04.000",
        "jane.doe@seller.example.com: Email-named speaker.",
        "",
        "00:00:04.000 --> 00:00:05.000",
        "This is a very long sentence that goes on well beyond sixty characters: surely no name.",
        "",
        "00:00:05.000 --> 00:00:06.000",
        "The time is 10:30 now",
      ].join("\n"),
    );
    expect(cues.map((c) => c.speaker)).toEqual([null, "Dr. Jane O'Neil", "jane.doe@seller.example.com", null, null]);
    expect(cues[0].text).toBe("Well, here is the thing! Listen: it works.");
    expect(cues[2].text).toBe("Email-named speaker.");
  });

  it("requires the WEBVTT header", () => {
    expect(() => parseVtt("1\n00:00:01.000 --> 00:00:02.000\nhello\n")).toThrow(
      "not a WebVTT file: missing WEBVTT header",
    );
    expect(() => parseVtt("")).toThrow("missing WEBVTT header");
    expect(() => parseVtt("WEBVTTX\n")).toThrow("missing WEBVTT header");
  });

  it("names the line of a malformed timing", () => {
    expect(() => parseVtt("WEBVTT\n\n1\n00:00:01 --> 00:00:02.000\nhello\n")).toThrow(/^line 4: malformed cue timing/);
    expect(() => parseVtt("WEBVTT\n\n00:00:01.000 --> 00:61:02.000\nhello\n")).toThrow(/^line 3: .*below 60/);
    expect(() => parseVtt("WEBVTT\n\n1\n00:00:01.000 - 00:00:02.000\nhello\n")).toThrow(
      /^line 4: expected a cue timing line/,
    );
  });

  it("rejects a cue that ends before it starts", () => {
    expect(() => parseVtt("WEBVTT\n\n\n00:00:05.000 --> 00:00:04.000\nhello\n")).toThrow(
      /^line 4: cue ends before it starts/,
    );
  });
});

describe("vttToCallImport", () => {
  const zoomCues = () => parseVtt(fixture("zoom-discovery_call.vtt"));
  const startedAt = new Date("2024-03-05T14:00:00.000Z");
  const base = { file: "calls/zoom-discovery_call.vtt", startedAt, internalDomains: ["seller.example.com"] };

  it("builds a Gong-shaped call and transcript that pass the Gong schemas", () => {
    const imp = vttToCallImport(zoomCues(), { ...base, repEmail: "jane.doe@seller.example.com" });
    expect(imp.source).toBe("VTT");
    expect(imp.origin).toEqual(["calls/zoom-discovery_call.vtt"]);
    expect(imp.repEmail).toBe("jane.doe@seller.example.com");
    expect(imp.call.metaData).toEqual({
      title: "zoom discovery call",
      started: "2024-03-05T14:00:00.000Z",
      duration: 66, // last cue ends at 65.12 s
      scope: "External",
      system: "WebVTT",
      language: "eng",
    });
    expect(imp.call.metaData.id).toBeUndefined();
    expect(imp.call.parties).toEqual([
      {
        id: "vtt-1",
        speakerId: "vtt-1",
        name: "Jane Doe",
        emailAddress: "jane.doe@seller.example.com",
        affiliation: "Internal",
      },
      { id: "vtt-2", speakerId: "vtt-2", name: "Bob Buyer", affiliation: "External" },
    ]);
    expect(imp.transcript.callId).toBeUndefined();
    expect(imp.transcript.transcript).toHaveLength(5);
    expect(imp.transcript.transcript[1]).toEqual({
      speakerId: "vtt-2",
      topic: null,
      sentences: [{ start: 5000, end: 9250, text: "Happy to. We've been struggling with forecast accuracy for a while." }],
    });
    expect(imp.transcript.transcript.map((m) => m.speakerId)).toEqual(["vtt-1", "vtt-2", "vtt-1", "vtt-2", "vtt-1"]);
    expect(gongExtensiveCallSchema.parse(imp.call)).toEqual(imp.call);
    expect(gongCallTranscriptSchema.parse(imp.transcript)).toEqual(imp.transcript);
  });

  it("uses --title when given", () => {
    expect(vttToCallImport(zoomCues(), { ...base, title: "Acme discovery" }).call.metaData.title).toBe("Acme discovery");
  });

  it("leaves every side Unknown without --rep", () => {
    const imp = vttToCallImport(zoomCues(), base);
    expect(imp.call.parties!.map((p) => p.affiliation)).toEqual(["Unknown", "Unknown"]);
    expect(imp.repEmail).toBeUndefined();
  });

  const cue = (speaker: string | null, startMs = 0): VttCue => ({ startMs, endMs: startMs + 1000, speaker, text: "hi" });

  it.each([
    ["repName, case- and space-insensitively", { repName: "  jane   DOE " }, ["Jane Doe", "Bob"], "Jane Doe"],
    ["the email's local part", {}, ["Bob", "jane doe"], "jane doe"],
    ["a local part with underscores", { repEmail: "jane_doe@seller.example.com" }, ["Bob", "Jane Doe"], "Jane Doe"],
    ["the first name alone when unique", {}, ["Bob", "Jane"], "Jane"],
    ["an accented name", { repEmail: "jose.garcia@seller.example.com" }, ["José García", "Bob"], "José García"],
  ])("finds the rep by %s", (_how, extra, speakers, expected) => {
    const cues = speakers.map((s, i) => cue(s, i * 1000));
    const imp = vttToCallImport(cues, { ...base, repEmail: "jane.doe@seller.example.com", ...extra });
    const rep = imp.call.parties!.find((p) => p.affiliation === "Internal");
    expect(rep?.name).toBe(expected);
    expect(imp.call.parties!.filter((p) => p.affiliation === "Internal")).toHaveLength(1);
  });

  it("fails when no speaker matches --rep, listing the speakers", () => {
    const cues = [cue("Janet"), cue("Janet Doe", 1000), cue("Janet", 2000), cue(null, 3000)];
    const call = () => vttToCallImport(cues, { ...base, repEmail: "jane.doe@seller.example.com" });
    expect(call).toThrow(ImportFileError);
    expect(call).toThrow(
      "calls/zoom-discovery_call.vtt: no speaker matches --rep jane.doe@seller.example.com; speakers are: Janet, Janet Doe",
    );
  });

  it("treats spellings differing only in case and spacing as one speaker", () => {
    const cues = [cue("Jane  Doe"), cue("jane doe", 1000), cue("Bob", 2000)];
    const imp = vttToCallImport(cues, { ...base, repEmail: "jane.doe@seller.example.com" });
    expect(imp.call.parties!.map((p) => p.name)).toEqual(["Jane  Doe", "Bob"]);
    expect(imp.transcript.transcript.map((m) => m.speakerId)).toEqual(["vtt-1", "vtt-1", "vtt-2"]);
  });

  it("gives unlabelled cues an 'Unknown speaker' party and decides email-named speakers by domain", () => {
    const cues = [cue("Jane Doe"), cue(null, 1000), cue("pat@seller.example.com", 2000), cue("kim@acme.example", 3000)];
    const imp = vttToCallImport(cues, { ...base, repEmail: "jane.doe@seller.example.com" });
    expect(imp.call.parties!.map((p) => [p.speakerId, p.name, p.affiliation, p.emailAddress])).toEqual([
      ["vtt-1", "Jane Doe", "Internal", "jane.doe@seller.example.com"],
      ["vtt-2", "Unknown speaker", "Unknown", undefined],
      ["vtt-3", "pat@seller.example.com", "Internal", "pat@seller.example.com"],
      ["vtt-4", "kim@acme.example", "External", "kim@acme.example"],
    ]);
    expect(imp.transcript.transcript[1].speakerId).toBe("vtt-2");

    const noRep = vttToCallImport(cues, base);
    expect(noRep.call.parties!.map((p) => p.affiliation)).toEqual(["Unknown", "Unknown", "Internal", "External"]);
  });

  it("rejects an empty cue list", () => {
    expect(() => vttToCallImport([], base)).toThrow("calls/zoom-discovery_call.vtt: contains no cues");
  });
});
