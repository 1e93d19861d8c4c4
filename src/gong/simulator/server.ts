/**
 * The simulator's HTTP handler (plain node:http): faults, then auth (401), the company-wide rate limit
 * (429), routing, scopes (403), validation (400) and the endpoints, every error in Gong's envelope
 * `{ requestId, errors: [message] }`. Logs nothing.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, requiredScopes, type AuthConfig } from "./auth";
import type { Dataset } from "./dataset";
import { GongError, NO_CALLS_FOUND, NO_USERS_FOUND, badRequest } from "./errors";
import { FAULT_MESSAGES, type FaultInjector } from "./faults";
import { Pager, requestFingerprint } from "./paging";
import { sha256Hex } from "./prng";
import type { RateLimiter } from "./rate-limit";
import { bodyCursor, parseCallsFilter, parseCallsQuery, parseJsonBody, parseSelector, parseUsersFilter, type Obj } from "./requests";
import { projectCall } from "./select";
import { userMetadata } from "./users";

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface HandlerContext {
  seed: number;
  dataset: Dataset;
  auth: AuthConfig;
  limiter: RateLimiter;
  faults: FaultInjector;
  pager: Pager;
  log: RequestRecord[];
  /** Timers of delayed (slow) answers, cleared on stop. */
  timers: Set<NodeJS.Timeout>;
}

/** Largest request body accepted (Gong's bodies are small filters). */
const MAX_BODY_BYTES = 1024 * 1024;
const GONG_ID = /^\d{1,20}$/;

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Routed {
  route: string;
  params: Record<string, string>;
}

const ROUTES: { method: string; pattern: RegExp; route: string; param?: string }[] = [
  { method: "GET", pattern: /^\/v2\/calls$/, route: "GET /v2/calls" },
  { method: "POST", pattern: /^\/v2\/calls\/extensive$/, route: "POST /v2/calls/extensive" },
  { method: "POST", pattern: /^\/v2\/calls\/transcript$/, route: "POST /v2/calls/transcript" },
  { method: "GET", pattern: /^\/v2\/calls\/([^/]+)$/, route: "GET /v2/calls/{id}", param: "id" },
  { method: "GET", pattern: /^\/v2\/users$/, route: "GET /v2/users" },
  { method: "POST", pattern: /^\/v2\/users\/extensive$/, route: "POST /v2/users/extensive" },
  { method: "GET", pattern: /^\/v2\/users\/([^/]+)$/, route: "GET /v2/users/{id}", param: "id" },
];

function match(method: string, path: string): Routed | "method" | undefined {
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    // /v2/calls/extensive and /v2/calls/transcript are not call ids.
    if (r.param && ["extensive", "transcript"].includes(m[1])) continue;
    pathMatched = true;
    if (r.method === method) return { route: r.route, params: r.param ? { [r.param]: decodeURIComponent(m[1]) } : {} };
  }
  return pathMatched ? "method" : undefined;
}

function readBody(req: IncomingMessage): Promise<string | GongError> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? new GongError(413, "Request body too large") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function createHandler(ctx: HandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  let counter = 0;
  /** Gong-like request ids (19 base-36 characters), deterministic for the seed and request order. */
  const nextRequestId = () => BigInt(`0x${sha256Hex(`${ctx.seed}|request|${counter++}`).slice(0, 24)}`).toString(36).padStart(19, "0").slice(0, 19);

  return (req, res) => {
    const requestId = nextRequestId();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const record: RequestRecord = { method, path: url.pathname, status: 0, at: Date.now() };
    ctx.log.push(record);

    const send = (reply: Reply) => {
      record.status = reply.status;
      const text = JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": Buffer.byteLength(text),
        ...reply.headers,
      });
      res.end(text);
    };
    const fail = (status: number, message: string, headers?: Record<string, string>) => send({ status, body: { requestId, errors: [message] }, headers });

    readBody(req)
      .then(async (raw) => {
        const fault = ctx.faults.decide();
        if (fault.delayMs > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              ctx.timers.delete(timer);
              resolve();
            }, fault.delayMs);
            ctx.timers.add(timer);
          });
        }
        if (fault.drop) {
          record.status = 0;
          req.socket.destroy();
          return;
        }
        if (fault.errorStatus) return fail(fault.errorStatus, FAULT_MESSAGES[fault.errorStatus] ?? "Unexpected error");

        const auth = authenticate(req.headers.authorization, ctx.auth);
        if (!auth.ok) return fail(401, auth.message);
        const rate = ctx.limiter.take();
        if (!rate.ok) return fail(429, "API request limit exceeded", { "Retry-After": String(rate.retryAfterSec) });

        if (raw instanceof GongError) return fail(raw.status, raw.message);
        const routed = match(method, url.pathname);
        if (routed === undefined) return fail(404, `No such endpoint: ${method} ${url.pathname}`);
        if (routed === "method") return fail(405, `Method ${method} is not allowed on ${url.pathname}`);

        const body = method === "POST" ? parseJsonBody(raw) : undefined;
        if (auth.method === "bearer" && ctx.auth.bearerScopes) {
          const exposed = (body?.contentSelector as { exposedFields?: { media?: unknown } } | undefined)?.exposedFields;
          const missing = requiredScopes(routed.route, exposed?.media === true).filter((s) => !ctx.auth.bearerScopes!.includes(s));
          if (missing.length) return fail(403, `Access denied: the token lacks the scope ${missing.join(", ")}`);
        }
        send(handle(ctx, routed, url.searchParams, body, requestId));
      })
      .catch((err: unknown) => {
        if (res.headersSent || res.destroyed) return;
        if (err instanceof GongError) fail(err.status, err.message, err.headers);
        else fail(500, "Failed to complete the operation due to an unexpected error");
      });
  };
}

function handle(ctx: HandlerContext, routed: Routed, query: URLSearchParams, body: Obj | undefined, requestId: string): Reply {
  const { dataset, pager } = ctx;
  switch (routed.route) {
    case "GET /v2/calls": {
      const matches = dataset.query(parseCallsQuery(query));
      if (!matches.length) throw new GongError(404, NO_CALLS_FOUND);
      const fp = requestFingerprint("GET", "/v2/calls", query);
      const page = pager.page(matches, query.get("cursor") ?? undefined, fp);
      return ok({ requestId, records: page.records, calls: page.items.map((c) => structuredClone(c.call.metaData)) });
    }
    case "GET /v2/calls/{id}": {
      const id = routed.params.id;
      if (!GONG_ID.test(id)) throw badRequest("Malformed request: the call id must be numeric (up to 20 digits)");
      const sim = dataset.get(id);
      if (!sim) throw new GongError(404, `Call ${id} was not found`);
      return ok({ requestId, call: structuredClone(sim.call.metaData) });
    }
    case "POST /v2/calls/extensive": {
      const b = body!;
      const cursor = bodyCursor(b);
      const filter = parseCallsFilter(b, true);
      const selection = parseSelector(b);
      const matches = dataset.query(filter);
      if (!matches.length) throw new GongError(404, NO_CALLS_FOUND);
      const page = pager.page(matches, cursor, requestFingerprint("POST", "/v2/calls/extensive", b));
      return ok({ requestId, records: page.records, calls: page.items.map((c) => projectCall(c, selection)) });
    }
    case "POST /v2/calls/transcript": {
      const b = body!;
      const cursor = bodyCursor(b);
      // Unprocessed calls (no transcript yet) are simply absent.
      const matches = dataset.query(parseCallsFilter(b, false)).filter((c) => c.transcript);
      if (!matches.length) throw new GongError(404, NO_CALLS_FOUND);
      const page = pager.page(matches, cursor, requestFingerprint("POST", "/v2/calls/transcript", b));
      return ok({
        requestId,
        records: page.records,
        callTranscripts: page.items.map((c) => structuredClone({ callId: c.transcript!.callId ?? String(c.call.metaData.id), transcript: c.transcript!.transcript })),
      });
    }
    case "GET /v2/users": {
      const includeAvatars = query.get("includeAvatars") === "true";
      const users = dataset.users.filter((u) => includeAvatars || !u.avatar);
      const page = pager.page(users, query.get("cursor") ?? undefined, requestFingerprint("GET", "/v2/users", query));
      return ok({ requestId, records: page.records, users: page.items.map(userMetadata) });
    }
    case "GET /v2/users/{id}": {
      const id = routed.params.id;
      if (!GONG_ID.test(id)) throw badRequest("Malformed request: the user id must be numeric (up to 20 digits)");
      const user = dataset.users.find((u) => u.id === id);
      if (!user) throw new GongError(404, "User not found");
      return ok({ requestId, user: userMetadata(user) });
    }
    case "POST /v2/users/extensive": {
      const b = body!;
      const cursor = bodyCursor(b);
      const q = parseUsersFilter(b);
      const ids = q.userIds ? new Set(q.userIds) : undefined;
      const users = dataset.users.filter((u) => {
        const created = Date.parse(u.created);
        if (u.avatar && !q.includeAvatars) return false;
        if (ids && !ids.has(u.id)) return false;
        if (q.createdFromMs !== undefined && created < q.createdFromMs) return false;
        if (q.createdToMs !== undefined && created >= q.createdToMs) return false;
        return true;
      });
      if (!users.length) throw new GongError(404, NO_USERS_FOUND);
      const page = pager.page(users, cursor, requestFingerprint("POST", "/v2/users/extensive", b));
      return ok({ requestId, records: page.records, users: page.items.map(userMetadata) });
    }
    default:
      throw new GongError(404, "No such endpoint");
  }
}

const ok = (body: unknown): Reply => ({ status: 200, body });
