/**
 * Events between the parts of call-coach (today: analysis progress for GraphQL subscriptions).
 *
 * On the embedded database there is one process, so events stay in memory. On PostgreSQL the job
 * that produces an event may run in another process (a `worker`), so events travel through
 * LISTEN/NOTIFY: every process LISTENs on one channel with a dedicated connection and re-publishes
 * what arrives to its local subscribers, and a process's own events take the same route (no
 * double delivery). Publishing goes through one dedicated connection per process, in call order,
 * so the events of one analysis (produced by one process) arrive in the order they were sent.
 */
import type { ConnectionOptions } from "node:tls";
import { Client } from "pg";
import { createPubSub, type PubSub } from "@graphql-yoga/subscription";
import type { Database } from "./db/database";
import type { Logger } from "./logger";
import { pgConnectionOptions } from "./db/pg-options";

/** JSON-safe payloads by topic (ids and ISO strings only). */
export interface Topics {
  "analysis.progress": AnalysisProgressPayload;
}

export interface AnalysisProgressPayload {
  analysisId: string;
  callId: string;
  repId: string | null;
  /** Dimension key; null on the final event of an analysis. */
  dimension: string | null;
  state: "QUEUED" | "RUNNING" | "CACHED" | "COMPLETED" | "FAILED";
  score: number | null;
  overallScore: number | null;
  message: string | null;
  /** ISO time the event was produced. */
  at: string;
}

type LocalTopics = { [K in keyof Topics]: [Topics[K]] };

export interface EventBus {
  publish<K extends keyof Topics>(topic: K, payload: Topics[K]): Promise<void>;
  subscribe<K extends keyof Topics>(topic: K): AsyncIterableIterator<Topics[K]>;
  close(): Promise<void>;
}

const CHANNEL = "callcoach_events";
/** NOTIFY payloads are limited to 8000 bytes; ours are a few hundred. */
const MAX_NOTIFY_BYTES = 7900;

class LocalEventBus implements EventBus {
  protected readonly local: PubSub<LocalTopics> = createPubSub<LocalTopics>();

  async publish<K extends keyof Topics>(topic: K, payload: Topics[K]): Promise<void> {
    this.deliver(topic, payload);
  }

  protected deliver<K extends keyof Topics>(topic: K, payload: Topics[K]): void {
    (this.local.publish as (t: string, p: unknown) => void)(topic, payload);
  }

  subscribe<K extends keyof Topics>(topic: K): AsyncIterableIterator<Topics[K]> {
    return (this.local.subscribe as (t: string) => AsyncIterableIterator<Topics[K]>)(topic);
  }

  async close(): Promise<void> {}
}

class PostgresEventBus extends LocalEventBus {
  private publishChain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly listener: Client,
    private readonly publisher: Client,
    private readonly logger: Logger,
  ) {
    super();
    listener.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const { topic, payload } = JSON.parse(msg.payload) as { topic: keyof Topics; payload: Topics[keyof Topics] };
        this.deliver(topic, payload);
      } catch (err) {
        this.logger.warn({ err }, "ignored a malformed event notification");
      }
    });
    for (const c of [listener, publisher]) c.on("error", (err) => this.logger.error({ err }, "event bus connection failed"));
  }

  override async publish<K extends keyof Topics>(topic: K, payload: Topics[K]): Promise<void> {
    const text = JSON.stringify({ topic, payload });
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES) throw new Error(`event too large for NOTIFY (${topic})`);
    const next = this.publishChain.then(() => this.publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, text]));
    this.publishChain = next.catch(() => undefined);
    await next;
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.publishChain;
    await Promise.all([this.listener.end().catch(() => undefined), this.publisher.end().catch(() => undefined)]);
  }
}

/** The process's event bus: in memory on the embedded database, LISTEN/NOTIFY on PostgreSQL. */
export async function createEventBus(db: Database, logger: Logger, databaseUrl?: string): Promise<EventBus> {
  if (db.kind === "embedded") return new LocalEventBus();
  // The configured URL, not db.url: it still carries sslmode (Neon needs TLS here too).
  const { url, ssl } = pgConnectionOptions(databaseUrl ?? db.url);
  const options = { connectionString: url, ssl: ssl as ConnectionOptions | boolean | undefined, application_name: "callcoach-events" };
  const listener = new Client(options);
  const publisher = new Client(options);
  await listener.connect();
  try {
    await publisher.connect();
    await listener.query(`LISTEN ${CHANNEL}`);
  } catch (err) {
    await Promise.all([listener.end().catch(() => undefined), publisher.end().catch(() => undefined)]);
    throw err;
  }
  return new PostgresEventBus(listener, publisher, logger);
}
