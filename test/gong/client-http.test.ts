/**
 * Gong client behaviour that needs exact control of Gong's answers, against a tiny local HTTP
 * server: headers, error mapping, credential hygiene, response validation (ids as strings),
 * cursor loops, Retry-After caps, and configuration. (The simulator-based tests are in
 * client.test.ts.)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig, ConfigError } from "../../src/core/config";
import {
  createGongClient,
  gongAuthFromConfig,
  gongClientFromConfig,
  GongAuthError,
  GongNotFoundError,
  GongPaginationError,
  GongRateLimitedError,
  GongRequestError,
  GongResponseError,
  GongUnavailableError,
  InMemoryRequestBudget,
  PostgresRequestBudget,
  type GongClientOptions,
} from "../../src/gong/client";
import { captureLogger } from "../helpers/test-db";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Reply = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> };

/** A server answering each request with `handler(request, index)`. */
async function fakeGong(handler: (req: Seen, i: number) => Reply | Promise<Reply>) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const s: Seen = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      const reply = await handler(s, seen.length - 1);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const KEY = "key-0123456789";
const SECRET = "s3cr3t-DO-NOT-LEAK-42";
const call = (id: string, extra: object = {}) => ({ id, title: `Call ${id}`, started: "2025-03-05T14:03:37.041977-08:00", duration: 60, ...extra });
const calls = (ids: string[], cursor?: string) => ({
  requestId: "req-1",
  records: { totalRecords: ids.length, currentPageSize: ids.length, currentPageNumber: 0, ...(cursor ? { cursor } : {}) },
  calls: ids.map((id) => call(id)),
});
const range = { fromDateTime: "2025-03-01T00:00:00Z", toDateTime: "2025-03-08T00:00:00Z" };

let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function setup(handler: (req: Seen, i: number) => Reply | Promise<Reply>, opts: Partial<GongClientOptions> = {}) {
  const fake = await fakeGong(handler);
  servers.push(fake);
  const client = createGongClient({
    baseUrl: `${fake.url}/`,
    auth: { kind: "basic", key: KEY, secret: SECRET },
    budget: new InMemoryRequestBudget({ perSecond: 1000, perDay: 100_000 }),
    timeoutMs: 2000,
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    ...opts,
  });
  return { fake, client };
}

describe("Gong client against a local fake Gong", () => {
  it("sends Basic auth, the query, and parses calls (unknown fields kept)", async () => {
    const { fake, client } = await setup(() => ({ status: 200, body: { ...calls(["7782342274025937895"]), brandNew: 1 } }));
    const got = await client.listCalls({ ...range, fromDateTime: new Date("2025-03-01T00:00:00Z"), workspaceId: "9000000000000000001" }).collect();
    expect(got).toEqual([call("7782342274025937895")]);
    expect(fake.seen[0].headers.authorization).toBe(`Basic ${Buffer.from(`${KEY}:${SECRET}`).toString("base64")}`);
    const url = new URL(fake.seen[0].url, fake.url);
    expect(url.pathname).toBe("/v2/calls");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      fromDateTime: "2025-03-01T00:00:00.000Z",
      toDateTime: "2025-03-08T00:00:00Z",
      workspaceId: "9000000000000000001",
    });
  });

  it("sends a Bearer token", async () => {
    const { fake, client } = await setup(() => ({ status: 200, body: { requestId: "r", users: [] } }), {
      auth: { kind: "bearer", token: "tok-abcdef" },
    });
    await client.listUsers({ includeAvatars: false }).collect();
    expect(fake.seen[0].headers.authorization).toBe("Bearer tok-abcdef");
    expect(fake.seen[0].url).toBe("/v2/users?includeAvatars=false");
  });

  it("maps 401 to GongAuthError naming the variables, without credentials in the message or the logs", async () => {
    const { logger, lines } = captureLogger("debug");
    const { fake, client } = await setup(
      (req) => ({ status: 401, body: { requestId: "r", errors: [`Unauthorized: ${req.headers.authorization} (${SECRET})`] } }),
      { logger },
    );
    const err = await client.getCall("1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongAuthError);
    const message = (err as Error).message;
    expect(message).toMatch(/GONG_API_KEY and GONG_API_SECRET/);
    expect(message).toMatch(/HTTP 401/);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain(Buffer.from(`${KEY}:${SECRET}`).toString("base64"));
    expect(fake.seen).toHaveLength(1); // not retried
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join("\n");
    expect(log).toMatch(/"path":"\/v2\/calls\/1".*"status":401/);
    expect(log).not.toContain(SECRET);
    expect(log).not.toMatch(/authorization|Basic /i);
  });

  it("maps 403 to GongAuthError about scope or trusted IPs", async () => {
    const { client } = await setup(() => ({ status: 403, body: { requestId: "r", errors: ["Access denied"] } }), {
      auth: { kind: "bearer", token: "tok-abcdef" },
    });
    const err = await client.listUsers().collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongAuthError);
    expect((err as Error).message).toMatch(/403.*GONG_API_TOKEN.*scope/);
  });

  it("maps 400 to GongRequestError with Gong's errors, not retried", async () => {
    const { fake, client } = await setup(() => ({ status: 400, body: { requestId: "r-400", errors: ["Invalid cursor", "bad filter"] } }));
    const err = (await client.transcripts({ filter: { callIds: ["1"] } }).collect().catch((e: unknown) => e)) as GongRequestError;
    expect(err).toBeInstanceOf(GongRequestError);
    expect(err.errors).toEqual(["Invalid cursor", "bad filter"]);
    expect(err.status).toBe(400);
    expect(err.requestId).toBe("r-400");
    expect(err.message).toMatch(/POST \/v2\/calls\/transcript.*400.*Invalid cursor/);
    expect(fake.seen).toHaveLength(1);
  });

  it("treats 404 'No calls found…' as empty, any other 404 as GongNotFoundError (getCall: null)", async () => {
    const { client } = await setup((req) =>
      req.url.startsWith("/v2/calls/extensive")
        ? { status: 404, body: { requestId: "r", errors: ["No calls found for the specified period"] } }
        : req.url.startsWith("/v2/calls?")
          ? { status: 404, body: { requestId: "r", errors: ["Resource not found"] } }
          : { status: 404, body: { requestId: "r", errors: ["Call not found"] } },
    );
    expect(await client.extensiveCalls({ filter: range }).collect()).toEqual([]);
    await expect(client.listCalls(range).collect()).rejects.toBeInstanceOf(GongNotFoundError);
    expect(await client.getCall("123")).toBeNull();
  });

  it("refuses an id sent as a JSON number (digits already lost) with GongResponseError", async () => {
    const { client } = await setup(() => ({
      status: 200,
      raw: `{"requestId":"r","records":{"totalRecords":1},"calls":[{"metaData":{"id":"1"},"parties":[{"speakerId":6432345678555530067}]}]}`,
    }));
    const err = await client.extensiveCalls({ filter: range }).collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongResponseError);
    expect((err as Error).message).toMatch(/calls\[0\]\.parties\[0\]\.speakerId .*must be strings/);
  });

  it("refuses a response of the wrong shape, and a 2xx that is not JSON", async () => {
    const { client } = await setup((_req, i) =>
      i === 0 ? { status: 200, body: { requestId: "r", calls: [{ title: "no id" }] } } : { status: 200, raw: "<html>proxy</html>" },
    );
    await expect(client.listCalls(range).collect()).rejects.toThrow(/unexpected shape: calls\.0\.id is missing/);
    await expect(client.listCalls(range).collect()).rejects.toThrow(/not JSON/);
  });

  it("stops with GongPaginationError when a cursor repeats", async () => {
    const { fake, client } = await setup((_req, i) => ({ status: 200, body: calls([String(100 + i)], i === 0 ? "c1" : i === 1 ? "c2" : "c1") }));
    const err = await client.listCalls(range).collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongPaginationError);
    expect(fake.seen).toHaveLength(3);
  });

  it("repeats a POST unchanged but for the top-level cursor", async () => {
    const { fake, client } = await setup((_req, i) => ({
      status: 200,
      body: { requestId: "r", records: i < 2 ? { cursor: `cur-${i}` } : {}, callTranscripts: [{ callId: String(i), transcript: [] }] },
    }));
    const got = await client.transcripts({ filter: { ...range, callIds: ["0", "1", "2"] } }).collect();
    expect(got.map((t) => t.callId)).toEqual(["0", "1", "2"]);
    const bodies = fake.seen.map((s) => JSON.parse(s.body));
    expect(bodies[0]).toEqual({ filter: { ...range, callIds: ["0", "1", "2"] } });
    expect(bodies[1]).toEqual({ ...bodies[0], cursor: "cur-0" });
    expect(bodies[2]).toEqual({ ...bodies[0], cursor: "cur-1" });
    expect(fake.seen.every((s) => s.headers["content-type"] === "application/json")).toBe(true);
  });

  it("sends nothing for an empty callIds list (Gong would answer 400)", async () => {
    const { fake, client } = await setup(() => ({ status: 500 }));
    expect(await client.extensiveCalls({ filter: { callIds: [] } }).collect()).toEqual([]);
    expect(await client.transcripts({ filter: { callIds: [] } }).collect()).toEqual([]);
    expect(fake.seen).toHaveLength(0);
  });

  it("caps Retry-After and gives up after too many 429s with GongRateLimitedError", async () => {
    const { fake, client } = await setup(
      () => ({ status: 429, headers: { "retry-after": "3600" }, body: { requestId: "r", errors: ["API request limit exceeded"] } }),
      { retry: { maxRetryAfterMs: 100, maxRateLimitRetries: 2 } },
    );
    const start = Date.now();
    const err = await client.getCall("1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongRateLimitedError);
    expect(err).toBeInstanceOf(GongUnavailableError);
    expect(fake.seen).toHaveLength(3);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(Date.now() - start).toBeGreaterThanOrEqual(200);
  });

  it("gives up on 5xx after maxAttempts with GongUnavailableError", async () => {
    const { fake, client } = await setup(() => ({ status: 502, body: { requestId: "r", errors: ["Bad gateway"] } }), {
      retry: { maxAttempts: 3, baseDelayMs: 10 },
    });
    const err = (await client.getCall("1").catch((e: unknown) => e)) as GongUnavailableError;
    expect(err).toBeInstanceOf(GongUnavailableError);
    expect(err.attempts).toBe(3);
    expect(err.message).toMatch(/502 3 times: Bad gateway/);
    expect(fake.seen).toHaveLength(3);
  });

  it("retries network errors, then GongUnavailableError without credentials", async () => {
    const fake = await fakeGong(() => ({ status: 200 }));
    await fake.close(); // nothing listens on the port any more
    const client = createGongClient({
      baseUrl: fake.url,
      auth: { kind: "basic", key: KEY, secret: SECRET },
      budget: new InMemoryRequestBudget({ perSecond: 1000 }),
      retry: { maxAttempts: 2, baseDelayMs: 10 },
    });
    const err = (await client.getCall("1").catch((e: unknown) => e)) as GongUnavailableError;
    expect(err).toBeInstanceOf(GongUnavailableError);
    expect(err.attempts).toBe(2);
    expect(err.message).toMatch(/network error/);
    expect(err.message).not.toContain(SECRET);
  });

  it("rejects timestamps without an offset before sending", async () => {
    const { fake, client } = await setup(() => ({ status: 200, body: calls([]) }));
    expect(() => client.listCalls({ fromDateTime: "2025-03-01", toDateTime: "2025-03-02T00:00:00Z" })).toThrow(
      /fromDateTime must be an ISO-8601 timestamp/,
    );
    expect(fake.seen).toHaveLength(0);
  });
});

describe("PostgresRequestBudget on a database without migration 0002", () => {
  it("says to run callcoach migrate", async () => {
    const ds = {
      query: async () => {
        throw Object.assign(new Error('relation "gong_request_budget" does not exist'), { code: "42P01" });
      },
    };
    await expect(new PostgresRequestBudget(ds).acquire()).rejects.toThrow(/gong_request_budget is missing: run `callcoach migrate`/);
  });
});

describe("gongClientFromConfig", () => {
  const ds = { query: async () => [] } as never;

  it("needs credentials, naming the variables", () => {
    expect(() => gongClientFromConfig(loadConfig({}), ds)).toThrow(ConfigError);
    expect(() => gongClientFromConfig(loadConfig({}), ds)).toThrow(/GONG_API_KEY and GONG_API_SECRET .* or GONG_API_TOKEN/);
    expect(() => gongClientFromConfig(loadConfig({ GONG_API_KEY: "k" }), ds)).toThrow(/GONG_API_SECRET is not set/);
    expect(() => gongClientFromConfig(loadConfig({ GONG_API_SECRET: "s" }), ds)).toThrow(/GONG_API_KEY is not set/);
  });

  it("prefers key + secret, else the token; reads base URL and limits", () => {
    const config = loadConfig({
      GONG_API_KEY: "k",
      GONG_API_SECRET: "s",
      GONG_API_TOKEN: "t",
      GONG_API_BASE_URL: "https://us-12345.api.gong.io/",
      GONG_REQUESTS_PER_SECOND: "2.5",
    });
    expect(gongAuthFromConfig(config.gong)).toEqual({ kind: "basic", key: "k", secret: "s" });
    expect(gongAuthFromConfig(loadConfig({ GONG_API_TOKEN: "t" }).gong)).toEqual({ kind: "bearer", token: "t" });
    expect(config.gong).toMatchObject({ baseUrl: "https://us-12345.api.gong.io", requestsPerSecond: 2.5, requestsPerDay: 10_000, requestTimeoutMs: 30_000 });
    expect(gongClientFromConfig(config, ds).baseUrl).toBe("https://us-12345.api.gong.io");
    expect(loadConfig({}).gong.baseUrl).toBe("https://api.gong.io");
  });

  it("rejects a base URL that is not http(s), and never echoes a secret in config errors", () => {
    expect(() => loadConfig({ GONG_API_BASE_URL: "ftp://gong.example" })).toThrow(/GONG_API_BASE_URL/);
    const err = (() => {
      try {
        loadConfig({ GONG_API_SECRET: "x".repeat(10), GONG_REQUESTS_PER_DAY: "0" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toMatch(/GONG_REQUESTS_PER_DAY/);
    expect(err!.message).not.toContain("x".repeat(10));
  });
});
