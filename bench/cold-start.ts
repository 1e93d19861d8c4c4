/**
 * Cold start: spawn `node bin/callcoach.js serve --no-demo` and time spawn → first successful
 * authenticated, database-backed GraphQL answer (`{ reps { totalCount } }` with the ADMIN token of
 * `<dataDir>/admin-token`), polling every 25 ms once the URL is printed on stdout.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gql } from "./http";

export interface ColdStartRun {
  /** Spawn → the "GraphQL:" line on stdout, ms. */
  urlMs: number;
  /** Spawn → first successful `{ reps { totalCount } }`, ms. */
  answerMs: number;
  /** VmRSS of the child right after the first answer, in MiB (null where /proc is unavailable). */
  rssMiB: number | null;
}

export interface ColdStartOptions {
  repoRoot: string;
  dataDir: string;
  /** Real PostgreSQL; unset runs the embedded database of `dataDir`. */
  databaseUrl?: string;
  timeoutMs?: number;
}

const POLL_MS = 25;
const QUERY = "{ reps { totalCount } }";

/** Children still running; killed by `killAllChildren` on the way out. */
const live = new Set<ChildProcess>();

function readRssMiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends SIGTERM and waits for exit; SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    live.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  live.delete(child);
}

export async function killAllChildren(): Promise<void> {
  await Promise.all([...live].map((c) => stopChild(c, 5000)));
}

/** One measured start; the server is stopped (SIGTERM) before this returns. */
export async function measureColdStart(opts: ColdStartOptions): Promise<ColdStartRun> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    LOG_LEVEL: "warn",
    CALLCOACH_DATA_DIR: opts.dataDir,
    // Set explicitly (an empty value means "embedded"), so neither the caller's environment nor a
    // .env file picks the database.
    DATABASE_URL: opts.databaseUrl ?? "",
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(opts.repoRoot, "bin", "callcoach.js"), "serve", "--no-demo"], {
    cwd: opts.repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  let exitInfo: string | null = null;
  child.once("exit", (code, signal) => {
    exitInfo = `exited with ${signal ?? `code ${code}`}`;
    live.delete(child);
  });

  try {
    let urlMs = NaN;
    const graphqlUrl = await new Promise<string>((resolve, reject) => {
      let buf = "";
      const timer = setTimeout(() => reject(new Error(`no "GraphQL:" line within ${timeoutMs} ms`)), timeoutMs);
      child.stdout!.setEncoding("utf8").on("data", (d: string) => {
        buf += d;
        const m = /GraphQL:\s+(\S+)/.exec(buf);
        if (m) {
          urlMs = performance.now() - t0;
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once("exit", () => {
        clearTimeout(timer);
        reject(new Error(`server ${exitInfo} before printing its URL`));
      });
    });

    const tokenFile = path.join(opts.dataDir, "admin-token");
    const deadline = t0 + timeoutMs;
    let lastError = "";
    for (;;) {
      if (exitInfo) throw new Error(`server ${exitInfo} before answering`);
      if (performance.now() > deadline) throw new Error(`no successful answer within ${timeoutMs} ms (last: ${lastError})`);
      try {
        const token = fs.readFileSync(tokenFile, "utf8").trim();
        const r = await gql({ url: graphqlUrl, query: QUERY, token });
        if (r.status === 200 && typeof r.data?.reps?.totalCount === "number" && !r.errors?.length) {
          const answerMs = performance.now() - t0;
          const rssMiB = child.pid ? readRssMiB(child.pid) : null;
          return { urlMs, answerMs, rssMiB };
        }
        lastError = `HTTP ${r.status} ${r.errors?.map((e) => e.message).join("; ") ?? ""}`;
      } catch (err) {
        lastError = (err as Error).message;
      }
      await sleep(POLL_MS);
    }
  } catch (err) {
    const tail = stderr.trim().split("\n").slice(-5).join("\n    ");
    throw new Error(`${(err as Error).message}${tail ? `\n    child stderr: ${tail}` : ""}`);
  } finally {
    await stopChild(child);
  }
}
