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
});
