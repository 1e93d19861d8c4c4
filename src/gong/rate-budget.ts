/**
 * The Gong request budget: Gong allows a company 3 requests/second and 10,000/day (across all its
 * keys), so every process that talks to Gong for us must draw from one budget.
 *
 * - `PostgresRequestBudget` keeps it in the table `gong_request_budget` (migration 0002), shared by
 *   every process on the database. Each `acquire()` is ONE atomic statement (no transaction held
 *   open across an await, which would hang the embedded PGlite's single session): it counts the
 *   request against the current UTC day (refusing when the day is full) and reserves the next send
 *   slot on a shared pacing clock, slots `intervalMs` apart (1/perSecond plus 10 %). The caller
 *   then sleeps until its slot. Time comes from the database clock, so processes need not agree
 *   on theirs.
 * - `InMemoryRequestBudget` does the same inside one process (simulator CLI, unit tests).
 *
 * Why even spacing rather than "N per calendar second": Gong's window is not aligned with ours, so
 * N at the end of one second and N at the start of the next would be 2N inside one of Gong's
 * seconds. Slots ≥ 1/N s apart never put more than N requests into any 1-second window.
 * See docs/gong-client.md.
 */
import type { DataSource } from "typeorm";
import { GongBudgetExhaustedError } from "./client-errors";

export interface RequestBudget {
  /**
   * Resolves when one more request may be sent (now), having counted it. Throws
   * `GongBudgetExhaustedError` when the day's budget is spent.
   */
  acquire(): Promise<void>;
  /** Gong answered 429 with `Retry-After`: nobody sharing this budget sends for `ms`. */
  pause?(ms: number): Promise<void>;
  /** Requests counted today (UTC) and when the count resets. */
  usage?(): Promise<BudgetUsage>;
}

export interface BudgetLimits {
  /** Requests per second (Gong's default 3). */
  perSecond: number;
  /** Requests per UTC day (Gong's default 10,000). */
  perDay: number;
}

export interface BudgetOptions extends Partial<BudgetLimits> {
  /** Milliseconds between two send slots; default `ceil(1100 / perSecond)` (367 ms at 3/s). */
  intervalMs?: number;
}

export interface BudgetUsage {
  usedToday: number;
  perDay: number;
  perSecond: number;
  /** 00:00 UTC of the next day. */
  resetAt: Date;
}

export const DEFAULT_BUDGET: BudgetLimits = { perSecond: 3, perDay: 10_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function resolveLimits(opts: BudgetOptions): BudgetLimits & { intervalMs: number } {
  const perSecond = opts.perSecond ?? DEFAULT_BUDGET.perSecond;
  const perDay = opts.perDay ?? DEFAULT_BUDGET.perDay;
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError(`perSecond must be > 0 (got ${perSecond})`);
  if (!Number.isInteger(perDay) || perDay < 1) throw new RangeError(`perDay must be an integer ≥ 1 (got ${perDay})`);
  const intervalMs = opts.intervalMs ?? Math.ceil(1100 / perSecond);
  if (!(intervalMs >= 0)) throw new RangeError(`intervalMs must be ≥ 0 (got ${intervalMs})`);
  return { perSecond, perDay, intervalMs };
}

/** 00:00 UTC of the day after `ms`. */
function nextUtcMidnight(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1));
}

/** One process's budget (the simulator CLI, unit tests). Share the instance between clients to share the budget. */
export class InMemoryRequestBudget implements RequestBudget {
  readonly limits: BudgetLimits & { intervalMs: number };
  private nextAt = 0;
  private day = "";
  private used = 0;

  constructor(opts: BudgetOptions = {}, private readonly now: () => number = Date.now) {
    this.limits = resolveLimits(opts);
  }

  async acquire(): Promise<void> {
    const t = this.now();
    this.rollDay(t);
    if (this.used >= this.limits.perDay) throw new GongBudgetExhaustedError(this.limits.perDay, nextUtcMidnight(t));
    this.used++;
    const slot = Math.max(this.nextAt, t);
    this.nextAt = slot + this.limits.intervalMs;
    if (slot > t) await sleep(slot - t);
  }

  async pause(ms: number): Promise<void> {
    this.nextAt = Math.max(this.nextAt, this.now() + Math.max(0, ms));
  }

  async usage(): Promise<BudgetUsage> {
    const t = this.now();
    this.rollDay(t);
    return { usedToday: this.used, ...this.publicLimits(), resetAt: nextUtcMidnight(t) };
  }

  private publicLimits() {
    return { perDay: this.limits.perDay, perSecond: this.limits.perSecond };
  }

  private rollDay(t: number): void {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }
}

/**
 * One statement: count the request against today's row (only while `used < perDay`), and only if
 * that succeeded, reserve the next slot on the pacing row. Both rows are locked in the same order by
 * every caller (day, then pace), so concurrent callers cannot deadlock. Returns `day_used` NULL when
 * the day is full, else `wait_ms` until the reserved slot.
 */
const ACQUIRE_SQL = `
WITH clock AS MATERIALIZED (
  SELECT clock_timestamp() AS ts
), day AS (
  INSERT INTO gong_request_budget AS b (kind, window_start, used, updated_at)
  SELECT 'day', date_trunc('day', ts, 'UTC'), 1, ts FROM clock
  ON CONFLICT (kind, window_start) DO UPDATE SET used = b.used + 1, updated_at = excluded.updated_at
  WHERE b.used < $1::int
  RETURNING b.used
), pace AS (
  INSERT INTO gong_request_budget AS b (kind, window_start, used, next_at, updated_at)
  SELECT 'pace', 'epoch', 1, ts + $2::float8 * interval '1 millisecond', ts FROM clock WHERE EXISTS (SELECT 1 FROM day)
  ON CONFLICT (kind, window_start) DO UPDATE
    SET used = b.used + 1,
        next_at = greatest(b.next_at, excluded.updated_at) + $2::float8 * interval '1 millisecond',
        updated_at = excluded.updated_at
  RETURNING b.next_at
)
SELECT (SELECT used FROM day) AS day_used,
       (SELECT greatest(0, extract(epoch FROM (pace.next_at - clock.ts)) * 1000 - $2::float8) FROM pace, clock) AS wait_ms,
       (SELECT extract(epoch FROM date_trunc('day', ts, 'UTC') + interval '24 hours') * 1000 FROM clock) AS reset_at_ms`;

const PAUSE_SQL = `
INSERT INTO gong_request_budget AS b (kind, window_start, used, next_at, updated_at)
VALUES ('pace', 'epoch', 0, clock_timestamp() + $1::float8 * interval '1 millisecond', clock_timestamp())
ON CONFLICT (kind, window_start) DO UPDATE
  SET next_at = greatest(b.next_at, excluded.next_at), updated_at = excluded.updated_at`;

const USAGE_SQL = `
SELECT coalesce((SELECT used FROM gong_request_budget
                  WHERE kind = 'day' AND window_start = date_trunc('day', clock_timestamp(), 'UTC')), 0) AS used,
       extract(epoch FROM date_trunc('day', clock_timestamp(), 'UTC') + interval '24 hours') * 1000 AS reset_at_ms`;

const CLEANUP_SQL = `DELETE FROM gong_request_budget WHERE kind = 'day' AND window_start < clock_timestamp() - $1::int * interval '1 day'`;

/** Rethrows "relation does not exist" (42P01) as a message that says what to do. */
function explainMissingTable(err: unknown): never {
  if ((err as { code?: string }).code === "42P01") {
    throw new Error("The table gong_request_budget is missing: run `callcoach migrate` (migration 0002_gong_request_budget.sql).", {
      cause: err,
    });
  }
  throw err;
}

/**
 * The budget shared by every process on one database (table `gong_request_budget`). Two instances
 * over the same database (in one process or many) draw from the same budget.
 */
export class PostgresRequestBudget implements RequestBudget {
  readonly limits: BudgetLimits & { intervalMs: number };
  /** Days of per-day rows kept (older ones are deleted about once an hour). */
  private readonly retentionDays: number;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: Pick<DataSource, "query">,
    opts: BudgetOptions & { retentionDays?: number } = {},
  ) {
    this.limits = resolveLimits(opts);
    this.retentionDays = opts.retentionDays ?? 35;
  }

  async acquire(): Promise<void> {
    const rows: { day_used: number | null; wait_ms: string | number | null; reset_at_ms: string | number }[] =
      await this.dataSource.query(ACQUIRE_SQL, [this.limits.perDay, this.limits.intervalMs]).catch(explainMissingTable);
    const row = rows[0];
    if (row.day_used === null) {
      throw new GongBudgetExhaustedError(this.limits.perDay, new Date(Math.round(Number(row.reset_at_ms))));
    }
    await this.cleanupNowAndThen();
    const waitMs = Number(row.wait_ms ?? 0);
    if (waitMs > 0) await sleep(Math.ceil(waitMs));
  }

  async pause(ms: number): Promise<void> {
    await this.dataSource.query(PAUSE_SQL, [Math.max(0, ms)]).catch(explainMissingTable);
  }

  async usage(): Promise<BudgetUsage> {
    const rows: { used: number; reset_at_ms: string | number }[] = await this.dataSource.query(USAGE_SQL).catch(explainMissingTable);
    return {
      usedToday: Number(rows[0].used),
      perDay: this.limits.perDay,
      perSecond: this.limits.perSecond,
      resetAt: new Date(Math.round(Number(rows[0].reset_at_ms))),
    };
  }

  /** Deletes per-day rows older than `retentionDays`, at most once an hour per instance. */
  private async cleanupNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = now;
    try {
      await this.dataSource.query(CLEANUP_SQL, [this.retentionDays]);
    } catch {
      // Housekeeping only: a failure here must not fail the request.
    }
  }
}
