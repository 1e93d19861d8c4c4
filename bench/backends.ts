/**
 * The two backends the webhook, queue and backfill sections run on: a fresh PostgreSQL database
 * (created on the server of BENCH_DATABASE_URL, else 127.0.0.1:5432 when reachable; dropped
 * afterwards) and an in-memory embedded PGlite. Each open is a real `openApp` (migrations applied)
 * with the given extra configuration.
 */
import fs from "node:fs";
import path from "node:path";
import { createLogger, loadConfig, openApp, type App } from "./src-imports";
import { createScratchDatabase, describePgUrl, tcpReachable, type ScratchDatabase } from "./postgres";
import type { SectionContext } from "./section";

export type BackendKind = "postgres" | "pglite";

export interface OpenedApp {
  app: App;
  kind: BackendKind;
  /** e.g. "PostgreSQL 15.20 (fresh database callcoach_webhook_1a2b3c4d)". */
  backend: string;
  /** Short name for tables: "PostgreSQL 15.20" / "PGlite". */
  short: string;
  /** Closes the app (idempotent) and drops the scratch database. */
  close(): Promise<void>;
}

/** The PostgreSQL server for the new sections: BENCH_DATABASE_URL, else 127.0.0.1:5432 when reachable. */
export async function findPostgres(): Promise<{ url: string | null; reason: string | null }> {
  const env = process.env.BENCH_DATABASE_URL?.trim();
  if (env) return { url: env, reason: null };
  if (await tcpReachable("127.0.0.1", 5432)) return { url: "postgres://postgres@127.0.0.1:5432/postgres", reason: null };
  return { url: null, reason: "BENCH_DATABASE_URL unset and nothing listens on 127.0.0.1:5432" };
}

/** The backends to run, PostgreSQL first (when available). */
export function backendsFor(ctx: SectionContext): BackendKind[] {
  return ctx.pgAdminUrl ? ["postgres", "pglite"] : ["pglite"];
}

export async function openBenchApp(
  ctx: SectionContext,
  kind: BackendKind,
  label: string,
  env: Record<string, string> = {},
): Promise<OpenedApp> {
  let scratch: ScratchDatabase | null = null;
  if (kind === "postgres") {
    if (!ctx.pgAdminUrl) throw new Error("no PostgreSQL server configured");
    ctx.progress(`${label}: creating a fresh database on ${describePgUrl(ctx.pgAdminUrl)}…`);
    scratch = await createScratchDatabase(ctx.pgAdminUrl, label);
    const s = scratch;
    ctx.onCleanup(`drop database ${s.name}`, () => s.drop());
  }
  const dataDir = fs.mkdtempSync(path.join(ctx.tmp, `${label}-${kind}-`));
  const config = loadConfig({
    CALLCOACH_DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...env,
  });
  ctx.progress(scratch ? `${label}: opening and migrating ${scratch.name}…` : `${label}: opening an in-memory PGlite and migrating…`);
  const app = await openApp(config, createLogger("warn"), { command: `bench ${label}`, memory: true });
  ctx.onCleanup(`close ${label} app (${kind})`, () => app.close());
  let closing: Promise<void> | undefined;
  return {
    app,
    kind,
    backend: scratch ? `PostgreSQL ${scratch.version} (fresh database ${scratch.name})` : "embedded PGlite (in-memory, fresh)",
    short: scratch ? `PostgreSQL ${scratch.version}` : "PGlite",
    close() {
      closing ??= (async () => {
        await app.close();
        await scratch?.drop();
      })();
      return closing;
    },
  };
}
