import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { readMigrationFiles } from "../../src/core/db/migrator";

describe(`health, readiness and metrics (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    await ts.close();
  });

  it("answers /healthz without a token", async () => {
    const res = await fetch(`${ts.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with the number of applied migrations", async () => {
    const res = await fetch(`${ts.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; migrations: number };
    expect(body.status).toBe("ready");
    expect(body.migrations).toBeGreaterThanOrEqual(1);
  });

  it("reports not ready when a migration is pending", async () => {
    await ts.tdb.db.dataSource.query("DELETE FROM callcoach_migrations");
    try {
      const res = await fetch(`${ts.url}/readyz`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { reason: string }).reason).toMatch(/pending migrations: 0001_initial.sql/);
    } finally {
      for (const f of readMigrationFiles()) {
        await ts.tdb.db.dataSource.query("INSERT INTO callcoach_migrations (name, checksum) VALUES ($1, $2)", [f.name, f.checksum]);
      }
    }
  });

  it("exposes Prometheus metrics with HTTP and GraphQL histograms", async () => {
    await ts.gql("query Probe { reps { totalCount } }");
    const res = await fetch(`${ts.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("callcoach_process_cpu_user_seconds_total");
    expect(text).toMatch(/callcoach_http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*\} \d+/);
    expect(text).toMatch(/callcoach_graphql_operation_duration_seconds_count\{operation="Probe",type="query",outcome="ok"\} 1/);
  });

  it("echoes a request id", async () => {
    const res = await fetch(`${ts.url}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("abc-123");
  });

  it("masks unexpected errors and logs them under the request id the client sees", async () => {
    const ds = ts.tdb.db.dataSource;
    await ds.query(`ALTER TABLE reps RENAME TO reps_hidden`);
    try {
      const res = await fetch(`${ts.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ts.adminToken}`, "x-request-id": "req-boom-1" },
        body: JSON.stringify({ query: "{ reps { totalCount } }" }),
      });
      const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0].extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-boom-1" });
      expect(body.errors[0].message).toBe("Internal server error (request id req-boom-1).");
      expect(JSON.stringify(body)).not.toMatch(/relation|SELECT|does not exist|stack/i);
      const logged = ts.logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === "req-boom-1");
      expect(logged.some((l) => l.msg === "unexpected error while executing a GraphQL operation" && /reps/.test(JSON.stringify(l.err)))).toBe(true);
      expect(logged.some((l) => l.msg === "request" && l.status === 200 && l.path === "/graphql")).toBe(true);
    } finally {
      await ds.query(`ALTER TABLE reps_hidden RENAME TO reps`);
    }
  });
});
