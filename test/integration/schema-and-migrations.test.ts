import fs from "node:fs";
import { createTestDatabase, backend, type TestDatabase } from "../helpers/test-db";
import { migrate, migrationStatus, readMigrationFiles, MigrationError } from "../../src/core/db/migrator";
import { createSchema, printSchemaSdl, schemaFilePath } from "../../src/core/graphql/schema";

describe(`migrations and the committed schema (${backend})`, () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb.close();
  });

  it("leaves nothing for TypeORM to change: entities and SQL migrations agree", async () => {
    const sql = await tdb.db.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("has every migration applied, and applying again is a no-op", async () => {
    const status = await migrationStatus(tdb.db.dataSource);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(readMigrationFiles().map((f) => f.name));
    expect(await migrate(tdb.db.dataSource)).toEqual([]);
  });

  it("refuses to run when an applied migration file was edited", async () => {
    const files = readMigrationFiles().map((f, i) => (i === 0 ? { ...f, checksum: "edited" } : f));
    await expect(migrate(tdb.db.dataSource, undefined, files)).rejects.toThrow(MigrationError);
    await expect(migrate(tdb.db.dataSource, undefined, files)).rejects.toThrow(/0001_initial\.sql was changed/);
  });

  it("rolls back a failing migration and reports its name", async () => {
    const files = [
      ...readMigrationFiles(),
      { name: "9999_broken.sql", sql: "CREATE TABLE half_done (id int); SELECT no_such_function();", checksum: "x" },
    ];
    await expect(migrate(tdb.db.dataSource, undefined, files)).rejects.toThrow(/9999_broken\.sql failed/);
    const t = await tdb.db.dataSource.query(`SELECT to_regclass('half_done') AS t`);
    expect(t[0].t).toBeNull();
  });

  it("matches the committed schema/schema.graphql (run `npm run codegen` after changing resolvers)", async () => {
    const committed = fs.readFileSync(schemaFilePath(), "utf8");
    expect(printSchemaSdl(await createSchema())).toBe(committed);
  });

  it("documents every type and field of the schema", async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if ("getFields" in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
