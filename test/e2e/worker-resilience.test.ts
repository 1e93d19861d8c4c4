/**
 * Worker processes on PostgreSQL: a worker killed with SIGKILL in the middle of `call.ingest` leaves
 * the job to expire and run again, with exactly one copy of the call's rows; two workers share one
 * queue without running any job twice.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { backend, createTestDatabase, captureLogger, type TestDatabase } from "../helpers/test-db";
import { openApp, type App } from "../../src/core/app";
import { waitFor } from "../helpers/wait";
import { startGongSimulator } from "../../src/gong/simulator";
import type { RunningSimulator } from "../../src/gong/simulator/types";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/callcoach.js");

interface Worker {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

(backend === "postgres" ? describe : describe.skip)("worker processes on PostgreSQL", () => {
  let tdb: TestDatabase;
  let app: App;
  let sim: RunningSimulator;
  const workers: Worker[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, "dist/src/cli/main.js"))) throw new Error("run `npm run build` first (npm test does)");
    sim = await startGongSimulator({ calls: 8, seed: 5, rateLimit: { perSecond: 200, perDay: 100_000 } });
    tdb = await createTestDatabase();
    app = await openApp(tdb.config, captureLogger().logger, { command: "test", db: tdb.db, migrate: false });
    await app.queue.start();
  });
  afterEach(() => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await app?.close();
    await tdb?.close();
    await sim?.stop();
  });

  function startWorker(): Worker {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: tdb.config.databaseUrl,
      CALLCOACH_DATA_DIR: tdb.config.dataDir,
      LOG_LEVEL: "info",
      GONG_API_BASE_URL: sim.url,
      GONG_API_KEY: "sim-key",
      GONG_API_SECRET: "sim-secret",
      GONG_REQUESTS_PER_SECOND: "100",
    };
    const child = spawn(process.execPath, [bin, "worker"], { env });
    const w: Worker = { child, stdout: "", stderr: "", exited: new Promise((r) => child.on("exit", (code) => r(code))) };
    child.stdout!.on("data", (d) => (w.stdout += d));
    child.stderr!.on("data", (d) => (w.stderr += d));
    workers.push(w);
    return w;
  }

  const state = async (jobId: string) =>
    (await tdb.db.dataSource.query(`SELECT state::text AS s FROM pgboss.job WHERE id = $1`, [jobId]))[0]?.s as string | undefined;

  it("re-runs a call.ingest job whose worker was killed mid-job, leaving one copy of the call", async () => {
    const gongCallId = sim.callIds()[7];
    sim.setFaults({ slowRate: 1, slowMs: 4000 }); // every Gong request takes 4 s: the job is caught mid-flight
    const jobId = (await app.queue.enqueue("call.ingest", { gongCallId, source: "manual" }, { expireInSeconds: 2, retryDelaySeconds: 1 }))!;
    const first = startWorker();
    await waitFor("the job to be active", async () => (await state(jobId)) === "active", 30_000);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull(); // killed, no clean exit
    sim.setFaults({});
    // The job stays active until it expires; pg-boss's maintenance then puts it back for a retry.
    await waitFor("the job to expire", async () => {
      await app.queue.boss.maintain();
      return (await state(jobId)) === "retry" || undefined;
    }, 30_000, 500);
    const second = startWorker();
    await waitFor("the retried job to complete", async () => (await state(jobId)) === "completed", 60_000);
    const [n] = await tdb.db.dataSource.query(
      `SELECT (SELECT count(*) FROM calls WHERE gong_id = $1)::int AS calls,
              (SELECT count(*) FROM call_participants p JOIN calls c ON c.id = p.call_id WHERE c.gong_id = $1)::int AS participants,
              (SELECT count(DISTINCT seq) = count(*) FROM transcript_segments s JOIN calls c ON c.id = s.call_id WHERE c.gong_id = $1) AS unique_segments`,
      [gongCallId],
    );
    expect(n.calls).toBe(1);
    expect(n.participants).toBeGreaterThanOrEqual(2);
    expect(n.unique_segments).toBe(true);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 150_000);

  it("shares the queue between two workers without running a job twice", async () => {
    const ids = sim.callIds().slice(0, 6);
    const jobIds: string[] = [];
    for (const gongCallId of ids) jobIds.push((await app.queue.enqueue("call.ingest", { gongCallId, source: "sync" }))!);
    const a = startWorker();
    const b = startWorker();
    await waitFor("every job to complete", async () => {
      const rows = await tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY($1) AND state = 'completed'`, [jobIds]);
      return rows[0].n === jobIds.length || undefined;
    }, 90_000);
    const completions = (w: Worker) =>
      w.stderr
        .split("\n")
        .filter((l) => l.includes('"msg":"job completed"') && l.includes('"queue":"call.ingest"'))
        .map((l) => JSON.parse(l).jobId as string)
        .filter((id) => jobIds.includes(id));
    const all = [...completions(a), ...completions(b)];
    expect(all.sort()).toEqual([...jobIds].sort()); // each job ran exactly once, in one of the two workers
    const [n] = await tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM calls WHERE gong_id = ANY($1)`, [ids]);
    expect(n.n).toBe(ids.length);
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  }, 150_000);
});
