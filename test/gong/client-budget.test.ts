/**
 * The shared Gong request budget (src/gong/rate-budget.ts) on the test's database: two
 * `PostgresRequestBudget`s over one pool, and over two separate pools (two DataSources, as two
 * processes would have), draw from one budget; the day's limit is enforced across them.
 */
import "reflect-metadata";
import { DataSource } from "typeorm";
import { createTestDatabase, backend, type TestDatabase } from "../helpers/test-db";
import { GongBudgetExhaustedError, InMemoryRequestBudget, PostgresRequestBudget } from "../../src/gong/client";

/**
 * Largest number of timestamps inside any window [t, t + windowMs). Grants are timed in JS after
 * the promise resolves, so a busy event loop (PGlite runs on it; other test files load the CPU) can
 * make one late by 100 ms or more: checks use an 800 ms window against the 1,100 ms that 4 paced
 * grants at 3/s span.
 */
function maxInWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Runs `acquire` on the budgets round-robin, all at once; returns when each acquisition was granted. */
async function acquireAll(budgets: { acquire(): Promise<void> }[], n: number): Promise<{ granted: number[]; elapsed: number }> {
  const start = Date.now();
  const granted: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      await budgets[i % budgets.length].acquire();
      granted.push(Date.now());
    }),
  );
  return { granted, elapsed: Date.now() - start };
}

describe(`Gong request budget shared through the database (${backend})`, () => {
  let tdb: TestDatabase;
  let second: DataSource;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    // A second, separate pool on the same database, as another process would have (on PGlite: a second
    // client of the embedded socket, all statements still served by its one backend session).
    second = new DataSource({ type: "postgres", url: tdb.config.databaseUrl ?? tdb.db.url, extra: { max: 3 } });
    await second.initialize();
  });
  afterAll(async () => {
    await second?.destroy();
    await tdb?.close();
  });
  beforeEach(async () => {
    await tdb.db.dataSource.query("DELETE FROM gong_request_budget");
  });

  it("paces 12 acquisitions by two budgets on one pool at 3/s: ≥ 3 s, evenly spaced", async () => {
    const a = new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 3, perDay: 1000 });
    const b = new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 3, perDay: 1000 });
    const { granted, elapsed } = await acquireAll([a, b], 12);
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(elapsed).toBeLessThan(8000);
    expect(maxInWindow(granted, 800)).toBeLessThanOrEqual(3);
    expect((await a.usage()).usedToday).toBe(12);
  });

  it("paces two budgets on two separate pools (two DataSources) as one", async () => {
    const a = new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 3, perDay: 1000 });
    const b = new PostgresRequestBudget(second, { perSecond: 3, perDay: 1000 });
    const { granted, elapsed } = await acquireAll([a, b], 12);
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(maxInWindow(granted, 800)).toBeLessThanOrEqual(3);
    const rows: { used: number }[] = await second.query(`SELECT used FROM gong_request_budget WHERE kind = 'day'`);
    expect(rows).toEqual([{ used: 12 }]);
  });

  it("refuses the request after the day's budget with GongBudgetExhaustedError naming the reset time", async () => {
    const a = new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 1000, perDay: 5 });
    const b = new PostgresRequestBudget(second, { perSecond: 1000, perDay: 5 });
    await acquireAll([a, b], 5);
    const err = await b.acquire().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GongBudgetExhaustedError);
    const resetAt = (err as GongBudgetExhaustedError).resetAt;
    const now = new Date();
    expect(resetAt.toISOString()).toBe(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString(),
    );
    expect((err as Error).message).toContain(resetAt.toISOString());
    expect((err as Error).message).toMatch(/GONG_REQUESTS_PER_DAY/);
    await expect(a.acquire()).rejects.toBeInstanceOf(GongBudgetExhaustedError);
    // Refused requests are not counted.
    expect(await a.usage()).toMatchObject({ usedToday: 5, perDay: 5 });
  });

  it("grants exactly perDay of many concurrent acquisitions across two pools", async () => {
    const a = new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 1000, perDay: 20 });
    const b = new PostgresRequestBudget(second, { perSecond: 1000, perDay: 20 });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).acquire()));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(20);
    expect(rejected.every((r) => r.reason instanceof GongBudgetExhaustedError)).toBe(true);
    expect((await b.usage()).usedToday).toBe(20);
  });

  it("holds everyone off after pause() (a 429's Retry-After)", async () => {
    const a = new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 100, perDay: 1000 });
    const b = new PostgresRequestBudget(second, { perSecond: 100, perDay: 1000 });
    await a.pause(800);
    const start = Date.now();
    await b.acquire();
    expect(Date.now() - start).toBeGreaterThanOrEqual(700);
  });

  it("deletes day rows older than its retention", async () => {
    await tdb.db.dataSource.query(
      `INSERT INTO gong_request_budget (kind, window_start, used) VALUES ('day', now() - interval '40 days', 7), ('day', now() - interval '2 days', 9)`,
    );
    await new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 100 }).acquire();
    const rows: { used: number }[] = await tdb.db.dataSource.query(
      `SELECT used FROM gong_request_budget WHERE kind = 'day' ORDER BY window_start`,
    );
    expect(rows.map((r) => r.used)).toEqual([9, 1]);
  });
});

describe("InMemoryRequestBudget", () => {
  it("spaces acquisitions ~1/perSecond apart and enforces the day's limit", async () => {
    const budget = new InMemoryRequestBudget({ perSecond: 5, perDay: 4 });
    expect(budget.limits.intervalMs).toBe(220);
    const { granted, elapsed } = await acquireAll([budget], 4);
    expect(elapsed).toBeGreaterThanOrEqual(650);
    expect(maxInWindow(granted, 150)).toBe(1);
    await expect(budget.acquire()).rejects.toBeInstanceOf(GongBudgetExhaustedError);
    expect((await budget.usage()).usedToday).toBe(4);
  });

  it("starts a new day at 00:00 UTC", async () => {
    let now = Date.UTC(2025, 0, 1, 23, 59, 59);
    const budget = new InMemoryRequestBudget({ perSecond: 1000, perDay: 1 }, () => now);
    await budget.acquire();
    await expect(budget.acquire()).rejects.toMatchObject({ resetAt: new Date(Date.UTC(2025, 0, 2)) });
    now = Date.UTC(2025, 0, 2, 0, 0, 1);
    await expect(budget.acquire()).resolves.toBeUndefined();
  });
});
