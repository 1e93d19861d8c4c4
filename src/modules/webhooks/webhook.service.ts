/**
 * Records Gong webhook deliveries and enqueues ingestion atomically, so a delivery is never recorded
 * without its job nor queued twice. A per-call advisory lock orders concurrent deliveries of one
 * call.
 *
 * Acknowledging is ONE statement (one round trip, one implicit transaction) for one delivery or for
 * a batch of deliveries of distinct calls that are waiting at the same moment:
 *
 *   WITH claim AS MATERIALIZED (SELECT callcoach_claim_gong_calls($ids)),  -- locks + duplicate check
 *        job_0 AS (<pg-boss's INSERT of delivery 0's job, text and values as `send` issues them>),
 *        job_1 AS (…), …
 *   INSERT INTO webhook_deliveries (…, 'queued', job_k.id) SELECT … FROM claim CROSS JOIN (job_0 ∪ job_1 …)
 *
 * `callcoach_claim_gong_calls` (migration 0008) takes the calls' advisory locks and then checks, with
 * a fresh snapshot (it is VOLATILE), whether a call is ingested or still has a job queued or running;
 * if so it raises SQLSTATE CCDUP naming those calls, which rolls the whole statement back (jobs
 * included): those deliveries are recorded as duplicates and the others acknowledged again without
 * them. Every job row comes with its delivery row in the same INSERT, so neither exists without the
 * other. The job INSERT is pg-boss's own: `JobQueue.enqueue` runs `boss.send` against a stand-in
 * transaction that hands the statement over instead of running it, so the job row is exactly what
 * `send` writes for the queue (options, defaults, queue policy). When pg-boss's statement is not a
 * single `INSERT … RETURNING id` (another pg-boss version), acknowledging falls back to the
 * multi-statement transaction (`recordInTransaction`).
 *
 * Batches form only under load: at most `maxInFlight` statements run at once and deliveries arriving
 * meanwhile wait for the next one (up to `MAX_BATCH` in one), so a lone delivery is sent at once.
 */
import crypto from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { JobQueue } from "../../core/jobs/job-queue";

export type DeliveryStatus = "queued" | "duplicate" | "test";

export interface RecordedDelivery {
  deliveryId: string;
  status: DeliveryStatus;
  jobId: string | null;
}

/** SQLSTATE raised by callcoach_claim_gong_calls for calls already ingested or queued. */
export const DUPLICATE_SQLSTATE = "CCDUP";

const INGEST_QUEUE = "call.ingest";
/** Deliveries acknowledged by one statement at most. */
export const MAX_BATCH = 32;

interface DeliveryInput {
  gongCallId: string;
  bodySha256: string;
  isTest: boolean;
}

interface PgResult<R> {
  rows: R[];
}
/** The `pg` pool behind TypeORM's data source (the subset used here). */
interface PgPool {
  query<R>(config: { text: string; values: unknown[]; name?: string }): Promise<PgResult<R>>;
  options?: { max?: number };
}

interface Statement {
  text: string;
  values: unknown[];
}

/** A delivery waiting for (or in) a batch. */
interface Pending {
  input: DeliveryInput;
  job: Statement;
  /** Feeds pg-boss's `send` its rows (→ the job id it returns) or an error. */
  settle(result: { id: string }[] | Error): Promise<string | null>;
  resolve(r: RecordedDelivery): void;
  reject(err: unknown): void;
  /** Acknowledge on its own (after its batch failed for a reason other than duplicates). */
  alone: boolean;
}

const INSERT_DELIVERY = `INSERT INTO webhook_deliveries (gong_call_id, body_sha256, is_test, outcome, job_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`;

/** Only a single `INSERT … RETURNING id` whose parameters are all `$n` placeholders can be repeated as CTEs. */
function isComposable(sql: string, parameters: number): boolean {
  if (!/^\s*INSERT\s+INTO\s/i.test(sql) || !/\sRETURNING\s+id\s*$/i.test(sql) || sql.includes(";") || sql.includes("--")) return false;
  // Renumbering must only touch placeholders: no `$` inside string literals, no dollar-quoting.
  const literal = /'(?:[^']|'')*'/g;
  if ((sql.match(literal) ?? []).some((l) => l.includes("$")) || /\$(?!\d)/.test(sql.replace(literal, "''"))) return false;
  return [...sql.matchAll(/\$(\d+)/g)].every((m) => Number(m[1]) >= 1 && Number(m[1]) <= parameters);
}

const statementName = (prefix: string, text: string) => `${prefix}_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 16)}`;

export class WebhookService {
  /** Named (server-side prepared) statements: on PostgreSQL only, decided on first use. */
  private named: Promise<boolean> | undefined;
  /** Acknowledgement statements by batch size, for the pg-boss statement text they were composed with. */
  private composed = new Map<number, { text: string; name: string }>();
  private composedFor: string | undefined;
  /** The last pg-boss statement text found composable (the check is not repeated for it). */
  private composableText: string | undefined;
  private readonly pending: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
  ) {}

  private get pool(): PgPool {
    return (this.ds.driver as unknown as { master: PgPool }).master;
  }

  /**
   * Statements running at once: 2 (1 with a pool under 4 connections), leaving the rest of the pool
   * to everything else. More in flight makes smaller batches, i.e. more statements for the same
   * deliveries, and was not faster on 2 cores; nor were batches of 64 (docs/benchmarks.md, section 4).
   */
  private get maxInFlight(): number {
    return Math.max(1, Math.min(2, Math.floor((this.pool.options?.max ?? 10) / 2)));
  }

  /**
   * Prepared statements persist per database session. PGlite (embedded) serves every socket
   * connection from one session, so a statement prepared by a connection that was since closed
   * would still exist there and a new connection preparing it again would fail: unnamed there.
   */
  private useNamedStatements(): Promise<boolean> {
    this.named ??= this.pool
      .query<{ v: string }>({ text: "SELECT version() AS v", values: [] })
      .then((r) => !/PGlite/i.test(r.rows[0]?.v ?? ""))
      .catch(() => {
        this.named = undefined; // decide again next time
        return false;
      });
    return this.named;
  }

  private async run<R>(name: string | undefined, text: string, values: unknown[]): Promise<R[]> {
    const named = name !== undefined && (await this.useNamedStatements());
    if (!named) return (await this.pool.query<R>({ text, values })).rows;
    try {
      return (await this.pool.query<R>({ name, text, values })).rows;
    } catch (err) {
      // "cached plan must not change result type": a column changed under a prepared statement.
      if ((err as { code?: string }).code !== "0A000") throw err;
      return (await this.pool.query<R>({ text, values })).rows;
    }
  }

  private async insertDelivery(input: DeliveryInput, outcome: DeliveryStatus, jobId: string | null): Promise<RecordedDelivery> {
    const [row] = await this.run<{ id: string }>("cc_webhook_delivery", INSERT_DELIVERY, [input.gongCallId, input.bodySha256, input.isTest, outcome, jobId]);
    return { deliveryId: row.id, status: outcome, jobId };
  }

  async record(input: DeliveryInput): Promise<RecordedDelivery> {
    // Never inside the transaction: on the embedded database another connection would wait on it.
    await this.queue.start();
    if (input.isTest) return this.insertDelivery(input, "test", null);

    const capture = this.captureEnqueue(input.gongCallId);
    let job: Statement;
    try {
      job = await capture.statement;
    } catch (err) {
      void capture.settle(err as Error);
      throw err;
    }
    if (job.text !== this.composableText && !isComposable(job.text, job.values.length)) {
      void capture.settle(new Error("pg-boss's insert is not a single INSERT … RETURNING id"));
      return this.recordInTransaction(input);
    }
    this.composableText = job.text;
    return new Promise<RecordedDelivery>((resolve, reject) => {
      this.pending.push({ input, job, settle: capture.settle, resolve, reject, alone: false });
      this.pump();
    });
  }

  /** Starts statements for waiting deliveries while fewer than `maxInFlight` run. */
  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.pending.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.acknowledge(batch)
        .catch((err: unknown) => {
          // Not expected (acknowledge answers every delivery itself); never leave one waiting.
          for (const p of batch) {
            void p.settle(err instanceof Error ? err : new Error(String(err)));
            p.reject(err);
          }
        })
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  /** The oldest waiting deliveries, at most MAX_BATCH, of distinct calls and the same pg-boss statement. */
  private takeBatch(): Pending[] {
    const first = this.pending.shift()!;
    const batch = [first];
    if (first.alone) return batch;
    const calls = new Set([first.input.gongCallId]);
    for (let i = 0; i < this.pending.length && batch.length < MAX_BATCH; ) {
      const p = this.pending[i];
      if (!p.alone && p.job.text === first.job.text && !calls.has(p.input.gongCallId)) {
        calls.add(p.input.gongCallId);
        batch.push(p);
        this.pending.splice(i, 1);
      } else i++;
    }
    return batch;
  }

  private statementFor(bossText: string, parameters: number, size: number): { text: string; name: string } {
    if (this.composedFor !== bossText) {
      this.composed.clear();
      this.composedFor = bossText;
    }
    let s = this.composed.get(size);
    if (!s) {
      // $1: the call ids, $2: the bodies' hashes, then each job's parameters.
      const jobs = Array.from({ length: size }, (_, k) => {
        const offset = 2 + k * parameters;
        return `job_${k} AS (\n${bossText.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`)}\n)`;
      });
      const union = Array.from({ length: size }, (_, k) => `SELECT ${k + 1} AS k, id FROM job_${k}`).join(" UNION ALL ");
      const text =
        `WITH claim AS MATERIALIZED (SELECT callcoach_claim_gong_calls($1::text[]) AS ok),\n${jobs.join(",\n")}\n` +
        `INSERT INTO webhook_deliveries (gong_call_id, body_sha256, is_test, outcome, job_id)\n` +
        `SELECT ($1::text[])[j.k], ($2::text[])[j.k], false, 'queued', j.id::text FROM claim CROSS JOIN (${union}) j WHERE claim.ok\n` +
        `RETURNING id, gong_call_id, job_id`;
      s = { text, name: statementName(`cc_webhook_ack${size}`, text) };
      this.composed.set(size, s);
    }
    return s;
  }

  private async acknowledge(batch: Pending[]): Promise<void> {
    const { text, name } = this.statementFor(batch[0].job.text, batch[0].job.values.length, batch.length);
    const values: unknown[] = [batch.map((p) => p.input.gongCallId), batch.map((p) => p.input.bodySha256)];
    for (const p of batch) values.push(...p.job.values);
    let rows: { id: string; gong_call_id: string; job_id: string }[];
    try {
      rows = await this.run(name, text, values);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === DUPLICATE_SQLSTATE) {
        // Nothing was written. Record the duplicates; acknowledge the others again without them.
        const named = new Set(String((err as { detail?: string }).detail ?? "").split(","));
        const duplicates = batch.length === 1 ? batch : batch.filter((p) => named.has(p.input.gongCallId));
        if (duplicates.length === 0) {
          for (const p of batch) p.alone = true; // cannot tell which: each on its own
          this.pending.unshift(...batch);
          return;
        }
        for (const p of duplicates) {
          void p.settle(err as Error);
          this.insertDelivery(p.input, "duplicate", null).then(p.resolve, p.reject);
        }
        this.pending.unshift(...batch.filter((p) => !duplicates.includes(p)));
      } else if (batch.length > 1) {
        // Whatever failed may concern one delivery only: each on its own.
        for (const p of batch) p.alone = true;
        this.pending.unshift(...batch);
      } else {
        void batch[0].settle(err as Error);
        batch[0].reject(err);
      }
      return;
    }
    const byCall = new Map(rows.map((r) => [r.gong_call_id, r]));
    for (const p of batch) {
      const row = byCall.get(p.input.gongCallId);
      if (!row) {
        // pg-boss inserted no job for it (ON CONFLICT DO NOTHING), so no delivery row either.
        void p.settle(new Error("no job inserted"));
        p.reject(new Error(`could not enqueue ${INGEST_QUEUE} for Gong call ${p.input.gongCallId}: pg-boss inserted no job`));
        continue;
      }
      p.settle([{ id: row.job_id }]).then(
        (jobId) => p.resolve({ deliveryId: row.id, status: "queued", jobId: jobId ?? row.job_id }),
        p.reject,
      );
    }
  }

  /**
   * Runs `JobQueue.enqueue` (payload validation, the queue's options, pg-boss's `send`) against a
   * stand-in transaction: the statement pg-boss issues is handed over instead of being run, and
   * `settle` feeds back its rows (→ the job id `send` returns) or its error.
   */
  private captureEnqueue(gongCallId: string): { statement: Promise<Statement>; settle(result: { id: string }[] | Error): Promise<string | null> } {
    let handOver!: (s: Statement) => void;
    let calls = 0;
    const statement = new Promise<Statement>((resolve) => (handOver = resolve));
    let answer!: { resolve(rows: unknown[]): void; reject(err: unknown): void };
    const rows = new Promise<unknown[]>((resolve, reject) => (answer = { resolve, reject }));
    rows.catch(() => undefined); // rejected also when pg-boss never asked for it
    const tx = {
      query: (text: string, values: unknown[] = []) => {
        if (++calls > 1) return Promise.reject(new Error("pg-boss issued more than one statement to enqueue one job"));
        handOver({ text, values });
        return rows;
      },
    } as unknown as EntityManager;
    const sent = this.queue.enqueue(INGEST_QUEUE, { gongCallId, source: "webhook" }, { tx });
    sent.catch(() => undefined); // observed through `statement` or `settle`
    return {
      // Fails when enqueue fails before issuing its statement (e.g. an invalid payload).
      statement: Promise.race([statement, sent.then(() => Promise.reject(new Error("pg-boss issued no statement")))]),
      settle(result) {
        if (result instanceof Error) answer.reject(result);
        else answer.resolve(result);
        return sent.catch(() => null);
      },
    };
  }

  /** The same acknowledgement as a transaction of several statements (lock, check, enqueue, record). */
  private recordInTransaction(input: DeliveryInput): Promise<RecordedDelivery> {
    return this.ds.transaction(async (tx) => {
      const insert = async (outcome: DeliveryStatus, jobId: string | null) => {
        const [row]: { id: string }[] = await tx.query(INSERT_DELIVERY, [input.gongCallId, input.bodySha256, input.isTest, outcome, jobId]);
        return { deliveryId: row.id, status: outcome, jobId };
      };
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('gong-call:' || $1))`, [input.gongCallId]);
      const [seen]: { ingested: boolean; pending: boolean }[] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM calls WHERE gong_id = $1) AS ingested,
                EXISTS (SELECT 1 FROM webhook_deliveries d
                        JOIN pgboss.job j ON j.name = 'call.ingest' AND j.id = d.job_id::uuid -- (name, id): one partition
                        WHERE d.gong_call_id = $1 AND d.outcome = 'queued' AND j.state IN ('created', 'retry', 'active')) AS pending`,
        [input.gongCallId],
      );
      if (seen.ingested || seen.pending) return insert("duplicate", null);
      const jobId = await this.queue.enqueue(INGEST_QUEUE, { gongCallId: input.gongCallId, source: "webhook" }, { tx });
      return insert("queued", jobId);
    });
  }
}
