/**
 * A local fake of the Anthropic Messages API (wire format of docs "anthropic-api.md" §1–§11), for
 * tests and benchmarks that run the real `@anthropic-ai/sdk` with no network access:
 *
 *   const fake = await startFakeAnthropic({ answer: ({ user }) => ({ json: {...} }) });
 *   const client = new Anthropic({ apiKey: "test-key", baseURL: fake.url });
 *
 * Routes: POST /v1/messages (JSON or SSE), POST /v1/messages/count_tokens, and the Message Batches
 * routes. Plain node:http; imports nothing from jest or test/helpers, because dist/bench uses it too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AnswerSource } from "./answers";
import { BatchStore } from "./batches";
import { ApiError, invalidRequest, newId, notFound } from "./errors";
import { MessageEngine } from "./messages";
import { PromptCache } from "./prompt-cache";
import { startSse, writeMessageBody, writeMessageStart, writeStreamError } from "./sse";
import { promptTokens } from "./tokens";
import type { FakeAnthropic, FakeAnthropicOptions, RecordedRequest } from "./types";
import { checkMessageBody, checkVersion } from "./validate";

export type { AnswerRequest, Answerer, BatchOutcome, FakeAnthropic, FakeAnthropicOptions, RecordedRequest, RefusalCategory, ScriptedAnswer } from "./types";
export { estimateTokens, promptTokens } from "./tokens";
export { KNOWN_MODELS, minCacheableTokens } from "./validate";

const DEFAULT_TTL_MS = { "5m": 300_000, "1h": 3_600_000 };
/** Body limits of reference §1: 32 MB for Messages and count_tokens, 256 MB for a batch. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const MAX_BATCH_BODY_BYTES = 256 * 1024 * 1024;

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent as is (JSONL) instead of JSON. */
  raw?: string;
}

function readBody(req: IncomingMessage): Promise<{ text: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_BATCH_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8"), bytes }));
    req.on("error", reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export async function startFakeAnthropic(opts: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const apiKey = opts.apiKey ?? "test-key";
  let latencyMs = opts.latencyMs ?? 0;
  const requests: RecordedRequest[] = [];
  const cache = new PromptCache(opts.cacheTtlMs ?? DEFAULT_TTL_MS);
  const answers = new AnswerSource(opts.answer);
  const engine = new MessageEngine(cache, answers, opts.adaptiveThinking ?? false);
  let url = "";
  const batches = new BatchStore(engine, () => url, opts.batchOutcome ?? (() => "succeeded"), opts.batchAutoCompleteMs);
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t);
            resolve();
          }, ms);
          timers.add(t);
        });

  const send = (res: ServerResponse, requestId: string, reply: Reply) => {
    if (res.destroyed || res.headersSent) return;
    const text = reply.raw ?? JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      "content-type": reply.raw !== undefined ? "application/binary" : "application/json",
      "content-length": Buffer.byteLength(text),
      "request-id": requestId,
      ...reply.headers,
    });
    res.end(text);
  };
  const fail = (res: ServerResponse, requestId: string, e: ApiError) => send(res, requestId, { status: e.status, body: e.body(requestId), headers: e.headers });

  /** POST /v1/messages: answers are decided now; the cache entries register when the response begins. */
  async function createMessage(req: IncomingMessage, res: ServerResponse, requestId: string, body: any, version: string): Promise<void> {
    const p = await engine.prepare(body, version, "messages");
    if (p.kind === "error") return fail(res, requestId, p.error);
    if (p.kind === "drop") {
      req.socket.destroy();
      return;
    }
    await sleep(latencyMs + p.delayMs);
    if (res.destroyed) return; // the client gave up during the latency
    p.plan.commit();
    if (body.stream !== true) return send(res, requestId, { status: 200, body: p.message });
    startSse(res, requestId);
    writeMessageStart(res, p.message);
    if (p.streamError) writeStreamError(res, p.streamError, requestId);
    else writeMessageBody(res, p.message);
  }

  function route(method: string, path: string, query: URLSearchParams, body: any, version: string): Reply {
    if (method === "POST" && path === "/v1/messages/count_tokens") {
      const invalid = checkMessageBody(body, version, "count_tokens");
      if (invalid) throw invalid;
      return { status: 200, body: { input_tokens: promptTokens(body) } };
    }
    if (path === "/v1/messages/batches") {
      if (method === "POST") return { status: 200, body: batches.create(body, version) };
      if (method === "GET") return { status: 200, body: batches.list(query) };
    }
    const m = /^\/v1\/messages\/batches\/([^/]+)(\/cancel|\/results)?$/.exec(path);
    if (m) {
      const id = decodeURIComponent(m[1]);
      if (!m[2] && method === "GET") return { status: 200, body: batches.retrieve(id) };
      if (!m[2] && method === "DELETE") return { status: 200, body: batches.remove(id) };
      if (m[2] === "/cancel" && method === "POST") return { status: 200, body: batches.cancel(id) };
      if (m[2] === "/results" && method === "GET") return { status: 200, body: undefined, raw: batches.results(id) };
    }
    throw notFound(`Not found: ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newId("req");
    const method = (req.method ?? "GET").toUpperCase();
    const parsedUrl = new URL(req.url ?? "/", "http://fake-anthropic.local");
    const path = parsedUrl.pathname;
    const { text, bytes } = await readBody(req);
    let body: any = undefined;
    let badJson = false;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        badJson = true;
      }
    }
    const headers = flatHeaders(req);
    requests.push({ method, path, headers, body, at: Date.now() });

    const limit = path === "/v1/messages/batches" ? MAX_BATCH_BODY_BYTES : MAX_BODY_BYTES;
    if (bytes > limit) return fail(res, requestId, new ApiError(413, "request_too_large", "Request exceeds the maximum allowed number of bytes."));
    const key = headers["x-api-key"] ?? (headers.authorization?.startsWith("Bearer ") ? headers.authorization.slice(7) : undefined);
    if (key !== apiKey) {
      return fail(res, requestId, new ApiError(401, "authentication_error", key === undefined ? "x-api-key header is required" : "invalid x-api-key"));
    }
    const versionError = checkVersion(headers["anthropic-version"]);
    if (versionError) return fail(res, requestId, versionError);
    if (badJson) return fail(res, requestId, invalidRequest("The request body is not valid JSON"));
    const version = headers["anthropic-version"]!;

    if (method === "POST" && path === "/v1/messages") return createMessage(req, res, requestId, body, version);
    try {
      send(res, requestId, route(method, path, parsedUrl.searchParams, body, version));
    } catch (err) {
      if (err instanceof ApiError) fail(res, requestId, err);
      else throw err;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const requestId = newId("req");
      fail(res, requestId, new ApiError(500, "api_error", `fake-anthropic: ${err instanceof Error ? err.message : String(err)}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    requests,
    messageRequests: () => requests.filter((r) => r.method === "POST" && r.path === "/v1/messages"),
    script: (...list) => answers.push(list),
    setLatency(ms) {
      latencyMs = ms;
    },
    completeBatch: (id) => batches.complete(id),
    clearCache: () => cache.clear(),
    reset() {
      requests.length = 0; // in place: callers may hold the array
      answers.clear();
      cache.clear();
      batches.clear();
      latencyMs = opts.latencyMs ?? 0;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        batches.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
