/**
 * A running call-coach server for one test file (real HTTP on a free port, real database), plus
 * a small GraphQL-over-HTTP helper and token helpers.
 */
import { openApp, startServer, type Server } from "../../src/core/app";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { captureLogger, createTestDatabase, type TestDatabase } from "./test-db";

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  url: string;
  server: Server;
  tdb: TestDatabase;
  adminToken: string;
  logs: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  token(role: TokenRole, repEmail?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { demo?: boolean; env?: Record<string, string>; /** run job workers in the server (default true) */ workers?: boolean } = {}): Promise<TestServer> {
  const tdb = await createTestDatabase(opts.env);
  const { logger, lines } = captureLogger("debug");
  const app = await openApp(tdb.config, logger, { command: "test", db: tdb.db, migrate: false });
  const server = await startServer(app, { demo: opts.demo ?? false, workers: opts.workers });
  const adminToken = server.adminToken!;
  const url = server.http.url;
  const gql: TestServer["gql"] = async (query, variables, token = adminToken) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse<any>;
    return { status: res.status, data: body.data, errors: body.errors };
  };
  return {
    url,
    server,
    tdb,
    adminToken,
    logs: lines,
    gql,
    async token(role, repEmail) {
      const r = await app.services.tokens.create({ role, repEmail });
      return r.token;
    },
    async close() {
      await server.close(); // HTTP, job runner, database connections
      await tdb.close();
    },
  };
}
