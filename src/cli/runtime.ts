/**
 * What every CLI command needs: configuration, a logger, and the database — opened here, or, when a
 * running server holds the embedded data dir, that server reached over GraphQL (DESIGN §3).
 */
import { loadConfig, type Config } from "../core/config";
import { createLogger, type Logger } from "../core/logger";
import type { App } from "../core/app";
import { loadAppModule } from "../core/load-app";
import { readLock } from "../core/db/data-dir-lock";
import { readAdminToken, adminTokenPath } from "../modules/tokens/admin-token-file";
import type { ClientOptions } from "../../clients/execute";

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export interface CliRuntime {
  config: Config;
  logger: Logger;
}

/** Loads configuration; one-off commands log warnings and errors only unless LOG_LEVEL asks for more. */
export function cliRuntime(opts: { quiet?: boolean } = {}): CliRuntime {
  const config = loadConfig();
  const level = opts.quiet && config.logLevel === "info" ? "warn" : config.logLevel;
  return { config, logger: createLogger(level) };
}

export type Target = { kind: "local"; app: App } | { kind: "remote"; client: ClientOptions; url: string };

/**
 * Opens the database for a one-off command, or returns a client of the server that holds the
 * embedded data dir. With DATABASE_URL the database is always opened directly.
 */
export async function openTarget(rt: CliRuntime, command: string, appOpts: { knowledge?: boolean } = {}): Promise<Target> {
  const { config, logger } = rt;
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.url) {
      const token = readAdminToken(config.dataDir);
      if (!token) {
        throw new CliError(
          `A call-coach server (pid ${holder.pid}) at ${holder.url} holds ${config.dataDir}, but ${adminTokenPath(config.dataDir)} is missing, so this command cannot act through it. Stop the server or restore the admin token.`,
        );
      }
      logger.debug({ url: holder.url }, "talking to the running server");
      return { kind: "remote", client: { url: holder.url, token }, url: holder.url };
    }
  }
  // Loaded here, not at the top: commands that only talk to a server (mcp) start without it.
  const { openApp } = loadAppModule();
  const app = await openApp(config, logger, { command, ...appOpts });
  return { kind: "local", app };
}

export async function closeTarget(target: Target): Promise<void> {
  if (target.kind === "local") await target.app.close();
}
