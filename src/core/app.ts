/**
 * Composition of one call-coach process: database, migrations, services, schema, and (for
 * `serve`) the HTTP server. Used by the CLI and by tests, so both run the same wiring.
 */
import type { GraphQLSchema } from "graphql";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { openDatabase, type Database, type OpenDatabaseOptions } from "./db/database";
import { migrate } from "./db/migrator";
import { createServices, type Services } from "./services";
import { createSchema } from "./graphql/schema";
import { startHttpServer, type RunningHttpServer } from "./http/server";
import { loadDemoData } from "../demo/load-demo";
import { JobQueue } from "./jobs/job-queue";
import { JOB_DEFINITIONS } from "./jobs/registry";
import { scheduleReconciliation } from "../gong/reconcile";
import { scheduleWeeklyReview } from "../modules/reports/review-scheduler";
import { checkWebhookConfig } from "../gong/webhook";
import { loadKnowledge } from "../modules/rubrics/knowledge.loader";
import { createEventBus } from "./pubsub";

/** Loads the knowledge base (rubrics) after migrations; an invalid file fails start-up with its problems. */
async function loadKnowledgeOnStart(db: Database, config: Config, logger: Logger): Promise<void> {
  const r = await loadKnowledge(db.dataSource, config.knowledgeDir);
  logger.info({ dir: r.dir, rubrics: r.rubrics, changedDimensions: r.changedDimensions }, "knowledge base loaded");
}

export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  services: Services;
  /** The job runner (not started until something needs it: serve, worker, job commands). */
  queue: JobQueue;
  /** Runs `fn` when the app closes, before the job runner stops (timers, schedules). */
  onClose(fn: () => void | Promise<void>): void;
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations and builds the services. */
export async function openApp(
  config: Config,
  logger: Logger,
  opts: OpenDatabaseOptions & { db?: Database; migrate?: boolean; /** load knowledge/ (default true) */ knowledge?: boolean },
): Promise<App> {
  const db = opts.db ?? (await openDatabase(config, { ...opts, logger }));
  try {
    if (opts.migrate !== false) {
      const applied = await migrate(db.dataSource, (name) => logger.info({ migration: name }, "migration applied"));
      if (applied.length) logger.info({ count: applied.length }, "database migrated");
    }
    if (opts.knowledge !== false) await loadKnowledgeOnStart(db, config, logger);
  } catch (err) {
    if (!opts.db) await db.close();
    throw err;
  }
  let events;
  try {
    events = await createEventBus(db, logger, config.databaseUrl);
  } catch (err) {
    if (!opts.db) await db.close();
    throw err;
  }
  const queue = new JobQueue(db, logger, JOB_DEFINITIONS);
  const services = createServices(db.dataSource, config, logger, queue, events);
  let closing: Promise<void> | undefined;
  const closers: (() => void | Promise<void>)[] = [];
  return {
    config,
    logger,
    db,
    services,
    queue,
    onClose(fn) {
      closers.push(fn);
    },
    close() {
      closing ??= (async () => {
        for (const fn of closers.splice(0)) await fn();
        await queue.stop();
        await events.close();
        await db.close();
      })();
      return closing;
    },
  };
}

export interface ServeOptions {
  /** Load the demo calls on the first start of an empty embedded database. */
  demo: boolean;
  /** Run the job workers in this process (default true; `serve --no-worker` turns them off). */
  workers?: boolean;
}

export interface Server {
  app: App;
  http: RunningHttpServer;
  schema: GraphQLSchema;
  /** The ADMIN token created by this start (first start only), else null. */
  adminToken: string | null;
  demoCalls: number;
  close(): Promise<void>;
}

/** Starts `serve`: migrations, first ADMIN token, demo data, then HTTP + WebSocket. */
export async function startServer(app: App, opts: ServeOptions): Promise<Server> {
  const { config, logger, services, db } = app;
  await checkWebhookConfig(config);
  const adminToken = await services.tokens.ensureAdminToken(config.dataDir);
  let demoCalls = 0;
  if (adminToken && opts.demo && config.demo && db.kind === "embedded") {
    demoCalls = await loadDemoData(app);
  }
  if (opts.workers ?? true) {
    await app.queue.work(app);
    await scheduleReconciliation(app);
    scheduleWeeklyReview(app);
  } else await app.queue.start(); // enqueue only
  const schema = await createSchema();
  const http = await startHttpServer({ config, logger, db, services, schema });
  db.lock?.setUrl(http.url);
  let closing: Promise<void> | undefined;
  return {
    app,
    http,
    schema,
    adminToken,
    demoCalls,
    close() {
      closing ??= (async () => {
        await http.close();
        await app.close();
      })();
      return closing;
    },
  };
}
