import { z } from "zod";
import { execute, SearchCallsDocument, type CallSearchFilter } from "../../../clients/execute";
import { ToolInputError } from "../results";
import { args, clock, defineTool, pageShape, READ_ONLY } from "../tool";
import { CALL_TYPES, dateTimeArg, OBJECTION_RESOLUTIONS, OBJECTION_TYPES, PRODUCTS, REP_ROLES, toDateTime } from "./schema-enums";

const score = () => z.number().min(0).max(100);

const hit = z.object({
  call: z.object({
    id: z.string().describe("Our call id (UUID): pass it to get_call or analyze_call."),
    gong_id: z.string().nullable(),
    title: z.string(),
    started_at: z.string(),
    duration_sec: z.number().int(),
    call_type: z.string(),
    product: z.string(),
    is_demo: z.boolean(),
    url: z.string().nullable().describe("Link to the call in Gong."),
    primary_rep: z.object({ email: z.string(), name: z.string(), role: z.string() }).nullable(),
  }),
  rank: z.number().nullable().describe("Relevance to `text` (higher is better); null without text."),
  snippets: z
    .array(z.object({ text: z.string(), speaker: z.string().nullable(), start_ms: z.number().int() }))
    .describe("Up to three matching transcript passages, matched words marked «like this» (empty without text)."),
});

export const searchCalls = defineTool({
  name: "search_calls",
  title: "Search calls",
  description:
    "Finds sales calls the token may read, by full-text search over transcripts and/or filters: rep (email or id), a manager's team, rep role, product, call type, date range, scores (overall or one rubric dimension), customer objections, participants (email or customer domain) and Gong trackers. All given filters must match. " +
    "With `text` the best matches come first with up to three highlighted snippets each (matched words marked «like this»); without it, newest first. " +
    "Returns each call's id (ours; Gong's too), title, date, type, product, Gong link and primary rep — pass the id to get_call for participants, scores and transcript, or to analyze_call. Paged: first (default 10, at most 50) and cursor.",
  inputSchema: {
    text: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('Words to find in the transcripts (web-search syntax: "exact phrase", OR, -word; stemmed English; all words in one utterance).'),
    rep_email: args.repEmail().optional().describe("Only calls this rep took part in (email)."),
    rep_id: z.string().trim().min(1).max(100).optional().describe("Only calls this rep took part in (our rep id, see list_reps)."),
    team_of: args.repEmail().optional().describe("Only calls of this manager's team: the manager (by email) and their direct reports."),
    role: z.enum(REP_ROLES).optional().describe("Only calls in which a rep of this role took part (AE, SE, CSM, OTHER)."),
    product: z.enum(PRODUCTS).optional().describe("Only calls about this product."),
    call_type: z.enum(CALL_TYPES).optional().describe("Only calls of this type."),
    from: dateTimeArg().optional().describe("Only calls that started at or after this instant (ISO-8601; a date alone = midnight UTC)."),
    to: dateTimeArg().optional().describe("Only calls that started before this instant (exclusive; a date alone = midnight UTC, so pass the day after the last day wanted)."),
    min_score: score().optional().describe("Score at least this, 0–100 (inclusive): the overall score, or the score of `dimension` when given."),
    max_score: score().optional().describe('Score below this, 0–100 (exclusive): "scored below 70" is max_score 70. The overall score, or that of `dimension`.'),
    dimension: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("A rubric dimension key (e.g. discovery; the rubric resources list them): min_score/max_score then bound that dimension; alone, the call must have a score for it."),
    objection_type: z.enum(OBJECTION_TYPES).optional().describe("Only calls where the customer raised an objection of this type."),
    objection_resolved: z
      .enum(OBJECTION_RESOLUTIONS)
      .optional()
      .describe("Only calls with an objection in this state: YES (resolved), NO or UNCLEAR; with objection_type, that same objection."),
    participant_email: z.string().trim().email("participant_email must be an email address").max(320).optional().describe("Only calls with this participant (either side)."),
    participant_domain: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "participant_domain must be a domain such as acme.com")
      .max(253)
      .optional()
      .describe("Only calls with a customer-side participant whose email is at this domain, e.g. acme.com."),
    tracker: z.string().trim().min(1).max(200).optional().describe('Only calls where this Gong tracker fired (tracker name, e.g. "Security").'),
    first: args.first(50, 10).describe("How many calls to return, 1–50 (default 10)."),
    cursor: args.cursor().optional(),
  },
  outputSchema: {
    hits: z.array(hit),
    ...pageShape,
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    if (input.min_score !== undefined && input.max_score !== undefined && input.min_score >= input.max_score) {
      throw new ToolInputError(`min_score (${input.min_score}) must be below max_score (${input.max_score}, exclusive).`);
    }
    const filter: CallSearchFilter = {
      text: input.text,
      repEmail: input.rep_email,
      repId: input.rep_id,
      teamOf: input.team_of,
      role: input.role,
      product: input.product,
      callType: input.call_type,
      from: toDateTime(input.from),
      to: toDateTime(input.to),
      minScore: input.min_score,
      maxScore: input.max_score,
      dimension: input.dimension,
      objectionType: input.objection_type,
      objectionResolved: input.objection_resolved,
      participantEmail: input.participant_email,
      participantDomain: input.participant_domain,
      tracker: input.tracker,
    };
    const { searchCalls: page } = await execute(ctx.client, SearchCallsDocument, { filter, first: input.first, after: input.cursor });

    const hits = page.edges.map(({ node }) => ({
      call: {
        id: node.call.id,
        gong_id: node.call.gongId ?? null,
        title: node.call.title,
        started_at: node.call.startedAt,
        duration_sec: node.call.durationSec,
        call_type: node.call.callType,
        product: node.call.product,
        is_demo: node.call.isDemo,
        url: node.call.url ?? null,
        primary_rep: node.call.primaryRep ? { email: node.call.primaryRep.email, name: node.call.primaryRep.name, role: node.call.primaryRep.role } : null,
      },
      rank: node.rank ?? null,
      snippets: node.snippets.map((s) => ({ text: s.text, speaker: s.speakerName ?? null, start_ms: s.startMs })),
    }));
    const next = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;

    const lines = hits.map((h, i) => {
      const c = h.call;
      const head = `${i + 1}. ${c.title} — ${c.started_at.slice(0, 10)}, ${c.call_type}, ${c.product}${c.primary_rep ? `, ${c.primary_rep.name}` : ""} (id ${c.id})`;
      const snip = h.snippets[0] ? `\n   “${h.snippets[0].text}” — ${h.snippets[0].speaker ?? "?"} at ${clock(h.snippets[0].start_ms)}` : "";
      return head + snip;
    });
    const summary = [
      page.totalCount === 0
        ? "No call matches (or none is visible to this token)."
        : `${page.totalCount} call(s) match; showing ${hits.length}${next ? " (more: pass next_cursor as cursor)" : ""}.`,
      ...lines,
    ].join("\n");

    return { summary, data: { hits, total_count: page.totalCount, next_cursor: next } };
  },
});
