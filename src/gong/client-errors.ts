/**
 * Errors of the Gong API client (see docs/gong-client.md). Every error extends `GongError`; none of
 * their messages carries credentials (Gong's own messages are scrubbed of them too).
 */

/** Base class: something went wrong talking to Gong. */
export class GongError extends Error {
  /** HTTP status Gong answered, when there was an answer. */
  readonly status: number | undefined;
  /** Gong's `requestId`, for Gong support. */
  readonly requestId: string | undefined;
  /** `METHOD /path` of the request. */
  readonly endpoint: string | undefined;

  constructor(message: string, opts: { status?: number; requestId?: string; endpoint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.status = opts.status;
    this.requestId = opts.requestId;
    this.endpoint = opts.endpoint;
  }
}

/** 401/403: the credentials are wrong, lack a scope, or the caller's IP is not trusted. Not retried. */
export class GongAuthError extends GongError {}

/**
 * 400 (and other 4xx but 401/403/404/429): Gong refused the request as malformed. `errors` is Gong's
 * `errors` array. Not retried.
 */
export class GongRequestError extends GongError {
  readonly errors: string[];

  constructor(message: string, errors: string[], opts: { status?: number; requestId?: string; endpoint?: string } = {}) {
    super(message, opts);
    this.errors = errors;
  }
}

/** A 404 that is not Gong's "No calls found…" (which means an empty result). */
export class GongNotFoundError extends GongRequestError {}

/**
 * Gong did not answer usefully after every retry: 5xx, network errors, timeouts (or, as
 * `GongRateLimitedError`, 429 after 429).
 */
export class GongUnavailableError extends GongError {
  /** Attempts made, the first included. */
  readonly attempts: number;

  constructor(message: string, attempts: number, opts: { status?: number; requestId?: string; endpoint?: string; cause?: unknown } = {}) {
    super(message, opts);
    this.attempts = attempts;
  }
}

/** Gong kept answering 429 although the client waited `Retry-After` each time. */
export class GongRateLimitedError extends GongUnavailableError {}

/** A 2xx whose body is not what Gong documents (not JSON, a missing list, an id sent as a JSON number …). */
export class GongResponseError extends GongError {}

/** Pagination went wrong: Gong handed out the same cursor twice (the client stops instead of looping). */
export class GongPaginationError extends GongResponseError {}

/**
 * The shared daily request budget (GONG_REQUESTS_PER_DAY, counted in the database for every process)
 * is spent. Nothing is sent until `resetAt` (00:00 UTC of the next day).
 */
export class GongBudgetExhaustedError extends GongError {
  readonly resetAt: Date;
  readonly limit: number;

  constructor(limit: number, resetAt: Date) {
    super(
      `The Gong API budget of ${limit} requests per day (GONG_REQUESTS_PER_DAY, shared by every call-coach ` +
        `process on this database) is spent; it resets at ${resetAt.toISOString()}.`,
    );
    this.limit = limit;
    this.resetAt = resetAt;
  }
}
