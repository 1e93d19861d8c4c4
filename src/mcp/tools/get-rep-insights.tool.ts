import { z } from "zod";
import { execute, RepInsightsDocument } from "../../../clients/execute";
import { ToolInputError } from "../results";
import { args, defineTool, READ_ONLY } from "../tool";
import { localDateArg, PERIOD_PRESETS, PRODUCTS } from "./schema-enums";

const week = z.object({
  start: z.string().describe("Monday of the week (YYYY-MM-DD)."),
  average: z.number().nullable().describe("Mean score that week; null without scores."),
  count: z.number().int().describe("Scored results that week."),
});

const dimension = z.object({
  dimension: z.string(),
  rubric_role: z.string(),
  average: z.number().describe("The rep's mean score 0–100."),
  count: z.number().int().describe("Scored results behind it (one per analysed call)."),
  team_average: z.number().nullable().describe("Mean of the same-role team (aggregate; no identities)."),
  team_count: z.number().int(),
  gap: z.number().nullable().describe("average − team_average in points; negative = below the team."),
  priority: z.string().describe("HIGH (10+ below the team or under 60), MEDIUM (5+ below) or LOW."),
  direction: z.string().describe("IMPROVING, DECLINING, STEADY or INSUFFICIENT_DATA (fewer than 3 weeks with scores)."),
  slope_per_week: z.number().nullable().describe("Points per week."),
  weekly: z.array(week),
});

const round = (n: number | null | undefined, digits = 1): number | null =>
  n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits;
const signed = (n: number | null) => (n === null ? "n/a" : `${n > 0 ? "+" : ""}${n}`);

export const getRepInsights = defineTool({
  name: "get_rep_insights",
  title: "Get a rep's insights",
  description:
    "How one rep (sales person) is doing over a period of call dates: mean score per rubric dimension against the same-role team average, the gaps ranked by priority (HIGH/MEDIUM/LOW), dimensions improving or declining week by week, interaction metrics (talk ratio, monologues, questions, patience …) per call type against targets, and customer objections with how often they were resolved. " +
    "Identify the rep with rep_email or rep_id (exactly one; list_reps finds them). period: LAST_7_DAYS, LAST_30_DAYS (default), LAST_90_DAYS, LAST_QUARTER (the previous calendar quarter) — counted back from today or as_of — or CUSTOM with from and to. " +
    "A rep outside the token's scope answers NOT_FOUND (a REP token sees only its own insights). For a coaching plan use get_coaching_plan; for single calls search_calls and get_call.",
  inputSchema: {
    rep_email: args.repEmail().optional().describe("The rep's email address (give this or rep_id)."),
    rep_id: z.string().trim().min(1).max(100).optional().describe("Our rep id (UUID, see list_reps; give this or rep_email)."),
    period: z
      .enum(PERIOD_PRESETS)
      .default("LAST_30_DAYS")
      .describe("Which call dates count: LAST_7_DAYS, LAST_30_DAYS (default), LAST_90_DAYS, LAST_QUARTER, or CUSTOM with from and to."),
    from: localDateArg().optional().describe("CUSTOM only: first call date, included (YYYY-MM-DD in the review time zone)."),
    to: localDateArg().optional().describe("CUSTOM only: last call date, included (YYYY-MM-DD)."),
    as_of: localDateArg().optional().describe("Presets only: the day to count back from (default today), e.g. 2026-11-30."),
    product: z.enum(PRODUCTS).optional().describe("Only calls about this product (default: all calls)."),
  },
  outputSchema: {
    rep: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
    period: z.object({
      preset: z.string(),
      from: z.string().describe("First day, included."),
      to: z.string().describe("Last day, included."),
      days: z.number().int(),
      time_zone: z.string(),
    }),
    product: z.string().nullable().describe("The product filter (null: all calls)."),
    rubric_roles: z.array(z.string()).describe("Rubrics the rep was scored on in the period."),
    analyses: z.number().int().describe("Analyses with at least one score in the period."),
    average: z.number().nullable().describe("Mean of all the rep's dimension scores (unweighted)."),
    team_average: z.number().nullable().describe("The same over the same-role team."),
    weekly: z.array(week).describe("The rep's weekly mean over all dimensions."),
    dimensions: z.array(dimension).describe("Every dimension the rep was scored on."),
    gaps: z
      .array(z.object({ dimension: z.string(), rubric_role: z.string(), gap: z.number().nullable(), priority: z.string() }))
      .describe("The dimensions ranked by gap to the team, most negative first."),
    improving: z.array(z.object({ dimension: z.string(), slope_per_week: z.number().nullable() })),
    declining: z.array(z.object({ dimension: z.string(), slope_per_week: z.number().nullable() })),
    metrics: z
      .array(
        z.object({
          call_type: z.string(),
          calls: z.number().int(),
          metrics: z.array(
            z.object({
              metric: z.string(),
              unit: z.string(),
              average: z.number().nullable(),
              calls: z.number().int(),
              status: z.string().describe("ON_TARGET, ABOVE, BELOW, NO_TARGET or NO_DATA."),
              target: z
                .object({ min: z.number().nullable(), max: z.number().nullable(), ideal: z.number().nullable(), source: z.string() })
                .nullable(),
            }),
          ),
        }),
      )
      .describe("Interaction metrics per call type against targets."),
    objections: z
      .array(
        z.object({
          type: z.string(),
          count: z.number().int(),
          resolved: z.number().int(),
          unresolved: z.number().int(),
          unclear: z.number().int(),
          resolution_rate: z.number().describe("resolved / count, 0–1."),
        }),
      )
      .describe("Objections on the rep's analysed calls, most frequent first."),
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    if (!input.rep_email === !input.rep_id) {
      throw new ToolInputError(
        input.rep_email
          ? "Give rep_email or rep_id, not both."
          : "Give the rep: rep_email or rep_id (list_reps shows the reps this token may see).",
      );
    }
    const { repInsights: r } = await execute(ctx.client, RepInsightsDocument, {
      email: input.rep_email,
      repId: input.rep_id,
      period: { preset: input.period, from: input.from, to: input.to, asOf: input.as_of },
      product: input.product,
    });

    const weekOf = (w: { start: string; average?: number | null; count: number }) => ({ start: w.start, average: round(w.average), count: w.count });
    const dimensions = r.dimensions.map((d) => ({
      dimension: d.dimension,
      rubric_role: d.rubricRole,
      average: round(d.average)!,
      count: d.count,
      team_average: round(d.teamAverage),
      team_count: d.teamCount,
      gap: round(d.gap),
      priority: d.priority,
      direction: d.direction,
      slope_per_week: round(d.slopePerWeek, 2),
      weekly: d.weekly.map(weekOf),
    }));
    const gaps = r.gaps.map((g) => ({ dimension: g.dimension, rubric_role: g.rubricRole, gap: round(g.gap), priority: g.priority }));
    // The API ranks gaps most negative first; the summary names those below the team or not LOW priority.
    const pressing = gaps.filter((g) => (g.gap !== null && g.gap < 0) || g.priority !== "LOW");
    const trend = (t: { dimension: string; slopePerWeek?: number | null }) => ({ dimension: t.dimension, slope_per_week: round(t.slopePerWeek, 2) });

    const off = r.metrics.flatMap((m) =>
      m.metrics.filter((x) => x.status === "ABOVE" || x.status === "BELOW").map((x) => `${x.metric} ${x.status.toLowerCase()} target on ${m.callType}`),
    );
    const period = r.period;
    const summary = [
      `${r.rep.name} <${r.rep.email}> (${r.rep.role}) — ${period.preset} ${period.from} to ${period.to}${r.product ? `, ${r.product} calls` : ""}: ` +
        (r.analyses === 0
          ? "no scored analyses in this period (try a longer period, or analyze_call on the rep's calls)."
          : `${r.analyses} analysed call(s), average ${round(r.average)} vs same-role team ${round(r.teamAverage) ?? "n/a"}.`),
      ...(gaps.length === 0
        ? []
        : pressing.length
          ? [`To work on (gap to the team, priority): ${pressing.slice(0, 3).map((g) => `${g.dimension} ${signed(g.gap)} (${g.priority})`).join(", ")}.`]
          : ["No dimension trails the same-role team."]),
      ...(r.improving.length ? [`Improving: ${r.improving.map((t) => t.dimension).join(", ")}.`] : []),
      ...(r.declining.length ? [`Declining: ${r.declining.map((t) => t.dimension).join(", ")}.`] : []),
      ...(off.length ? [`Off target: ${off.slice(0, 4).join("; ")}${off.length > 4 ? " …" : ""}.`] : []),
      ...(r.objections.length
        ? [`Objections: ${r.objections.map((o) => `${o.type} ×${o.count} (${Math.round(o.resolutionRate * 100)}% resolved)`).join(", ")}.`]
        : []),
    ].join("\n");

    return {
      summary,
      data: {
        rep: { id: r.rep.id, email: r.rep.email, name: r.rep.name, role: r.rep.role },
        period: { preset: period.preset, from: period.from, to: period.to, days: period.days, time_zone: period.timeZone },
        product: r.product ?? null,
        rubric_roles: r.rubricRoles,
        analyses: r.analyses,
        average: round(r.average),
        team_average: round(r.teamAverage),
        weekly: r.weekly.map(weekOf),
        dimensions,
        gaps,
        improving: r.improving.map(trend),
        declining: r.declining.map(trend),
        metrics: r.metrics.map((m) => ({
          call_type: m.callType,
          calls: m.calls,
          metrics: m.metrics.map((x) => ({
            metric: x.metric,
            unit: x.unit,
            average: x.average === null || x.average === undefined ? null : Math.round(x.average * 1000) / 1000,
            calls: x.calls,
            status: x.status,
            target: x.target ? { min: x.target.min ?? null, max: x.target.max ?? null, ideal: x.target.ideal ?? null, source: x.target.source } : null,
          })),
        })),
        objections: r.objections.map((o) => ({
          type: o.type,
          count: o.count,
          resolved: o.resolved,
          unresolved: o.unresolved,
          unclear: o.unclear,
          resolution_rate: Math.round(o.resolutionRate * 1000) / 1000,
        })),
      },
    };
  },
});
