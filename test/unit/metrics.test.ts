import { computeCallMetrics, countFillers, countQuestions, countWords, type MetricSegment } from "../../src/analysis/metrics";

// A one-minute call with known answers: two of ours (a: AE, b: SE) and one customer (c).
const participants = [
  { key: "a", side: "INTERNAL" as const },
  { key: "b", side: "INTERNAL" as const },
  { key: "c", side: "EXTERNAL" as const },
];
const segments: MetricSegment[] = [
  { speaker: "a", startMs: 0, endMs: 10_000, text: "Hi everyone, um, thanks for joining. What are your goals?" },
  { speaker: "a", startMs: 11_000, endMs: 15_000, text: "Let me explain the agenda." },
  { speaker: "c", startMs: 16_000, endMs: 30_000, text: "We run nightly jobs and they fail silently, you know, every week." },
  { speaker: "a", startMs: 32_000, endMs: 35_000, text: "Why do they fail?" },
  { speaker: "c", startMs: 34_000, endMs: 45_000, text: "Because the cron box reboots. Is that common?" },
  { speaker: "b", startMs: 47_000, endMs: 52_000, text: "It is. Horizon handles retries for you." },
  { speaker: "c", startMs: 52_500, endMs: 58_000, text: "Great." },
];

describe("computeCallMetrics", () => {
  const m = computeCallMetrics(participants, segments, 60_000);
  const a = m.participants.get("a")!;
  const b = m.participants.get("b")!;
  const c = m.participants.get("c")!;

  it("measures talk time and ratio per participant and side", () => {
    expect([a.talkMs, b.talkMs, c.talkMs]).toEqual([17_000, 5_000, 30_500]);
    expect(m.sides.INTERNAL.talkMs).toBe(22_000);
    expect(m.sides.INTERNAL.talkRatio).toBe(0.419);
    expect(m.sides.EXTERNAL.talkRatio).toBe(0.581);
    expect(a.talkRatio).toBe(0.3238);
  });

  it("finds the longest monologue (joining a speaker's segments across gaps ≤ 2 s) and the longest customer story", () => {
    expect([a.longestMonologueMs, b.longestMonologueMs, c.longestMonologueMs]).toEqual([15_000, 5_000, 14_000]);
    expect(m.sides.INTERNAL.longestMonologueMs).toBe(15_000);
    expect(m.sides.EXTERNAL.longestMonologueMs).toBe(14_000); // longest customer story
  });

  it("counts questions, words, filler words and words per minute", () => {
    expect([a.questionCount, b.questionCount, c.questionCount]).toEqual([2, 0, 1]);
    expect(m.sides.INTERNAL.questionRate).toBe(2);
    expect([a.wordCount, c.wordCount]).toEqual([19, 21]);
    expect(a.wordsPerMinute).toBe(67.1);
    expect(c.wordsPerMinute).toBe(41.3);
    expect([a.fillerWords, b.fillerWords, c.fillerWords]).toEqual([1, 0, 1]);
  });

  it("measures interactivity, patience and interruptions", () => {
    expect(a.interactivity).toBe(5); // 5 speaker switches in one minute
    expect(a.patienceMs).toBe(2_000);
    expect(b.patienceMs).toBe(2_000);
    expect(m.sides.INTERNAL.patienceMs).toBe(2_000);
    expect(c.patienceMs).toBeNull();
    expect([a.interruptions, b.interruptions, c.interruptions]).toEqual([0, 0, 1]);
  });

  it("copes with no speech and unknown speakers", () => {
    const none = computeCallMetrics(participants, [], 0);
    expect(none.sides.INTERNAL).toMatchObject({ talkMs: 0, talkRatio: 0, wordsPerMinute: null, interactivity: 0, patienceMs: null });
    const unknown = computeCallMetrics(participants, [{ speaker: null, startMs: 0, endMs: 1000, text: "Hello?" }]);
    expect(unknown.durationMs).toBe(1000);
    expect(unknown.sides.INTERNAL.talkMs).toBe(0);
    expect(unknown.participants.get("a")!.questionCount).toBe(0);
  });
});

describe("text counters", () => {
  it("count words, questions and fillers", () => {
    expect(countWords("Well — it's 3 o'clock, right?")).toBe(5);
    expect(countQuestions("Is it? Yes. And then?? Fine")).toBe(2);
    expect(countFillers("Um, I mean, it's uh kind of basically done, you know")).toBe(6);
    expect(countFillers("The umbrella is humming")).toBe(0);
  });
});
