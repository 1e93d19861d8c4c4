/**
 * Typed domain errors. Modules throw subclasses carrying a `reason` (CALL_NOT_FOUND …); one
 * `formatError` (core/graphql/errors.ts) maps them to the standard GraphQL `extensions.code`.
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "INTERNAL_SERVER_ERROR";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super("NOT_FOUND", reason, message, details);
  }
}

export class BadInputError extends DomainError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super("BAD_USER_INPUT", reason, message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super("CONFLICT", reason, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(reason: string, message: string) {
    super("FORBIDDEN", reason, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(reason: string, message: string) {
    super("UNAUTHENTICATED", reason, message);
  }
}
