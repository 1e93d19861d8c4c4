import { z } from "zod";
import { RepDocument, ViewerDocument, WeeklyReportDetailDocument, WeeklyReportWeeksDocument, execute } from "../../../clients/execute";
import { ToolInputError } from "../results";
import { args, defineTool, READ_ONLY } from "../tool";

/** Weeks listed in `available_weeks`. */
const MAX_WEEKS_LISTED = 26;

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === "object") : []);

const keyFigures = z.object({
  calls: z.number().nullable().describe("Calls in the week."),
  analyses: z.number().nullable().describe("Analyses of those calls."),
  overall: z.number().nullable().describe("Rep report: mean overall score this week (null for the team report)."),
  previous_overall: z.number().nullable().describe("Rep report: the same for the week before."),
  dimensions: z.array(z.object({ dimension: z.string(), average: z.number().nullable(), previous: z.number().nullable() })).describe("Rep report: average per dimension, and the week before."),
  priorities: z
    .array(z.object({ dimension: z.string(), average: z.number().nullable(), role: z.string().nullable(), advice: z.string().nullable() }))
    .describe("Weakest dimensions (rep report: with the most frequent advice; team report: per role)."),
  objections: z.array(z.object({ type: z.string(), count: z.number(), resolved: z.number(), resolution_rate: z.number().nullable() })),
  reps: z
    .array(z.object({ name: z.string(), role: z.string().nullable(), calls: z.number().nullable(), overall: z.number().nullable(), previous_overall: z.number().nullable() }))
    .describe("Team report: every rep's week."),
  distribution: z.array(z.object({ label: z.string(), count: z.number() })).describe("Team report: overall scores per band."),
  movers: z
    .array(z.object({ name: z.string(), role: z.string().nullable(), from: z.number().nullable(), to: z.number().nullable(), change: z.number().nullable() }))
    .describe("Team report: largest changes of a rep's mean overall score from the week before."),
});

type KeyFigures = z.output<typeof keyFigures>;

/** The report's stored numbers (a rep's or the team's week) as key figures. */
function figures(data: Record<string, unknown>): KeyFigures {
  return {
    calls: num(data.calls),
    analyses: num(data.analyses),
    overall: num(data.overall),
    previous_overall: num(data.previousOverall),
    dimensions: list(data.dimensions).map((d) => ({ dimension: str(d.dimension) ?? "?", average: num(d.average), previous: num(d.previous) })),
    priorities: list(data.priorities).map((p) => ({ dimension: str(p.dimension) ?? "?", average: num(p.average), role: str(p.role), advice: str(p.advice) })),
    objections: list(data.objections).map((o) => ({ type: str(o.type) ?? "?", count: num(o.count) ?? 0, resolved: num(o.resolved) ?? 0, resolution_rate: num(o.resolutionRate) })),
    reps: list(data.reps).map((r) => ({ name: str(r.name) ?? "?", role: str(r.role), calls: num(r.calls), overall: num(r.overall), previous_overall: num(r.previousOverall) })),
    distribution: list(data.distribution).map((b) => ({ label: str(b.label) ?? "?", count: num(b.count) ?? 0 })),
    movers: list(data.movers).map((m) => ({ name: str(m.name) ?? "?", role: str(m.role), from: num(m.from), to: num(m.to), change: num(m.change) })),
  };
}

function whereIsTheFullReport(weekStart: string | null): string {
  const week = weekStart ?? "YYYY-MM-DD";
  return (
    `The full report — the same content as a standalone HTML page with charts, plus an e-mail version — is stored in call-coach with this Markdown ` +
    `(GraphQL: weeklyReports(week: "${week}") { html }) and is delivered by e-mail/webhook when configured. ` +
    `An admin can (re)write that week's reports with \`callcoach review weekly --week ${week}\`.`
  );
}

export const getWeeklyReport = defineTool({
  name: "get_weekly_report",
  title: "Get a weekly report",
  description:
    "Returns a stored weekly coaching review as Markdown, with its key figures: for a rep — calls, analyses, mean overall score against the week before, per-dimension averages, priorities with advice, objections and actions; for the team (team: true) — every rep's week, the score distribution, the biggest movers, objections and priorities per role. " +
    "Reports are written each Monday for the previous week (Monday–Sunday). Give week as any day of the week (default: the latest stored); give rep_email or rep_id for a rep, or team: true (default: the token's own rep, else the team). " +
    "A REP token sees only its own reports; a MANAGER its team's and the team report.",
  inputSchema: {
    week: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "week must be a date as YYYY-MM-DD (any day of the week)")
      .optional()
      .describe("Any day of the wanted week, YYYY-MM-DD (default: the latest week with a report)."),
    rep_email: args.repEmail().optional().describe("The rep's email address (or rep_id, or team: true)."),
    rep_id: z.string().trim().min(1).max(100).optional().describe("Our rep id (or rep_email, or team: true)."),
    team: z.boolean().optional().describe("true: the team report (for managers and admins) instead of a rep's."),
  },
  outputSchema: {
    kind: z.enum(["REP", "TEAM"]).describe("A rep's report or the team report."),
    rep: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable().describe("Whose report (null for the team report)."),
    week_start: z.string().nullable().describe("Monday of the reported week (null when no report was found)."),
    available_weeks: z.array(z.string()).describe(`Weeks (Mondays) with a stored report of this kind, newest first (at most ${MAX_WEEKS_LISTED}).`),
    report: z
      .object({
        id: z.string(),
        markdown: z.string().describe("The report as Markdown."),
        key_figures: keyFigures,
        delivered_at: z.string().nullable().describe("When every configured delivery succeeded (null until then or when none is configured)."),
        delivery_error: z.string().nullable(),
        updated_at: z.string().describe("When the report was last (re)written."),
      })
      .nullable()
      .describe("The report (null when none is stored for that week)."),
    full_report: z.string().describe("Where the full report (HTML with charts) is and how to re-run it."),
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    const selectors = [input.rep_email, input.rep_id, input.team ? "team" : undefined].filter(Boolean);
    if (selectors.length > 1) throw new ToolInputError("give only one of rep_email, rep_id or team: true");
    let rep: { id: string; email: string; name: string } | null = null;
    if (input.rep_email || input.rep_id) {
      // Also the scope check: a rep outside the token's scope answers NOT_FOUND.
      const r = (await execute(ctx.client, RepDocument, input.rep_id ? { id: input.rep_id } : { email: input.rep_email })).rep;
      rep = { id: r.id, email: r.email, name: r.name };
    } else if (!input.team) {
      const { viewer } = await execute(ctx.client, ViewerDocument);
      if (viewer.rep) rep = { id: viewer.rep.id, email: viewer.rep.email, name: viewer.rep.name };
    }
    const filter = rep ? { repId: rep.id, team: false } : { team: true };
    const whose = rep ? `${rep.name} <${rep.email}>` : "the team";

    const [weeks, found] = await Promise.all([
      execute(ctx.client, WeeklyReportWeeksDocument, filter).then((r) => r.weeklyReports),
      input.week ? execute(ctx.client, WeeklyReportDetailDocument, { week: input.week, ...filter }).then((r) => r.weeklyReports) : Promise.resolve(null),
    ]);
    const available = [...new Set(weeks.map((w) => w.weekStart))].slice(0, MAX_WEEKS_LISTED);
    let reports = found;
    if (!reports && available[0]) reports = (await execute(ctx.client, WeeklyReportDetailDocument, { week: available[0], ...filter })).weeklyReports;
    const report = reports?.find((r) => (rep ? r.repId === rep.id : r.repId === null)) ?? null;
    const kind = rep ? ("REP" as const) : ("TEAM" as const);

    if (!report) {
      const wanted = input.week ? `for the week of ${input.week}` : "yet";
      const lines = [`No weekly report of ${whose} is stored ${wanted}.`];
      if (available.length) lines.push(`Weeks with a report: ${available.slice(0, 8).join(", ")}.`);
      else if (!rep) lines.push("Team reports are visible to MANAGER and ADMIN tokens only.");
      lines.push("Reports are written every Monday for the previous week; an admin can write one now with `callcoach review weekly --week YYYY-MM-DD`.");
      return {
        summary: lines.join("\n"),
        data: { kind, rep, week_start: null, available_weeks: available, report: null, full_report: whereIsTheFullReport(input.week ?? null) },
      };
    }

    const k = figures(report.data);
    const lines = [`Weekly coaching review of ${whose}, week of ${report.weekStart} (Monday to Sunday).`];
    if (k.calls != null) lines.push(`${k.calls} call(s), ${k.analyses ?? 0} analysis(es).`);
    if (rep) {
      if (k.overall != null) lines.push(`Mean overall score ${k.overall}${k.previous_overall != null ? ` (week before: ${k.previous_overall})` : ""}.`);
      if (k.priorities.length) lines.push(`Priorities: ${k.priorities.map((p) => `${p.dimension} ${p.average ?? "?"}`).join(", ")}.`);
    } else {
      if (k.reps.length) lines.push(`Reps: ${k.reps.map((r) => `${r.name} ${r.overall ?? "–"}`).join(", ")}.`);
      if (k.movers.length) lines.push(`Movers: ${k.movers.map((m) => `${m.name} ${m.change != null && m.change > 0 ? "+" : ""}${m.change ?? "?"}`).join(", ")}.`);
    }
    lines.push(`The Markdown report is in report.markdown. ${whereIsTheFullReport(report.weekStart)}`);
    const older = available.filter((w) => w !== report.weekStart).slice(0, 4);
    if (older.length) lines.push(`Other weeks: ${older.join(", ")}${available.length > older.length + 1 ? " …" : ""}.`);
    return {
      summary: lines.join("\n"),
      data: {
        kind,
        rep,
        week_start: report.weekStart,
        available_weeks: available,
        report: {
          id: report.id,
          markdown: report.markdown,
          key_figures: k,
          delivered_at: report.deliveredAt ?? null,
          delivery_error: report.deliveryError ?? null,
          updated_at: report.updatedAt,
        },
        full_report: whereIsTheFullReport(report.weekStart),
      },
    };
  },
});
