/**
 * HTTP composition: express 5 with GraphQL over HTTP (Apollo Server 5) and graphql-ws on the same
 * port and path, health, readiness and Prometheus metrics. Returns a handle whose close() drains
 * HTTP, closes WebSockets and stops Apollo.
 */
import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import express, { type Request, type Response, type NextFunction } from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { GraphQLError, parse, type GraphQLSchema } from "graphql";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Services } from "../services";
import type { Database } from "../db/database";
import { migrationStatus } from "../db/migrator";
import { authenticate, buildContext, type GraphQLContext } from "../graphql/context";
import { formatGraphQLError } from "../graphql/errors";
import { checkLimits } from "../graphql/limits";
import { DomainError } from "../errors";
import type { Viewer } from "../graphql/viewer";
import { currentRequestId, requestStore } from "../request-context";
import { createMetrics, type Metrics } from "./metrics";
import { limitsPlugin, metricsPlugin } from "./graphql-plugins";
import { gongWebhookHandler, isGongWebhookRequest, WEBHOOK_PATH } from "../../gong/webhook";

export interface HttpServerDeps {
  config: Config;
  logger: Logger;
  db: Database;
  services: Services;
  schema: GraphQLSchema;
}

export interface RunningHttpServer {
  /** Base URL actually listened on, e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  metrics: Metrics;
  close(): Promise<void>;
}

const REQUEST_ID_RE = /^[\w.:-]{1,100}$/;

export async function startHttpServer(deps: HttpServerDeps): Promise<RunningHttpServer> {
  const { config, logger, schema, services } = deps;
  const metrics = createMetrics();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  /** Every request: its id (the caller's x-request-id if well formed), the duration histogram and the "request" log line. */
  const observeRequest = (req: http.IncomingMessage, res: http.ServerResponse, route?: string): string => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID_RE.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader("x-request-id", requestId);
    const end = metrics.httpDuration.startTimer({ method: req.method });
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const pathOnly = ((req as Partial<Request>).originalUrl ?? req.url ?? "").split("?")[0];
      const label = route ?? (req as Partial<Request>).route?.path ?? (pathOnly.startsWith("/graphql") ? "/graphql" : "other");
      end({ route: String(label), status: String(res.statusCode) });
      const quiet = pathOnly === "/healthz" || pathOnly === "/readyz" || pathOnly === "/metrics";
      logger[quiet ? "debug" : "info"](
        {
          requestId,
          method: req.method,
          path: pathOnly,
          status: res.statusCode,
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        "request",
      );
    });
    return requestId;
  };

  let baseUrl = "";
  // POST /webhooks/gong is served without express (see src/gong/webhook.ts).
  const webhook = gongWebhookHandler({
    config,
    logger,
    metrics,
    webhooks: services.webhooks,
    publicBaseUrl: () => config.publicUrl ?? baseUrl,
  });
  const httpServer = http.createServer((req, res) => {
    if (!isGongWebhookRequest(req)) {
      app(req, res);
      return;
    }
    const requestId = observeRequest(req, res, WEBHOOK_PATH);
    requestStore.run({ requestId }, () => webhook(req, res, requestId));
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = observeRequest(req, res);
    res.locals.requestId = requestId;
    requestStore.run({ requestId }, next);
  });

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    try {
      await deps.db.dataSource.query("SELECT 1");
      const status = await migrationStatus(deps.db.dataSource);
      if (status.pending.length) {
        res.status(503).json({ status: "not ready", reason: `pending migrations: ${status.pending.join(", ")}` });
        return;
      }
      res.json({ status: "ready", migrations: status.applied.length });
    } catch (err) {
      logger.warn({ err }, "readiness check failed");
      res.status(503).json({ status: "not ready", reason: "database unreachable" });
    }
  });

  app.get("/metrics", async (_req, res) => {
    res.setHeader("content-type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  const limits = config.graphql;
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const base = { services, config, logger };
  const wsCleanup = useServer<Record<string, unknown> | undefined, { viewer?: Viewer; requestId?: string }>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          ctx.extra.viewer = await authenticate(services, ctx.connectionParams?.authorization);
          ctx.extra.requestId = crypto.randomUUID();
          return true;
        } catch (err) {
          logger.info({ reason: (err as DomainError).reason ?? "error" }, "WebSocket connection refused");
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      context: (ctx) => buildContext(base, ctx.extra.viewer!, ctx.extra.requestId ?? crypto.randomUUID()),
      onSubscribe: (_ctx, _id, payload) => {
        void _id;
        // Apollo plugins do not run here: apply the same limits before execution.
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = checkLimits(schema, document, limits, payload.variables ?? undefined, payload.operationName);
        return errors.length ? errors : undefined;
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        if (!("errors" in result) || !result.errors?.length) return undefined;
        return {
          ...result,
          errors: result.errors.map((e) =>
            formatGraphQLError(e.toJSON(), e, { logger, requestId: ctx.extra.requestId }),
          ),
        } as unknown as typeof result;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // serve.ts owns SIGINT/SIGTERM (drain, close the database, release the lock); Apollo must not.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, { logger, requestId: currentRequestId() }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      limitsPlugin(schema, limits),
      metricsPlugin(metrics),
    ],
  });
  await apollo.start();

  app.use(
    "/graphql",
    express.json({ limit: "5mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.locals.requestId);
        try {
          const viewer = await authenticate(services, req.headers.authorization);
          return buildContext(base, viewer, requestId);
        } catch (err) {
          if (err instanceof DomainError) {
            throw new GraphQLError(err.message, {
              extensions: { code: err.code, reason: err.reason, http: { status: 401 } },
            });
          }
          throw err;
        }
      },
    }),
  );

  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    void next;
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, requestId: res.locals.requestId }, "unhandled HTTP error");
    res.status(status).json({
      errors: [
        {
          message: status === 500 ? "Internal server error" : err.message,
          extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" },
        },
      ],
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  baseUrl = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    metrics,
    close() {
      closing ??= (async () => {
        await apollo.stop(); // drains HTTP and disposes graphql-ws
        for (const client of wsServer.clients) client.terminate();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return closing;
    },
  };
}
