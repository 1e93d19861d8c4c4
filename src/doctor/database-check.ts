/**
 * Check 2 (the one required part): the database answers and its migrations are applied.
 *
 * - DATABASE_URL: connect (with a timeout) and compare `callcoach_migrations` with `migrations/`.
 * - Embedded, a server holds the data dir (lock with a URL): ask its `GET /readyz`; the files are
 *   not opened (DESIGN §3).
 * - Embedded, no database yet (no `<data dir>/pgdata`): ✓ "not created yet" — `serve` (or any
 *   command) creates and migrates it on first start — once the folder is known to be creatable.
 *   Doctor itself creates nothing.
 * - Embedded, a database exists: open it as a one-off command would (taking the lock) and compare.
 * - Embedded, another one-off command holds the data dir: SKIP (it cannot be looked at right now).
 *
 * A database without any migration applied (a new, empty one) passes: the first start applies
 * them. One with some but not all applied fails: running servers and workers lack tables.
 */
import fs from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { redactUrl, type Config } from "../core/config";
import { openDatabase } from "../core/db/database";
import { DataDirLockedError, readLock, type LockInfo } from "../core/db/data-dir-lock";
import { migrationStatus, readMigrationFiles, type MigrationStatus } from "../core/db/migrator";
import { pgConnectionOptions } from "../core/db/pg-options";
import type { CheckOptions, CheckResult } from "./types";
import { networkReason, oneLine, seconds, withTimeout } from "./util";

const TITLE = "database";

const ok = (message: string, details?: CheckResult["details"]): CheckResult => ({ id: "database", title: TITLE, status: "ok", message, details });
const fail = (message: string, hint: string, details?: CheckResult["details"]): CheckResult => ({
  id: "database",
  title: TITLE,
  status: "fail",
  message,
  hint,
  details,
});

export async function checkDatabase(config: Config, opts: CheckOptions): Promise<CheckResult> {
  return config.databaseUrl ? checkPostgres(config.databaseUrl, opts) : checkEmbedded(config, opts);
}

/** ✓ / ✗ from the applied and pending migrations. */
export function judgeMigrations(where: string, status: MigrationStatus, reached = "reachable"): CheckResult {
  const total = status.applied.length + status.pending.length;
  const details = { applied: status.applied.length, pending: status.pending.length };
  if (status.pending.length === 0) return ok(`${where}: ${reached}, all ${total} migrations applied`, details);
  if (status.applied.length === 0) {
    return ok(`${where}: ${reached} and empty; \`callcoach serve\` (or \`callcoach migrate\`) applies the ${total} migrations on first start`, details);
  }
  const names = status.pending.slice(0, 3).join(", ") + (status.pending.length > 3 ? ", …" : "");
  return fail(
    `${where}: ${status.pending.length} of ${total} migrations pending (${names})`,
    "run `callcoach migrate` (serve also applies them on start), then restart running servers and workers",
    details,
  );
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (DATABASE_URL)

async function checkPostgres(databaseUrl: string, opts: CheckOptions): Promise<CheckResult> {
  const shown = redactUrl(databaseUrl);
  let conn: ReturnType<typeof pgConnectionOptions>;
  try {
    conn = pgConnectionOptions(databaseUrl);
  } catch (err) {
    return fail(oneLine((err as Error).message), "fix sslmode in DATABASE_URL (disable, require, verify-ca or verify-full)");
  }
  const u = new URL(databaseUrl);
  const hostPort = `${u.hostname}:${u.port || 5432}`;
  const dataSource = new DataSource({
    type: "postgres",
    url: conn.url,
    ssl: conn.ssl,
    entities: [],
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    logging: false,
    connectTimeoutMS: opts.timeoutMs,
    extra: { max: 1, query_timeout: opts.timeoutMs },
  });
  try {
    await withTimeout(dataSource.initialize(), opts.timeoutMs + 1_000, `PostgreSQL at ${hostPort}`);
    const status = await withTimeout(migrationStatus(dataSource, readMigrationFiles()), opts.timeoutMs + 1_000, `PostgreSQL at ${hostPort}`);
    return judgeMigrations(`PostgreSQL ${shown}`, status);
  } catch (err) {
    return postgresFailure(err, shown, hostPort, u.pathname.replace(/^\//, ""), opts);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
  }
}

function postgresFailure(err: unknown, shown: string, hostPort: string, dbName: string, opts: CheckOptions): CheckResult {
  const e = err as { code?: string; message?: string };
  const msg = oneLine(e?.message ?? String(err));
  if (e?.code === "28P01" || e?.code === "28000") {
    return fail(`PostgreSQL ${shown} refused the login: ${msg}`, "check the user name and password in DATABASE_URL (and pg_hba.conf on the server)");
  }
  if (e?.code === "3D000") {
    return fail(`PostgreSQL ${shown}: ${msg}`, `create the database (createdb ${dbName || "NAME"}) or fix its name in DATABASE_URL`);
  }
  const reason = networkReason(err);
  if (/^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN|ECONNRESET|timed out)$/.test(reason) || /timeout|did not answer/i.test(msg)) {
    const why = /timeout|did not answer|timed out/i.test(`${reason} ${msg}`) ? `no answer within ${seconds(opts.timeoutMs)}` : reason;
    return fail(
      `cannot reach PostgreSQL at ${hostPort} (${why}); DATABASE_URL=${shown}`,
      `start PostgreSQL or fix the host and port in DATABASE_URL; unset DATABASE_URL to use the embedded database instead`,
    );
  }
  if (/ssl|tls|certificate/i.test(msg)) {
    return fail(`PostgreSQL ${shown}: ${msg}`, "check sslmode in DATABASE_URL (hosted servers such as Neon need sslmode=require)");
  }
  return fail(`PostgreSQL ${shown}: ${msg}`, "check DATABASE_URL and the server's log");
}

// ---------------------------------------------------------------------------------------------
// Embedded PGlite

async function checkEmbedded(config: Config, opts: CheckOptions): Promise<CheckResult> {
  const where = `embedded PGlite in ${config.dataDir}`;
  const holder = readLock(config.dataDir);
  if (holder) return heldBy(where, holder, opts);

  const pgdata = path.join(config.dataDir, "pgdata");
  if (isMissingOrEmpty(pgdata)) {
    const problem = cannotCreate(config.dataDir);
    if (problem) return fail(`${where}: ${problem}`, "set CALLCOACH_DATA_DIR to a folder this user can write to");
    return ok(
      `${where}: not created yet; \`callcoach serve\` creates it and applies the ${readMigrationFiles().length} migrations on first start`,
      { created: false },
    );
  }

  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(config, { command: "doctor" });
  } catch (err) {
    if (err instanceof DataDirLockedError) return heldBy(where, err.holder, opts);
    return fail(
      `${where}: ${oneLine((err as Error).message)}`,
      `check that this user can read and write ${pgdata}; if the files are damaged, restore a backup of the data dir`,
    );
  }
  try {
    return judgeMigrations(where, await migrationStatus(db.dataSource, readMigrationFiles()), "opens");
  } catch (err) {
    return fail(`${where}: ${oneLine((err as Error).message)}`, `check the files of ${pgdata}`);
  } finally {
    await db.close();
  }
}

/** Another process holds the data dir: ask the server's /readyz, or skip for a one-off command. */
async function heldBy(where: string, holder: LockInfo, opts: CheckOptions): Promise<CheckResult> {
  if (!holder.url) {
    return {
      id: "database",
      title: TITLE,
      status: "skip",
      message: `${where} is in use by another call-coach process (pid ${holder.pid}, "${holder.command}")`,
      hint: "run doctor again once that command has finished",
    };
  }
  const server = `the call-coach server (pid ${holder.pid}) at ${holder.url}`;
  let res: Response;
  try {
    res = await fetch(`${holder.url}/readyz`, { signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (err) {
    const reason = networkReason(err);
    return fail(
      `${where} is held by ${server}, whose /readyz does not answer (${reason === "timed out" ? `no answer within ${seconds(opts.timeoutMs)}` : reason})`,
      `check that server's log; if it hangs, stop it (kill ${holder.pid}) and start \`callcoach serve\` again`,
    );
  }
  const body = (await res.json().catch(() => ({}))) as { status?: string; migrations?: number; reason?: string };
  if (res.ok && body.status === "ready") {
    return ok(`${where}, served by ${server}: ready, ${body.migrations ?? "all"} migrations applied`, { server: holder.url });
  }
  return fail(
    `${where}, served by ${server}: not ready (HTTP ${res.status}${body.reason ? `: ${body.reason}` : ""})`,
    "check that server's log; restarting it applies pending migrations",
  );
}

function isMissingOrEmpty(dir: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return true; // missing (or a folder above it is not a folder: `cannotCreate` says so)
  }
  return stat.isDirectory() && fs.readdirSync(dir).length === 0;
}

/** Why the data dir could not be created or written to, or null when it can. */
function cannotCreate(dataDir: string): string | null {
  let dir = dataDir;
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(dir);
    } catch {
      // does not exist: look at its parent
    }
    if (stat) {
      if (!stat.isDirectory()) return `${dir} is not a folder`;
      try {
        fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
        return null;
      } catch {
        return dir === dataDir ? `${dir} is not writable` : `cannot be created: ${dir} is not writable`;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return `cannot be created: no existing folder above it`;
    dir = parent;
  }
}
