/**
 * Schedules reconciliation: `gong.sync` over the last 48 hours on GONG_RECONCILE_CRON (UTC). pg-boss
 * keeps one schedule per queue in the database, so N processes schedule it once and it fires once.
 */
import type { App } from "../core/app";
import { ConfigError } from "../core/config";

export const RECONCILE_LOOKBACK_HOURS = 48;

export function gongConfigured(app: App): boolean {
  const g = app.config.gong;
  return !!((g.accessKey && g.accessKeySecret) || g.token);
}

export async function scheduleReconciliation(app: App): Promise<boolean> {
  await app.queue.start();
  if (!gongConfigured(app)) {
    await app.queue.boss.unschedule("gong.sync");
    app.logger.info("Gong credentials not set: no reconciliation scheduled");
    return false;
  }
  try {
    await app.queue.boss.schedule(
      "gong.sync",
      app.config.gong.reconcileCron,
      { lookbackHours: RECONCILE_LOOKBACK_HOURS, users: true, force: false, reason: "reconcile" },
      { tz: "UTC" },
    );
  } catch (err) {
    throw new ConfigError(`GONG_RECONCILE_CRON: "${app.config.gong.reconcileCron}" is not a cron expression (${(err as Error).message})`);
  }
  app.logger.info({ cron: app.config.gong.reconcileCron }, "Gong reconciliation scheduled");
  return true;
}
