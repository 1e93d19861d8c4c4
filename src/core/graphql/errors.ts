/**
 * The one mapping from thrown errors to GraphQL errors: domain errors keep their message and get
 * `extensions.code` + `extensions.reason`; GraphQL's own errors (syntax, validation, limits) pass
 * through; anything else is masked as INTERNAL_SERVER_ERROR and logged with the request id.
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { DomainError } from "../errors";
import type { Logger } from "../logger";

const KNOWN_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Finds the error a resolver threw inside the GraphQLError wrapper. */
function originalOf(error: unknown): unknown {
  let e = error;
  while (e instanceof GraphQLError && e.originalError && e.originalError !== e) e = e.originalError;
  return e;
}

export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: { logger: Logger; requestId?: string },
): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, reason: original.reason, ...(original.details ?? {}) },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions.validationErrors as { property: string; constraints?: Record<string, string> }[];
    const what = details
      .map((d) => `${d.property}: ${Object.values(d.constraints ?? {}).join(", ")}`)
      .join("; ");
    return {
      message: `Invalid arguments: ${what}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "BAD_USER_INPUT", reason: "INVALID_ARGUMENT" },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && KNOWN_CODES.has(code)) {
    // Keep Apollo's validation codes and our own (limits, auth); drop stack traces.
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    void _s;
    return { ...formatted, extensions };
  }
  if (original instanceof GraphQLError && !original.path && !(original.originalError instanceof Error)) {
    // Errors graphql-js raises about the request itself (bad variables, unknown operation).
    return { message: formatted.message, locations: formatted.locations, extensions: { code: "BAD_USER_INPUT" } };
  }
  log.logger.error(
    { err: original, requestId: log.requestId, path: formatted.path },
    "unexpected error while executing a GraphQL operation",
  );
  return {
    message: `Internal server error (request id ${log.requestId ?? "unknown"}).`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId: log.requestId },
  };
}
