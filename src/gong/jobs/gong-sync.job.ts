/**
 * `gong.sync`: syncs Gong users → reps, then queues `call.ingest` for each call of a window that
 * call-coach lacks. Sent by `syncGongCalls` and, as reconciliation, on GONG_RECONCILE_CRON with a
 * 48-hour look-back. Idempotent: calls already stored or queued are skipped.
 */
import { z } from "zod";
import { defineJob } from "../../core/jobs/job-definition";
import { gongClientFor } from "../gong-access";
import { callsToIngest, syncGongUsers } from "../sync";

export const gongSyncPayload = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Instead of from/to: the window ending now (reconciliation). */
    lookbackHours: z.number().int().positive().max(24 * 90).optional(),
    users: z.boolean().default(true),
    force: z.boolean().default(false),
    reason: z.string().max(100).default("manual"),
  })
  .refine((p) => (p.from && p.to) || p.lookbackHours, "give from and to, or lookbackHours");

export const gongSyncJob = defineJob({
  name: "gong.sync",
  description: "Sync Gong users to reps and queue the ingestion of a window's missing calls.",
  payload: gongSyncPayload,
  retryLimit: 3,
  retryDelaySeconds: 120,
  expireInSeconds: 60 * 60,
  concurrency: 1,
  async handler(p, ctx) {
    const gong = gongClientFor(ctx.app);
    const to = p.to ? new Date(p.to) : new Date();
    const from = p.from ? new Date(p.from) : new Date(to.getTime() - p.lookbackHours! * 3600_000);
    const users = p.users ? await syncGongUsers(ctx.app, gong) : null;
    const ids = await callsToIngest(ctx.app, gong, from, to, p.force);
    for (const gongCallId of ids) await ctx.queue.enqueue("call.ingest", { gongCallId, source: "sync" });
    ctx.logger.info({ from, to, queued: ids.length, users, reason: p.reason }, "gong sync done");
    return { from: from.toISOString(), to: to.toISOString(), queued: ids.length, users };
  },
});
