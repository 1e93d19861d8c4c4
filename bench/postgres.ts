/**
 * Throw-away PostgreSQL databases for the benchmarks: CREATE a uniquely named database on the
 * server an admin URL points at, hand out its URL, DROP it (WITH (FORCE)) afterwards.
 */
import crypto from "node:crypto";
import net from "node:net";
import { Client, type ClientConfig } from "pg";
import { pgConnectionOptions, redactUrl } from "./src-imports";

export interface ScratchDatabase {
  name: string;
  /** URL of the new database (same credentials and options as the admin URL). */
  url: string;
  /** Server version string (SELECT version()). */
  version: string;
  drop(): Promise<void>;
}

async function adminClient(adminUrl: string): Promise<Client> {
  const { url, ssl } = pgConnectionOptions(adminUrl);
  const client = new Client({ connectionString: url, ssl: ssl as ClientConfig["ssl"], connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

/** Creates `callcoach_bench_<random>` on the server of `adminUrl`. */
export async function createScratchDatabase(adminUrl: string, label = "bench"): Promise<ScratchDatabase> {
  const name = `callcoach_${label}_${crypto.randomBytes(4).toString("hex")}`;
  const client = await adminClient(adminUrl);
  let version: string;
  try {
    await client.query(`CREATE DATABASE "${name}"`);
    const rows = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    version = rows.rows[0].v.split(" ")[0]; // "15.20 (Debian …)" → "15.20"
  } finally {
    await client.end().catch(() => undefined);
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: u.toString(),
    version,
    async drop() {
      if (dropped) return;
      dropped = true;
      const c = await adminClient(adminUrl);
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end().catch(() => undefined);
      }
    },
  };
}

/** True when a TCP connection to host:port succeeds within `timeoutMs`. */
export function tcpReachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** "postgres://user:***@host:port/db" for printing. */
export const describePgUrl = (url: string) => redactUrl(url);
