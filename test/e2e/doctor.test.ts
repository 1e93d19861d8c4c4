/**
 * `callcoach doctor` as a real process (the compiled CLI; run `npm run build` first): a fresh
 * embedded setup passes, a wrong Gong key, a wrong Anthropic key, an unreachable database and an
 * invalid variable each fail with the right line, hint and exit code, and right keys pass. The Gong
 * simulator and the fake Anthropic API run in this process; each child gets an explicit environment
 * (every call-coach variable unset first, so DATABASE_URL of a Postgres test run does not leak in)
 * and a scratch working directory (no stray .env).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { envSchema } from "../../src/core/config";
import { startEmbeddedPostgres } from "../../src/core/db/embedded";
import { startGongSimulator, type RunningSimulator } from "../../src/gong/simulator";
import { startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";
import { backend, createTestDatabase } from "../helpers/test-db";
import { runCli, type RunResult } from "../helpers/cli-process";

const ROOT = path.resolve(__dirname, "../..");
/** Made up at run time: no key-shaped literal lives in the repository. */
const ANTHROPIC_KEY = `test-${crypto.randomBytes(12).toString("hex")}`;
const WRONG_SECRET = `wrong-${crypto.randomBytes(12).toString("hex")}`;
const WRONG_ANTHROPIC_KEY = `test-${crypto.randomBytes(12).toString("hex")}`;

jest.setTimeout(120_000); // child processes share the CPU with the rest of the suite

let tmpRoot: string;
let sim: RunningSimulator;
let anthropic: FakeAnthropic;

const run = (args: string[], env: NodeJS.ProcessEnv, timeoutMs = 45_000): Promise<RunResult> => runCli(args, env, { timeoutMs, cwd: tmpRoot });

/** A fresh data dir and no call-coach variable but `extra`. */
function doctorEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(envSchema.shape)) delete env[key];
  return { ...env, CALLCOACH_DATA_DIR: fs.mkdtempSync(path.join(tmpRoot, "data-")), LOG_LEVEL: "warn", ...extra };
}

/** The printed line of one check (by its title). */
function line(r: RunResult, title: string): string {
  const found = r.stdout.split("\n").find((l) => new RegExp(`^(✓|✗|SKIP)\\s+${title}\\s{2}`).test(l));
  if (!found) throw new Error(`no "${title}" line in:\n${r.stdout}\nstderr: ${r.stderr}`);
  return found;
}

function expectFailed(r: RunResult, failed: number): void {
  expect(r.code).toBe(1);
  expect(r.stderr.trimEnd()).toBe(`callcoach: doctor: ${failed} check(s) failed`);
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "dist/src/cli/main.js"))) throw new Error("run `npm run build` first (npm test does)");
  tmpRoot = fs.mkdtempSync(path.join(process.env.CALLCOACH_TEST_WORKDIR ?? os.tmpdir(), "doctor-e2e-"));
  sim = await startGongSimulator({ calls: 1 });
  anthropic = await startFakeAnthropic({ apiKey: ANTHROPIC_KEY });
});

afterAll(async () => {
  await sim?.stop();
  await anthropic?.close();
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

describe("callcoach doctor", () => {
  it.concurrent("passes on a fresh embedded setup: every line ✓ or SKIP, exit 0, nothing created", async () => {
    const env = doctorEnv();
    const r = await run(["doctor"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => /^(✓|✗|SKIP) /.test(l));
    expect(lines).toHaveLength(7);
    for (const l of lines) expect(l).toMatch(/^(✓ {4}|SKIP )/);
    expect(line(r, "configuration")).toMatch(/^✓\s+configuration\s+valid$/);
    expect(line(r, "database")).toMatch(/^✓\s+database\s+embedded PGlite in .*: not created yet; `callcoach serve` creates it and applies the \d+ migrations on first start$/);
    expect(line(r, "Gong API")).toMatch(/^SKIP\s+Gong API\s+no credentials set.* → set GONG_API_KEY and GONG_API_SECRET .*or GONG_API_TOKEN$/);
    expect(line(r, "Anthropic")).toMatch(/^SKIP\s+Anthropic\s+ANTHROPIC_API_KEY not set: analyses use the offline heuristic engine.* → set ANTHROPIC_API_KEY .*model claude-sonnet-5-5/);
    expect(line(r, "webhook")).toMatch(/^SKIP\s+webhook\s+not configured: .*http:\/\/127\.0\.0\.1:4000\/webhooks\/gong.* → .*GONG_WEBHOOK_PUBLIC_KEY/);
    expect(line(r, "MCP")).toMatch(/^✓\s+MCP\s+\d+ tools, \d+ prompts/);
    expect(line(r, "remote API")).toMatch(/^SKIP\s+remote API\s+CALLCOACH_URL not set.* → .*CALLCOACH_TOKEN$/);
    expect(r.stdout).toMatch(/^3 passed, 0 failed, 4 skipped$/m);
    expect(fs.readdirSync(env.CALLCOACH_DATA_DIR!)).toEqual([]); // doctor creates nothing

    const json = await run(["doctor", "--json"], env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ ok: true, failed: 0 });
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(["config", "database", "gong", "anthropic", "webhook", "mcp", "api"]);
    expect(report.checks.find((c: { id: string }) => c.id === "mcp").details.tools).toBeGreaterThan(0);
  });

  it.concurrent(`passes on the test run's migrated database (${backend}) and exits`, async () => {
    let env: NodeJS.ProcessEnv;
    let close = async () => {};
    if (backend === "postgres") {
      const tdb = await createTestDatabase();
      close = () => tdb.close();
      env = doctorEnv({ DATABASE_URL: tdb.config.databaseUrl! });
    } else {
      env = doctorEnv();
      const seeded = await startEmbeddedPostgres({
        pgDataDir: path.join(env.CALLCOACH_DATA_DIR!, "pgdata"),
        maxConnections: 4,
        loadDataDir: new Blob([fs.readFileSync(process.env.CALLCOACH_TEST_PGLITE_TEMPLATE!)]),
      });
      await seeded.stop();
    }
    try {
      const r = await run(["doctor"], env);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(line(r, "database")).toMatch(
        backend === "postgres"
          ? /^✓\s+database\s+PostgreSQL postgres:\/\/\S+: reachable, all \d+ migrations applied$/
          : /^✓\s+database\s+embedded PGlite in \S+: opens, all \d+ migrations applied$/,
      );
      if (backend === "pglite") expect(fs.readdirSync(env.CALLCOACH_DATA_DIR!)).toEqual(["pgdata"]); // lock released
    } finally {
      await close();
    }
  });

  it.concurrent("fails on a wrong Gong key with a hint about the key pair and GONG_API_BASE_URL", async () => {
    const r = await run(["doctor"], doctorEnv({ GONG_API_BASE_URL: sim.url, GONG_API_KEY: "sim-key", GONG_API_SECRET: WRONG_SECRET }));
    expectFailed(r, 1);
    const l = line(r, "Gong API");
    expect(l).toMatch(/^✗\s+Gong API\s+http:\/\/127\.0\.0\.1:\d+ rejected the credentials \(HTTP 401\) → /);
    expect(l).toContain("check that GONG_API_KEY and GONG_API_SECRET are the access key and secret of one key pair");
    expect(l).toContain(`GONG_API_BASE_URL (${sim.url})`);
    expect(r.stdout).not.toContain(WRONG_SECRET);
    expect(line(r, "database")).toMatch(/^✓/);
  });

  it.concurrent("fails on a wrong Anthropic key: key rejected, with the model", async () => {
    const r = await run(["doctor"], doctorEnv({ ANTHROPIC_API_KEY: WRONG_ANTHROPIC_KEY, ANTHROPIC_BASE_URL: anthropic.url }));
    expectFailed(r, 1);
    const l = line(r, "Anthropic");
    expect(l).toMatch(/^✗\s+Anthropic\s+key rejected by http:\/\/127\.0\.0\.1:\d+ \(401 authentication_error: invalid x-api-key\); model claude-sonnet-5-5 → set ANTHROPIC_API_KEY to a valid key/);
    expect(r.stdout + r.stderr).not.toContain(WRONG_ANTHROPIC_KEY);
  });

  it.concurrent("fails on an unreachable database, naming the host and DATABASE_URL", async () => {
    const r = await run(["doctor"], doctorEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" }));
    expectFailed(r, 1);
    expect(line(r, "database")).toMatch(
      /^✗\s+database\s+cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\); DATABASE_URL=postgres:\/\/postgres@127\.0\.0\.1:1\/none → start PostgreSQL or fix the host and port in DATABASE_URL/,
    );
  });

  it.concurrent("fails on an invalid variable, naming it, and skips the rest", async () => {
    const r = await run(["doctor"], doctorEnv({ PORT: "eighty", ANTHROPIC_API_KEY: WRONG_ANTHROPIC_KEY }));
    expectFailed(r, 1);
    expect(line(r, "configuration")).toMatch(/^✗\s+configuration\s+invalid: PORT: .*\(got "eighty"\) → fix PORT in the environment or \.env/);
    for (const title of ["database", "Gong API", "Anthropic", "webhook", "MCP"]) {
      expect(line(r, title)).toMatch(/^SKIP\s+\S+( API)?\s+configuration invalid → fix the configuration first$/);
    }
    expect(r.stdout).not.toContain(WRONG_ANTHROPIC_KEY);
  });

  it.concurrent("passes with a right Gong key, a right Anthropic key and the Gong rule's public key", async () => {
    const r = await run(
      ["doctor"],
      doctorEnv({
        GONG_API_BASE_URL: sim.url,
        GONG_API_KEY: "sim-key",
        GONG_API_SECRET: "sim-secret",
        ANTHROPIC_API_KEY: ANTHROPIC_KEY,
        ANTHROPIC_BASE_URL: anthropic.url,
        CALLCOACH_MODEL: "claude-haiku-5-5",
        GONG_WEBHOOK_PUBLIC_KEY: sim.webhookPublicKeyBase64,
        CALLCOACH_PUBLIC_URL: "https://callcoach.example.com/",
      }),
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(line(r, "Gong API")).toMatch(/^✓\s+Gong API\s+http:\/\/127\.0\.0\.1:\d+ accepted GONG_API_KEY\/GONG_API_SECRET \(access key; \d+ users visible\)$/);
    expect(line(r, "Anthropic")).toMatch(/^✓\s+Anthropic\s+key accepted by http:\/\/127\.0\.0\.1:\d+; model claude-haiku-5-5$/);
    expect(line(r, "webhook")).toMatch(/^✓\s+webhook\s+signed JWT \(GONG_WEBHOOK_PUBLIC_KEY parses\); Gong's rule must deliver to https:\/\/callcoach\.example\.com\/webhooks\/gong$/);
    expect(r.stdout).toMatch(/^6 passed, 0 failed, 1 skipped$/m);
    expect(r.stdout).not.toContain(ANTHROPIC_KEY);
    expect(r.stdout).not.toContain("sim-secret");
  });
});
