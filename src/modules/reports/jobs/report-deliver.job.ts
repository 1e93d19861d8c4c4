/**
 * `report.deliver`: sends one report over one channel (webhook or e-mail). Failures are retried with
 * backoff by the job runner and the last error is kept on the report; success is recorded per
 * channel, and `delivered_at` once every configured channel has succeeded.
 */
import { z } from "zod";
import { defineJob } from "../../../core/jobs/job-definition";
import { WeeklyReport } from "../weekly-report.entity";
import { channelsFor, postWebhook, sendEmail, slackMessage } from "../report-delivery";
import type { TeamWeek } from "../report-data";

export const reportDeliverPayload = z.object({ reportId: z.uuid(), channel: z.enum(["webhook", "email"]) });

export const reportDeliverJob = defineJob({
  name: "report.deliver",
  description: "Deliver a weekly report to the report webhook or by e-mail (retried with backoff).",
  payload: reportDeliverPayload,
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 5 * 60,
  concurrency: 2,
  async handler({ reportId, channel }, ctx) {
    const { config, db } = ctx.app;
    const repo = db.dataSource.getRepository(WeeklyReport);
    const report = await repo.findOneBy({ id: reportId });
    if (!report) return { reportId, state: "GONE" };
    const done = channel === "webhook" ? report.webhookDeliveredAt : report.emailDeliveredAt;
    if (done) return { reportId, channel, state: "ALREADY_DELIVERED" };
    const isTeam = report.repId === null;
    try {
      if (channel === "webhook") {
        if (!config.review.webhookUrl) return { reportId, channel, state: "NOT_CONFIGURED" };
        await postWebhook(config.review.webhookUrl, slackMessage(report.data as unknown as TeamWeek));
      } else {
        if (!config.review.smtpUrl) return { reportId, channel, state: "NOT_CONFIGURED" };
        const to = isTeam ? config.review.emailTo : [((report.data as { rep?: { email?: string } }).rep?.email ?? "")].filter(Boolean);
        if (!to.length) return { reportId, channel, state: "NO_RECIPIENT" };
        const subject = isTeam ? `Weekly team review — week of ${report.weekStart}` : `Your weekly coaching review — week of ${report.weekStart}`;
        await sendEmail(config, { to, subject, text: report.markdown, html: report.emailHtml });
      }
    } catch (err) {
      await repo.update(reportId, { deliveryError: `${channel}: ${(err as Error).message}`.slice(0, 500) });
      throw err; // retried by the job runner
    }
    const column = channel === "webhook" ? "webhook_delivered_at" : "email_delivered_at";
    await db.dataSource.query(`UPDATE weekly_reports SET ${column} = now(), delivery_error = NULL WHERE id = $1`, [reportId]);
    const fresh = await repo.findOneByOrFail({ id: reportId });
    const needed = channelsFor(config, isTeam);
    const all = needed.every((c) => (c === "webhook" ? fresh.webhookDeliveredAt : fresh.emailDeliveredAt));
    if (all && !fresh.deliveredAt) await repo.update(reportId, { deliveredAt: new Date() });
    ctx.logger.info({ reportId, channel }, "report delivered");
    return { reportId, channel, state: "DELIVERED" };
  },
});
