import fs from "node:fs";
import { Client } from "pg";
import { pgConnectionOptions } from "../../src/core/db/pg-options";

export default async function globalTeardown(): Promise<void> {
  const template = process.env.CALLCOACH_TEST_PG_TEMPLATE;
  if (template && process.env.DATABASE_URL) {
    const admin = new Client({ connectionString: pgConnectionOptions(process.env.DATABASE_URL).url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.end();
  }
  const dir = process.env.CALLCOACH_TEST_WORKDIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
