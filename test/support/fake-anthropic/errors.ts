/** Ids, the API's error shape (reference §6) and the HTTP status of each error type. */
import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** An id in the API's style: prefix + "01" + 22 base-62 characters (msg_01…, toolu_01…, req_01…). */
export function newId(prefix: "msg" | "toolu" | "msgbatch" | "req"): string {
  const bytes = randomBytes(22);
  let s = "";
  for (const b of bytes) s += BASE62[b % 62];
  return `${prefix}_01${s}`;
}

/** HTTP status for each `error.type` the API uses. */
export const STATUS_FOR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** An API error to send as `{"type":"error","error":{type,message},"request_id"}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(requestId: string): { type: "error"; error: { type: string; message: string }; request_id: string } {
    return { type: "error", error: { type: this.type, message: this.message }, request_id: requestId };
  }
}

export const invalidRequest = (message: string): ApiError => new ApiError(400, "invalid_request_error", message);
export const notFound = (message: string): ApiError => new ApiError(404, "not_found_error", message);

/** The ApiError for a scripted `{ error }` answer, with the retry headers the SDK honours. */
export function scriptedError(e: { status: number; type: string; message?: string; retryAfterMs?: number; retryAfter?: number; shouldRetry?: boolean }): ApiError {
  const headers: Record<string, string> = {};
  if (e.retryAfterMs !== undefined) headers["retry-after-ms"] = String(e.retryAfterMs);
  if (e.retryAfter !== undefined) headers["retry-after"] = String(e.retryAfter);
  if (e.shouldRetry !== undefined) headers["x-should-retry"] = String(e.shouldRetry);
  return new ApiError(e.status, e.type, e.message ?? defaultMessage(e.type), headers);
}

/** A streamError sent to a non-streaming request becomes the HTTP error of the same type. */
export function errorOfType(type: string, message: string): ApiError {
  return new ApiError(STATUS_FOR_TYPE[type] ?? 500, type, message);
}

function defaultMessage(type: string): string {
  switch (type) {
    case "rate_limit_error":
      return "Number of request tokens has exceeded your per-minute rate limit";
    case "overloaded_error":
      return "Overloaded";
    case "api_error":
      return "Internal server error";
    default:
      return type.replace(/_/g, " ");
  }
}
