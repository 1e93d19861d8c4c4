/**
 * The weekly review: for one week (Monday in REVIEW_TZ) it makes sure the week's calls are analysed,
 * then writes a report per rep and a team report — replacing earlier ones of that week, never
 * duplicating them — and queues their delivery. It never waits: while analyses are still running
 * (or a batch is processing) it asks its job to look again later.
 */
import type { DataSource } from "typeorm";
import type { Config } from "../../core/config";
import type { Logger } from "../../core/logger";
import type { JobQueue } from "../../core/jobs/job-queue";
import type { Viewer } from "../../core/graphql/viewer";
import type { AnalysisRequestService } from "../analyses/analysis-request.service";
import { ReportDataBuilder, type RepWeek, type TeamWeek } from "./report-data";
import { repMarkdown, teamMarkdown } from "./render-markdown";
import { repEmailHtml, repHtml, teamEmailHtml, teamHtml } from "./render-html";
import { channelsFor } from "./report-delivery";
import { WeeklyReport } from "./weekly-report.entity";
import { weekRange } from "./review-schedule";

export interface ReviewOutcome {
  state: "WAITING" | "DONE";
  weekStart: string;
  /** Analyses requested by this pass (missing ones). */
  requested: number;
  /** Analyses of the week still queued or running. */
  pending: number;
  reports: number;
  deliveries: number;
}

export class WeeklyReviewService {
  private readonly builder: ReportDataBuilder;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly queue: JobQueue,
    private readonly requests: AnalysisRequestService,
    private readonly logger: Logger,
  ) {
    this.builder = new ReportDataBuilder(ds, config.timeZone);
  }

  /** Enqueues the review of a week once, however many schedulers ask (first insert wins). */
  async enqueueOnce(weekStart: string): Promise<string | null> {
    await this.queue.start();
    return this.ds.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `INSERT INTO weekly_review_runs (week_start) VALUES ($1) ON CONFLICT (week_start) DO NOTHING RETURNING week_start`,
        [weekStart],
      );
      if (rows.length === 0) return null;
      return this.queue.enqueue("review.weekly", { weekStart, checks: 0 }, { tx });
    });
  }

  /** Enqueues a review of the week now, even if one ran before (re-running replaces the reports). */
  async enqueueNow(weekStart: string): Promise<string | null> {
    await this.ds.query(`INSERT INTO weekly_review_runs (week_start) VALUES ($1) ON CONFLICT (week_start) DO UPDATE SET requested_at = now()`, [weekStart]);
    return this.queue.enqueue("review.weekly", { weekStart, checks: 0 });
  }

  /** Requests analyses the week's calls lack; counts those still queued or running. */
  async catchUp(weekStart: string, opts: { enqueue: boolean } = { enqueue: true }): Promise<{ requested: string[]; pending: number }> {
    const { from, to } = weekRange(weekStart, this.config.timeZone);
    const calls: { id: string }[] = await this.ds.query(`SELECT id FROM calls WHERE started_at >= $1 AND started_at < $2 ORDER BY started_at`, [from, to]);
    const requested: string[] = [];
    for (const c of calls) {
      const r = await this.requests.request({ callId: c.id, reason: "review", batch: this.config.review.analysisBatch }, opts);
      requested.push(...r.toRun);
    }
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM analyses a JOIN calls c ON c.id = a.call_id
        WHERE a.superseded_by_id IS NULL AND a.status IN ('QUEUED', 'RUNNING') AND c.started_at >= $1 AND c.started_at < $2`,
      [from, to],
    );
    return { requested, pending: n };
  }

  /** Builds and stores the week's reports (replacing earlier ones) and queues their delivery. */
  async writeReports(weekStart: string): Promise<{ reports: WeeklyReport[]; deliveries: number }> {
    const { reps, team } = await this.builder.build(weekStart);
    const stored: WeeklyReport[] = [];
    for (const r of reps) stored.push(await this.upsert(weekStart, r.rep.id, repMarkdown(r), repHtml(r), repEmailHtml(r), r));
    stored.push(await this.upsert(weekStart, null, teamMarkdown(team), teamHtml(team), teamEmailHtml(team), team));
    await this.ds.query(`UPDATE weekly_review_runs SET completed_at = now(), reports = $2 WHERE week_start = $1`, [weekStart, stored.length]);
    let deliveries = 0;
    for (const report of stored) {
      if (report.deliveredAt) continue; // a re-run replaces content but does not send it twice
      for (const channel of channelsFor(this.config, report.repId === null)) {
        if ((channel === "webhook" && report.webhookDeliveredAt) || (channel === "email" && report.emailDeliveredAt)) continue;
        await this.queue.enqueue(
          "report.deliver",
          { reportId: report.id, channel },
          { singletonKey: `report.deliver:${report.id}:${channel}:${+report.updatedAt}`, retryDelaySeconds: this.config.review.retrySeconds },
        );
        deliveries++;
      }
    }
    this.logger.info({ weekStart, reports: stored.length, deliveries }, "weekly reports written");
    return { reports: stored, deliveries };
  }

  private async upsert(weekStart: string, repId: string | null, markdown: string, html: string, emailHtml: string, data: RepWeek | TeamWeek): Promise<WeeklyReport> {
    const conflict = repId ? `("week_start", "rep_id") WHERE "rep_id" IS NOT NULL` : `("week_start") WHERE "rep_id" IS NULL`;
    const [row]: { id: string }[] = await this.ds.query(
      `INSERT INTO weekly_reports (week_start, rep_id, markdown, html, email_html, data)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ${conflict} DO UPDATE SET markdown = EXCLUDED.markdown, html = EXCLUDED.html, email_html = EXCLUDED.email_html,
         data = EXCLUDED.data, updated_at = now()
       RETURNING id`,
      [weekStart, repId, markdown, html, emailHtml, JSON.stringify(data)],
    );
    return this.ds.getRepository(WeeklyReport).findOneByOrFail({ id: row.id });
  }

  /** Reports within the viewer's scope: their own (REP), their team's (MANAGER, with the team report), all (ADMIN). */
  async list(viewer: Viewer, filter: { weekStart?: string | null; repId?: string | null; team?: boolean | null }): Promise<WeeklyReport[]> {
    const qb = this.ds.getRepository(WeeklyReport).createQueryBuilder("r").orderBy("r.week_start", "DESC").addOrderBy("r.rep_id", "ASC", "NULLS FIRST");
    if (filter.weekStart) qb.andWhere("r.week_start = :w", { w: filter.weekStart });
    if (filter.repId) qb.andWhere("r.rep_id = :rep", { rep: filter.repId });
    if (filter.team === true) qb.andWhere("r.rep_id IS NULL");
    if (filter.team === false) qb.andWhere("r.rep_id IS NOT NULL");
    if (viewer.visibleRepIds !== null) {
      const teamVisible = viewer.role === "MANAGER";
      const ids = viewer.visibleRepIds.length ? viewer.visibleRepIds : ["00000000-0000-0000-0000-000000000000"];
      qb.andWhere(teamVisible ? "(r.rep_id IN (:...ids) OR r.rep_id IS NULL)" : "r.rep_id IN (:...ids)", { ids });
    }
    return qb.take(200).getMany();
  }
}
