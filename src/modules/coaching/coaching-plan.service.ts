/**
 * `coachingPlan(rep)`: up to three priority areas from the rep's gaps to the same-role team (HIGH,
 * then MEDIUM; or the weakest dimensions when nothing trails by much), each with concrete actions —
 * the improvements most often noted on the rep's calls — shown on the rep's own weakest call and on
 * a stronger same-role colleague's call, plus practice scenarios from the rubric's examples.
 * A colleague's call outside the viewer's scope is anonymised: no name, call id, title or time.
 */
import type { DataSource } from "typeorm";
import type { Viewer } from "../../core/graphql/viewer";
import { canSeeRep } from "../../core/graphql/viewer";
import type { InsightsService } from "../insights/insights.service";
import { GapPriority } from "../insights/insights.enums";
import { PeriodPreset, addDays, zonedMidnight, type PeriodRequest } from "../insights/period";
import type { RubricDimension } from "../rubrics/rubric.entity";
import type { CoachingArea, CoachingPlan, PlanMoment } from "./coaching-plan.types";

export const MAX_AREAS = 3;
/** A colleague's result counts as a model when it scores at least this and above the rep's average. */
export const MODEL_MIN_SCORE = 75;

interface ResultRow {
  rep_id: string;
  call_id: string;
  title: string;
  score: number;
  evidence: { quote: string; speakerName: string | null; startMs: number | null; verified?: boolean }[];
  improvements: string[];
  speaker: string | null;
}

export class CoachingPlanService {
  constructor(
    private readonly ds: DataSource,
    private readonly insights: InsightsService,
  ) {}

  async plan(viewer: Viewer, req: { repId?: string | null; email?: string | null; period?: PeriodRequest | null }): Promise<CoachingPlan> {
    const insight = await this.insights.repInsights(viewer, { repId: req.repId, email: req.email, period: req.period ?? { preset: PeriodPreset.LAST_90_DAYS } });
    const rank = { [GapPriority.HIGH]: 0, [GapPriority.MEDIUM]: 1, [GapPriority.LOW]: 2 } as Record<string, number>;
    const trailing = insight.dimensions.filter((d) => d.priority !== GapPriority.LOW);
    const chosen = (trailing.length ? trailing : [...insight.dimensions])
      .sort((a, b) => rank[a.priority] - rank[b.priority] || (a.gap ?? 0) - (b.gap ?? 0) || a.average - b.average)
      .slice(0, MAX_AREAS);
    const tz = this.insights.timeZone;
    const from = zonedMidnight(insight.period.from, tz);
    const to = zonedMidnight(addDays(insight.period.to, 1), tz);
    const rubrics: { role: string; dimensions: RubricDimension[] }[] = await this.ds.query(`SELECT role, dimensions FROM rubrics`);

    const areas: CoachingArea[] = [];
    for (const d of chosen) {
      const spec = rubrics.find((r) => r.role === d.rubricRole)?.dimensions.find((x) => x.key === d.dimension);
      const rows: ResultRow[] = await this.ds.query(
        `SELECT a.rep_id, a.call_id, c.title, r.score, r.evidence, r.improvements, p.name AS speaker
           FROM dimension_results r JOIN analyses a ON a.id = r.analysis_id JOIN calls c ON c.id = a.call_id
           LEFT JOIN call_participants p ON p.id = a.participant_id
          WHERE a.superseded_by_id IS NULL AND a.rubric_role = $1 AND r.dimension = $2 AND r.score IS NOT NULL
            AND c.started_at >= $3 AND c.started_at < $4 AND a.rep_id IS NOT NULL
          ORDER BY r.score, c.started_at DESC`,
        [d.rubricRole, d.dimension, from, to],
      );
      const mine = rows.filter((r) => r.rep_id === insight.rep.id);
      const others = rows.filter((r) => r.rep_id !== insight.rep.id && r.score >= Math.max(MODEL_MIN_SCORE, d.average + 1)).reverse();
      const counts = new Map<string, number>();
      for (const r of mine) for (const t of r.improvements ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
      const actions = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
      if (actions.length === 0 && spec?.criteria?.length) actions.push(spec.criteria[0]);
      const example = this.moment(viewer, mine.find((r) => r.evidence?.length));
      const model = this.moment(viewer, others.find((r) => r.evidence?.length));
      areas.push({
        dimension: d.dimension,
        name: spec?.name ?? d.dimension,
        rubricRole: d.rubricRole,
        average: d.average,
        teamAverage: d.teamAverage,
        priority: d.priority,
        recommendations: actions.slice(0, 3).map((action, i) => ({ action, example: i === 0 ? example : null, model: i === 0 ? model : null })),
        practice: (spec?.examples?.poor ?? []).slice(0, 2).map((situation) => ({ situation, goodLooksLike: (spec?.examples?.excellent ?? []).slice(0, 2) })),
      });
    }
    return { rep: insight.rep, period: insight.period, areas };
  }

  private moment(viewer: Viewer, row: ResultRow | undefined): PlanMoment | null {
    if (!row) return null;
    const ev = row.evidence[0];
    const visible = canSeeRep(viewer, row.rep_id);
    return {
      quote: ev.quote,
      speakerName: visible ? (ev.speakerName ?? row.speaker ?? "unknown") : "a same-role colleague",
      startMs: visible ? (ev.startMs ?? null) : null,
      callId: visible ? row.call_id : null,
      callTitle: visible ? row.title : null,
      score: row.score,
      anonymised: !visible,
    };
  }
}
