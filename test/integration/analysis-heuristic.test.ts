/**
 * Without ANTHROPIC_API_KEY the same pipeline runs the heuristic engine, labelled HEURISTIC. Also:
 * who is scored (every speaker on our side, each against their own role's rubric), scoping of
 * `analyzeCall`, and the `analysisProgress` subscription over a real WebSocket.
 */
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { waitFor } from "../helpers/wait";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const LINES = [
  "Thanks for joining. How do your data pipelines run today, and who gets paged when one fails?",
  "Mostly cron on two servers; when a job fails we find out from the finance team in the morning.",
  "I can walk you through how Prefect deployments, work pools and retries would replace those cron jobs.",
  "Our budget is tight this year and the price of a managed service worries me.",
  "That's fair. What would a failed night cost you in engineering hours today?",
  "Probably half a day for two engineers, so it adds up.",
  "As a next step, shall we book a technical session on Tuesday to map the jobs?",
  "Yes, that makes sense, let's do Tuesday.",
];

const PROBE = { analysisId: "00000000-0000-4000-8000-000000000000", repId: null, dimension: "probe", state: "QUEUED" as const, score: null, overallScore: null, message: null };

const ANALYZE = /* GraphQL */ `
  mutation($callId: ID!, $repEmail: String, $force: Boolean) {
    analyzeCall(callId: $callId, repEmail: $repEmail, force: $force) { id status engine model rubricRole roleAssumed rep { email } }
  }
`;
const ANALYSIS = /* GraphQL */ `
  query($id: ID!) {
    analysis(id: $id) {
      id status engine model overallScore summary costUsd apiRequests quotesVerified quotesDropped
      tokens { input output cacheWrite cacheRead }
      keyMoments { atMs text } actions { text atMs }
      dimensionResults { dimension score rationale lowConfidence evidence { quote speakerName startMs verified } }
      objections { type quote startMs resolved }
    }
  }
`;

describe(`heuristic analysis engine (${backend})`, () => {
  let ts: TestServer;
  let callId: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    ts = await startTestServer();
    const r = await ts.gql(IMPORT_CALL, {
      input: gongCall({
        gongId: "7200000000000000001",
        reps: [
          { name: "Ada Exec", email: "ada@prefect.example", title: "Account Executive" },
          { name: "Sam Engineer", email: "sam@prefect.example", title: "Solutions Engineer" },
          { name: "Pat Product", email: "pat@prefect.example", title: "Product Manager" },
        ],
        sentences: LINES.length,
        text: (i) => LINES[i],
      }),
    });
    expect(r.errors).toBeUndefined();
    callId = r.data!.importCall.id;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await ts.close();
  });

  const finished = (id: string, token?: string) =>
    waitFor(`analysis ${id} to finish`, async () => {
      const a = (await ts.gql(ANALYSIS, { id }, token)).data?.analysis;
      return a && !["QUEUED", "RUNNING"].includes(a.status) ? a : undefined;
    });

  it("scores every speaker on our side against their role's rubric, labelled HEURISTIC, at no cost", async () => {
    const r = await ts.gql(ANALYZE, { callId });
    expect(r.errors).toBeUndefined();
    const analyses = r.data!.analyzeCall as any[];
    const byEmail = Object.fromEntries(analyses.map((a) => [a.rep.email, a]));
    expect(Object.keys(byEmail).sort()).toEqual(["ada@prefect.example", "pat@prefect.example", "sam@prefect.example"]);
    expect(byEmail["ada@prefect.example"]).toMatchObject({ status: "QUEUED", engine: "HEURISTIC", model: null, rubricRole: "AE", roleAssumed: false });
    expect(byEmail["sam@prefect.example"]).toMatchObject({ rubricRole: "SE", roleAssumed: false });
    // No role in the title: the default rubric, flagged.
    expect(byEmail["pat@prefect.example"]).toMatchObject({ rubricRole: "AE", roleAssumed: true });

    const a = await finished(byEmail["ada@prefect.example"].id);
    expect(a).toMatchObject({ status: "COMPLETED", engine: "HEURISTIC", model: null, costUsd: 0, apiRequests: 0 });
    expect(a.tokens).toEqual({ input: 0, output: 0, cacheWrite: 0, cacheRead: 0 });
    expect(a.dimensionResults.map((d: any) => d.dimension).sort()).toEqual(["call_control", "discovery", "objection_handling", "relationship", "value_articulation"]);
    for (const d of a.dimensionResults) {
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
      expect(d.rationale).toMatch(/^Heuristic/);
      for (const e of d.evidence) {
        expect(e.verified).toBe(true);
        expect(LINES.some((l) => l.includes(e.quote))).toBe(true);
        expect(e.speakerName).toBe("Ada Exec");
      }
    }
    expect(a.quotesDropped).toBe(0);
    expect(a.summary).toEqual(expect.any(String));
    expect(a.objections.map((o: any) => o.type)).toContain("PRICING");
    const sam = await finished(byEmail["sam@prefect.example"].id);
    expect(sam.dimensionResults.map((d: any) => d.dimension)).toContain("technical_accuracy");
  });

  it("lets a REP analyse only their own part of their own calls", async () => {
    const ada = await ts.token(TokenRole.REP, "ada@prefect.example");
    const own = await ts.gql(ANALYZE, { callId }, ada);
    expect(own.errors).toBeUndefined();
    expect(own.data!.analyzeCall.map((a: any) => a.rep.email)).toEqual(["ada@prefect.example"]);
    const other = await ts.gql(ANALYZE, { callId, repEmail: "sam@prefect.example" }, ada);
    expect(other.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NOT_A_SPEAKER" });

    const imp = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "7200000000000000002", reps: [{ name: "Lee Other", email: "lee@prefect.example" }] }) });
    const foreign = await ts.gql(ANALYZE, { callId: imp.data!.importCall.id }, ada);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "CALL_NOT_FOUND" });
    const unknown = await ts.gql(ANALYZE, { callId: "7299999999999999999" });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects unknown dimension keys naming the valid ones", async () => {
    const r = await ts.gql(`mutation($callId: ID!) { analyzeCall(callId: $callId, repEmail: "ada@prefect.example", dimensions: ["discovery", "charisma"]) { id } }`, { callId });
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "UNKNOWN_DIMENSION" });
    expect(r.errors?.[0].message).toMatch(/charisma.*valid: discovery, objection_handling/);
  });

  it("streams per-dimension progress over WebSocket, in order, ending with a final event", async () => {
    const client = createClient({
      url: ts.url.replace(/^http/, "ws") + "/graphql",
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${ts.adminToken}` },
    });
    clients.push(client);
    const events: any[] = [];
    let live = false;
    let failed: unknown;
    const dispose = client.subscribe(
        { query: `subscription($callId: ID) { analysisProgress(callId: $callId) { analysisId callId dimension state score overallScore message at } }`, variables: { callId } },
        {
          next: (v) => {
            if (v.errors) return void (failed = v.errors);
            const event = (v.data as any).analysisProgress;
            if (event.analysisId === PROBE.analysisId) return void (live = true);
            events.push(event);
          },
          error: (e) => void (failed = e),
          complete: () => undefined,
        },
      );
    // The protocol has no "subscribed" ack: publish probe events until one arrives, then start.
    await waitFor("the subscription to be live", async () => {
      await ts.server.app.services.events.publish("analysis.progress", { ...PROBE, callId, at: new Date().toISOString() });
      return live;
    });
    const r = await ts.gql(ANALYZE, { callId, repEmail: "ada@prefect.example", force: true });
    const id = r.data!.analyzeCall[0].id;
    await waitFor("the final event", async () => failed ?? events.some((e) => e.analysisId === id && e.dimension === null));
    dispose();
    expect(failed).toBeUndefined();
    expect(events.every((e) => e.callId === callId)).toBe(true);
    events.splice(0, events.length, ...events.filter((e) => e.analysisId === id));
    const final = events[events.length - 1];
    expect(final).toMatchObject({ dimension: null, state: "COMPLETED", overallScore: expect.any(Number) });
    const dims = ["call_control", "discovery", "objection_handling", "relationship", "value_articulation"];
    for (const d of dims) {
      const states = events.filter((e) => e.dimension === d).map((e) => e.state);
      expect(states).toEqual(["QUEUED", "RUNNING", "COMPLETED"]);
    }
    const times = events.map((e) => Date.parse(e.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it("refuses a progress subscription outside the token's scope with NOT_FOUND", async () => {
    const lee = await ts.token(TokenRole.REP, "lee@prefect.example");
    const client = createClient({ url: ts.url.replace(/^http/, "ws") + "/graphql", webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${lee}` } });
    clients.push(client);
    const errors = await new Promise<any[]>((resolve, reject) => {
      client.subscribe(
        { query: `subscription($callId: ID) { analysisProgress(callId: $callId) { analysisId } }`, variables: { callId } },
        { next: (v) => v.errors && resolve(v.errors as any[]), error: (e) => (Array.isArray(e) ? resolve(e) : reject(e)), complete: () => resolve([]) },
      );
    });
    expect(errors[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "CALL_NOT_FOUND" });
  });
});
