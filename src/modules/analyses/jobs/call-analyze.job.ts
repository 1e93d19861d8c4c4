/**
 * `call.analyze`: analyse a call. The analysis engine arrives with the analysis issue; until then the
 * handler records that the call awaits analysis (`calls.analysis_requested_at`), idempotently.
 */
import { z } from "zod";
import { defineJob } from "../../../core/jobs/job-definition";
import { CallNotFoundError } from "../call.errors";

export const callAnalyzePayload = z.object({
  callId: z.uuid(),
  /** Why the analysis was requested (ingest, import, manual). */
  reason: z.string().max(100).optional(),
});

export const callAnalyzeJob = defineJob({
  name: "call.analyze",
  description: "Analyse a call (records that it awaits the analysis engine).",
  payload: callAnalyzePayload,
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  concurrency: 2,
  async handler({ callId }, ctx) {
    const rows: { id: string }[] = await ctx.app.db.dataSource.query(
      // A CTE so the driver returns plain rows (TypeORM returns [rows, count] for a bare UPDATE).
      `WITH u AS (UPDATE calls SET analysis_requested_at = now() WHERE id = $1 RETURNING id) SELECT id FROM u`,
      [callId],
    );
    if (rows.length === 0) throw new CallNotFoundError(callId);
    ctx.logger.info({ callId }, "call awaits analysis (engine not installed yet)");
    return { callId, state: "AWAITING_ENGINE" };
  },
});
