/**
 * `callcoach worker` as a real process: refuses the embedded database; on PostgreSQL runs queued jobs
 * and stops cleanly on SIGTERM.
 */
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { spawn, spawnSync } from "node:child_process";
import { backend, createTestDatabase, captureLogger, type TestDatabase } from "../helpers/test-db";
import { openApp, type App } from "../../src/core/app";
import { waitFor } from "../helpers/wait";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/callcoach.js");

beforeAll(() => {
  if (!fs.existsSync(path.join(root, "dist/src/cli/main.js"))) throw new Error("run `npm run build` first (npm test does)");
});

function env(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", PORT: "0", ...extra };
  if (!extra.DATABASE_URL) delete e.DATABASE_URL;
  return e;
}

it("refuses to run on the embedded database, saying why", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-worker-"));
  const r = spawnSync(process.execPath, [bin, "worker"], { env: env({ CALLCOACH_DATA_DIR: dataDir }), encoding: "utf8" });
  expect(r.status).not.toBe(0);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/^callcoach: callcoach worker needs DATABASE_URL/);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

(backend === "postgres" ? describe : describe.skip)("on PostgreSQL", () => {
  let tdb: TestDatabase;
  let app: App;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    app = await openApp(tdb.config, captureLogger().logger, { command: "test", db: tdb.db, migrate: false });
  });
  afterAll(async () => {
    await app.close();
    await tdb.close();
  });

  it("runs queued jobs and exits 0 on SIGTERM", async () => {
    const [call] = await tdb.db.dataSource.query(
      `INSERT INTO calls (title, started_at, duration_s, transcript_hash, ingested_at) VALUES ('W', now(), 60, 'hw', now()) RETURNING id`,
    );
    const jobId = (await app.queue.enqueue("call.analyze", { callId: call.id }))!;
    const child = spawn(process.execPath, [bin, "worker"], {
      env: env({ DATABASE_URL: tdb.config.databaseUrl, CALLCOACH_DATA_DIR: tdb.config.dataDir }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await waitFor("the worker to start", async () => stdout.includes("worker running"), 30_000);
      await waitFor("the job to complete", async () => {
        const rows = await tdb.db.dataSource.query(`SELECT state::text AS s FROM pgboss.job WHERE id = $1`, [jobId]);
        return rows[0]?.s === "completed";
      }, 30_000);
      const [row] = await tdb.db.dataSource.query(`SELECT analysis_requested_at AS t FROM calls WHERE id = $1`, [call.id]);
      expect(row.t).toBeInstanceOf(Date);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/second signal/);
  });
});
