/**
 * Admin view of the job runner: failed jobs (kept 14 days, a copy in `<queue>.dead`) and retrying
 * them. Reads pg-boss's own table; retries through pg-boss.
 */
import type { DataSource } from "typeorm";
import type { JobQueue } from "../../core/jobs/job-queue";
import { isUuid } from "../../core/ids";
import { Job, JobState } from "./job.types";
import { JobNotFoundError, JobNotRetryableError } from "./job.errors";

interface JobRow {
  id: string;
  name: string;
  state: string;
  data: Record<string, unknown> | null;
  output: Record<string, unknown> | null;
  retry_count: number;
  retry_limit: number;
  dead_letter: string | null;
  created_on: Date;
  completed_on: Date | null;
}

export type JobCursor = [string, string];

const COLUMNS = `id, name, state::text AS state, data, output, retry_count, retry_limit, dead_letter, created_on, completed_on`;

function toJob(r: JobRow): Job {
  const output = r.output ?? {};
  const error = typeof output.message === "string" ? output.message : r.state === "failed" ? JSON.stringify(output) : null;
  return Object.assign(new Job(), {
    id: r.id,
    queue: r.name,
    state: r.state.toUpperCase() as JobState,
    data: r.data ?? {},
    error,
    retryCount: r.retry_count,
    retryLimit: r.retry_limit,
    deadLettered: !!r.dead_letter && r.state === "failed",
    createdAt: new Date(r.created_on),
    finishedAt: r.completed_on ? new Date(r.completed_on) : null,
  });
}

export class JobService {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
  ) {}

  private get queues(): string[] {
    return this.queue.definitions.map((d) => d.name);
  }

  async get(id: string): Promise<Job> {
    if (!isUuid(id)) throw new JobNotFoundError(id);
    await this.queue.start();
    const rows: JobRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM pgboss.job WHERE id = $1 AND name = ANY($2)`, [
      id,
      this.queues,
    ]);
    if (!rows[0]) throw new JobNotFoundError(id);
    return toJob(rows[0]);
  }

  /** Failed jobs, most recent first; fetches `limit + 1` rows. */
  async failed(queue: string | undefined, limit: number, after: JobCursor | null) {
    await this.queue.start();
    const names = queue ? this.queues.filter((q) => q === queue) : this.queues;
    const params: unknown[] = [names];
    let keyset = "";
    if (after) {
      params.push(new Date(after[0]), after[1]);
      keyset = `AND (completed_on, id) < ($2, $3::uuid)`;
    }
    params.push(limit + 1);
    const rows: JobRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM pgboss.job WHERE state = 'failed' AND name = ANY($1) ${keyset}
       ORDER BY completed_on DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return {
      rows: rows.map(toJob),
      count: async () => {
        const c: { n: string }[] = await this.ds.query(
          `SELECT count(*) AS n FROM pgboss.job WHERE state = 'failed' AND name = ANY($1)`,
          [names],
        );
        return Number(c[0].n);
      },
    };
  }

  /** Enqueues a job and returns its id. */
  async enqueue(queue: string, data: unknown): Promise<string> {
    const id = await this.queue.enqueue(queue, data);
    if (!id) throw new Error(`${queue} job was not queued`);
    return id;
  }

  /** Puts a failed job back in its queue. */
  async retry(id: string): Promise<Job> {
    const job = await this.get(id);
    if (job.state !== JobState.FAILED) throw new JobNotRetryableError(id, job.state);
    await this.queue.boss.retry(job.queue, id);
    return this.get(id);
  }
}
