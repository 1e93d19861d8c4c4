/**
 * `call.analyze`: score a call's participants. With `analysisIds` (from `analyzeCall`) it runs those
 * analyses; without (after ingestion) it first asks for the call's analyses — which returns the
 * current ones when nothing changed — and runs whatever must run. Idempotent: a finished analysis
 * is left alone and an interrupted one resumes without paying again for stored dimensions.
 */
import { z } from "zod";
import { defineJob } from "../../../core/jobs/job-definition";
import { CallNotFoundError } from "../../calls/call.errors";

export const callAnalyzePayload = z.object({
  callId: z.uuid(),
  /** Analyses created by `analyzeCall`; absent after ingestion. */
  analysisIds: z.array(z.uuid()).max(50).optional(),
  /** Why the analysis was requested (ingest, import, manual). */
  reason: z.string().max(100).optional(),
  /** Batch mode: submit a Message Batch (half price) and let `analysis.batch` collect it. */
  batch: z.boolean().optional(),
});

export const callAnalyzeJob = defineJob({
  name: "call.analyze",
  description: "Score a call's participants against their rubrics (Claude, or the heuristic engine without an API key).",
  payload: callAnalyzePayload,
  retryLimit: 3,
  retryDelaySeconds: 30,
  // One analysis is a handful of parallel requests (minutes at worst, with 429 back-off); long calls run window by window.
  expireInSeconds: 30 * 60,
  concurrency: 2,
  async handler({ callId, analysisIds, reason, batch }, ctx) {
    const { services } = ctx.app;
    const rows: { id: string }[] = await ctx.app.db.dataSource.query(
      // A CTE so the driver returns plain rows (TypeORM returns [rows, count] for a bare UPDATE).
      `WITH u AS (UPDATE calls SET analysis_requested_at = now() WHERE id = $1 RETURNING id) SELECT id FROM u`,
      [callId],
    );
    if (rows.length === 0) throw new CallNotFoundError(callId);
    const ids = analysisIds ?? (await services.analysisRequests.request({ callId, reason }, { enqueue: false })).toRun;
    const results = [];
    for (const id of ids) {
      if (batch) {
        const { analysis, batchId } = await services.analysisRunner.submitBatch(id);
        if (batchId) {
          await ctx.queue.enqueue("analysis.batch", { analysisId: id, polls: 0 }, { startAfterSeconds: ctx.app.config.analysis.batchPollSeconds, singletonKey: `analysis.batch:${id}:0` });
        }
        results.push({ analysisId: id, status: analysis.status, batchId });
        continue;
      }
      const a = await services.analysisRunner.run(id);
      results.push({ analysisId: a.id, status: a.status, overallScore: a.overallScore });
    }
    ctx.logger.info({ callId, analyses: results.length }, "call analysed");
    return { callId, analyses: results };
  },
});
