/**
 * Gong v2 API client (docs/gong-client.md): typed, validated responses; cursor paging; Gong's
 * "404 = empty result"; retries with exponential backoff and jitter for 5xx, network errors and
 * timeouts; `Retry-After` on 429; and every attempt drawn from a `RequestBudget` shared by all
 * processes on the database (3 requests/s and 10,000/day by default).
 *
 * Credentials never reach a log line or an error message.
 */
import type { DataSource } from "typeorm";
import { z } from "zod";
import { ConfigError, type Config } from "../core/config";
import {
  GongAuthError,
  GongNotFoundError,
  GongRateLimitedError,
  GongRequestError,
  GongResponseError,
  GongUnavailableError,
} from "./client-errors";
import {
  DEFAULT_CONTENT_SELECTOR,
  findNumericId,
  gongCallsPageSchema,
  gongExtensivePageSchema,
  gongSpecificCallSchema,
  gongTranscriptPageSchema,
  gongUsersPageSchema,
  type CallsFilter,
  type ContentSelector,
  type GongCall,
  type GongCallTranscript,
  type GongDateTime,
  type GongExtensiveCall,
  type GongUser,
  type ListCallsParams,
  type TranscriptFilter,
  type UsersFilter,
} from "./gong-types";
import { GongPaged, emptyPaged } from "./pagination";
import { PostgresRequestBudget, type RequestBudget } from "./rate-budget";

export * from "./client-errors";
export * from "./gong-types";
export * from "./pagination";
export * from "./rate-budget";

export type GongAuth = { kind: "basic"; key: string; secret: string } | { kind: "bearer"; token: string };

/** What the client logs through (a pino logger fits). */
export interface GongLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface GongRetryOptions {
  /** Attempts for 5xx, network errors and timeouts, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff delay; doubles per failure (default 500 ms). */
  baseDelayMs?: number;
  /** Largest backoff delay (default 8,000 ms). */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; longer ones are cut to this (default 120,000 ms). */
  maxRetryAfterMs?: number;
  /** 429 answers tolerated for one call before giving up with GongRateLimitedError (default 10). */
  maxRateLimitRetries?: number;
}

export interface GongClientOptions {
  /** e.g. https://api.gong.io or the tenant host https://us-NNNNN.api.gong.io (endpoints under /v2). */
  baseUrl: string;
  auth: GongAuth;
  /** Shared request budget: `PostgresRequestBudget` in the app, `InMemoryRequestBudget` elsewhere. */
  budget: RequestBudget;
  /** Per attempt, response body included (default 30,000 ms). */
  timeoutMs?: number;
  logger?: GongLogger;
  /** For tests (recording wrappers); default the global fetch. */
  fetch?: typeof fetch;
  retry?: GongRetryOptions;
  /** 0 ≤ x < 1, for the backoff jitter (default Math.random). */
  random?: () => number;
}

export interface GongClient {
  readonly baseUrl: string;
  /** `GET /v2/calls`: calls in [fromDateTime, toDateTime). */
  listCalls(params: ListCallsParams): GongPaged<GongCall>;
  /** `GET /v2/calls/{id}`; null when Gong answers 404. */
  getCall(id: string): Promise<GongCall | null>;
  /** `POST /v2/calls/extensive`; `contentSelector` defaults to `DEFAULT_CONTENT_SELECTOR`. */
  extensiveCalls(params: { filter: CallsFilter; contentSelector?: ContentSelector }): GongPaged<GongExtensiveCall>;
  /** `POST /v2/calls/transcript`. Calls not processed yet are simply absent. */
  transcripts(params: { filter: TranscriptFilter }): GongPaged<GongCallTranscript>;
  /** `GET /v2/users` (avatars excluded unless asked for). */
  listUsers(params?: { includeAvatars?: boolean }): GongPaged<GongUser>;
  /** `POST /v2/users/extensive`. */
  usersExtensive(params: { filter: UsersFilter }): GongPaged<GongUser>;
}

const NO_CALLS = /^no calls found/i;
const NO_CALLS_OR_USERS = /^no (calls|users) found/i;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Outcome = { kind: "ok"; body: unknown; requestId: string | undefined } | { kind: "empty" } | { kind: "not-found" };

interface CallSpec {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Matches Gong's message for "nothing matched" (a 404 that means empty). */
  emptyMessage?: RegExp;
}

const isoDateTime = z.iso.datetime({ offset: true });

function toGongDateTime(value: GongDateTime, name: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${name} is an invalid Date`);
    return value.toISOString();
  }
  if (!isoDateTime.safeParse(value).success) {
    throw new TypeError(`${name} must be an ISO-8601 timestamp with Z or an offset (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** Copies `obj` without undefined values and with dates (keys in `dateKeys`) as ISO strings. */
function cleanFilter<T extends object>(obj: T, dateKeys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    out[k] = dateKeys.includes(k) ? toGongDateTime(v as GongDateTime, `filter.${k}`) : v;
  }
  return out;
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function isTimeout(err: unknown): boolean {
  const e = err as { name?: string; cause?: { name?: string } } | undefined;
  return e?.name === "TimeoutError" || e?.cause?.name === "TimeoutError";
}

/** A short, credential-free description of a network error (`fetch failed: ECONNREFUSED` …). */
function describeNetworkError(err: unknown): string {
  const e = err as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return [e?.code ?? e?.message ?? String(err), cause].filter(Boolean).join(": ");
}

export function createGongClient(opts: GongClientOptions): GongClient {
  const baseUrl = opts.baseUrl.replace(/\/+$/, "");
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("not http(s)");
  } catch {
    throw new TypeError(`Gong base URL must be an http(s) URL (got ${JSON.stringify(opts.baseUrl)})`);
  }
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const logger = opts.logger;
  const random = opts.random ?? Math.random;
  const retry = {
    maxAttempts: Math.max(1, opts.retry?.maxAttempts ?? 5),
    baseDelayMs: opts.retry?.baseDelayMs ?? 500,
    maxDelayMs: opts.retry?.maxDelayMs ?? 8_000,
    maxRetryAfterMs: opts.retry?.maxRetryAfterMs ?? 120_000,
    maxRateLimitRetries: opts.retry?.maxRateLimitRetries ?? 10,
  };

  const authorization =
    opts.auth.kind === "basic"
      ? `Basic ${Buffer.from(`${opts.auth.key}:${opts.auth.secret}`).toString("base64")}`
      : `Bearer ${opts.auth.token}`;
  const secrets = (
    opts.auth.kind === "basic"
      ? [opts.auth.key, opts.auth.secret, authorization.slice("Basic ".length)]
      : [opts.auth.token]
  ).filter((s) => s.length >= 4);
  /** Removes credentials from text that leaves the client (Gong's messages, network errors). */
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join("[redacted]"), text);
  const credentialNames = opts.auth.kind === "basic" ? "GONG_API_KEY and GONG_API_SECRET" : "GONG_API_TOKEN";
  const authHint =
    opts.auth.kind === "basic"
      ? ""
      : " (OAuth tokens expire, after a day by default, and only work on the tenant host of their token response: GONG_API_BASE_URL)";

  /** Exponential backoff with jitter: base·2^(n-1), capped, times a random factor in [0.5, 1). */
  const backoff = (failures: number) => {
    const exp = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (failures - 1));
    return Math.round(exp * (0.5 + random() * 0.5));
  };

  async function call(spec: CallSpec): Promise<Outcome> {
    const url = new URL(baseUrl + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const endpoint = `${spec.method} ${spec.path}`;
    const headers: Record<string, string> = {
      authorization,
      accept: "application/json",
      "user-agent": "call-coach",
    };
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    if (payload !== undefined) headers["content-type"] = "application/json";

    let failures = 0;
    let rateLimited = 0;
    for (let attempt = 1; ; attempt++) {
      await opts.budget.acquire();
      const started = performance.now();
      let status: number;
      let text: string;
      let retryAfter: number | undefined;
      try {
        const res = await fetchImpl(url, {
          method: spec.method,
          headers,
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        retryAfter = retryAfterMs(res.headers.get("retry-after"));
        text = await res.text();
      } catch (err) {
        const durationMs = Math.round(performance.now() - started);
        const reason = isTimeout(err) ? `timed out after ${timeoutMs} ms` : `network error (${scrub(describeNetworkError(err))})`;
        failures++;
        if (failures >= retry.maxAttempts) {
          throw new GongUnavailableError(`Gong ${endpoint} failed ${failures} times; last: ${reason}`, failures, {
            endpoint,
            cause: err,
          });
        }
        const delay = backoff(failures);
        logger?.warn({ method: spec.method, path: spec.path, attempt, durationMs, reason, retryInMs: delay }, "gong request failed; retrying");
        await sleep(delay);
        continue;
      }
      const durationMs = Math.round(performance.now() - started);
      let body: unknown;
      let parsed = true;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        parsed = false;
      }
      const requestId =
        body && typeof body === "object" && typeof (body as { requestId?: unknown }).requestId === "string"
          ? (body as { requestId: string }).requestId
          : undefined;
      logger?.debug({ method: spec.method, path: spec.path, status, durationMs, attempt, requestId }, "gong request");

      if (status >= 200 && status < 300) {
        if (!parsed || body === undefined) {
          throw new GongResponseError(`Gong ${endpoint} answered ${status} with a body that is not JSON`, {
            status,
            endpoint,
          });
        }
        return { kind: "ok", body, requestId };
      }

      const errors = gongErrors(body, parsed ? undefined : text);
      const detail = errors.length ? `: ${errors.join("; ")}` : "";
      const meta = { status, requestId, endpoint };

      if (status === 401 || status === 403) {
        const what =
          status === 401
            ? `Gong rejected the credentials (HTTP 401) for ${endpoint}; check ${credentialNames}${authHint}`
            : `Gong refused ${endpoint} (HTTP 403): the credentials (${credentialNames}) lack the scope or permission, or this IP is not trusted for the key`;
        throw new GongAuthError(`${what}${detail}`, meta);
      }
      if (status === 429) {
        rateLimited++;
        const waitMs = Math.min(retry.maxRetryAfterMs, retryAfter ?? Math.max(1_000, backoff(rateLimited)));
        if (rateLimited > retry.maxRateLimitRetries) {
          throw new GongRateLimitedError(
            `Gong ${endpoint} answered 429 (rate limit) ${rateLimited} times in a row; giving up${detail}`,
            attempt,
            meta,
          );
        }
        logger?.warn({ method: spec.method, path: spec.path, attempt, status, retryInMs: waitMs }, "gong rate limit; waiting Retry-After");
        // Everyone sharing the budget holds off, not just this call.
        await opts.budget.pause?.(waitMs);
        await sleep(waitMs);
        continue;
      }
      if (status === 404) {
        if (spec.emptyMessage && errors.some((m) => spec.emptyMessage!.test(m))) return { kind: "empty" };
        return { kind: "not-found" };
      }
      if (status >= 500) {
        failures++;
        if (failures >= retry.maxAttempts) {
          throw new GongUnavailableError(`Gong ${endpoint} answered ${status} ${failures} times${detail}`, failures, meta);
        }
        const delay = Math.min(retry.maxRetryAfterMs, Math.max(backoff(failures), retryAfter ?? 0));
        logger?.warn({ method: spec.method, path: spec.path, attempt, status, retryInMs: delay }, "gong server error; retrying");
        await sleep(delay);
        continue;
      }
      throw new GongRequestError(`Gong ${endpoint} refused the request (HTTP ${status})${detail}`, errors, meta);
    }

    /** Gong's `errors` strings (credentials scrubbed), or the start of a non-JSON body. */
    function gongErrors(body: unknown, rawText: string | undefined): string[] {
      if (rawText !== undefined) return rawText.trim() ? [scrub(rawText.trim().slice(0, 200))] : [];
      const list = (body as { errors?: unknown } | undefined)?.errors;
      return Array.isArray(list) ? list.map((e) => scrub(typeof e === "string" ? e : JSON.stringify(e))) : [];
    }
  }

  /** Validates a 2xx body: ids are strings, then the zod schema. */
  function validate<S extends z.ZodType>(schema: S, body: unknown, endpoint: string, requestId?: string): z.infer<S> {
    const numericId = findNumericId(body);
    if (numericId) {
      throw new GongResponseError(
        `Gong ${endpoint} sent an id as a JSON number at ${numericId}; Gong ids must be strings (numbers beyond 2^53 lose digits), so the response is refused`,
        { endpoint, requestId },
      );
    }
    const result = schema.safeParse(body);
    if (!result.success) {
      const issues = result.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.length ? i.path.join(".") : "(root)"} ${i.message}`)
        .join("; ");
      throw new GongResponseError(`Gong ${endpoint} answered with an unexpected shape: ${issues}`, { endpoint, requestId });
    }
    return result.data;
  }

  /** A paged endpoint: GET repeats the query plus `cursor`, POST the same body plus a top-level `cursor`. */
  function paged<S extends z.ZodType, T>(
    spec: CallSpec,
    schema: S,
    pick: (page: z.infer<S>) => T[],
  ): GongPaged<T> {
    const endpoint = `${spec.method} ${spec.path}`;
    return new GongPaged<T>(async (cursor) => {
      const pageSpec: CallSpec =
        cursor === undefined
          ? spec
          : spec.method === "GET"
            ? { ...spec, query: { ...spec.query, cursor } }
            : { ...spec, body: { ...(spec.body as object), cursor } };
      const outcome = await call(pageSpec);
      if (outcome.kind === "empty") {
        if (cursor !== undefined) logger?.warn({ endpoint }, "gong answered 'no calls found' for a later page; stopping");
        return null;
      }
      if (outcome.kind === "not-found") throw notFound(endpoint);
      const page = validate(schema, outcome.body, endpoint, outcome.requestId) as z.infer<S> & {
        records?: { cursor?: string | null } | null;
        requestId?: string | null;
      };
      return { items: pick(page), records: page.records, requestId: page.requestId };
    }, endpoint);
  }

  function notFound(endpoint: string): GongNotFoundError {
    return new GongNotFoundError(`Gong ${endpoint} answered 404 (not found)`, [], { status: 404, endpoint });
  }

  return {
    baseUrl,

    listCalls(params) {
      return paged(
        {
          method: "GET",
          path: "/v2/calls",
          query: {
            fromDateTime: toGongDateTime(params.fromDateTime, "fromDateTime"),
            toDateTime: toGongDateTime(params.toDateTime, "toDateTime"),
            workspaceId: params.workspaceId,
          },
          emptyMessage: NO_CALLS,
        },
        gongCallsPageSchema,
        (p) => p.calls,
      );
    },

    async getCall(id) {
      if (typeof id !== "string" || !id) throw new TypeError("getCall: the id must be a non-empty string");
      const spec: CallSpec = { method: "GET", path: `/v2/calls/${encodeURIComponent(id)}` };
      const outcome = await call(spec);
      if (outcome.kind !== "ok") return null;
      return validate(gongSpecificCallSchema, outcome.body, "GET /v2/calls/{id}", outcome.requestId).call;
    },

    extensiveCalls({ filter, contentSelector }) {
      const cleaned = cleanFilter(filter, ["fromDateTime", "toDateTime"]);
      if (Array.isArray(filter.callIds) && filter.callIds.length === 0) return emptyPaged("POST /v2/calls/extensive");
      return paged(
        {
          method: "POST",
          path: "/v2/calls/extensive",
          body: { filter: cleaned, contentSelector: structuredClone(contentSelector ?? DEFAULT_CONTENT_SELECTOR) },
          emptyMessage: NO_CALLS,
        },
        gongExtensivePageSchema,
        (p) => p.calls,
      );
    },

    transcripts({ filter }) {
      const cleaned = cleanFilter(filter, ["fromDateTime", "toDateTime"]);
      if (Array.isArray(filter.callIds) && filter.callIds.length === 0) return emptyPaged("POST /v2/calls/transcript");
      return paged(
        { method: "POST", path: "/v2/calls/transcript", body: { filter: cleaned }, emptyMessage: NO_CALLS },
        gongTranscriptPageSchema,
        (p) => p.callTranscripts,
      );
    },

    listUsers(params = {}) {
      return paged(
        {
          method: "GET",
          path: "/v2/users",
          query: { includeAvatars: params.includeAvatars === undefined ? undefined : String(params.includeAvatars) },
          emptyMessage: NO_CALLS_OR_USERS,
        },
        gongUsersPageSchema,
        (p) => p.users,
      );
    },

    usersExtensive({ filter }) {
      return paged(
        {
          method: "POST",
          path: "/v2/users/extensive",
          body: { filter: cleanFilter(filter, ["createdFromDateTime", "createdToDateTime"]) },
          emptyMessage: NO_CALLS_OR_USERS,
        },
        gongUsersPageSchema,
        (p) => p.users,
      );
    },
  };
}

/** Auth from configuration: key + secret (Basic) when both are set, else the OAuth token (Bearer). */
export function gongAuthFromConfig(gong: Config["gong"]): GongAuth {
  const { accessKey, accessKeySecret, token } = gong;
  if (accessKey && accessKeySecret) return { kind: "basic", key: accessKey, secret: accessKeySecret };
  if (accessKey || accessKeySecret) {
    const missing = accessKey ? "GONG_API_SECRET" : "GONG_API_KEY";
    if (!token) {
      throw new ConfigError(
        `${missing} is not set: Gong's Basic auth needs both GONG_API_KEY and GONG_API_SECRET (Gong → Admin center → Settings → Ecosystem → API), or set GONG_API_TOKEN instead.`,
      );
    }
  }
  if (token) return { kind: "bearer", token };
  throw new ConfigError(
    "Gong API credentials are missing: set GONG_API_KEY and GONG_API_SECRET (an access key from Gong → Admin center → Settings → Ecosystem → API), or GONG_API_TOKEN (an OAuth access token; then GONG_API_BASE_URL must be the api_base_url_for_customer of its token response).",
  );
}

/** The app's client: configuration's credentials and limits, the budget shared through `dataSource`. */
export function gongClientFromConfig(config: Config, dataSource: DataSource, logger?: GongLogger): GongClient {
  const auth = gongAuthFromConfig(config.gong);
  return createGongClient({
    baseUrl: config.gong.baseUrl,
    auth,
    budget: new PostgresRequestBudget(dataSource, {
      perSecond: config.gong.requestsPerSecond,
      perDay: config.gong.requestsPerDay,
    }),
    timeoutMs: config.gong.requestTimeoutMs,
    logger,
  });
}

