/**
 * Applies the SQL files of `migrations/` in name order, each in its own transaction, recording
 * them in `callcoach_migrations` with a checksum. An advisory lock makes concurrent starts of many
 * processes against one Postgres safe; an edited, already-applied file is refused.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import { migrationsDir } from "../paths";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

const LOCK_KEY = 0x63616c6c; // "call"

export function readMigrationFiles(dir = migrationsDir()): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS callcoach_migrations (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(
  dataSource: DataSource,
  onApplied?: (name: string) => void,
  files = readMigrationFiles(),
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const done: string[] = [];
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await runner.query(CREATE_TABLE);
      const rows: { name: string; checksum: string }[] = await runner.query(
        "SELECT name, checksum FROM callcoach_migrations",
      );
      const applied = new Map(rows.map((r) => [r.name, r.checksum]));
      for (const file of files) {
        const known = applied.get(file.name);
        if (known) {
          if (known !== file.checksum) {
            throw new MigrationError(
              `Migration ${file.name} was changed after it was applied; add a new migration instead of editing it.`,
            );
          }
          continue;
        }
        await runner.startTransaction();
        try {
          await runner.query(file.sql);
          await runner.query("INSERT INTO callcoach_migrations (name, checksum) VALUES ($1, $2)", [
            file.name,
            file.checksum,
          ]);
          await runner.commitTransaction();
        } catch (err) {
          await runner.rollbackTransaction();
          throw new MigrationError(`Migration ${file.name} failed: ${(err as Error).message}`);
        }
        done.push(file.name);
        onApplied?.(file.name);
      }
    } finally {
      await runner.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
  return done;
}

/** Which migrations are applied and which are pending (for `/readyz` and `doctor`). */
export async function migrationStatus(dataSource: DataSource, files = readMigrationFiles()): Promise<MigrationStatus> {
  const exists: { t: string | null }[] = await dataSource.query("SELECT to_regclass('callcoach_migrations') AS t");
  const rows: { name: string }[] = exists[0]?.t ? await dataSource.query("SELECT name FROM callcoach_migrations") : [];
  const applied = new Set(rows.map((r) => r.name));
  return {
    applied: files.filter((f) => applied.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name),
  };
}
