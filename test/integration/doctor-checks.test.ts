/**
 * The `callcoach doctor` checks (src/doctor/) in process: the database on the test run's backend
 * (migrated, a migration pending, empty), a data dir held by a server (its /readyz) or by a
 * one-off command, timeouts against a server that never answers, Gong's 401/403 for OAuth tokens,
 * the webhook modes, the MCP tool count and configuration errors. The compiled CLI is tested in
 * test/e2e/doctor.test.ts.
 */
import "reflect-metadata";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { loadConfig, type Config } from "../../src/core/config";
import { openDatabase } from "../../src/core/db/database";
import { lockPath } from "../../src/core/db/data-dir-lock";
import { startEmbeddedPostgres } from "../../src/core/db/embedded";
import { readMigrationFiles } from "../../src/core/db/migrator";
import { checkAnthropic, checkApi, checkConfig, checkDatabase, checkGong, checkMcp, checkWebhook, formatReport, runDoctor } from "../../src/doctor";
import { startGongSimulator, type RunningSimulator } from "../../src/gong/simulator";
import { backend, createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { startTestServer } from "../helpers/test-server";
import { gongCall, IMPORT_CALL } from "../helpers/fixtures";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const opts = { timeoutMs: 5_000 };
const MIGRATIONS = readMigrationFiles().length;

let tmpRoot: string;
const newDir = () => fs.mkdtempSync(path.join(tmpRoot, "data-"));
const config = (env: Record<string, string> = {}): Config => loadConfig({ CALLCOACH_DATA_DIR: newDir(), LOG_LEVEL: "silent", ...env });

/** Something to close after the test file. */
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  tmpRoot = fs.mkdtempSync(path.join(process.env.CALLCOACH_TEST_WORKDIR ?? os.tmpdir(), "doctor-"));
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

/** An HTTP server answering every request with `handler`; its base URL. */
async function httpServer(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A TCP server that accepts connections and never answers. */
async function silentServer(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

describe(`doctor: database (${backend})`, () => {
  /** The run's migrated database as doctor would see it, and a way to change it behind doctor's back. */
  let cfg: Config;
  let query: (sql: string) => Promise<unknown>;
  let tdb: TestDatabase | undefined;

  beforeAll(async () => {
    if (backend === "postgres") {
      tdb = await createTestDatabase();
      cleanups.push(() => tdb!.close());
      cfg = loadConfig({ DATABASE_URL: tdb.config.databaseUrl!, CALLCOACH_DATA_DIR: newDir(), LOG_LEVEL: "silent" });
      query = (sql) => tdb!.db.dataSource.query(sql);
    } else {
      const dataDir = newDir();
      const seeded = await startEmbeddedPostgres({
        pgDataDir: path.join(dataDir, "pgdata"),
        maxConnections: 4,
        loadDataDir: new Blob([fs.readFileSync(process.env.CALLCOACH_TEST_PGLITE_TEMPLATE!)]),
      });
      await seeded.stop();
      cfg = loadConfig({ CALLCOACH_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
      query = async (sql) => {
        const db = await openDatabase(cfg, { command: "test" });
        try {
          return await db.dataSource.query(sql);
        } finally {
          await db.close();
        }
      };
    }
  });

  it("passes on a migrated database, fails with a pending migration, passes on an empty one", async () => {
    const migrated = await checkDatabase(cfg, opts);
    expect(migrated).toMatchObject({ status: "ok", details: { applied: MIGRATIONS, pending: 0 } });
    expect(migrated.message).toMatch(new RegExp(`(reachable|opens), all ${MIGRATIONS} migrations applied$`));
    if (backend === "pglite") expect(fs.existsSync(lockPath(cfg.dataDir))).toBe(false); // released

    const last = readMigrationFiles().at(-1)!.name;
    await query(`DELETE FROM callcoach_migrations WHERE name = '${last}'`);
    const pending = await checkDatabase(cfg, opts);
    expect(pending.status).toBe("fail");
    expect(pending.message).toContain(`1 of ${MIGRATIONS} migrations pending (${last})`);
    expect(pending.hint).toMatch(/^run `callcoach migrate`/);

    await query(`DELETE FROM callcoach_migrations`);
    const empty = await checkDatabase(cfg, opts);
    expect(empty.status).toBe("ok");
    expect(empty.message).toMatch(/and empty; `callcoach serve` \(or `callcoach migrate`\) applies the \d+ migrations on first start$/);
  });
});

describe("doctor: embedded data dir held by another process", () => {
  const holdBy = (dataDir: string, url: string | null, command = "serve") =>
    fs.writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.ppid, url, command, startedAt: new Date().toISOString() }));

  it("asks a server's /readyz instead of opening the files", async () => {
    let answer = { status: 200, body: { status: "ready", migrations: MIGRATIONS } as object };
    const url = await httpServer((req, res) => {
      expect(req.url).toBe("/readyz");
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
    const cfg = config();
    holdBy(cfg.dataDir, url);
    const ready = await checkDatabase(cfg, opts);
    expect(ready.status).toBe("ok");
    expect(ready.message).toBe(`embedded PGlite in ${cfg.dataDir}, served by the call-coach server (pid ${process.ppid}) at ${url}: ready, ${MIGRATIONS} migrations applied`);
    expect(fs.existsSync(path.join(cfg.dataDir, "pgdata"))).toBe(false);

    answer = { status: 503, body: { status: "not ready", reason: "database unreachable" } };
    const notReady = await checkDatabase(cfg, opts);
    expect(notReady.status).toBe("fail");
    expect(notReady.message).toMatch(/not ready \(HTTP 503: database unreachable\)$/);
  });

  it("fails within the timeout when the server does not answer", async () => {
    const port = await silentServer();
    const cfg = config();
    holdBy(cfg.dataDir, `http://127.0.0.1:${port}`);
    const started = Date.now();
    const r = await checkDatabase(cfg, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/whose \/readyz does not answer \(no answer within 0\.3 s\)$/);
    expect(r.hint).toContain(`kill ${process.ppid}`);
  });

  it("skips while a one-off command holds the data dir", async () => {
    const cfg = config();
    holdBy(cfg.dataDir, null, "import");
    const r = await checkDatabase(cfg, opts);
    expect(r).toMatchObject({ status: "skip", hint: "run doctor again once that command has finished" });
    expect(r.message).toContain(`in use by another call-coach process (pid ${process.ppid}, "import")`);
  });

  it("fails when the data dir cannot be created", async () => {
    const file = path.join(newDir(), "a-file");
    fs.writeFileSync(file, "");
    const r = await checkDatabase(config({ CALLCOACH_DATA_DIR: path.join(file, "data") }), opts);
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/a-file is not a folder$/);
    expect(r.hint).toMatch(/CALLCOACH_DATA_DIR/);
  });
});

describe("doctor: network checks never hang", () => {
  it("gives up on Gong, Anthropic and PostgreSQL servers that never answer", async () => {
    const port = await silentServer();
    const base = `http://127.0.0.1:${port}`;
    const cfg = config({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/x`,
      GONG_API_BASE_URL: base,
      GONG_API_TOKEN: "some-token",
      ANTHROPIC_API_KEY: "some-key",
      ANTHROPIC_BASE_URL: base,
    });
    const started = Date.now();
    const [db, gong, anthropic] = await Promise.all([
      checkDatabase(cfg, { timeoutMs: 400 }),
      checkGong(cfg, { timeoutMs: 400 }),
      checkAnthropic(cfg, { timeoutMs: 400 }),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(db.message).toBe(`cannot reach PostgreSQL at 127.0.0.1:${port} (no answer within 0.4 s); DATABASE_URL=postgres://postgres@127.0.0.1:${port}/x`);
    expect(gong.message).toBe(`cannot reach Gong at ${base} (no answer within 0.4 s)`);
    expect(anthropic.message).toBe(`cannot reach Anthropic at ${base} (no answer within 0.4 s)`);
    for (const r of [db, gong, anthropic]) expect(r.status).toBe("fail");
  });
});

describe("doctor: Gong with an OAuth token", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startGongSimulator({ calls: 1, bearerToken: "right-token", bearerScopes: ["api:calls:read:basic"] });
    cleanups.push(() => sim.stop());
  });

  it("explains 401 (expired token, tenant host) and 403 (scopes)", async () => {
    const wrong = await checkGong(config({ GONG_API_BASE_URL: sim.url, GONG_API_TOKEN: "wrong-token" }), opts);
    expect(wrong).toMatchObject({ status: "fail", message: `${sim.url} rejected the credentials (HTTP 401)` });
    expect(wrong.hint).toMatch(/GONG_API_TOKEN may have expired.*api_base_url_for_customer/);
    const scoped = await checkGong(config({ GONG_API_BASE_URL: sim.url, GONG_API_TOKEN: "right-token" }), opts);
    expect(scoped.status).toBe("fail");
    expect(scoped.message).toMatch(/refused GET \/v2\/users \(HTTP 403\)/);
    expect(scoped.hint).toContain("api:users:read");
  });

  it("fails on half a key pair, naming the missing variable", async () => {
    const r = await checkGong(config({ GONG_API_KEY: "only-the-key" }), opts);
    expect(r).toMatchObject({ status: "fail", message: "GONG_API_SECRET is not set" });
    expect(JSON.stringify(r)).not.toContain("only-the-key");
  });
});

describe("doctor: webhook verification", () => {
  it("skips when nothing is set, showing the URL to give Gong", async () => {
    const r = await checkWebhook(config({ CALLCOACH_PUBLIC_URL: "https://cc.example.com" }));
    expect(r).toMatchObject({ status: "skip", details: { url: "https://cc.example.com/webhooks/gong" } });
    expect(r.hint).toContain("delivering to https://cc.example.com/webhooks/gong");
  });

  it("fails on GONG_WEBHOOK_INSECURE (development only)", async () => {
    const r = await checkWebhook(config({ GONG_WEBHOOK_INSECURE: "true" }));
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/^GONG_WEBHOOK_INSECURE is set: .* accepts unverified deliveries/);
    expect(r.hint).toMatch(/unset GONG_WEBHOOK_INSECURE/);
  });

  it("names the URL-key mode without printing the key", async () => {
    const r = await checkWebhook(config({ GONG_WEBHOOK_URL_KEY: "very-secret-url-key" }));
    expect(r.status).toBe("ok");
    expect(r.message).toMatch(/^URL key; Gong's rule must deliver to http:\/\/127\.0\.0\.1:4000\/webhooks\/gong\?key=<GONG_WEBHOOK_URL_KEY>/);
    expect(JSON.stringify(r)).not.toContain("very-secret-url-key");
  });

  it("fails on a public key that does not parse", async () => {
    const r = await checkWebhook(config({ GONG_WEBHOOK_PUBLIC_KEY: "bm90IGEga2V5" }));
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/^GONG_WEBHOOK_PUBLIC_KEY: not an RSA public key/);
    expect(r.hint).toMatch(/Show public key/);
  });
});

describe("doctor: MCP and configuration", () => {
  it("lists the MCP server's tools and prompts", async () => {
    const r = await checkMcp(config(), opts);
    expect(r.status).toBe("ok");
    expect(r.message).toMatch(/^\d+ tools, \d+ prompts/);
    expect(r.details!.tools).toBeGreaterThan(0);
  });

  it("names every invalid variable and skips the other checks", async () => {
    const { result } = checkConfig({ PORT: "-1", REVIEW_TZ: "Mars/Olympus", ANTHROPIC_API_KEY: "placeholder-key" });
    expect(result.status).toBe("fail");
    expect(result.hint).toMatch(/^fix PORT, REVIEW_TZ in the environment or \.env/);
    const report = await runDoctor({ env: { PORT: "-1" } });
    expect(report).toMatchObject({ ok: false, failed: 1 });
    expect(report.checks.slice(1).every((c) => c.status === "skip" && c.message === "configuration invalid")).toBe(true);
    expect(formatReport(report)).toMatch(/^✗ {4}configuration {2}invalid: PORT: /);
  });
});

describe(`doctor: the API behind CALLCOACH_URL (${backend})`, () => {
  it("SKIP without CALLCOACH_URL; ✓ naming the token's role and rep; ✗ with a hint for a wrong, missing or unreachable one", async () => {
    expect((await checkApi(config(), opts)).status).toBe("skip");
    const ts = await startTestServer({ workers: false });
    cleanups.push(() => ts.close());
    const imported = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "7700000000000000001", reps: [{ name: "Rita Rep", email: "rita@prefect-demo.example" }] }) });
    expect(imported.errors).toBeUndefined();
    const repToken = await ts.token(TokenRole.REP, "rita@prefect-demo.example");
    const ok = await checkApi(config({ CALLCOACH_URL: ts.url, CALLCOACH_TOKEN: repToken }), opts);
    expect(ok).toMatchObject({ status: "ok", details: { role: "REP", rep: "rita@prefect-demo.example" } });
    expect(ok.message).not.toContain(repToken);

    const wrong = await checkApi(config({ CALLCOACH_URL: ts.url, CALLCOACH_TOKEN: "cc_wrong" }), opts);
    expect(wrong.status).toBe("fail");
    expect(wrong.message).toMatch(/rejected CALLCOACH_TOKEN/);
    expect(wrong.hint).toMatch(/callcoach token create/);

    const missing = await checkApi(config({ CALLCOACH_URL: ts.url }), opts);
    expect(missing).toMatchObject({ status: "fail", message: expect.stringMatching(/CALLCOACH_TOKEN is not set/) });

    const down = await checkApi(config({ CALLCOACH_URL: "http://127.0.0.1:1", CALLCOACH_TOKEN: "cc_x" }), opts);
    expect(down.status).toBe("fail");
    expect(down.message).toMatch(/Cannot reach call-coach at http:\/\/127\.0\.0\.1:1/);
    expect(down.hint).toMatch(/CALLCOACH_URL/);
  });
});
