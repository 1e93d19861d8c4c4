/**
 * `callcoach gong simulate` and `callcoach gong sync` as real processes: the simulator prints the
 * settings to use; a backfill against it ingests every call with a progress bar, and says so.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { backend, createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { waitFor } from "../helpers/wait";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/callcoach.js");

describe(`gong CLI (${backend})`, () => {
  let tdb: TestDatabase | undefined;
  let dataDir: string;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, "dist/src/cli/main.js"))) throw new Error("run `npm run build` first (npm test does)");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-gong-cli-"));
    if (backend === "postgres") tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("simulates Gong and backfills from it with progress", async () => {
    const sim = spawn(process.execPath, [bin, "gong", "simulate", "--port", "0", "--calls", "3", "--seed", "4"], {
      env: { ...process.env, LOG_LEVEL: "warn" },
    });
    let out = "";
    sim.stdout.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((r) => sim.on("exit", (code) => r(code)));
    try {
      const baseUrl = await waitFor("the simulator banner", async () => /GONG_API_BASE_URL=(\S+)/.exec(out)?.[1], 30_000);
      expect(out).toMatch(/GONG_WEBHOOK_PUBLIC_KEY=[A-Za-z0-9+/=]{300,}/);
      expect(out).toMatch(/9 calls/);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        LOG_LEVEL: "warn",
        CALLCOACH_DATA_DIR: dataDir,
        GONG_API_BASE_URL: baseUrl,
        GONG_API_KEY: "sim-key",
        GONG_API_SECRET: "sim-secret",
      };
      delete env.DATABASE_URL;
      if (tdb) env.DATABASE_URL = tdb.config.databaseUrl;
      const r = spawnSync(process.execPath, [bin, "gong", "sync", "--from", "2026-08-01", "--to", "2026-11-21"], { env, encoding: "utf8", timeout: 90_000 });
      expect(r.stderr).toMatch(/ingesting \[.*\] \d+\/9 calls \| [\d.]+ calls\/s \| ETA/);
      expect(r.stdout).toMatch(/Users: \d+ from Gong/);
      expect(r.stdout).toMatch(/Ingested 9 of 9 calls/);
      expect(r.status).toBe(0);
      const again = spawnSync(process.execPath, [bin, "gong", "sync", "--from", "2026-08-01", "--to", "2026-11-21", "--no-users"], { env, encoding: "utf8", timeout: 60_000 });
      expect(again.stdout).toMatch(/No calls to ingest/);
      const bad = spawnSync(process.execPath, [bin, "gong", "sync", "--from", "yesterday", "--to", "2026-11-21"], { env, encoding: "utf8" });
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/--from "yesterday" is not an ISO-8601 date/);
    } finally {
      sim.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 150_000);

  it("explains missing Gong credentials", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", CALLCOACH_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cc-gong-nocred-")) };
    delete env.DATABASE_URL;
    for (const k of ["GONG_API_KEY", "GONG_API_SECRET", "GONG_API_TOKEN"]) delete env[k];
    const r = spawnSync(process.execPath, [bin, "gong", "sync", "--from", "2026-11-01", "--to", "2026-11-02"], { env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/GONG_API_KEY/);
  });
});
