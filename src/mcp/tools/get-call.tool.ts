import { z } from "zod";
import { CallForAssistantDocument, execute, type CallForAssistantQuery } from "../../../clients/execute";
import { RESULT_BUDGET_CHARS } from "../results";
import { args, clock, defineTool, READ_ONLY } from "../tool";

/** The server's default page cap: a larger transcript page is fetched as two consecutive slices. */
const SLICE = 100;
/** Room kept for the notes this tool and the result wrapper add. */
const BUDGET = RESULT_BUDGET_CHARS - 2_000;

const repRef = z.object({ id: z.string(), email: z.string(), name: z.string() });

const callShape = z.object({
  id: z.string().describe("Our call id (UUID)."),
  gong_id: z.string().nullable().describe("Gong's call id; null for calls not imported from Gong."),
  title: z.string(),
  started_at: z.string().describe("Start, ISO-8601 (UTC)."),
  duration_sec: z.number().int(),
  call_type: z.string().describe("DISCOVERY, DEMO, TECHNICAL_DEEP_DIVE, NEGOTIATION, RENEWAL, QBR, ONBOARDING or OTHER."),
  product: z.string().describe("PREFECT, HORIZON, BOTH or UNKNOWN."),
  source: z.string(),
  is_demo: z.boolean(),
  url: z.string().nullable().describe("Link to the call in Gong."),
  scope: z.string().nullable(),
  language: z.string().nullable(),
  direction: z.string().nullable(),
  primary_rep: repRef.extend({ role: z.string() }).nullable().describe("The rep who hosted the call."),
});

const participant = z.object({
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  side: z.string().describe("INTERNAL (our side), EXTERNAL (customer) or UNKNOWN."),
  rep: repRef.extend({ role: z.string() }).nullable().describe("The rep, when the participant is one of ours."),
});

const metric = z.object({
  side: z.string(),
  participant: z.string().nullable().describe("Participant name; null on the two whole-side rows (INTERNAL, EXTERNAL)."),
  talk_ms: z.number().int(),
  talk_ratio: z.number().describe("Share of all speaking time, 0–1."),
  longest_monologue_ms: z.number().int(),
  question_count: z.number().int(),
  question_rate: z.number().describe("Questions per minute of the call."),
  words_per_minute: z.number().nullable(),
  filler_words: z.number().int(),
  interruptions: z.number().int(),
  interactivity: z.number().nullable().describe("Speaker switches per minute."),
  patience_ms: z.number().int().nullable().describe("Mean pause before taking the floor after the customer stopped."),
});

const analysis = z.object({
  analysis_id: z.string(),
  rep: repRef.nullable().describe("The person whose part of the call was scored."),
  status: z.string().describe("QUEUED, RUNNING, COMPLETED, PARTIAL or FAILED."),
  engine: z.string().describe("CLAUDE or HEURISTIC."),
  rubric_role: z.string().describe("The rubric applied: AE, SE or CSM."),
  overall_score: z.number().nullable().describe("Weighted overall score 0–100 (null until scored)."),
  summary: z.string().nullable(),
  error: z.string().nullable(),
  completed_at: z.string().nullable(),
  dimensions: z
    .array(
      z.object({
        dimension: z.string(),
        score: z.number().int().nullable().describe("0–100; null when the dimension failed."),
        low_confidence: z.boolean(),
        error: z.string().nullable(),
      }),
    )
    .describe("Per-dimension scores (rationale and evidence: analyze_call)."),
});

const segment = z.object({
  seq: z.number().int().describe("Position in the transcript, from 0."),
  speaker: z.string().nullable(),
  start_ms: z.number().int(),
  end_ms: z.number().int(),
  text: z.string(),
  topic: z.string().nullable(),
});

type Segment = z.output<typeof segment>;
type Data = CallForAssistantQuery["call"];

export const getCall = defineTool({
  name: "get_call",
  title: "Get a call",
  description:
    "Returns one sales call by id — our call id (UUID) or Gong's call id (a string of digits), e.g. from search_calls — with its metadata (title, date, duration, call type, product, Gong link, primary rep), the participants and their side (INTERNAL = ours, EXTERNAL = customer), interaction metrics (talk ratio, monologues, questions, patience …), the current analysis of each scored rep in brief (status, overall score, summary, per-dimension scores) and one page of the transcript. " +
    "Page the transcript with transcript_offset / transcript_limit (default 50 segments, at most 200; the answer states the total and the next offset; transcript_limit 0 skips the transcript). " +
    "For the rationale, evidence quotes, objections and key moments of an analysis use analyze_call. A call outside the token's scope answers NOT_FOUND.",
  inputSchema: {
    call_id: args.callId(),
    transcript_offset: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .describe("How many transcript segments to skip (default 0 = from the start). Use the transcript.next_offset of a previous answer to continue."),
    transcript_limit: z
      .number()
      .int()
      .min(0)
      .max(200)
      .default(50)
      .describe("How many transcript segments to return, 0–200 (default 50; 0 = metadata, metrics and analyses only)."),
  },
  outputSchema: {
    call: callShape,
    participants: z.array(participant).describe("Everyone on the call, our side first."),
    metrics: z.array(metric).describe("Interaction metrics: our side, the customer's side, then each participant."),
    analyses: z.array(analysis).describe("Current analyses of the call, one per scored rep (empty when not analysed yet: use analyze_call)."),
    transcript: z.object({
      total_segments: z.number().int().describe("Segments in the whole transcript."),
      offset: z.number().int().describe("Index of the first segment returned."),
      returned: z.number().int(),
      next_offset: z.number().int().nullable().describe("Pass as transcript_offset to read on; null when this page reaches the end."),
      segments: z.array(segment),
    }),
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    const offset = input.transcript_offset;
    const limit = input.transcript_limit;
    const first = Math.min(Math.max(limit, 1), SLICE);
    const withMore = limit > SLICE;
    const { call } = await execute(ctx.client, CallForAssistantDocument, {
      id: input.call_id,
      segmentsFirst: first,
      segmentsOffset: offset,
      withMore,
      ...(withMore ? { moreFirst: limit - SLICE, moreOffset: offset + SLICE } : {}),
    });

    const total = call.segments.totalCount;
    const fetched: Segment[] = limit === 0 ? [] : [...call.segments.edges, ...(call.moreSegments?.edges ?? [])].map(({ node: s }) => ({
      seq: s.seq,
      speaker: s.speakerName ?? null,
      start_ms: s.startMs,
      end_ms: s.endMs,
      text: s.text,
      topic: s.topic ?? null,
    }));

    const notes: string[] = [];
    const base = {
      call: callOf(call),
      participants: call.participants.map((p) => ({
        name: p.name,
        email: p.email ?? null,
        title: p.title ?? null,
        side: p.side,
        rep: p.rep ? { id: p.rep.id, email: p.rep.email, name: p.rep.name, role: p.rep.role } : null,
      })),
      metrics: call.metrics.map((m) => ({
        side: m.side,
        participant: m.participant?.name ?? null,
        talk_ms: m.talkMs,
        talk_ratio: m.talkRatio,
        longest_monologue_ms: m.longestMonologueMs,
        question_count: m.questionCount,
        question_rate: m.questionRate,
        words_per_minute: m.wordsPerMinute ?? null,
        filler_words: m.fillerWords,
        interruptions: m.interruptions,
        interactivity: m.interactivity ?? null,
        patience_ms: m.patienceMs ?? null,
      })),
      analyses: call.analyses.map((a) => ({
        analysis_id: a.id,
        rep: a.rep ? { id: a.rep.id, email: a.rep.email, name: a.rep.name } : null,
        status: a.status,
        engine: a.engine,
        rubric_role: a.rubricRole,
        overall_score: a.overallScore ?? null,
        summary: a.summary ?? null,
        error: a.error ?? null,
        completed_at: a.completedAt ?? null,
        dimensions: a.dimensionResults.map((d) => ({
          dimension: d.dimension,
          score: d.score ?? null,
          low_confidence: d.lowConfidence,
          error: d.error ?? null,
        })),
      })),
    };

    // Keep the answer under the budget by returning fewer segments (and saying where to continue),
    // rather than letting the generic cut hide which segments were left out.
    const segments = [...fetched];
    const size = () => JSON.stringify({ ...base, transcript: { segments } }, null, 1).length + 2_000;
    while (segments.length > 1 && size() > BUDGET) segments.length = Math.max(1, Math.floor(segments.length * 0.8));
    const shown = segments.length;
    const end = offset + shown;
    const nextOffset = limit > 0 && end < total ? end : null;
    if (shown < fetched.length) {
      notes.push(
        `The transcript page was cut from ${fetched.length} to ${shown} segments to stay under ~25,000 tokens; continue with transcript_offset=${end}.`,
      );
    }
    if (limit > 0 && offset >= total) notes.push(`transcript_offset ${offset} is past the end: the transcript has ${total} segments (0–${Math.max(total - 1, 0)}).`);

    const transcriptLine =
      limit === 0
        ? `Transcript: ${total} segments (not requested; pass transcript_limit to read it).`
        : shown === 0
          ? `Transcript: ${total} segments; none at offset ${offset}.`
          : `Transcript: segments ${offset}–${end - 1} of ${total} (${clock(segments[0].start_ms)}–${clock(segments[shown - 1].end_ms)})` +
            (nextOffset !== null ? `; next page: transcript_offset=${nextOffset}.` : "; end of transcript.");

    const summary = [
      `${call.title} — ${call.callType}, ${call.product}, ${call.startedAt.slice(0, 16).replace("T", " ")} UTC, ${clock(call.durationSec * 1000)} long` +
        (call.primaryRep ? `; primary rep ${call.primaryRep.name} <${call.primaryRep.email}> (${call.primaryRep.role})` : "") +
        `. Id ${call.id}${call.gongId ? `, Gong ${call.gongId}` : ""}${call.url ? `, ${call.url}` : ""}.`,
      `Participants: ${base.participants.map((p) => `${p.name} (${p.side}${p.rep ? `, ${p.rep.role}` : p.title ? `, ${p.title}` : ""})`).join("; ") || "none recorded"}.`,
      base.analyses.length === 0
        ? "Analyses: none yet — analyze_call scores the call."
        : `Analyses: ${base.analyses
            .map((a) => `${a.rep?.name ?? "?"} (${a.rubric_role}) ${a.status}${a.overall_score !== null ? `, overall ${Math.round(a.overall_score)}` : ""} [${a.engine}]`)
            .join("; ")}. Details (rationale, evidence, objections): analyze_call.`,
      transcriptLine,
    ].join("\n");

    return {
      summary,
      data: {
        ...base,
        transcript: { total_segments: total, offset, returned: shown, next_offset: nextOffset, segments },
        ...(notes.length ? { notes } : {}),
      },
    };
  },
});

function callOf(call: Data): z.output<typeof callShape> {
  return {
    id: call.id,
    gong_id: call.gongId ?? null,
    title: call.title,
    started_at: call.startedAt,
    duration_sec: call.durationSec,
    call_type: call.callType,
    product: call.product,
    source: call.source,
    is_demo: call.isDemo,
    url: call.url ?? null,
    scope: call.scope ?? null,
    language: call.language ?? null,
    direction: call.direction ?? null,
    primary_rep: call.primaryRep
      ? { id: call.primaryRep.id, email: call.primaryRep.email, name: call.primaryRep.name, role: call.primaryRep.role }
      : null,
  };
}
