/**
 * A job type: its queue, payload schema, retry policy and handler. One file per job
 * (`*.job.ts`) beside the module that owns the work; payloads are validated at entry because
 * queued data may predate the code, and handlers must be idempotent (delivery is at-least-once).
 */
import type { z } from "zod";
import type { App } from "../app";
import type { Logger } from "../logger";
import type { JobQueue } from "./job-queue";

export interface JobContext {
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
  app: App;
  queue: JobQueue;
  logger: Logger;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Queue name, e.g. `call.ingest`. */
  name: string;
  description: string;
  payload: S;
  /** Attempts after the first (pg-boss retryLimit). */
  retryLimit: number;
  /** Initial retry delay in seconds; doubled per attempt (with jitter). */
  retryDelaySeconds: number;
  /** How long one attempt may run before pg-boss expires it and retries (seconds). */
  expireInSeconds: number;
  /** Jobs handled at once by one process. */
  concurrency: number;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
}

/** Declares a job with its payload type inferred from the schema. */
export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
