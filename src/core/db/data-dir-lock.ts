/**
 * The embedded database is one process's database. The process that opens a data dir holds
 * `<dataDir>/callcoach.lock`, recording its pid and (once listening) its base URL, so that other
 * CLI invocations can talk to it over GraphQL instead of opening the files (DESIGN §3).
 */
import fs from "node:fs";
import path from "node:path";

export interface LockInfo {
  pid: number;
  /** Base URL of the HTTP server holding the data dir, or null for a one-off CLI command. */
  url: string | null;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      holder.url
        ? `The data dir ${dataDir} is in use by a call-coach server (pid ${holder.pid}) at ${holder.url}.`
        : `The data dir ${dataDir} is in use by another call-coach process (pid ${holder.pid}, "${holder.command}"); wait for it to finish or stop it.`,
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Data dirs locked by this process. A lock file with our own pid that is not in here was left by
 * an earlier process that had the same pid — a container restarted with node as pid 1 — so it is
 * stale, not ours.
 */
const heldHere = new Set<string>();

export const lockPath = (dataDir: string) => path.join(dataDir, "callcoach.lock");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads the lock of a data dir; returns null when there is none or its holder is dead. */
export function readLock(dataDir: string): LockInfo | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath(dataDir), "utf8");
  } catch {
    return null;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    if (typeof info.pid === "number" && info.pid !== process.pid && isAlive(info.pid)) return info;
    if (info.pid === process.pid && heldHere.has(path.resolve(dataDir))) return info;
  } catch {
    // A torn write from a crashed process: treat as stale.
  }
  return null;
}


export class DataDirLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private info: LockInfo,
  ) {}

  /** Takes the lock or throws DataDirLockedError naming the live holder. Stale locks are replaced. */
  static acquire(dataDir: string, command: string): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = lockPath(dataDir);
    const info: LockInfo = { pid: process.pid, url: null, command, startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, JSON.stringify(info), { flag: "wx", mode: 0o600 });
        heldHere.add(path.resolve(dataDir));
        return new DataDirLock(dataDir, info);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        const holder = readLock(dataDir);
        if (holder && holder.pid !== process.pid) throw new DataDirLockedError(dataDir, holder);
        if (holder && holder.pid === process.pid && heldHere.has(path.resolve(dataDir))) {
          throw new DataDirLockedError(dataDir, holder);
        }
        fs.rmSync(file, { force: true }); // stale: its process is gone
      }
    }
    throw new Error(`Could not take the lock ${file}`);
  }

  /** Records the server's base URL so other processes can reach it. */
  setUrl(url: string): void {
    this.info = { ...this.info, url };
    const tmp = `${lockPath(this.dataDir)}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.info), { mode: 0o600 });
    fs.renameSync(tmp, lockPath(this.dataDir));
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    heldHere.delete(path.resolve(this.dataDir));
    const current = readLock(this.dataDir);
    if (!current || current.pid === process.pid) fs.rmSync(lockPath(this.dataDir), { force: true });
  }
}
