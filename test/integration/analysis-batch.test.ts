/**
 * Batch mode: `analyzeCall(batch: true)` submits one Message Batch (half price) and returns; the
 * `analysis.batch` follow-up job re-checks while the batch runs (no worker waits), then stores the
 * results matched by custom_id — succeeded, errored and expired entries each with a defined outcome.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { waitFor } from "../helpers/wait";
import { startFakeAnthropic, type FakeAnthropic, type ScriptedAnswer } from "../support/fake-anthropic";
import { costUsd } from "../../src/analysis/prices";

const LINES = Array.from({ length: 40 }, (_, i) =>
  i % 2 === 0
    ? `Question ${i}: how do your nightly pipelines behave when the warehouse load runs late, and who notices first?`
    : `Answer ${i}: usually the analysts notice in the morning because the dashboards are empty and they ping us.`,
);

function answer(req: { body?: any }): ScriptedAnswer {
  const task = req.body.messages[0].content as string;
  if (/\(key: /.test(task)) {
    return { json: { dimension_result: { score: 72, rationale: "Fine.", strengths: ["Asked open questions."], improvements: ["Quantify."], evidence: [{ quote: LINES[0].slice(13), speaker: "Jo Rep", timestamp: "00:00" }] }, call_review: null } };
  }
  return { json: { dimension_result: null, call_review: { summary: "Batch review.", key_moments: [], actions: [{ text: "Ask about cost.", timestamp: "00:05" }], objections: [] } } };
}

describe(`batch-mode analysis (${backend})`, () => {
  let fake: FakeAnthropic;
  let ts: TestServer;
  let callId: string;
  beforeAll(async () => {
    fake = await startFakeAnthropic({
      answer,
      batchOutcome: (id) => (id === "w0-relationship" ? "errored" : id === "w0-call_control" ? "expired" : "succeeded"),
    });
    ts = await startTestServer({ env: { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: fake.url, ANALYSIS_BATCH_POLL_SECONDS: "1" } });
    const r = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "7300000000000000001", reps: [{ name: "Jo Rep", email: "jo@prefect.example" }], sentences: LINES.length, text: (i) => LINES[i] }) });
    callId = r.data!.importCall.id;
  });
  afterAll(async () => {
    await ts?.close();
    await fake?.close();
  });

  const get = async (id: string) =>
    (
      await ts.gql(
        `query($id: ID!) { analysis(id: $id) { status batchId costUsd apiRequests error summary tokens { input output cacheWrite cacheRead } dimensionResults { dimension score error } } }`,
        { id },
      )
    ).data!.analysis;

  it("submits one batch, keeps polling through follow-up jobs while it runs, then stores every entry's outcome at half price", async () => {
    const r = await ts.gql(`mutation($callId: ID!) { analyzeCall(callId: $callId, batch: true) { id status } }`, { callId });
    expect(r.errors).toBeUndefined();
    const id = r.data!.analyzeCall[0].id;
    const submitted = await waitFor("the batch to be submitted", async () => (await get(id)).batchId ?? undefined);
    const creates = fake.requests.filter((q) => q.method === "POST" && q.path === "/v1/messages/batches");
    expect(creates).toHaveLength(1);
    const requests = creates[0].body.requests as { custom_id: string; params: any }[];
    expect(requests.map((q) => q.custom_id).sort()).toEqual(
      ["w0-call_control", "w0-call_review", "w0-discovery", "w0-objection_handling", "w0-relationship", "w0-value_articulation"].sort(),
    );
    for (const q of requests) {
      expect(q.params.stream).toBeUndefined();
      expect(q.params.system[1].cache_control).toEqual({ type: "ephemeral", ttl: "1h" });
    }
    expect(fake.messageRequests()).toHaveLength(0);

    // While the batch runs, follow-up jobs keep checking and the analysis stays RUNNING.
    await waitFor("two status checks", async () => fake.requests.filter((q) => q.method === "GET" && q.path === `/v1/messages/batches/${submitted}`).length >= 2, 20_000);
    expect((await get(id)).status).toBe("RUNNING");

    await fake.completeBatch(submitted);
    const a = await waitFor("the analysis to finish", async () => {
      const x = await get(id);
      return x.status !== "RUNNING" ? x : undefined;
    }, 20_000);
    expect(a.status).toBe("PARTIAL");
    const byKey = Object.fromEntries(a.dimensionResults.map((d: any) => [d.dimension, d]));
    expect(byKey.discovery).toMatchObject({ score: 72, error: null });
    expect(byKey.relationship.error).toMatch(/^batch entry errored: invalid_request_error: /);
    expect(byKey.call_control.error).toBe("batch entry expired (not processed within 24 hours)");
    expect(a.summary).toBe("Batch review.");
    expect(a.apiRequests).toBe(6);
    const t = a.tokens;
    const full = costUsd("claude-sonnet-5-5", { input: t.input, output: t.output, cacheWrite5m: 0, cacheWrite1h: t.cacheWrite, cacheRead: t.cacheRead });
    expect(t.input + t.cacheRead + t.cacheWrite).toBeGreaterThan(0);
    expect(a.costUsd).toBeCloseTo(full / 2, 6);
  });
});
