/**
 * The numbers of a weekly review, read from stored analyses of calls that took place in the week
 * (call date in REVIEW_TZ; current analyses only): one `RepWeek` per rep with analyses, and one
 * `TeamWeek` for sales leadership. Renderers (report-render.ts) turn them into Markdown, HTML and
 * e-mail; the same object is stored as the report's `data`.
 */
import type { DataSource } from "typeorm";
import { weekRange } from "./review-schedule";
import { addDays } from "../insights/period";

/** Weeks of history in a rep's trend chart (this week included). */
export const TREND_WEEKS = 8;
/** Overall-score bands of the team distribution (the rubric bands). */
export const SCORE_BANDS = [
  { label: "90–100", min: 90, max: 100 },
  { label: "80–89", min: 80, max: 89.999 },
  { label: "70–79", min: 70, max: 79.999 },
  { label: "60–69", min: 60, max: 69.999 },
  { label: "< 60", min: 0, max: 59.999 },
] as const;

export interface DimensionWeek {
  dimension: string;
  average: number;
  previous: number | null;
  /** Weekly averages, oldest first (null for weeks without a score). */
  series: (number | null)[];
}

export interface ObjectionStat {
  type: string;
  count: number;
  resolved: number;
  /** resolved / count. */
  resolutionRate: number;
}

export interface RepWeek {
  weekStart: string;
  rep: { id: string; name: string; email: string; role: string };
  calls: number;
  analyses: number;
  overall: number | null;
  previousOverall: number | null;
  dimensions: DimensionWeek[];
  objections: ObjectionStat[];
  /** The rep's weakest dimensions this week, each with the most frequent improvement noted. */
  priorities: { dimension: string; average: number; advice: string | null }[];
  /** Actions from this week's analyses, tied to a call and moment. */
  actions: { callTitle: string; text: string; atMs: number | null }[];
  /** Start of each week of `series` (YYYY-MM-DD), oldest first. */
  seriesWeeks: string[];
}

export interface TeamWeek {
  weekStart: string;
  reps: { id: string; name: string; role: string; calls: number; overall: number | null; previousOverall: number | null }[];
  distribution: { label: string; count: number }[];
  /** Largest changes of a rep's mean overall score from the previous week (both weeks scored). */
  movers: { name: string; role: string; from: number; to: number; change: number }[];
  objections: ObjectionStat[];
  /** Per role, the dimensions with the lowest team average this week. */
  priorities: { role: string; dimension: string; average: number }[];
  calls: number;
  analyses: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

interface ScoreRow {
  rep_id: string;
  week: string;
  dimension: string;
  score: number;
}

export class ReportDataBuilder {
  constructor(
    private readonly ds: DataSource,
    private readonly timeZone: string,
  ) {}

  private range(weekStart: string, weeksBack = 0) {
    return { from: weekRange(addDays(weekStart, -7 * weeksBack), this.timeZone).from, to: weekRange(weekStart, this.timeZone).to };
  }

  /** Current analyses with a score, of calls in [from, to), with the call week (Monday in REVIEW_TZ). */
  private analysesSql(): string {
    return `SELECT a.id, a.rep_id, a.call_id, a.overall_score, a.actions, c.title,
                   to_char(date_trunc('week', c.started_at AT TIME ZONE $3), 'YYYY-MM-DD') AS week
              FROM analyses a JOIN calls c ON c.id = a.call_id
             WHERE a.superseded_by_id IS NULL AND a.overall_score IS NOT NULL AND a.rep_id IS NOT NULL
               AND c.started_at >= $1 AND c.started_at < $2`;
  }

  async build(weekStart: string): Promise<{ reps: RepWeek[]; team: TeamWeek }> {
    const tz = this.timeZone;
    const history = this.range(weekStart, TREND_WEEKS - 1);
    const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => addDays(weekStart, -7 * (TREND_WEEKS - 1 - i)));
    const prevWeek = weeks[weeks.length - 2];
    const analyses: { id: string; rep_id: string; call_id: string; overall_score: number; actions: { text: string; atMs: number | null }[]; title: string; week: string }[] =
      await this.ds.query(this.analysesSql(), [history.from, history.to, tz]);
    const thisWeek = analyses.filter((a) => a.week === weekStart);
    const repIds = [...new Set(thisWeek.map((a) => a.rep_id))];
    const reps: { id: string; name: string; email: string; role: string }[] = repIds.length
      ? await this.ds.query(`SELECT id, name, email, role FROM reps WHERE id = ANY($1::uuid[]) ORDER BY name`, [repIds])
      : [];
    const scores: ScoreRow[] = analyses.length
      ? await this.ds.query(
          `SELECT a.rep_id, d.dimension, d.score, x.week FROM dimension_results d JOIN analyses a ON a.id = d.analysis_id
             JOIN (SELECT unnest($1::uuid[]) AS id, unnest($2::text[]) AS week) x ON x.id = a.id
            WHERE d.score IS NOT NULL`,
          [analyses.map((a) => a.id), analyses.map((a) => a.week)],
        )
      : [];
    const objections: { rep_id: string; type: string; resolved: string }[] = thisWeek.length
      ? await this.ds.query(
          `SELECT a.rep_id, o.type, o.resolved FROM objections o JOIN analyses a ON a.id = o.analysis_id WHERE a.id = ANY($1::uuid[])`,
          [thisWeek.map((a) => a.id)],
        )
      : [];
    const improvements: { rep_id: string; dimension: string; improvements: string[] }[] = thisWeek.length
      ? await this.ds.query(
          `SELECT a.rep_id, d.dimension, d.improvements FROM dimension_results d JOIN analyses a ON a.id = d.analysis_id WHERE a.id = ANY($1::uuid[])`,
          [thisWeek.map((a) => a.id)],
        )
      : [];

    const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
    const overallOf = (repId: string, week: string) => mean(analyses.filter((a) => a.rep_id === repId && a.week === week).map((a) => Number(a.overall_score)));
    const objectionStats = (rows: { type: string; resolved: string }[]): ObjectionStat[] => {
      const by = new Map<string, { count: number; resolved: number }>();
      for (const o of rows) {
        const s = by.get(o.type) ?? { count: 0, resolved: 0 };
        s.count++;
        if (o.resolved === "YES") s.resolved++;
        by.set(o.type, s);
      }
      return [...by.entries()]
        .map(([type, s]) => ({ type, ...s, resolutionRate: round1((s.resolved / s.count) * 100) / 100 }))
        .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
    };

    const repWeeks: RepWeek[] = reps.map((rep) => {
      const mine = thisWeek.filter((a) => a.rep_id === rep.id);
      const myScores = scores.filter((s) => s.rep_id === rep.id);
      const dimensions = [...new Set(myScores.filter((s) => s.week === weekStart).map((s) => s.dimension))].sort().map((dimension) => {
        const at = (w: string) => mean(myScores.filter((s) => s.dimension === dimension && s.week === w).map((s) => s.score));
        return { dimension, average: at(weekStart)!, previous: at(prevWeek), series: weeks.map(at) };
      });
      const advice = (dimension: string) => {
        const counts = new Map<string, number>();
        for (const r of improvements.filter((i) => i.rep_id === rep.id && i.dimension === dimension)) for (const t of r.improvements) counts.set(t, (counts.get(t) ?? 0) + 1);
        return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
      };
      return {
        weekStart,
        rep,
        calls: new Set(mine.map((a) => a.call_id)).size,
        analyses: mine.length,
        overall: overallOf(rep.id, weekStart),
        previousOverall: overallOf(rep.id, prevWeek),
        dimensions,
        objections: objectionStats(objections.filter((o) => o.rep_id === rep.id)),
        priorities: [...dimensions].sort((a, b) => a.average - b.average || a.dimension.localeCompare(b.dimension)).slice(0, 2).map((d) => ({ dimension: d.dimension, average: d.average, advice: advice(d.dimension) })),
        actions: mine.flatMap((a) => (a.actions ?? []).map((x) => ({ callTitle: a.title, text: x.text, atMs: x.atMs ?? null }))).slice(0, 5),
        seriesWeeks: weeks,
      };
    });

    const teamReps = repWeeks.map((r) => ({ id: r.rep.id, name: r.rep.name, role: r.rep.role, calls: r.calls, overall: r.overall, previousOverall: r.previousOverall }));
    const byRole = new Map<string, Map<string, number[]>>();
    for (const s of scores.filter((x) => x.week === weekStart)) {
      const role = reps.find((r) => r.id === s.rep_id)?.role ?? "OTHER";
      const dims = byRole.get(role) ?? new Map<string, number[]>();
      dims.set(s.dimension, [...(dims.get(s.dimension) ?? []), s.score]);
      byRole.set(role, dims);
    }
    const priorities = [...byRole.entries()].flatMap(([role, dims]) =>
      [...dims.entries()]
        .map(([dimension, xs]) => ({ role, dimension, average: mean(xs)! }))
        .sort((a, b) => a.average - b.average || a.dimension.localeCompare(b.dimension))
        .slice(0, 2),
    );
    const team: TeamWeek = {
      weekStart,
      reps: teamReps,
      distribution: SCORE_BANDS.map((b) => ({ label: b.label, count: thisWeek.filter((a) => a.overall_score >= b.min && a.overall_score <= b.max).length })),
      movers: teamReps
        .filter((r) => r.overall !== null && r.previousOverall !== null)
        .map((r) => ({ name: r.name, role: r.role, from: r.previousOverall!, to: r.overall!, change: round1(r.overall! - r.previousOverall!) }))
        .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.name.localeCompare(b.name))
        .slice(0, 5),
      objections: objectionStats(objections),
      priorities: priorities.sort((a, b) => a.role.localeCompare(b.role) || a.average - b.average),
      calls: new Set(thisWeek.map((a) => a.call_id)).size,
      analyses: thisWeek.length,
    };
    return { reps: repWeeks, team };
  }
}
