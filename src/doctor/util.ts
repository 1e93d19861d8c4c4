/** Helpers shared by the doctor checks. */

export class CheckTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckTimeoutError";
  }
}

/**
 * Rejects with CheckTimeoutError when `promise` has not settled after `ms`. A safety net only:
 * every check also gives its own request a timeout, so nothing is left running afterwards.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeoutError(`${what} did not answer within ${seconds(ms)}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** `ECONNREFUSED`, `ENOTFOUND`, "timed out" … from a network error's chain of causes, else the innermost message. */
export function networkReason(err: unknown): string {
  let e = err as { code?: unknown; message?: string; name?: string; cause?: unknown } | undefined;
  let innermost = e?.message ?? String(err);
  for (let depth = 0; e && depth < 6; depth++) {
    if (e.name === "TimeoutError") return "timed out";
    if (typeof e.code === "string" && /^E[A-Z_]+$/.test(e.code)) return e.code;
    if (e.message) innermost = e.message;
    e = e.cause as typeof e;
  }
  return innermost;
}

/** One line: newlines folded into " | ". */
export const oneLine = (text: string) => text.trim().replace(/\s*\n\s*/g, " | ");
