/**
 * `call.ingest`: fetch one call from Gong and store it (src/gong/ingest.ts), then queue
 * `call.analyze`. Idempotent: re-ingesting updates the call in place. A call Gong has not finished
 * processing fails and is retried with backoff (up to 8 times, from 1 minute, doubling).
 */
import { z } from "zod";
import { defineJob } from "../../core/jobs/job-definition";
import { gongClientFor } from "../gong-access";
import { ingestGongCall } from "../ingest";

export const callIngestPayload = z.object({
  gongCallId: z.string().regex(/^\d{1,20}$/, "must be Gong's numeric call id as a string"),
  source: z.enum(["webhook", "sync", "manual"]).default("manual"),
});

export const callIngestJob = defineJob({
  name: "call.ingest",
  description: "Fetch a call and its transcript from Gong and store them; then queue its analysis.",
  payload: callIngestPayload,
  retryLimit: 8,
  retryDelaySeconds: 60,
  expireInSeconds: 10 * 60,
  concurrency: 2,
  async handler({ gongCallId, source }, ctx) {
    const result = await ingestGongCall(ctx.app, gongClientFor(ctx.app), gongCallId);
    await ctx.queue.enqueue("call.analyze", { callId: result.callId, reason: `ingest:${source}` });
    ctx.logger.info({ gongCallId, callId: result.callId, created: result.created, segments: result.segments }, "call ingested");
    return { callId: result.callId, created: result.created, segments: result.segments };
  },
});
