/**
 * The window path: a real 2.5-hour meeting (QMSum Bmr006, synthetic timings) exceeds a small context
 * budget, is measured with the token-counting endpoint, split into overlapping windows on speaker
 * turns, analysed window by window with Claude (fake server) and merged.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL } from "../helpers/fixtures";
import { qmsumToGong } from "../helpers/qmsum";
import { waitFor } from "../helpers/wait";
import { startFakeAnthropic, type FakeAnthropic, type ScriptedAnswer } from "../support/fake-anthropic";
import { Dataset } from "../../src/gong/simulator/dataset";

const BUDGET = 20_000;

/** Scores each window by its part number so the merge can be checked: part k scores 50 + 10k. */
function answer(req: { body?: any; user: string; system: string }): ScriptedAnswer {
  const part = Number(/<transcript part="(\d+) of/.exec(req.system)?.[1] ?? 1);
  const task = req.body.messages[0].content as string;
  const firstLine = /\] Professor D \(our side\): ([^\n]{20,80}?)[\s.,]/.exec(req.system.split("<transcript")[1])?.[1];
  if (/\(key: /.test(task)) {
    return {
      json: {
        dimension_result: {
          score: 50 + 10 * part,
          rationale: `Part ${part}.`,
          strengths: [`Kept the meeting moving in part ${part}.`],
          improvements: ["Summarise decisions."],
          evidence: firstLine ? [{ quote: firstLine, speaker: "Professor D", timestamp: "00:00" }] : [],
        },
        call_review: null,
      },
    };
  }
  return {
    json: {
      dimension_result: null,
      call_review: { summary: `Part ${part} went fine. More detail.`, key_moments: [{ timestamp: `${part * 20}:00`, text: `Moment of part ${part}` }], actions: [{ text: `Action ${part}`, timestamp: "01:00" }], objections: [] },
    },
  };
}

describe(`long calls through the window path (${backend})`, () => {
  let fake: FakeAnthropic;
  let ts: TestServer;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ answer });
    ts = await startTestServer({ env: { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: fake.url, ANALYSIS_CONTEXT_BUDGET_TOKENS: String(BUDGET) } });
  });
  afterAll(async () => {
    await ts?.close();
    await fake?.close();
  });

  it("splits a 2.5-hour meeting into overlapping windows, analyses each and merges by talk time", async () => {
    const { input } = qmsumToGong("Bmr006.json", "3400000000000000001", "Professor D");
    const imp = await ts.gql(IMPORT_CALL, { input });
    expect(imp.errors).toBeUndefined();
    const r = await ts.gql(`mutation($id: ID!) { analyzeCall(callId: $id) { id } }`, { id: imp.data!.importCall.id });
    expect(r.errors).toBeUndefined();
    const id = r.data!.analyzeCall[0].id;
    const a = await waitFor("the long analysis", async () => {
      const q = await ts.gql(
        `query($id: ID!) { analysis(id: $id) { status windows apiRequests overallScore summary error keyMoments { atMs text } dimensionResults { dimension score strengths evidence { quote verified } } } }`,
        { id },
      );
      const x = q.data?.analysis;
      return x && !["QUEUED", "RUNNING"].includes(x.status) ? x : undefined;
    }, 60_000);
    expect(a.error).toBeNull();
    expect(a.status).toBe("COMPLETED");

    // Measured with the token-counting endpoint, then split.
    expect(fake.requests.filter((q) => q.path === "/v1/messages/count_tokens")).toHaveLength(1);
    const messages = fake.messageRequests();
    const parts = new Set(messages.map((m) => /<transcript part="(\d+) of (\d+)">/.exec(m.body.system[1].text)?.slice(1).join("/")));
    expect(a.windows).toBeGreaterThan(1);
    expect(parts.size).toBe(a.windows);
    expect(messages).toHaveLength(a.windows * 6);
    expect(a.apiRequests).toBe(a.windows * 6);
    // Every window fits the budget (the fake's estimator is chars / 4, like ours).
    for (const m of messages) expect(JSON.stringify(m.body.system).length / 4).toBeLessThan(BUDGET);
    // Consecutive windows overlap by whole speaker turns.
    const byPart = new Map<number, string[]>(
      messages.map((m) => [Number(/part="(\d+)/.exec(m.body.system[1].text)![1]), m.body.system[1].text.split("\n").slice(1, -1)]),
    );
    const windowLines = [...byPart.keys()].sort((x, y) => x - y).map((k) => byPart.get(k)!);
    for (let i = 1; i < windowLines.length; i++) expect(windowLines[i - 1]).toContain(windowLines[i][0]);

    // Merged: a talk-time weighted mean of the parts' scores, de-duplicated strengths, moments from all parts.
    for (const d of a.dimensionResults) {
      expect(d.score).toBeGreaterThan(60);
      expect(d.score).toBeLessThan(50 + 10 * a.windows);
      expect(d.strengths.length).toBeLessThanOrEqual(3);
      expect(d.evidence.every((e: any) => e.verified)).toBe(true);
    }
    expect(a.keyMoments.length).toBe(Math.min(10, a.windows));
    expect(a.summary).toMatch(/^Part 1 went fine\. Part 2 went fine\./);
  });
});

describe(`a long synthetic call through the window path (${backend})`, () => {
  let fake: FakeAnthropic;
  let ts: TestServer;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ answer });
    ts = await startTestServer({ env: { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: fake.url, ANALYSIS_CONTEXT_BUDGET_TOKENS: String(BUDGET) } });
  });
  afterAll(async () => {
    await ts?.close();
    await fake?.close();
  });

  it("splits a generated 90-minute workshop into windows and scores every speaker on our side", async () => {
    const dataset = new Dataset(3, 0);
    const sim = dataset.get(dataset.addCall({ durationSec: 90 * 60 }))!;
    const imp = await ts.gql(IMPORT_CALL, { input: { call: sim.call, transcript: sim.transcript } });
    expect(imp.errors).toBeUndefined();
    const r = await ts.gql(`mutation($id: ID!) { analyzeCall(callId: $id) { id rubricRole } }`, { id: imp.data!.importCall.id });
    expect(r.errors).toBeUndefined();
    for (const { id } of r.data!.analyzeCall) {
      const a = await waitFor("the analysis", async () => {
        const x = (await ts.gql(`query($id: ID!) { analysis(id: $id) { status windows apiRequests error } }`, { id })).data?.analysis;
        return x && !["QUEUED", "RUNNING"].includes(x.status) ? x : undefined;
      }, 60_000);
      expect(a).toMatchObject({ status: "COMPLETED", error: null });
      expect(a.windows).toBeGreaterThan(1);
      expect(a.apiRequests).toBe(a.windows * 6);
    }
  });
});
