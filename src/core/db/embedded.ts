/**
 * Embedded Postgres: PGlite (Postgres compiled to WASM) served on 127.0.0.1 by pglite-socket, so
 * TypeORM reaches it with the ordinary `pg` driver exactly as it reaches a real server.
 * The socket serialises everything through one backend session; see docs/architecture.md.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** postgres:// URL of the socket server. */
  url: string;
  db: PGlite;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder of the database files, or "memory://" for a throw-away database. */
  pgDataDir: string;
  maxConnections: number;
  /** A data-dir tarball (from `dumpDataDir`) to start from, e.g. a migrated test template. */
  loadDataDir?: Blob;
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  if (opts.pgDataDir !== "memory://") fs.mkdirSync(path.dirname(opts.pgDataDir), { recursive: true });
  const db = await PGlite.create(opts.pgDataDir === "memory://" ? undefined : opts.pgDataDir, {
    loadDataDir: opts.loadDataDir,
  });
  const server: PGLiteSocketServer = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    maxConnections: opts.maxConnections,
  });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgres://postgres@${conn}/postgres`,
    db,
    async stop() {
      await server.stop();
      if (!db.closed) await db.close();
    },
  };
}
