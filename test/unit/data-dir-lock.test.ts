import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DataDirLock, DataDirLockedError, lockPath, readLock, type LockInfo } from "../../src/core/db/data-dir-lock";

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "callcoach-lock-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const freshDir = () => fs.mkdtempSync(path.join(root, "dir-"));

/** The pid of a child process that has already exited (so certainly not alive now). */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => resolve(child.pid!));
  });
}

function writeLock(dir: string, info: Partial<LockInfo>): void {
  const full: LockInfo = { pid: 1, url: null, command: "serve", startedAt: new Date().toISOString(), ...info };
  fs.writeFileSync(lockPath(dir), JSON.stringify(full));
}

describe("DataDirLock", () => {
  it("creates the data dir and a 0600 lock file recording this process", () => {
    const dir = path.join(freshDir(), "nested", "data");
    const lock = DataDirLock.acquire(dir, "import");
    try {
      expect(fs.statSync(lockPath(dir)).mode & 0o777).toBe(0o600);
      const info = readLock(dir);
      expect(info).toMatchObject({ pid: process.pid, url: null, command: "import" });
      expect(Number.isNaN(Date.parse(info!.startedAt))).toBe(false);
    } finally {
      lock.release();
    }
  });

  it("refuses a second acquire of one data dir in the same process", () => {
    const dir = freshDir();
    const lock = DataDirLock.acquire(dir, "serve");
    try {
      let err: unknown;
      try {
        DataDirLock.acquire(dir, "migrate");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DataDirLockedError);
      const locked = err as DataDirLockedError;
      expect(locked.holder.pid).toBe(process.pid);
      expect(locked.dataDir).toBe(dir);
      expect(locked.message).toContain(`pid ${process.pid}`);
      expect(locked.message).toContain('"serve"');
      // The first holder's lock is untouched.
      expect(readLock(dir)?.command).toBe("serve");
    } finally {
      lock.release();
    }
  });

  it("refuses a data dir held by another live process, naming its pid and url", () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.ppid, url: "http://127.0.0.1:4321", command: "serve" });
    let err: unknown;
    try {
      DataDirLock.acquire(dir, "import");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toBe(
      `The data dir ${dir} is in use by a call-coach server (pid ${process.ppid}) at http://127.0.0.1:4321.`,
    );
    expect(readLock(dir)?.pid).toBe(process.ppid);
  });

  it("replaces a lock left by a process that has exited", async () => {
    const dir = freshDir();
    const pid = await deadPid();
    writeLock(dir, { pid, url: "http://127.0.0.1:9", command: "serve" });
    expect(readLock(dir)).toBeNull(); // its holder is dead
    const lock = DataDirLock.acquire(dir, "migrate");
    try {
      expect(readLock(dir)).toMatchObject({ pid: process.pid, url: null, command: "migrate" });
    } finally {
      lock.release();
    }
  });

  it("replaces a lock carrying this process's pid that this process does not hold (a restarted container's pid 1)", () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.pid, url: "http://127.0.0.1:4000", command: "serve" });
    const lock = DataDirLock.acquire(dir, "serve");
    try {
      expect(readLock(dir)).toMatchObject({ pid: process.pid, url: null, command: "serve" });
      // Held now: a second acquire in this process is refused.
      expect(() => DataDirLock.acquire(dir, "import")).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
  });

  it("replaces a torn (unparseable) lock file", () => {
    const dir = freshDir();
    fs.writeFileSync(lockPath(dir), '{"pid": 12');
    expect(readLock(dir)).toBeNull();
    const lock = DataDirLock.acquire(dir, "import");
    try {
      expect(readLock(dir)?.pid).toBe(process.pid);
    } finally {
      lock.release();
    }
  });

  it("setUrl is visible through readLock; release removes the file", () => {
    const dir = freshDir();
    const lock = DataDirLock.acquire(dir, "serve");
    lock.setUrl("http://127.0.0.1:45678");
    expect(readLock(dir)).toMatchObject({ pid: process.pid, url: "http://127.0.0.1:45678", command: "serve" });
    expect(fs.statSync(lockPath(dir)).mode & 0o777).toBe(0o600);
    // No temp file left behind by the atomic rewrite.
    expect(fs.readdirSync(dir)).toEqual(["callcoach.lock"]);
    lock.release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
    expect(readLock(dir)).toBeNull();
    lock.release(); // idempotent
    // The dir can be taken again.
    const again = DataDirLock.acquire(dir, "serve");
    again.release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it("release does not remove a lock another live process took over", () => {
    const dir = freshDir();
    const lock = DataDirLock.acquire(dir, "import");
    writeLock(dir, { pid: process.ppid, command: "serve" });
    lock.release();
    expect(readLock(dir)?.pid).toBe(process.ppid);
  });

  it("readLock returns null when there is no lock file", () => {
    expect(readLock(freshDir())).toBeNull();
  });
});
