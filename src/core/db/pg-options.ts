/**
 * Turns DATABASE_URL into `pg` connection options. `sslmode` follows libpq: `require` encrypts
 * without verifying the certificate, `verify-ca`/`verify-full` verify it, `disable` turns TLS off.
 * (Neon's URLs carry `sslmode=require`.)
 */
import type { TlsOptions } from "node:tls";

export interface PgConnectionOptions {
  url: string;
  ssl: false | TlsOptions | undefined;
}

export function pgConnectionOptions(databaseUrl: string): PgConnectionOptions {
  const u = new URL(databaseUrl);
  const mode = u.searchParams.get("sslmode") ?? (u.searchParams.get("ssl") === "true" ? "require" : null);
  // pg would re-read these from the string and override our choice; strip them.
  for (const k of ["sslmode", "ssl", "sslrootcert", "channel_binding"]) u.searchParams.delete(k);
  let ssl: PgConnectionOptions["ssl"];
  switch (mode) {
    case null:
    case "prefer":
    case "allow":
      ssl = undefined;
      break;
    case "disable":
      ssl = false;
      break;
    case "require":
      ssl = { rejectUnauthorized: false };
      break;
    case "verify-ca":
    case "verify-full":
      ssl = { rejectUnauthorized: true };
      break;
    default:
      throw new Error(`DATABASE_URL: unsupported sslmode "${mode}" (use disable, require, verify-ca or verify-full)`);
  }
  return { url: u.toString(), ssl };
}
