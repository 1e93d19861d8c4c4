/**
 * The compiled CLI (`bin/callcoach.js`, after `npm run build`) as a child process, for end-to-end
 * tests: `spawnCli` starts one (tracked, so a test file can kill what is left in afterAll), `runCli`
 * runs one command to completion with its output collected, killed and failed after `timeoutMs`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "bin/callcoach.js");

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Children still running, to kill in afterAll. */
export const liveChildren = new Set<ChildProcess>();

export function spawnCli(args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  liveChildren.add(child);
  child.on("close", () => liveChildren.delete(child));
  return child;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, opts: { timeoutMs: number; cwd?: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env, opts.cwd);
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`callcoach ${args.join(" ")} did not finish in ${opts.timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
