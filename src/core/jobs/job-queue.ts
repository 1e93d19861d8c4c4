/**
 * The internal job runner: pg-boss 10 on the application's own database (embedded PGlite through its
 * socket, or PostgreSQL). Each job type gets a queue with retries (exponential backoff), an expiry
 * sized to the work, and a dead-letter queue `<name>.dead` that keeps a copy of every job that
 * exhausted its retries. pg-boss 10 is the newest line whose engines include Node 20 (docs/architecture.md).
 */
import PgBoss from "pg-boss";
import type { EntityManager } from "typeorm";
import type { Logger } from "../logger";
import type { Database } from "../db/database";
import { pgConnectionOptions } from "../db/pg-options";
import type { App } from "../app";
import type { JobDefinition } from "./job-definition";
import { describeZodError } from "../../modules/calls/import/gong-shapes";

export const deadLetterQueue = (name: string) => `${name}.dead`;

/** The `pg` pool behind TypeORM's data source. */
function sharedPool(db: Database): { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } {
  return (db.dataSource.driver as unknown as { master: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } }).master;
}

export interface EnqueueOptions {
  /** Enqueue inside this TypeORM transaction (commits or rolls back with it). */
  tx?: EntityManager;
  /** Deduplicate: at most one queued or active job per key (queue policy permitting). */
  singletonKey?: string;
  startAfterSeconds?: number;
  /** Override the job type's retry limit for this job (0: fail straight to the dead-letter queue). */
  retryLimit?: number;
  /** Override how long one attempt may run before it is expired and retried (seconds). */
  expireInSeconds?: number;
  /** Override the initial retry delay (seconds). */
  retryDelaySeconds?: number;
}

export class InvalidJobPayloadError extends Error {
  constructor(queue: string, detail: string) {
    super(`Invalid payload for ${queue}: ${detail}`);
    this.name = "InvalidJobPayloadError";
  }
}

export class JobQueue {
  readonly boss: PgBoss;
  private readonly defs = new Map<string, JobDefinition>();
  private readonly workerIds = new Map<string, string[]>();
  private started = false;
  private working = false;
  private stopping: Promise<void> | undefined;

  constructor(
    db: Database,
    private readonly logger: Logger,
    definitions: JobDefinition[],
    opts: { pollingIntervalSeconds?: number; maxConnections?: number } = {},
  ) {
    // On PostgreSQL pg-boss has its own small pool; on the embedded database it shares the
    // application's single connection (see database.ts).
    const pg = db.kind === "postgres" ? pgConnectionOptions(db.url) : null;
    const connection = pg
      ? { connectionString: pg.url, ssl: pg.ssl, max: opts.maxConnections ?? 4 }
      : { db: { executeSql: (text: string, values: unknown[]) => sharedPool(db).query(text, values) } };
    this.boss = new PgBoss({
      ...connection,
      schema: "pgboss",
      application_name: "callcoach-jobs",
      // Keep failed jobs visible to admins for 14 days; completed ones for 7.
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      archiveFailedAfterSeconds: 14 * 24 * 3600,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
    });
    this.boss.on("error", (err) => this.logger.error({ err }, "job queue error"));
    for (const d of definitions) this.defs.set(d.name, d);
  }

  get definitions(): JobDefinition[] {
    return [...this.defs.values()];
  }

  /** Connects, installs or upgrades pg-boss's schema, and creates the queues (idempotent). */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const d of this.defs.values()) {
      const dead = deadLetterQueue(d.name);
      await this.boss.createQueue(dead, { name: dead, retryLimit: 0, retentionDays: 30 });
      await this.boss.createQueue(d.name, {
        name: d.name,
        retryLimit: d.retryLimit,
        retryDelay: d.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: d.expireInSeconds,
        deadLetter: dead,
      });
    }
    this.started = true;
  }

  /** Validates and enqueues a job; returns its id (null when deduplicated by a singleton key). */
  async enqueue(name: string, data: unknown, opts: EnqueueOptions = {}): Promise<string | null> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`Unknown job queue ${name}`);
    const parsed = def.payload.safeParse(data);
    if (!parsed.success) throw new InvalidJobPayloadError(name, describeZodError(parsed.error));
    // Starting runs pg-boss's own queries; inside a transaction on the embedded database (one shared
    // connection) they would wait for the transaction forever. Callers start the queue first.
    if (opts.tx && !this.started) throw new Error(`job queue not started: call start() before enqueuing ${name} inside a transaction`);
    await this.start();
    const db = opts.tx
      ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await opts.tx!.query(text, values) }) }
      : undefined;
    const id = await this.boss.send(name, parsed.data as object, {
      db,
      singletonKey: opts.singletonKey,
      startAfter: opts.startAfterSeconds,
      retryLimit: opts.retryLimit ?? def.retryLimit,
      retryDelay: opts.retryDelaySeconds ?? def.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: opts.expireInSeconds ?? def.expireInSeconds,
      deadLetter: deadLetterQueue(name),
    });
    // Wake this process's idle workers of the queue instead of waiting for their next poll
    // (inside a transaction the job is not visible until commit, so only outside one).
    if (id && !opts.tx) for (const workerId of this.workerIds.get(name) ?? []) this.boss.notifyWorker(workerId);
    return id;
  }

  /** Starts fetching and running jobs of every queue in this process. */
  async work(app: App): Promise<void> {
    await this.start();
    this.working = true;
    for (const def of this.defs.values()) {
      for (let i = 0; i < def.concurrency; i++) {
        const workerId = await this.boss.work(def.name, { includeMetadata: true, batchSize: 1 }, async ([job]) => {
          const log = this.logger.child({ jobId: job.id, queue: def.name });
          const parsed = def.payload.safeParse(job.data);
          if (!parsed.success) {
            // Retrying cannot fix a payload: fail it straight to the dead-letter queue.
            log.error({ issues: describeZodError(parsed.error) }, "job payload invalid");
            throw new InvalidJobPayloadError(def.name, describeZodError(parsed.error));
          }
          const started = Date.now();
          try {
            const out = await def.handler(parsed.data, { jobId: job.id, retryCount: job.retryCount, app, queue: this, logger: log });
            log.info({ durationMs: Date.now() - started }, "job completed");
            return out;
          } catch (err) {
            log.warn({ err, retryCount: job.retryCount, retryLimit: job.retryLimit }, "job failed");
            throw err;
          }
        });
        this.workerIds.set(def.name, [...(this.workerIds.get(def.name) ?? []), workerId]);
      }
    }
  }

  /** Stops fetching, waits for in-flight jobs (up to `timeoutMs`), then closes connections. */
  stop(timeoutMs = 30_000): Promise<void> {
    this.stopping ??= (async () => {
      if (!this.started) return;
      const stopped = new Promise<void>((resolve) => this.boss.once("stopped", () => resolve()));
      await this.boss.stop({ graceful: this.working, timeout: timeoutMs, wait: true, close: true });
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 100))]);
      // pg-boss removes stopped workers in a background loop that polls once a second; let it
      // finish so nothing of the queue runs after shutdown.
      if (this.working) await new Promise((r) => setTimeout(r, 1100));
    })();
    return this.stopping;
  }
}
