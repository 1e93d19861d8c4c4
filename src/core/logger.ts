/**
 * Structured JSON logs (pino). Secrets never reach a log line: tokens, authorization headers and
 * connection strings are redacted by path, and `describeConfig` redacts configuration.
 */
import pino, { type Logger } from "pino";

export type { Logger };

export const REDACT_PATHS = [
  "authorization",
  "token",
  "password",
  "apiKey",
  "*.authorization",
  "*.token",
  "*.password",
  "*.apiKey",
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "connectionParams.authorization",
];

/**
 * Creates the process logger. `destination` lets tests capture output; the stdio MCP adapter
 * passes stderr because stdout carries its protocol.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "call-coach" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
