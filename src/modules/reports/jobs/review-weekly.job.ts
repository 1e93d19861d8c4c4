/**
 * `review.weekly`: one week's review. Requests missing analyses, and while the week's analyses are
 * still queued or running re-queues itself after REVIEW_WAIT_SECONDS (at most a day of checks, then
 * it reports on what is there) — a worker never waits. Then writes the reports and queues delivery.
 * Idempotent: re-running replaces the week's reports.
 */
import { z } from "zod";
import { defineJob } from "../../../core/jobs/job-definition";

export const reviewWeeklyPayload = z.object({
  /** Monday of the week in REVIEW_TZ. */
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Checks for pending analyses before this one. */
  checks: z.number().int().min(0).default(0),
});

/** Give up waiting for pending analyses after this many seconds of checks. */
const MAX_WAIT_SECONDS = 26 * 3600;

export const reviewWeeklyJob = defineJob({
  name: "review.weekly",
  description: "Weekly review of one week: analyse what is missing, then write the rep and team reports and queue their delivery.",
  payload: reviewWeeklyPayload,
  retryLimit: 3,
  retryDelaySeconds: 120,
  expireInSeconds: 30 * 60,
  concurrency: 1,
  async handler({ weekStart, checks }, ctx) {
    const { services, config } = ctx.app;
    const { requested, pending } = await services.reviews.catchUp(weekStart);
    const waited = checks * config.review.waitSeconds;
    if (pending > 0 && waited < MAX_WAIT_SECONDS) {
      await ctx.queue.enqueue(
        "review.weekly",
        { weekStart, checks: checks + 1 },
        { startAfterSeconds: config.review.waitSeconds, singletonKey: `review.weekly:${weekStart}:${checks + 1}` },
      );
      ctx.logger.info({ weekStart, requested: requested.length, pending }, "weekly review waits for analyses");
      return { weekStart, state: "WAITING", requested: requested.length, pending };
    }
    const { reports, deliveries } = await services.reviews.writeReports(weekStart);
    return { weekStart, state: "DONE", reports: reports.length, deliveries, pendingLeft: pending };
  },
});
