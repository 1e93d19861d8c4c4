/**
 * Makes one migrated template database for the whole run: on PostgreSQL a template database
 * (`CREATE DATABASE … TEMPLATE`), on PGlite a data-dir tarball that each test file loads.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { loadConfig } from "../../src/core/config";
import { openDatabase } from "../../src/core/db/database";
import { migrate } from "../../src/core/db/migrator";
import { pgConnectionOptions } from "../../src/core/db/pg-options";

export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "callcoach-test-"));
  process.env.CALLCOACH_TEST_WORKDIR = workDir;
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = `callcoach_tmpl_${runId}`;
    const admin = new Client({ connectionString: pgConnectionOptions(databaseUrl).url });
    try {
      await admin.connect();
    } catch (err) {
      throw new Error(`Tests need the PostgreSQL server of DATABASE_URL, which is unreachable: ${(err as Error).message}`);
    }
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${template}`;
    const config = loadConfig({ DATABASE_URL: url.toString(), CALLCOACH_DATA_DIR: workDir });
    const db = await openDatabase(config, { command: "test-template" });
    await migrate(db.dataSource);
    await db.close();
    process.env.CALLCOACH_TEST_PG_TEMPLATE = template;
  } else {
    const config = loadConfig({ CALLCOACH_DATA_DIR: workDir });
    const db = await openDatabase(config, { command: "test-template", memory: true });
    await migrate(db.dataSource);
    const dump = await db.embedded!.db.dumpDataDir("none");
    const file = path.join(workDir, "template.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    process.env.CALLCOACH_TEST_PGLITE_TEMPLATE = file;
  }
}
