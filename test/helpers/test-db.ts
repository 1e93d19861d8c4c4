/**
 * A fresh, migrated database for one test file, cloned from the run's template (see
 * global-setup.ts): a new PostgreSQL database, or an in-memory PGlite loaded from the tarball.
 */
import "reflect-metadata";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { Writable } from "node:stream";
import { loadConfig, type Config } from "../../src/core/config";
import { openDatabase, type Database } from "../../src/core/db/database";
import { pgConnectionOptions } from "../../src/core/db/pg-options";
import { createLogger, type Logger } from "../../src/core/logger";

export const backend = process.env.DATABASE_URL ? "postgres" : "pglite";

export interface TestDatabase {
  config: Config;
  db: Database;
  close(): Promise<void>;
}

/** Config for tests: a private data dir, a free port, quiet logs; `env` overrides. */
export function testConfig(env: Record<string, string> = {}, databaseUrl?: string): Config {
  const dataDir = fs.mkdtempSync(path.join(process.env.CALLCOACH_TEST_WORKDIR ?? os.tmpdir(), "data-"));
  return loadConfig({
    CALLCOACH_DATA_DIR: dataDir,
    PORT: "0",
    LOG_LEVEL: "silent",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
}

export async function createTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const template = process.env.CALLCOACH_TEST_PG_TEMPLATE;
  if (process.env.DATABASE_URL && template) {
    const name = `callcoach_t_${crypto.randomBytes(5).toString("hex")}`;
    const admin = new Client({ connectionString: pgConnectionOptions(process.env.DATABASE_URL).url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const config = testConfig(env, url.toString());
    const db = await openDatabase(config, { command: "test" });
    return {
      config,
      db,
      async close() {
        await db.close();
        const c = new Client({ connectionString: pgConnectionOptions(process.env.DATABASE_URL!).url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const tarball = process.env.CALLCOACH_TEST_PGLITE_TEMPLATE;
  if (!tarball) throw new Error("test template missing: run tests through jest (globalSetup)");
  const config = testConfig(env);
  const db = await openDatabase(config, {
    command: "test",
    memory: true,
    loadDataDir: new Blob([fs.readFileSync(tarball)]),
  });
  return { config, db, close: () => db.close() };
}

/** A logger whose JSON lines are kept in `lines` (to assert on logs). */
export function captureLogger(level = "info"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      cb();
    },
  });
  return { logger: createLogger(level, stream), lines };
}
