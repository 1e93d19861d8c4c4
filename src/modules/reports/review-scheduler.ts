/**
 * Fires the weekly review: node-schedule runs REVIEW_CRON in REVIEW_TZ in every process that runs
 * workers, and each firing enqueues `review.weekly` for the previous week through
 * `enqueueOnce` — so N processes produce one review per week.
 */
import schedule from "node-schedule";
import type { App } from "../../core/app";
import { previousWeekStart } from "./review-schedule";

export function scheduleWeeklyReview(app: App): { cancel(): void } {
  const { config, logger, services } = app;
  const job = schedule.scheduleJob({ rule: config.review.cron, tz: config.timeZone }, (fireDate) => {
    const weekStart = previousWeekStart(fireDate, config.timeZone);
    services.reviews
      .enqueueOnce(weekStart)
      .then((jobId) => logger.info({ weekStart, jobId, enqueued: !!jobId }, jobId ? "weekly review enqueued" : "weekly review already enqueued by another process"))
      .catch((err) => logger.error({ err, weekStart }, "could not enqueue the weekly review"));
  });
  logger.info({ cron: config.review.cron, tz: config.timeZone, next: job?.nextInvocation()?.toISOString() }, "weekly review scheduled");
  const cancel = () => void job?.cancel();
  app.onClose(cancel);
  return { cancel };
}
