import { auditServer } from "graphql-http";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";

describe(`GraphQL over HTTP conformance (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    await ts.close();
  });

  it("passes the graphql-http server audit with no MUST failures", async () => {
    // Every request needs a token, so the audit's fetch carries the admin token.
    const authedFetch = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${ts.adminToken}`);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: `${ts.url}/graphql`, fetchFn: authedFetch });
    expect(results.length).toBeGreaterThan(20);
    const mustFailures = results
      .filter((r) => r.status !== "ok" && r.name.startsWith("MUST"))
      .map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(mustFailures).toEqual([]);
  });
});
