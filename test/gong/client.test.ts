/**
 * The Gong client against the Gong simulator (src/gong/simulator), with the request budget kept in
 * the test's database (PGlite or PostgreSQL): auth, cursor paging of GET and POST endpoints, Gong's
 * "404 = empty", retries of 5xx, timeouts and dropped sockets, and 429 storms with the shared budget
 * at Gong's rate and above it.
 */
import "reflect-metadata";
import { createTestDatabase, backend, type TestDatabase } from "../helpers/test-db";
import { startGongSimulator, type RunningSimulator } from "../../src/gong/simulator";
import {
  createGongClient,
  GongAuthError,
  GongUnavailableError,
  PostgresRequestBudget,
  type GongCall,
  type GongClientOptions,
  type GongPage,
  type RequestBudget,
} from "../../src/gong/client";

const KEY = "test-key-1234";
const SECRET = "test-secret-DO-NOT-LEAK-9876";
const EVERYTHING = { fromDateTime: "2000-01-01T00:00:00Z", toDateTime: "2100-01-01T00:00:00Z" };
const NOTHING = { fromDateTime: "1990-01-01T00:00:00Z", toDateTime: "1990-02-01T00:00:00Z" };
const UNLIMITED = { perSecond: 10_000, perDay: 1_000_000 };

interface Sent {
  method: string;
  url: URL;
  body: Record<string, unknown> | undefined;
  status: number;
  retryAfter: string | null;
  sentAt: number;
  doneAt: number;
}

/** A fetch that records every attempt the client makes (to check bodies, cursors and waits). */
function recordingFetch(): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const sentAt = Date.now();
    const url = new URL(String(input instanceof Request ? input.url : input));
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const entry: Sent = { method: init?.method ?? "GET", url, body, status: 0, retryAfter: null, sentAt, doneAt: 0 };
    sent.push(entry);
    try {
      const res = await fetch(input, init);
      Object.assign(entry, { status: res.status, retryAfter: res.headers.get("retry-after"), doneAt: Date.now() });
      return res;
    } catch (err) {
      entry.doneAt = Date.now();
      throw err;
    }
  };
  return { fetch: wrapped, sent };
}

/** Largest number of timestamps inside any window [t, t + 1000). */
function maxPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe(`Gong client against the simulator (${backend})`, () => {
  let tdb: TestDatabase;
  let sim: RunningSimulator;
  let budget: RequestBudget;

  const client = (over: Partial<GongClientOptions> = {}) =>
    createGongClient({
      baseUrl: sim.url,
      auth: { kind: "basic", key: KEY, secret: SECRET },
      budget,
      timeoutMs: 5000,
      retry: { baseDelayMs: 20, maxDelayMs: 100 },
      ...over,
    });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    budget = new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 500, perDay: 100_000 });
    sim = await startGongSimulator({ calls: 24, pageSize: 7, rateLimit: UNLIMITED, accessKey: KEY, accessKeySecret: SECRET });
  });
  afterAll(async () => {
    await sim?.stop();
    await tdb?.close();
  });
  beforeEach(() => sim.setFaults({}));

  it("authenticates with Basic auth; a wrong secret is a GongAuthError that does not show it", async () => {
    const ids = sim.callIds();
    expect(await client().getCall(ids[0])).toMatchObject({ id: ids[0] });
    const wrong = "wrong-secret-ABCDEFGH";
    const err = await client({ auth: { kind: "basic", key: KEY, secret: wrong } })
      .getCall(ids[0])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongAuthError);
    expect((err as GongAuthError).status).toBe(401);
    expect((err as Error).message).toMatch(/GONG_API_KEY and GONG_API_SECRET/);
    expect((err as Error).message).not.toContain(wrong);
    expect((err as Error).message).not.toContain(SECRET);
  });

  it("pages GET /v2/calls by ?cursor=: every call once, the query otherwise unchanged", async () => {
    const rec = recordingFetch();
    const pages: GongPage<GongCall>[] = [];
    for await (const page of client({ fetch: rec.fetch }).listCalls(EVERYTHING)) pages.push(page);
    const ids = pages.flatMap((p) => p.items.map((c) => c.id));
    expect(ids).toEqual(sim.callIds());
    expect(new Set(ids).size).toBe(30);
    expect(pages.length).toBe(Math.ceil(30 / 7));
    expect(pages.map((p) => p.pageIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(pages.at(-1)!.records?.cursor).toBeUndefined();
    const queries = rec.sent.map((s) => Object.fromEntries(s.url.searchParams));
    expect(queries[0]).toEqual(EVERYTHING);
    queries.slice(1).forEach((q, i) => expect(q).toEqual({ ...EVERYTHING, cursor: pages[i].records!.cursor }));
    expect(ids.every((id) => typeof id === "string" && /^\d+$/.test(id))).toBe(true);
  });

  it("pages POST /v2/calls/extensive by a top-level cursor, repeating the body unchanged", async () => {
    const rec = recordingFetch();
    const calls = await client({ fetch: rec.fetch }).extensiveCalls({ filter: EVERYTHING }).collect();
    expect(calls.map((c) => c.metaData.id)).toEqual(sim.callIds());
    expect(rec.sent).toHaveLength(5);
    const [first, ...later] = rec.sent.map((s) => s.body!);
    expect(first.cursor).toBeUndefined();
    expect(first).toMatchObject({ filter: EVERYTHING, contentSelector: { context: "Extended" } });
    for (const body of later) {
      const { cursor, ...rest } = body;
      expect(typeof cursor).toBe("string");
      expect(rest).toEqual(first);
    }
    // The default selector brings parties, content and interaction.
    const withParties = calls.filter((c) => c.parties?.length);
    expect(withParties.length).toBeGreaterThan(20);
    expect(calls.some((c) => c.content?.topics?.length && c.interaction?.speakers?.length)).toBe(true);
  });

  it("reads transcripts and users", async () => {
    const ids = sim.callIds().slice(0, 3);
    const transcripts = await client().transcripts({ filter: { callIds: ids } }).collect();
    expect(transcripts.map((t) => t.callId).sort()).toEqual([...ids].sort());
    expect(transcripts[0].transcript[0].sentences[0]).toEqual(
      expect.objectContaining({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) }),
    );
    const users = await client().listUsers().collect();
    expect(users.length).toBeGreaterThan(0);
    const one = await client().usersExtensive({ filter: { userIds: [users[0].id] } }).collect();
    expect(one.map((u) => u.id)).toEqual([users[0].id]);
  });

  it("turns 404 'No calls found' into an empty result, and an unknown call into null", async () => {
    expect(await client().listCalls(NOTHING).collect()).toEqual([]);
    expect(await client().extensiveCalls({ filter: NOTHING }).collect()).toEqual([]);
    expect(await client().transcripts({ filter: NOTHING }).collect()).toEqual([]);
    expect(await client().getCall("1234567890123456789")).toBeNull();
  });

  it("retries 5xx: two 503s, then success", async () => {
    const id = sim.callIds()[1];
    sim.setFaults({ failNext: 2 });
    const rec = recordingFetch();
    expect(await client({ fetch: rec.fetch }).getCall(id)).toMatchObject({ id });
    expect(rec.sent.map((s) => s.status)).toEqual([503, 503, 200]);
  });

  it("retries a timed-out request, then gives up with GongUnavailableError", async () => {
    sim.setFaults({ slowRate: 1, slowMs: 2000 });
    const rec = recordingFetch();
    const start = Date.now();
    const err = await client({ fetch: rec.fetch, timeoutMs: 150, retry: { maxAttempts: 3, baseDelayMs: 20 } })
      .getCall(sim.callIds()[0])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongUnavailableError);
    expect((err as GongUnavailableError).attempts).toBe(3);
    expect((err as Error).message).toMatch(/timed out after 150 ms/);
    expect(rec.sent).toHaveLength(3);
    expect(Date.now() - start).toBeLessThan(1500);
  });

  it("retries dropped connections, then gives up with GongUnavailableError", async () => {
    sim.setFaults({ dropRate: 1 });
    const err = await client({ retry: { maxAttempts: 2, baseDelayMs: 20 } })
      .getCall(sim.callIds()[0])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongUnavailableError);
    expect((err as Error).message).toMatch(/network error/);
  });
});

describe(`Gong client under Gong's rate limit of 3/s (${backend})`, () => {
  let tdb: TestDatabase;
  let sim: RunningSimulator;

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb?.close();
  });
  beforeEach(async () => {
    await tdb.db.dataSource.query("DELETE FROM gong_request_budget");
    sim = await startGongSimulator({ calls: 20, rateLimit: { perSecond: 3, perDay: 10_000 }, accessKey: KEY, accessKeySecret: SECRET });
  });
  afterEach(async () => {
    await sim.stop();
  });

  const clientWith = (budget: RequestBudget, rec = recordingFetch()) =>
    createGongClient({ baseUrl: sim.url, auth: { kind: "basic", key: KEY, secret: SECRET }, budget, timeoutMs: 5000, fetch: rec.fetch });

  it("15 concurrent requests from two clients sharing the budget all succeed, paced at 3/s", async () => {
    // Two budgets over the same database, as two processes would have.
    const a = clientWith(new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 3, perDay: 10_000 }));
    const b = clientWith(new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 3, perDay: 10_000 }));
    const ids = sim.callIds().slice(0, 15);
    const start = Date.now();
    const got = await Promise.all(ids.map((id, i) => (i % 2 ? a : b).getCall(id)));
    const elapsed = Date.now() - start;
    expect(got.map((c) => c?.id)).toEqual(ids);
    expect(elapsed).toBeGreaterThanOrEqual(4000);
    const seen = sim.requests();
    const ok = seen.filter((r) => r.status === 200);
    expect(ok).toHaveLength(15);
    expect(maxPerSecond(ok.map((r) => r.at))).toBeLessThanOrEqual(3);
    // The budget keeps the client under Gong's limit: (almost) no 429s (without it, 12 of the first 15
    // requests would be 429s). A rare one comes from timer jitter on a loaded machine.
    expect(seen.filter((r) => r.status === 429).length).toBeLessThanOrEqual(3);
  });

  it("honours Retry-After when its own budget is above Gong's limit (10/s against 3/s)", async () => {
    const rec = recordingFetch();
    const c = clientWith(new PostgresRequestBudget(tdb.db.dataSource, { perSecond: 10, perDay: 10_000 }), rec);
    const ids = sim.callIds().slice(0, 10);
    const got = await Promise.all(ids.map((id) => c.getCall(id)));
    expect(got.map((x) => x?.id)).toEqual(ids);
    const limited = rec.sent.filter((s) => s.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const r of limited) {
      expect(r.retryAfter).toMatch(/^\d+$/);
      // The same call's next attempt waited at least Retry-After after the 429 arrived.
      const next = rec.sent.find((s) => s.url.pathname === r.url.pathname && s.sentAt > r.sentAt);
      expect(next).toBeDefined();
      expect(next!.sentAt - r.doneAt).toBeGreaterThanOrEqual(Number(r.retryAfter) * 1000 - 5);
    }
    expect(sim.requests().filter((r) => r.status === 200)).toHaveLength(10);
  });
});
