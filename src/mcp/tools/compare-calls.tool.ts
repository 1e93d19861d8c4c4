import { z } from "zod";
import { CompareCallsDocument, execute } from "../../../clients/execute";
import { args, clock, defineTool, READ_ONLY } from "../tool";

const METRIC_LABELS: Record<string, string> = {
  talkRatio: "talk ratio",
  longestMonologueMs: "longest monologue",
  questionCount: "questions",
  questionRate: "questions/min",
  wordsPerMinute: "words/min",
  interactivity: "interactivity",
  patienceMs: "patience",
  fillerWords: "filler words",
  interruptions: "interruptions",
};

function metricValue(metric: string, v: number | null): string {
  if (v == null) return "–";
  if (metric === "talkRatio") return `${Math.round(v * 100)}%`;
  if (metric.endsWith("Ms")) return clock(v);
  return String(Math.round(v * 10) / 10);
}

const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

export const compareCalls = defineTool({
  name: "compare_calls",
  title: "Compare calls",
  description:
    "Puts 2 to 5 analysed calls side by side for one person's part in each (default: each call's primary rep): overall and per-dimension scores with the change from the first call (the baseline), strengths and improvements seen on only one of the calls, interaction metrics (talk ratio, questions, monologues …) and key moments matched by theme across the calls. " +
    "Use it to show progress between calls or what differed on a call that went better. A call without an analysis for that person shows null scores: run analyze_call on it first.",
  inputSchema: {
    call_ids: z
      .array(args.callId())
      .min(2, "compare_calls needs at least 2 call ids")
      .max(5, "compare_calls takes at most 5 call ids")
      .describe("2 to 5 call ids (ours or Gong's), in the order to show; the first is the baseline for the deltas."),
    rep_email: args.repEmail().optional().describe("Whose part of each call to compare (default: each call's primary rep)."),
    dimensions: z.array(z.string().trim().min(1).max(100)).min(1).max(30).optional().describe("Only these rubric dimension keys (default: all)."),
  },
  outputSchema: {
    rep_id: z.string().nullable().describe("The rep compared (null: each call's primary rep)."),
    calls: z.array(
      z.object({
        id: z.string(),
        gong_id: z.string().nullable(),
        title: z.string(),
        started_at: z.string(),
        call_type: z.string(),
        overall_score: z.number().nullable().describe("Overall score of the person on this call (null when not analysed)."),
      }),
    ),
    dimensions: z.array(
      z.object({
        dimension: z.string(),
        scores: z.array(z.number().int().nullable()).describe("Score per call, in the order of `calls` (null when not scored)."),
        deltas: z.array(z.number().nullable()).describe("Change from the first call (0 for the first; null where either is not scored)."),
        distinct_strengths: z.array(z.array(z.string())).describe("Per call: strengths noted on that call only."),
        distinct_improvements: z.array(z.array(z.string())).describe("Per call: improvements noted on that call only."),
      }),
    ),
    metrics: z.array(z.object({ metric: z.string(), values: z.array(z.number().nullable()).describe("Value per call (null when not measured).") })),
    matched_moments: z.array(
      z.object({
        theme: z.string().describe("What the moments share."),
        moments: z.array(z.object({ call_index: z.number().int().describe("Index into `calls`."), at_ms: z.number().int(), at: z.string(), text: z.string() })),
      }),
    ),
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    const { compareCalls: c } = await execute(ctx.client, CompareCallsDocument, { ids: input.call_ids, repEmail: input.rep_email, dimensions: input.dimensions });
    const calls = c.calls.map((x, i) => ({
      id: x.id,
      gong_id: x.gongId ?? null,
      title: x.title,
      started_at: x.startedAt,
      call_type: x.callType,
      overall_score: c.overallScores[i] ?? null,
    }));
    const lines = [`Comparing ${calls.length} calls${input.rep_email ? ` for ${input.rep_email}` : " (each call's primary rep)"}; call 1 is the baseline.`];
    calls.forEach((x, i) => lines.push(`${i + 1}. ${x.title} — ${x.started_at.slice(0, 10)}, ${x.call_type}: overall ${x.overall_score ?? "not analysed"}`));
    const changes = c.dimensions
      .flatMap((d) => d.deltas.map((delta, i) => ({ d: d.dimension, i, delta })))
      .filter((x): x is { d: string; i: number; delta: number } => x.i > 0 && x.delta != null && x.delta !== 0)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
      .slice(0, 4);
    if (changes.length) lines.push(`Largest changes from call 1: ${changes.map((x) => `${x.d} ${signed(x.delta)} on call ${x.i + 1}`).join(", ")}.`);
    for (const m of c.metrics.filter((m) => ["talkRatio", "questionCount", "longestMonologueMs"].includes(m.metric))) {
      lines.push(`${METRIC_LABELS[m.metric] ?? m.metric}: ${m.values.map((v) => metricValue(m.metric, v ?? null)).join(" → ")}`);
    }
    const unanalysed = calls.map((x, i) => (x.overall_score == null ? i + 1 : null)).filter((x) => x !== null);
    if (unanalysed.length) lines.push(`Not analysed for this person: call(s) ${unanalysed.join(", ")} — run analyze_call on them first.`);
    if (c.matchedMoments.length) lines.push(`${c.matchedMoments.length} moment theme(s) matched across calls (see matched_moments).`);
    return {
      summary: lines.join("\n"),
      data: {
        rep_id: c.repId ?? null,
        calls,
        dimensions: c.dimensions.map((d) => ({
          dimension: d.dimension,
          scores: d.scores.map((s) => s ?? null),
          deltas: d.deltas.map((s) => s ?? null),
          distinct_strengths: d.distinctStrengths,
          distinct_improvements: d.distinctImprovements,
        })),
        metrics: c.metrics.map((m) => ({ metric: m.metric, values: m.values.map((v) => v ?? null) })),
        matched_moments: c.matchedMoments.map((t) => ({
          theme: t.theme,
          moments: t.moments.map((m) => ({ call_index: m.callIndex, at_ms: m.atMs, at: clock(m.atMs), text: m.text })),
        })),
      },
    };
  },
});
