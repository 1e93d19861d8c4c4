import { z } from "zod";
import { CoachingPlanDocument, ViewerDocument, execute, type PeriodPreset } from "../../../clients/execute";
import { ToolInputError } from "../results";
import { args, clock, defineTool, READ_ONLY } from "../tool";
import { PERIOD_PRESETS, localDateArg as day } from "./schema-enums";

const round1 = (x: number) => Math.round(x * 10) / 10;

const moment = z
  .object({
    quote: z.string().describe("Words from the transcript (verified evidence)."),
    speaker_name: z.string().describe('Who said it; "a same-role colleague" when anonymised.'),
    start_ms: z.number().int().nullable().describe("Milliseconds from the start of the call (null when anonymised)."),
    at: z.string().nullable().describe("The same as m:ss (null when anonymised)."),
    call_id: z.string().nullable().describe("The call (null when anonymised: a colleague's call outside your scope)."),
    call_title: z.string().nullable().describe("The call's title (null when anonymised)."),
    score: z.number().int().describe("The dimension score on that call."),
    anonymised: z.boolean().describe("True when the moment is from a colleague outside the token's scope and identities were removed."),
  })
  .nullable();

type Moment = {
  quote: string;
  speakerName: string;
  startMs?: number | null;
  callId?: string | null;
  callTitle?: string | null;
  score: number;
  anonymised: boolean;
};

function shapeMoment(m: Moment | null | undefined): z.output<typeof moment> {
  if (!m) return null;
  // Passed through as the API gives it: anonymised moments carry no call id, title or time.
  return {
    quote: m.quote,
    speaker_name: m.speakerName,
    start_ms: m.startMs ?? null,
    at: m.startMs == null ? null : clock(m.startMs),
    call_id: m.callId ?? null,
    call_title: m.callTitle ?? null,
    score: m.score,
    anonymised: m.anonymised,
  };
}

export const getCoachingPlan = defineTool({
  name: "get_coaching_plan",
  title: "Get a coaching plan",
  description:
    "Builds a coaching plan for one rep from their analysed calls in a period (default: the last 90 days): up to three priority areas where they trail the same-role team, each with the rep's and the team's average, one to three concrete actions shown on a moment of the rep's own call and on how a stronger same-role colleague handled it, and practice scenarios. " +
    "Colleagues outside the token's scope appear anonymised (\"a same-role colleague\", no call id). Give rep_email or rep_id (default: the token's own rep).",
  inputSchema: {
    rep_email: args.repEmail().optional().describe("The rep's email address (or give rep_id)."),
    rep_id: z.string().trim().min(1).max(100).optional().describe("Our rep id (or give rep_email)."),
    period: z
      .enum(PERIOD_PRESETS)
      .optional()
      .describe("Which call dates count: LAST_7_DAYS, LAST_30_DAYS, LAST_90_DAYS (default), LAST_QUARTER (the previous calendar quarter) or CUSTOM (with from and to)."),
    from: day().optional().describe("CUSTOM period: first day, included (YYYY-MM-DD). Giving from/to implies CUSTOM."),
    to: day().optional().describe("CUSTOM period: last day, included (YYYY-MM-DD)."),
    as_of: day().optional().describe("Presets only: the day they count back from (default today)."),
  },
  outputSchema: {
    rep: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    period: z.object({ from: z.string(), to: z.string() }).describe("The period the plan is built from (both days included)."),
    areas: z
      .array(
        z.object({
          dimension: z.string().describe("Rubric dimension key."),
          name: z.string().describe("Dimension display name."),
          rubric_role: z.string(),
          priority: z.string().describe("HIGH, MEDIUM or LOW."),
          average: z.number().describe("The rep's average score on the dimension in the period."),
          team_average: z.number().nullable().describe("The same-role team's average (null when there is no team data)."),
          recommendations: z.array(
            z.object({
              action: z.string().describe("What to do differently."),
              example: moment.describe("Where it showed on the rep's own calls (their lowest score on the dimension)."),
              model: moment.describe("How a stronger same-role colleague handled it."),
            }),
          ),
          practice: z.array(z.object({ situation: z.string(), good_looks_like: z.array(z.string()) })).describe("Situations to rehearse."),
        }),
      )
      .describe("Up to three areas, most pressing first (empty when nothing trails)."),
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    if (input.rep_email && input.rep_id) throw new ToolInputError("give rep_email or rep_id, not both");
    let repId = input.rep_id;
    const email = input.rep_email;
    if (!repId && !email) {
      const { viewer } = await execute(ctx.client, ViewerDocument);
      if (!viewer.rep) throw new ToolInputError("give rep_email or rep_id: this token does not belong to a rep (use list_reps to find one)");
      repId = viewer.rep.id;
    }
    const custom = input.period === "CUSTOM" || (!input.period && (input.from || input.to));
    if (custom && (!input.from || !input.to)) throw new ToolInputError("a CUSTOM period needs both from and to (YYYY-MM-DD)");
    if (!custom && (input.from || input.to)) throw new ToolInputError(`from and to apply to CUSTOM periods only, not to ${input.period}`);
    const preset: PeriodPreset = custom ? "CUSTOM" : (input.period ?? "LAST_90_DAYS");
    const period = custom ? { preset, from: input.from, to: input.to } : { preset, asOf: input.as_of };

    const { coachingPlan: plan } = await execute(ctx.client, CoachingPlanDocument, { repId, email, period });
    const areas = plan.areas.map((a) => ({
      dimension: a.dimension,
      name: a.name,
      rubric_role: a.rubricRole,
      priority: a.priority,
      average: a.average,
      team_average: a.teamAverage ?? null,
      recommendations: a.recommendations.map((r) => ({ action: r.action, example: shapeMoment(r.example), model: shapeMoment(r.model) })),
      practice: a.practice.map((p) => ({ situation: p.situation, good_looks_like: p.goodLooksLike })),
    }));
    const lines = [`Coaching plan for ${plan.rep.name} <${plan.rep.email}>, calls from ${plan.period.from} to ${plan.period.to}:`];
    if (areas.length === 0) lines.push("No priority areas: no analysed calls in the period, or nothing trails the team. Try a longer period or analyze_call on recent calls.");
    areas.forEach((a, i) => {
      const team = a.team_average != null ? ` vs same-role team ${round1(a.team_average)}` : "";
      lines.push(`${i + 1}. ${a.name} (${a.priority} priority): average ${round1(a.average)}${team}`);
      const first = a.recommendations[0];
      if (first) {
        lines.push(`   Action: ${first.action}`);
        if (first.example) lines.push(`   On your call${first.example.call_title ? ` "${first.example.call_title}"` : ""}${first.example.at ? ` at ${first.example.at}` : ""}: "${first.example.quote}"`);
        if (first.model) lines.push(`   Stronger example (${first.model.speaker_name}, scored ${first.model.score}): "${first.model.quote}"`);
      }
    });
    return {
      summary: lines.join("\n"),
      data: { rep: { id: plan.rep.id, email: plan.rep.email, name: plan.rep.name }, period: { from: plan.period.from, to: plan.period.to }, areas },
    };
  },
});
