import { splitIntoWindows, speakerTurns, estimateTokens } from "../../src/analysis/windows";
import { transcriptBlock } from "../../src/analysis/prompts";
import type { TranscriptLine } from "../../src/analysis/types";

const line = (seq: number, who: string, text = `line ${seq} ${"word ".repeat(20)}`): TranscriptLine => ({
  seq,
  participantId: who,
  speakerName: who,
  side: who === "rep" ? "INTERNAL" : "EXTERNAL",
  startMs: seq * 1000,
  endMs: seq * 1000 + 900,
  text,
});

describe("splitting long transcripts into windows", () => {
  // rep, rep, cust, rep, cust, cust, rep, ... : 40 lines in 27 turns
  const lines = Array.from({ length: 40 }, (_, i) => line(i, i % 3 === 2 || i % 7 === 5 ? "cust" : "rep"));

  it("groups consecutive lines of one speaker into turns", () => {
    const turns = speakerTurns(lines);
    expect(turns.flat()).toEqual(lines);
    for (let i = 1; i < turns.length; i++) expect(turns[i][0].speakerName).not.toBe(turns[i - 1][0].speakerName);
  });

  it("keeps every window within the budget, cuts only between turns, covers everything and overlaps by whole turns", () => {
    const max = 400;
    const windows = splitIntoWindows(lines, max, 2);
    expect(windows.length).toBeGreaterThan(2);
    const turnStarts = new Set(speakerTurns(lines).map((t) => t[0].seq));
    for (const w of windows) {
      expect(estimateTokens(transcriptBlock(w))).toBeLessThanOrEqual(max + 10);
      expect(turnStarts.has(w[0].seq)).toBe(true);
    }
    expect(new Set(windows.flat().map((l) => l.seq))).toEqual(new Set(lines.map((l) => l.seq)));
    for (let i = 1; i < windows.length; i++) {
      const prev = new Set(windows[i - 1].map((l) => l.seq));
      expect(prev.has(windows[i][0].seq)).toBe(true); // overlap
      expect(windows[i][0].seq).toBeGreaterThan(windows[i - 1][0].seq); // progress
    }
  });

  it("returns the whole transcript as one window when it fits", () => {
    expect(splitIntoWindows(lines, 1_000_000)).toEqual([lines]);
  });
});
