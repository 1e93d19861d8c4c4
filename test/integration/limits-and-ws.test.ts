import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { GraphQLError } from "graphql";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend, captureLogger } from "../helpers/test-db";
import { formatGraphQLError } from "../../src/core/graphql/errors";
import { NotFoundError } from "../../src/core/errors";

const DEEP = `{ calls { edges { node { analyses { call { analyses { call { analyses { call { primaryRep { manager { manager { name } } } } } } } } } } } } }`;
const ALIASES = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: reps(first: 1) { totalCount }`).join(" ")} }`;
const COSTLY = `{ calls(first: 100) { edges { node { segments(first: 100) { edges { node { text } } } participants { rep { name } } } } } }`;

describe(`query limits and the WebSocket path (${backend})`, () => {
  let ts: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await ts.close();
  });

  const wsUrl = () => ts.url.replace(/^http/, "ws") + "/graphql";

  function wsClient(authorization?: string): Client {
    const c = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: authorization ? { authorization } : {},
    });
    clients.push(c);
    return c;
  }

  function run(client: Client, query: string): Promise<{ data?: any; errors?: any[] }> {
    return new Promise((resolve, reject) => {
      let result: any;
      client.subscribe(
        { query },
        {
          next: (v) => (result = v),
          error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)),
          complete: () => resolve(result),
        },
      );
    });
  }

  it.each([
    ["an over-deep query", DEEP, "QUERY_TOO_DEEP"],
    ["too many aliases", ALIASES, "TOO_MANY_ALIASES"],
    ["an over-costly query", COSTLY, "QUERY_TOO_COSTLY"],
  ])("refuses %s over HTTP with BAD_USER_INPUT before running it", async (_what, query, reason) => {
    const r = await ts.gql(query);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason });
    expect(r.data).toBeUndefined();
  });

  it("accepts a reasonable nested query", async () => {
    const r = await ts.gql(`{ calls(first: 50) { edges { node { participants { rep { name } } segments(first: 5) { edges { node { text } } } } } } }`);
    expect(r.errors).toBeUndefined();
  });

  it("closes a WebSocket without a token, or with a bad one, with 4403", async () => {
    for (const auth of [undefined, "Bearer cc_wrong", "Basic abc"]) {
      const closed = await new Promise<number>((resolve) => {
        const c = createClient({
          url: wsUrl(),
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => undefined, // the refusal is what this test expects
          connectionParams: auth ? { authorization: auth } : {},
          on: { closed: (e) => resolve((e as { code: number }).code) },
        });
        clients.push(c);
      });
      expect(closed).toBe(4403);
    }
  });

  it("answers queries over an authenticated WebSocket", async () => {
    const r = await run(wsClient(`Bearer ${ts.adminToken}`), `{ reps { totalCount } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ reps: { totalCount: 0 } });
  });

  it.each([
    ["an over-deep query", DEEP, "QUERY_TOO_DEEP"],
    ["too many aliases", ALIASES, "TOO_MANY_ALIASES"],
    ["an over-costly query", COSTLY, "QUERY_TOO_COSTLY"],
  ])("applies the same limits on the WebSocket path: %s", async (_what, query, reason) => {
    const r = await run(wsClient(`Bearer ${ts.adminToken}`), query);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason });
  });

  it("maps domain errors over WebSocket the same way as over HTTP", async () => {
    const r = await run(wsClient(`Bearer ${ts.adminToken}`), `{ call(id: "nope") { id } }`);
    expect(r.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "CALL_NOT_FOUND" });
  });
});

describe("error formatting", () => {
  it("masks unexpected errors, logs them with the request id, and keeps domain errors", () => {
    const { logger, lines } = captureLogger("error");
    const boom = new GraphQLError("connection string postgres://u:secret@db leaked", {
      path: ["calls"],
      originalError: new Error("connection string postgres://u:secret@db leaked"),
    });
    const masked = formatGraphQLError(boom.toJSON(), boom, { logger, requestId: "req-42" });
    expect(masked.message).toBe("Internal server error (request id req-42).");
    expect(masked.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-42" });
    expect(lines.join("\n")).toContain("req-42");

    const domain = new GraphQLError("x", { path: ["call"], originalError: new NotFoundError("CALL_NOT_FOUND", "No call with id 1.") });
    expect(formatGraphQLError(domain.toJSON(), domain, { logger })).toMatchObject({
      message: "No call with id 1.",
      extensions: { code: "NOT_FOUND", reason: "CALL_NOT_FOUND" },
    });
  });
});
