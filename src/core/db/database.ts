/**
 * Opens the database the configuration names: a real Postgres when DATABASE_URL is set, else the
 * embedded PGlite in `<dataDir>/pgdata` (taking the data-dir lock). Both are reached through the
 * same TypeORM data source over the `pg` driver.
 */
import path from "node:path";
import { DataSource } from "typeorm";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { ENTITIES } from "./entities";
import { DataDirLock } from "./data-dir-lock";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import { pgConnectionOptions } from "./pg-options";
import { QueryCounter } from "./query-counter";

export interface Database {
  kind: "embedded" | "postgres";
  dataSource: DataSource;
  /** Connection URL (for pg-boss and tools). For embedded, the local socket. */
  url: string;
  lock: DataDirLock | null;
  embedded: EmbeddedPostgres | null;
  /** Counts SQL statements (tests and benchmarks). */
  counter: QueryCounter;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Name of the command opening the database (recorded in the lock file). */
  command: string;
  logger?: Logger;
  /** Embedded only: use a throw-away in-memory database (tests). */
  memory?: boolean;
  /** Embedded only: start from this data-dir tarball (tests). */
  loadDataDir?: Blob;
}

export async function openDatabase(config: Config, opts: OpenDatabaseOptions): Promise<Database> {
  let lock: DataDirLock | null = null;
  let embedded: EmbeddedPostgres | null = null;
  let url: string;
  let ssl: ReturnType<typeof pgConnectionOptions>["ssl"];
  if (config.databaseUrl) {
    ({ url, ssl } = pgConnectionOptions(config.databaseUrl));
  } else {
    if (!opts.memory) lock = DataDirLock.acquire(config.dataDir, opts.command);
    try {
      embedded = await startEmbeddedPostgres({
        pgDataDir: opts.memory ? "memory://" : path.join(config.dataDir, "pgdata"),
        maxConnections: config.pgliteMaxConnections,
        loadDataDir: opts.loadDataDir,
      });
    } catch (err) {
      lock?.release();
      throw err;
    }
    url = embedded.url;
    ssl = false;
  }
  const counter = new QueryCounter();
  const dataSource = new DataSource({
    type: "postgres",
    url,
    ssl,
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: "pgcrypto",
    installExtensions: false,
    logging: false,
    logger: counter,
    // PGlite runs one backend session behind the socket, and concurrent connections can interleave
    // extended-protocol messages ("unnamed prepared statement does not exist"). One connection
    // serialises everything in the client instead; the job runner shares it (job-queue.ts).
    extra: { max: embedded ? 1 : config.poolSize },
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    await embedded?.stop();
    lock?.release();
    const msg = (err as Error).message;
    throw new Error(
      config.databaseUrl ? `Cannot connect to DATABASE_URL: ${msg}` : `Cannot open the embedded database: ${msg}`,
    );
  }
  let closed = false;
  return {
    kind: embedded ? "embedded" : "postgres",
    dataSource,
    url,
    lock,
    embedded,
    counter,
    async close() {
      if (closed) return;
      closed = true;
      await dataSource.destroy().catch(() => undefined);
      await embedded?.stop();
      lock?.release();
    },
  };
}
