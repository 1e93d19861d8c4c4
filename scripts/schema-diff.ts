/**
 * Prints the SQL TypeORM would run to bring the database of the current configuration in line
 * with the entities (empty when migrations and entities agree). Used to write new migrations.
 *   npm run build && node dist/scripts/schema-diff.js
 */
import "reflect-metadata";
import { loadConfig } from "../src/core/config";
import { openDatabase } from "../src/core/db/database";
import { migrate } from "../src/core/db/migrator";

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, { command: "schema-diff", memory: !config.databaseUrl });
  try {
    if (!process.argv.includes("--empty")) await migrate(db.dataSource);
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    for (const q of sql.upQueries) console.log(q.query + ";");
  } finally {
    await db.close();
  }
}
void main();
