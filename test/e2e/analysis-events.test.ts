/**
 * Progress events across processes on PostgreSQL: the server runs no workers; a separate
 * `callcoach worker` process runs the analysis (Claude against the fake API), and its events reach
 * the server's WebSocket subscriber through LISTEN/NOTIFY, in order.
 */
import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { spawn, type ChildProcess } from "node:child_process";
import { createClient, type Client } from "graphql-ws";
import { backend } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { waitFor } from "../helpers/wait";
import { startFakeAnthropic, type FakeAnthropic, type ScriptedAnswer } from "../support/fake-anthropic";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/callcoach.js");
const LINES = Array.from({ length: 30 }, (_, i) => `Line ${i}: we talked about how the nightly warehouse loads fail and who gets paged when they do.`);

function answer(req: { body?: any }): ScriptedAnswer {
  const task = req.body.messages[0].content as string;
  return /\(key: /.test(task)
    ? { json: { dimension_result: { score: 70, rationale: "ok", strengths: [], improvements: [], evidence: [{ quote: LINES[3], speaker: "Jo Rep", timestamp: "00:15" }] }, call_review: null } }
    : { json: { dimension_result: null, call_review: { summary: "ok", key_moments: [], actions: [{ text: "a", timestamp: "00:01" }], objections: [] } } };
}

(backend === "postgres" ? describe : describe.skip)("analysis progress across processes (postgres)", () => {
  let fake: FakeAnthropic;
  let ts: TestServer;
  let worker: ChildProcess;
  let client: Client;
  let workerOut = "";
  const claudeEnv = () => ({ ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: fake.url });

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, "dist/src/cli/main.js"))) throw new Error("run `npm run build` first (npm test does)");
    fake = await startFakeAnthropic({ answer, latencyMs: 30 });
    ts = await startTestServer({ env: claudeEnv(), workers: false });
    worker = spawn(process.execPath, [bin, "worker"], {
      env: { ...process.env, ...claudeEnv(), LOG_LEVEL: "info", DATABASE_URL: ts.tdb.config.databaseUrl, CALLCOACH_DATA_DIR: ts.tdb.config.dataDir },
    });
    worker.stdout!.on("data", (d) => (workerOut += d));
    worker.stderr!.on("data", (d) => (workerOut += d));
    await waitFor("the worker to start", async () => workerOut.includes("worker running"), 30_000);
  });
  afterAll(async () => {
    await client?.dispose();
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker.on("exit", r));
      worker.kill("SIGTERM");
      await exited;
    }
    await ts?.close();
    await fake?.close();
  });

  it("delivers a worker process's events to a WebSocket subscriber of the server, in order", async () => {
    const imp = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "7400000000000000001", reps: [{ name: "Jo Rep", email: "jo@prefect.example" }], sentences: LINES.length, text: (i) => LINES[i] }) });
    const callId = imp.data!.importCall.id;
    client = createClient({ url: ts.url.replace(/^http/, "ws") + "/graphql", webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${ts.adminToken}` } });
    const events: any[] = [];
    let failed: unknown;
    client.subscribe(
      { query: `subscription($callId: ID) { analysisProgress(callId: $callId) { analysisId dimension state score overallScore } }`, variables: { callId } },
      { next: (v) => (v.errors ? (failed = v.errors) : events.push((v.data as any).analysisProgress)), error: (e) => (failed = e), complete: () => undefined },
    );
    // No "subscribed" ack in the protocol: publish probes (through NOTIFY as well) until one arrives.
    const probe = { analysisId: "00000000-0000-4000-8000-000000000000", callId, repId: null, dimension: "probe", state: "QUEUED" as const, score: null, overallScore: null, message: null };
    await waitFor("the subscription to be live", async () => {
      await ts.server.app.services.events.publish("analysis.progress", { ...probe, at: new Date().toISOString() });
      return events.some((e) => e.dimension === "probe");
    });

    const r = await ts.gql(`mutation($callId: ID!) { analyzeCall(callId: $callId) { id status } }`, { callId });
    expect(r.errors).toBeUndefined();
    const id = r.data!.analyzeCall[0].id;
    await waitFor("the final event", async () => failed ?? events.some((e) => e.analysisId === id && e.dimension === null), 30_000);
    expect(failed).toBeUndefined();
    const mine = events.filter((e) => e.analysisId === id);
    expect(mine[mine.length - 1]).toMatchObject({ dimension: null, state: "COMPLETED", overallScore: 70 });
    for (const d of ["discovery", "objection_handling", "value_articulation", "relationship", "call_control"]) {
      expect(mine.filter((e) => e.dimension === d).map((e) => e.state)).toEqual(["QUEUED", "RUNNING", "COMPLETED"]);
    }
    // The work happened in the worker process: the server ran no job and made no API request of its own.
    expect(fake.messageRequests()).toHaveLength(6);
    expect(workerOut).toMatch(/analysis finished/);
  });
});
