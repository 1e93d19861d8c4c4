/**
 * `analysis.batch`: checks a batch-mode analysis's Message Batch. When the batch has ended it stores
 * the results and finishes the analysis; while it runs, the job schedules its own follow-up after
 * ANALYSIS_BATCH_POLL_SECONDS and ends — a worker never waits on a batch.
 */
import { z } from "zod";
import { defineJob } from "../../../core/jobs/job-definition";

export const analysisBatchPayload = z.object({
  analysisId: z.uuid(),
  /** How many checks came before this one. */
  polls: z.number().int().min(0).default(0),
});

export const analysisBatchJob = defineJob({
  name: "analysis.batch",
  description: "Collect the results of a batch-mode analysis once its Message Batch has ended (re-checks later while it runs).",
  payload: analysisBatchPayload,
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 10 * 60,
  concurrency: 2,
  async handler({ analysisId, polls }, ctx) {
    const finished = await ctx.app.services.analysisRunner.collectBatch(analysisId);
    if (finished) return { analysisId, status: finished.status, polls };
    const next = polls + 1;
    await ctx.queue.enqueue(
      "analysis.batch",
      { analysisId, polls: next },
      // The key makes a re-delivered check schedule one follow-up, not two.
      { startAfterSeconds: ctx.app.config.analysis.batchPollSeconds, singletonKey: `analysis.batch:${analysisId}:${next}` },
    );
    ctx.logger.debug({ analysisId, polls: next }, "message batch still running; checking again later");
    return { analysisId, state: "WAITING", polls };
  },
});
