/**
 * Which GraphQL API the MCP adapter talks to (DESIGN §3, process model):
 * 1. CALLCOACH_URL (+ CALLCOACH_TOKEN): a server running anywhere;
 * 2. else, on the embedded database, the server already holding the data dir (its lock file names
 *    its URL; the token is CALLCOACH_TOKEN or `<data dir>/admin-token`);
 * 3. else a server started in this process on a free loopback port, over the embedded database (or
 *    DATABASE_URL), with job workers, as `serve` would run — so Claude Desktop needs one config entry.
 */
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import type { ClientOptions } from "../../clients/execute";
import { readLock } from "../core/db/data-dir-lock";
import { loadAppModule } from "../core/load-app";
import { adminTokenPath, readAdminToken } from "../modules/tokens/admin-token-file";

export class McpTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "McpTargetError";
  }
}

export interface McpTarget {
  /** The API's base URL (without /graphql). */
  url: string;
  /** The token tools use; undefined over HTTP, where each caller sends their own. */
  token: string | undefined;
  /** How the API was found, for the start-up log line. */
  via: "CALLCOACH_URL" | "running server" | "in-process server";
  /** Stops the in-process server, if this process started one. */
  close(): Promise<void>;
}

type TargetOptions = { needToken: boolean; demo?: boolean };

function tokenOrThrow(opts: TargetOptions) {
  return (token: string | undefined | null, how: string): string | undefined => {
    if (token) return token;
    if (opts.needToken) throw new McpTargetError(how);
    return undefined;
  };
}

/** Cases 1 and 2: a server that is already running (no I/O but reading the lock file), else null. */
export function findRunningTarget(config: Config, opts: TargetOptions): McpTarget | null {
  const need = tokenOrThrow(opts);
  if (config.clientUrl) {
    return {
      url: config.clientUrl,
      token: need(config.clientToken, `CALLCOACH_URL is set (${config.clientUrl}) but CALLCOACH_TOKEN is not: create a token on that server (\`callcoach token create --role REP --rep you@company.com\`) and set CALLCOACH_TOKEN.`),
      via: "CALLCOACH_URL",
      close: async () => {},
    };
  }
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.url) {
      return {
        url: holder.url,
        token: need(
          config.clientToken ?? readAdminToken(config.dataDir),
          `A call-coach server (pid ${holder.pid}) at ${holder.url} holds ${config.dataDir}, but neither CALLCOACH_TOKEN nor ${adminTokenPath(config.dataDir)} gives a token to use.`,
        ),
        via: "running server",
        close: async () => {},
      };
    }
  }
  return null;
}

/** Case 3: call-coach started in this process, on a loopback port nobody else needs to know. */
export async function startInProcessTarget(config: Config, logger: Logger, opts: TargetOptions): Promise<McpTarget> {
  const need = tokenOrThrow(opts);
  const local: Config = Object.freeze({ ...config, host: "127.0.0.1", port: 0 });
  // Loaded only here: a client of a running server starts without the database stack.
  const { openApp, startServer } = loadAppModule();
  const app = await openApp(local, logger, { command: "mcp" });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(app, { demo: opts.demo ?? true, workers: true });
  } catch (err) {
    await app.close();
    throw err;
  }
  const token = config.clientToken ?? server.adminToken ?? readAdminToken(config.dataDir);
  return {
    url: server.http.url,
    token: need(
      token,
      `Started call-coach in this process, but there is no token to use: set CALLCOACH_TOKEN (create one with \`callcoach token create\`) or restore ${adminTokenPath(config.dataDir)}.`,
    ),
    via: "in-process server",
    close: () => server.close(),
  };
}

export async function resolveMcpTarget(config: Config, logger: Logger, opts: TargetOptions): Promise<McpTarget> {
  return findRunningTarget(config, opts) ?? (await startInProcessTarget(config, logger, opts));
}

export type { ClientOptions };
