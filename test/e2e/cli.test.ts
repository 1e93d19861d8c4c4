/**
 * End-to-end tests of the compiled CLI (`bin/callcoach.js` → `dist/src/cli/main.js`): each command runs
 * as a child process with its own data dir and, on PostgreSQL, its own database. Run `npm run build`
 * first. Nothing sleeps: every wait is on a child's output or exit, with a timeout.
 */
import "reflect-metadata";
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openApp } from "../../src/core/app";
import { loadConfig } from "../../src/core/config";
import { startEmbeddedPostgres } from "../../src/core/db/embedded";
import { pgConnectionOptions } from "../../src/core/db/pg-options";
import { createLogger } from "../../src/core/logger";
import { backend, createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { liveChildren, ROOT, runCli, spawnCli, type RunResult } from "../helpers/cli-process";

const COMPILED_MAIN = path.join(ROOT, "dist/src/cli/main.js");
const FIXTURES = path.join(ROOT, "test/fixtures/import");
const fixture = (name: string) => path.join(FIXTURES, name);

/** A day of the week of test/fixtures/import/combined-call.json (started 2024-03-07). */
const WEEK_OF_COMBINED_CALL = "2024-03-07";
const TOKEN_LINE = /^cc_[A-Za-z0-9_-]{20,}$/;
const RUN_TIMEOUT_MS = 45_000;
/** Tests run concurrently (see below) and share the CPU with every child process: a generous safety limit. */
jest.setTimeout(120_000);
const STOP_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Child processes

/** Runs one CLI command to completion (killed and failed after `timeoutMs`). */
const run = (args: string[], env: NodeJS.ProcessEnv, timeoutMs = RUN_TIMEOUT_MS): Promise<RunResult> => runCli(args, env, { timeoutMs });

/** A long-running `callcoach serve`, with its output collected and waits on that output. */
class ServeProcess {
  readonly child: ChildProcess;
  stdout = "";
  stderr = "";
  exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawnCli(["serve", ...args], env);
    this.child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      this.stdout += d;
      this.notify();
    });
    this.child.stderr!.setEncoding("utf8").on("data", (d: string) => {
      this.stderr += d;
      this.notify();
    });
    this.child.on("close", (code, signal) => {
      this.exited = { code, signal };
      this.notify();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  private notify() {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with `check()`'s first non-undefined value, re-checked on every output or exit. */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(poll);
        fn();
      };
      const fail = (why: string) =>
        done(() => reject(new Error(`serve: ${why} while waiting for ${what}\nstdout: ${this.stdout}\nstderr: ${this.stderr}`)));
      const poll = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (err) {
          return done(() => reject(err));
        }
        if (value !== undefined) return done(() => resolve(value));
        if (this.exited) fail(`exited (code ${this.exited.code}, signal ${this.exited.signal})`);
      };
      const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
      this.waiters.add(poll);
      poll();
    });
  }

  /** Waits for the start-up banner; returns the base URL and the admin token it printed, if any. */
  async ready(timeoutMs = 45_000): Promise<{ url: string; adminToken: string | null; banner: string }> {
    const banner = await this.waitFor("the start-up banner", () => /call-coach is running\n[\s\S]*?\n\n/.exec(this.stdout)?.[0], timeoutMs);
    const url = /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(banner)?.[1];
    if (!url) throw new Error(`no GraphQL URL in the banner:\n${banner}`);
    const adminToken = /^(cc_\S+)$/m.exec(banner)?.[1] ?? null;
    return { url, adminToken, banner };
  }

  /** Sends `signal` and waits for the exit. */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = STOP_TIMEOUT_MS) {
    if (!this.exited) this.child.kill(signal);
    return this.waitFor(`exit after ${signal}`, () => this.exited ?? undefined, timeoutMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Data dirs and databases

let tmpRoot: string;
/** PGlite: a migrated data dir made from the test run's template; CLI tests copy it. */
let pgliteSeed: string | null = null;
const cleanups: (() => Promise<void>)[] = [];

interface Ctx {
  dataDir: string;
  /** Postgres backend: the test's own database. */
  tdb?: TestDatabase;
  env: NodeJS.ProcessEnv;
}

function cliEnv(dataDir: string, databaseUrl?: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CALLCOACH_DATA_DIR: dataDir, LOG_LEVEL: "warn", PORT: "0", ...extra };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

const newDataDir = () => fs.mkdtempSync(path.join(tmpRoot, "data-"));

/**
 * A CLI test's own database: on Postgres a fresh migrated database cloned from the run's template, on
 * PGlite a fresh data dir holding a copy of a migrated (never served) embedded database.
 */
async function newCtx(): Promise<Ctx> {
  const dataDir = newDataDir();
  if (backend === "postgres") {
    const tdb = await createTestDatabase();
    cleanups.push(() => tdb.close());
    return { dataDir, tdb, env: cliEnv(dataDir, tdb.config.databaseUrl) };
  }
  fs.cpSync(path.join(pgliteSeed!, "pgdata"), path.join(dataDir, "pgdata"), { recursive: true });
  return { dataDir, env: cliEnv(dataDir) };
}

/** Postgres: a new database without any tables (migrate has everything to do). */
async function emptyPostgresDatabase(): Promise<string> {
  const name = `callcoach_e2e_${crypto.randomBytes(5).toString("hex")}`;
  const adminUrl = pgConnectionOptions(process.env.DATABASE_URL!).url;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/** Runs `fn` against the test's database after the CLI is done with it. */
async function withDb<T>(ctx: Ctx, fn: (q: Query) => Promise<T>): Promise<T> {
  if (ctx.tdb) return fn((sql, params) => ctx.tdb!.db.dataSource.query(sql, params));
  const app = await openApp(loadConfig({ CALLCOACH_DATA_DIR: ctx.dataDir, LOG_LEVEL: "silent" }), createLogger("silent"), {
    command: "test",
  });
  try {
    return await fn((sql, params) => app.db.dataSource.query(sql, params));
  } finally {
    await app.close();
  }
}

const countCalls = (q: Query) => q(`SELECT count(*)::int AS n FROM calls`).then((r) => r[0].n as number);

/** The one-line failure message the CLI must print. */
function expectOneLineError(r: RunResult): string {
  expect(r.code).not.toBe(0);
  expect(r.code).not.toBeNull();
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^callcoach: \S/);
  return lines[0];
}

async function gql(url: string, token: string, query: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: await res.json() };
}

async function callCount(url: string, token: string): Promise<number> {
  const r = await gql(url, token, "{ calls { totalCount } }");
  expect(r.body.errors).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data.calls.totalCount;
}

beforeAll(async () => {
  if (!fs.existsSync(COMPILED_MAIN)) {
    throw new Error(`${path.relative(ROOT, COMPILED_MAIN)} is missing: run \`npm run build\` first (the e2e tests run the compiled CLI).`);
  }
  tmpRoot = fs.mkdtempSync(path.join(process.env.CALLCOACH_TEST_WORKDIR ?? os.tmpdir(), "cli-e2e-"));
  if (backend === "pglite") {
    const template = process.env.CALLCOACH_TEST_PGLITE_TEMPLATE;
    if (!template) throw new Error("test template missing: run tests through jest (globalSetup)");
    pgliteSeed = path.join(tmpRoot, "seed");
    const seeded = await startEmbeddedPostgres({
      pgDataDir: path.join(pgliteSeed, "pgdata"),
      maxConnections: 4,
      loadDataDir: new Blob([fs.readFileSync(template)]),
    });
    await seeded.stop();
  }
});

afterAll(async () => {
  for (const child of liveChildren) child.kill("SIGKILL");
  for (const cleanup of cleanups.reverse()) await cleanup();
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe(`callcoach CLI end to end (${backend})`, () => {
  // Independent tests run concurrently, each with its own data dir / database; the longest chains of
  // CLI runs come first so that they start first.
  it.concurrent("analyze scores a call with progress, answers again from the result cache, and metrics reports the ledger", async () => {
    const ctx = await newCtx();
    expect((await run(["import", fixture("combined-call.json")], ctx.env)).code).toBe(0);
    const first = await run(["analyze", "7782342274025937897"], ctx.env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Riley Rep\s+discovery\s+RUNNING/);
    expect(first.stderr).toMatch(/Riley Rep\s+discovery\s+COMPLETED\s+\d+/);
    expect(first.stderr).toMatch(/Riley Rep\s+\(analysis\)\s+COMPLETED/);
    expect(first.stdout).toMatch(/^Riley Rep: COMPLETED \(HEURISTIC\) overall [\d.]+ · 0 API request\(s\) · \$0\.0000$/m);
    expect(first.stdout).toMatch(/^ {2}discovery\s+\d+/m);
    const id = /analysis id: (\S+)/.exec(first.stdout)![1];

    const again = await run(["analyze", "7782342274025937897"], ctx.env);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(""); // nothing ran
    expect(again.stdout).toContain(`analysis id: ${id}`);

    const badDim = expectOneLineError(await run(["analyze", "7782342274025937897", "--dimensions", "charisma"], ctx.env));
    expect(badDim).toMatch(/Unknown dimension\(s\) charisma .*valid: discovery/);

    const metrics = await run(["metrics", "--json"], ctx.env);
    expect(metrics.code).toBe(0);
    expect(JSON.parse(metrics.stdout)).toMatchObject({ analyses: 1, calls: 1, totalUsd: 0, apiRequests: 0, resultCacheHitRate: 0 });
    expectOneLineError(await run(["metrics", "--from", "last tuesday"], ctx.env)); // fails before opening the database
  }, 240_000); // several CLI runs in a row, each opening the embedded database

  it.concurrent("review weekly analyses the week's calls and writes the reports, with progress", async () => {
    const ctx = await newCtx();
    expect((await run(["import", fixture("combined-call.json")], ctx.env)).code).toBe(0);
    const r = await run(["review", "weekly", "--week", WEEK_OF_COMBINED_CALL], ctx.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Reviewing the week of \d{4}-\d\d-\d\d \(America\/Los_Angeles\)/);
    expect(r.stderr).toMatch(/analysing \[.*\] 1\/1 analyses/);
    expect(r.stdout).toMatch(/^Week of \d{4}-\d\d-\d\d: 1 rep report\(s\) and 1 team report written\.$/m);
    const again = await run(["review", "weekly", "--week", WEEK_OF_COMBINED_CALL], ctx.env);
    expect(again.stderr).not.toMatch(/analysing/); // analysed already
    await withDb(ctx, async (q) => expect((await q(`SELECT count(*)::int AS n FROM weekly_reports`))[0].n).toBe(2));
    expectOneLineError(await run(["review", "weekly", "--week", "someday"], ctx.env));
  }, 240_000);

  it.concurrent("creates, lists and revokes API tokens", async () => {
    const ctx = await newCtx();
    const imported = await run(["import", fixture("combined-call.json")], ctx.env);
    expect(imported.code).toBe(0);

    const admin = await run(["token", "create", "--role", "ADMIN", "--name", "ci-admin", "--json"], ctx.env);
    expect(admin.stderr).toBe("");
    expect(admin.code).toBe(0);
    const adminJson = JSON.parse(admin.stdout);
    expect(Object.keys(adminJson).sort()).toEqual(["id", "role", "token"]);
    expect(adminJson.role).toBe("ADMIN");
    expect(adminJson.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(adminJson.token).toMatch(TOKEN_LINE);

    const rep = await run(["token", "create", "--role", "rep", "--rep", "riley@seller.example.com", "--name", "riley"], ctx.env);
    expect(rep.code).toBe(0);
    const repLines = rep.stdout.trimEnd().split("\n");
    const repToken = repLines[repLines.length - 1];
    expect(repToken).toMatch(TOKEN_LINE);
    expect(repToken).not.toBe(adminJson.token);
    expect(rep.stdout).toContain('REP token "riley"');

    const list = await run(["token", "list"], ctx.env);
    expect(list.code).toBe(0);
    const [header, ...rows] = list.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^id\s+name\s+role\s+rep\s+prefix\s+created\s+lastUsed\s+revoked$/);
    expect(rows).toHaveLength(2);
    expect(list.stdout).toMatch(/\bci-admin\s+ADMIN\s+-\s/);
    expect(list.stdout).toMatch(/\briley\s+REP\s+riley@seller\.example\.com\s/);
    expect(list.stdout).not.toContain(adminJson.token);
    expect(list.stdout).not.toContain(repToken);

    const revoke = await run(["token", "revoke", "riley"], ctx.env);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toBe('Revoked token "riley".\n');

    const listJson = await run(["token", "list", "--json"], ctx.env);
    expect(listJson.code).toBe(0);
    expect(listJson.stdout).not.toContain(adminJson.token);
    expect(listJson.stdout).not.toContain(repToken);
    const tokens = JSON.parse(listJson.stdout) as Record<string, unknown>[];
    const byName = Object.fromEntries(tokens.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(["ci-admin", "riley"]);
    expect(Object.keys(byName.riley).sort()).toEqual(
      ["createdAt", "id", "lastUsedAt", "name", "prefix", "repEmail", "revokedAt", "role"].sort(),
    );
    expect(byName.riley.revokedAt).toEqual(expect.any(String));
    expect(Math.abs(Date.parse(byName.riley.revokedAt as string) - Date.now())).toBeLessThan(120_000);
    expect(byName.riley.repEmail).toBe("riley@seller.example.com");
    expect(byName["ci-admin"].revokedAt).toBeNull();
    expect(byName["ci-admin"].id).toBe(adminJson.id);
  });

  it.concurrent("migrate applies the migrations to a new database, then says it is up to date", async () => {
    const dataDir = newDataDir();
    const env = cliEnv(dataDir, backend === "postgres" ? await emptyPostgresDatabase() : undefined);
    const first = await run(["migrate"], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied 0001_initial\.sql$/m);
    expect(first.stdout).toMatch(/^\d+ migration\(s\) applied; \d+ in all\.$/m);

    const second = await run(["migrate"], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Database is up to date \(\d+ migrations\)\.\n$/);
    expect(second.stdout).not.toContain("applied 0001");
    if (backend === "pglite") expect(fs.existsSync(path.join(dataDir, "callcoach.lock"))).toBe(false);
  });

  it.concurrent("imports the Gong extensive + transcript pair, and re-importing updates in place", async () => {
    const ctx = await newCtx();
    const files = [fixture("gong-extensive.json"), fixture("gong-transcript.json")];

    const first = await run(["import", ...files], ctx.env);
    expect(first.stderr).not.toMatch(/^callcoach:/m);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("Imported 2 call(s): 2 new, 0 updated, 4 transcript segments.\n");

    const second = await run(["import", ...files], ctx.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("Imported 2 call(s): 0 new, 2 updated, 4 transcript segments.\n");

    await withDb(ctx, async (q) => {
      const calls = await q(`SELECT gong_id, title, source FROM calls ORDER BY gong_id`);
      expect(calls).toEqual([
        { gong_id: "7782342274025937895", title: "Acme / Discovery", source: "GONG" },
        { gong_id: "7782342274025937896", title: "Globex / Pricing", source: "GONG" },
      ]);
      const segments = await q(
        `SELECT c.gong_id, count(*)::int AS n FROM transcript_segments s JOIN calls c ON c.id = s.call_id
         GROUP BY c.gong_id ORDER BY c.gong_id`,
      );
      expect(segments).toEqual([
        { gong_id: "7782342274025937895", n: 3 },
        { gong_id: "7782342274025937896", n: 1 },
      ]);
      const reps = await q(`SELECT email FROM reps ORDER BY email`);
      expect(reps).toEqual([{ email: "riley@seller.example.com" }]);
    });
  });

  it.concurrent("imports a WebVTT file with --rep, --title and --date", async () => {
    const ctx = await newCtx();
    const r = await run(
      [
        "import",
        fixture("zoom-discovery_call.vtt"),
        "--rep",
        "Jane.Doe@Seller.example.com",
        "--title",
        "Jane / Bob discovery",
        "--date",
        "2026-11-03T10:00:00-08:00",
      ],
      ctx.env,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Imported 1 call(s): 1 new, 0 updated, 5 transcript segments.\n");

    await withDb(ctx, async (q) => {
      const calls = await q(
        `SELECT c.title, c.started_at, c.source, c.gong_id, r.email AS rep_email
         FROM calls c LEFT JOIN reps r ON r.id = c.primary_rep_id`,
      );
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({
        title: "Jane / Bob discovery",
        source: "VTT",
        gong_id: null,
        rep_email: "jane.doe@seller.example.com",
      });
      expect(new Date(calls[0].started_at).toISOString()).toBe("2026-11-03T18:00:00.000Z");
      const reps = await q(`SELECT email, name FROM reps`);
      expect(reps).toEqual([{ email: "jane.doe@seller.example.com", name: "Jane Doe" }]);
      const participants = await q(`SELECT name, side FROM call_participants ORDER BY name`);
      expect(participants).toEqual([
        { name: "Bob Buyer", side: "EXTERNAL" },
        { name: "Jane Doe", side: "INTERNAL" },
      ]);
    });
  });

  it.concurrent("refuses a transcript that refers to an unknown speaker, naming it, and writes nothing", async () => {
    const ctx = await newCtx();
    const file = path.join(tmpRoot, `unknown-speaker-${crypto.randomBytes(3).toString("hex")}.json`);
    const combined = JSON.parse(fs.readFileSync(fixture("combined-call.json"), "utf8"));
    combined.transcript.transcript.push({
      speakerId: "4242424242",
      topic: null,
      sentences: [{ start: 3100, end: 4000, text: "Who am I?" }],
    });
    fs.writeFileSync(file, JSON.stringify(combined));

    // A good file before the bad one: every file is checked before the first call is written.
    const r = await run(["import", fixture("meet-standup.vtt"), file], ctx.env);
    const line = expectOneLineError(r);
    expect(line).toContain(file);
    expect(line).toContain("4242424242");
    expect(line).toMatch(/speaker id/);
    expect(line).toMatch(/Nothing was imported\.$/);
    await withDb(ctx, async (q) => {
      expect(await countCalls(q)).toBe(0);
      expect(await q(`SELECT email FROM reps`)).toEqual([]); // the transaction wrote no rep either
    });
  });

  (backend === "pglite" ? it.concurrent : it.concurrent.skip)(
    "serve --no-demo on a never-served embedded data dir loads no demo calls",
    async () => {
      const ctx = await newCtx(); // a never-served data dir (migrated, no tokens yet)
      const server = new ServeProcess(["--no-demo"], ctx.env);
      try {
        const { url, adminToken, banner } = await server.ready();
        expect(adminToken).toMatch(TOKEN_LINE);
        expect(banner).not.toContain("Demo data");
        expect(await callCount(url, adminToken!)).toBe(0);
      } finally {
        const { code } = await server.stop();
        expect(code).toBe(0);
      }
      expect(fs.existsSync(path.join(ctx.dataDir, "callcoach.lock"))).toBe(false);
    },
  );

  (backend === "postgres" ? it.concurrent : it.concurrent.skip)(
    "serve with DATABASE_URL prints an admin token on first start, loads no demo data, and stops on SIGTERM",
    async () => {
      const ctx = await newCtx();
      const server = new ServeProcess([], ctx.env);
      try {
        const { url, adminToken, banner } = await server.ready();
        expect(server.stdout).toMatch(/^cc_[A-Za-z0-9_-]{20,}$/m);
        expect(adminToken).toMatch(TOKEN_LINE);
        expect(banner).toContain("Database:   PostgreSQL (DATABASE_URL)");
        expect(banner).not.toContain("Demo data");
        expect(await callCount(url, adminToken!)).toBe(0);
        // No embedded-database lock with a real PostgreSQL.
        expect(fs.existsSync(path.join(ctx.dataDir, "callcoach.lock"))).toBe(false);
        const stored = await ctx.tdb!.db.dataSource.query(`SELECT name, role FROM api_tokens`);
        expect(stored).toEqual([{ name: "admin", role: "ADMIN" }]);
      } finally {
        const { code, signal } = await server.stop("SIGTERM");
        expect(signal).toBeNull();
        expect(code).toBe(0);
      }
    },
  );

  it.concurrent("token create refuses a REP token without --rep, and an unknown role", async () => {
    const ctx = await newCtx();
    const noRep = await run(["token", "create", "--role", "REP"], ctx.env);
    const noRepLine = expectOneLineError(noRep);
    expect(noRepLine).toMatch(/REP token belongs to a rep/);
    expect(noRepLine).toMatch(/--rep/);
    expect(noRep.stdout).toBe("");

    const badRole = await run(["token", "create", "--role", "OWNER"], ctx.env);
    expect(expectOneLineError(badRole)).toBe('callcoach: --role must be ADMIN, MANAGER or REP (got "OWNER")');
    await withDb(ctx, async (q) => expect(await q(`SELECT name FROM api_tokens`)).toEqual([]));
  });

  it.concurrent("refuses malformed JSON with one line on stderr naming the file, and writes nothing", async () => {
    const ctx = await newCtx();
    const file = fixture("malformed.json");
    const r = await run(["import", file], ctx.env);
    const line = expectOneLineError(r);
    expect(line).toContain(file);
    expect(line).toMatch(/malformed JSON/);
    expect(line).toMatch(/line 3, column \d+/);
    expect(r.stdout).toBe("");
    await withDb(ctx, async (q) => expect(await countCalls(q)).toBe(0));
  });

  it.concurrent("refuses a WebVTT file without cues, naming the file", async () => {
    const ctx = await newCtx();
    const file = fixture("header-only.vtt");
    const r = await run(["import", file], ctx.env);
    const line = expectOneLineError(r);
    expect(line).toBe(`callcoach: ${file}: contains no cues`);
    await withDb(ctx, async (q) => expect(await countCalls(q)).toBe(0));
  });

  it.concurrent("--help of the program and of import, token create and serve exits 0 and lists the options", async () => {
    const env = cliEnv(newDataDir());
    const [root, imp, tokenCreate, serve] = await Promise.all([
      run(["--help"], env),
      run(["import", "--help"], env),
      run(["token", "create", "--help"], env),
      run(["serve", "--help"], env),
    ]);
    for (const r of [root, imp, tokenCreate, serve]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/-h, --help/);
    }
    expect(root.stdout).toMatch(/^Usage: callcoach \[options\] \[command\]/);
    for (const cmd of ["serve", "migrate", "token", "import"]) expect(root.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, "m"));

    expect(imp.stdout).toMatch(/^Usage: callcoach import \[options\] <files\.\.\.>/);
    for (const opt of ["--rep <email>", "--title <title>", "--date <iso>"]) expect(imp.stdout).toContain(opt);

    expect(tokenCreate.stdout).toMatch(/^Usage: callcoach token create \[options\]/);
    for (const opt of ["--role <role>", "--rep <email>", "--name <name>", "--json"]) expect(tokenCreate.stdout).toContain(opt);

    expect(serve.stdout).toMatch(/^Usage: callcoach serve \[options\]/);
    expect(serve.stdout).toContain("--no-demo");
    // --help opens no database.
    expect(fs.readdirSync(env.CALLCOACH_DATA_DIR!)).toEqual([]);
  });

  // -------------------------------------------------------------------------------------------
  (backend === "pglite" ? describe : describe.skip)("serve on the embedded database", () => {
    const dataDir = () => state.dataDir;
    const state: { dataDir: string; server?: ServeProcess; url?: string; adminToken?: string } = { dataDir: "" };

    it("first start: prints and saves the admin token, loads the demo calls, records pid and url in the lock", async () => {
      state.dataDir = newDataDir();
      const env = cliEnv(state.dataDir, undefined);
      const server = (state.server = new ServeProcess([], env));
      const { url, adminToken } = await server.ready();
      expect(server.stdout).toMatch(/^cc_[A-Za-z0-9_-]{20,}$/m);
      expect(adminToken).toMatch(TOKEN_LINE);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(url).not.toBe("http://127.0.0.1:0");
      expect(server.stdout).toContain('6 demo calls loaded (titles start with "[Demo]")');
      state.url = url;
      state.adminToken = adminToken!;

      const tokenFile = path.join(dataDir(), "admin-token");
      expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(tokenFile, "utf8").trim()).toBe(adminToken);

      expect(await callCount(url, adminToken!)).toBe(6);
      const unauthenticated = await gql(url, "cc_not-a-real-token-at-all-000000", "{ calls { totalCount } }");
      expect(unauthenticated.status).toBe(401);

      const lock = JSON.parse(fs.readFileSync(path.join(dataDir(), "callcoach.lock"), "utf8"));
      expect(lock).toMatchObject({ pid: server.pid, url, command: "serve" });
    });

    it("a CLI command on the same data dir goes through the running server", async () => {
      const env = cliEnv(dataDir());
      const created = await run(["token", "create", "--role", "ADMIN", "--name", "through-server", "--json"], env);
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
      const { token, role } = JSON.parse(created.stdout);
      expect(role).toBe("ADMIN");
      expect(token).toMatch(TOKEN_LINE);
      // The server knows the new token at once: it was created in the server's database.
      expect(await callCount(state.url!, token)).toBe(6);
      const listed = await gql(state.url!, token, "{ apiTokens { name role } }");
      expect(listed.body.data.apiTokens.map((t: { name: string }) => t.name).sort()).toEqual(["admin", "through-server"]);
    });

    it("analyze goes through the running server and follows the analysis to the end", async () => {
      const calls = await gql(state.url!, state.adminToken!, "{ calls(first: 1) { edges { node { id } } } }");
      const id = calls.body.data.calls.edges[0].node.id;
      const r = await run(["analyze", id], cliEnv(dataDir()));
      expect(r.stderr).not.toMatch(/^callcoach:/m);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/: COMPLETED \(HEURISTIC\) overall [\d.]+/);
      const metrics = await run(["metrics", "--json"], cliEnv(dataDir()));
      expect(JSON.parse(metrics.stdout).analyses).toBeGreaterThanOrEqual(1);
    });

    it("a second serve on the same data dir fails, naming the running server", async () => {
      const r = await run(["serve", "--no-demo"], cliEnv(dataDir(), undefined));
      const line = expectOneLineError(r);
      expect(line).toContain(`pid ${state.server!.pid}`);
      expect(line).toContain(state.url!);
      expect(line).toContain(dataDir());
      // The first server is unaffected.
      expect(state.server!.exited).toBeNull();
      expect(await callCount(state.url!, state.adminToken!)).toBe(6);
    });

    it("SIGTERM stops the server with exit code 0 and removes the lock", async () => {
      const { code, signal } = await state.server!.stop("SIGTERM");
      expect(signal).toBeNull();
      expect(code).toBe(0);
      expect(state.server!.stderr).not.toMatch(/second signal|error/i);
      expect(fs.existsSync(path.join(dataDir(), "callcoach.lock"))).toBe(false);
    });

    it("a later start (--no-demo) prints no new admin token and keeps the demo calls", async () => {
      const server = new ServeProcess(["--no-demo"], cliEnv(dataDir(), undefined));
      try {
        const { url, adminToken, banner } = await server.ready();
        expect(adminToken).toBeNull();
        expect(server.stdout).not.toMatch(/^cc_/m);
        expect(banner).toContain("Admin token: created on first start");
        expect(banner).not.toContain("Demo data");
        expect(fs.readFileSync(path.join(dataDir(), "admin-token"), "utf8").trim()).toBe(state.adminToken);
        expect(await callCount(url, state.adminToken!)).toBe(6);
      } finally {
        const { code } = await server.stop();
        expect(code).toBe(0);
      }
    });

    // Apollo must not install its own signal handlers (it did outside NODE_ENV=test, exiting 1).
    it("SIGTERM exits 0 and removes the lock in a production environment (NODE_ENV unset)", async () => {
      const ctx = await newCtx();
      const env = { ...ctx.env };
      delete env.NODE_ENV;
      const server = new ServeProcess(["--no-demo"], env);
      await server.ready();
      const { code } = await server.stop("SIGTERM");
      expect(server.stderr).not.toMatch(/second signal/);
      expect(code).toBe(0);
      expect(fs.existsSync(path.join(ctx.dataDir, "callcoach.lock"))).toBe(false);
    });
  });
});
