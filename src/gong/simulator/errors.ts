/** Errors the simulator answers with Gong's envelope `{ requestId, errors: [message] }`. */
export class GongError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new GongError(400, message);

/** Gong's message for a filter that matches nothing (a 404, not an empty 200). */
export const NO_CALLS_FOUND = "No calls found corresponding to the provided filters";
export const NO_USERS_FOUND = "No users found corresponding to the provided filters";
