import { Field, Float, Int, ObjectType } from "type-graphql";
import { connectionType } from "../../core/graphql/connection";

/** Marks around the matched words in snippet text (not HTML: transcript text is not escaped). */
export const HIGHLIGHT_START = "«";
export const HIGHLIGHT_STOP = "»";

/** One transcript segment that matched the search text, with the matched words highlighted. */
@ObjectType({
  description:
    "A transcript segment that matched the search text. The matched words are wrapped in « and » (plain text, not HTML); a long segment is cut to the passage around them.",
})
export class CallSearchSnippet {
  @Field({ description: "The segment's text (or the passage of it around the match) with matched words marked «like this»." })
  text: string;

  @Field(() => String, { nullable: true, description: "Who said it (null when the transcript does not say)." })
  speakerName: string | null;

  @Field(() => Int, { description: "Start of the segment, in milliseconds from the start of the call." })
  startMs: number;

  @Field(() => Int, { description: "End of the segment, in milliseconds from the start of the call." })
  endMs: number;

  /** Internal: which call it belongs to (for the batching loader). */
  callId: string;
}

/** One call found by searchCalls. `call` and `snippets` are resolved through request-scoped loaders. */
@ObjectType({ description: "A call found by searchCalls, with how well it matched the search text and where." })
export class CallSearchHit {
  /** Our id of the call. */
  callId: string;

  /** When the call started (the sort key without text; null with text, where rank is the key). */
  startedAt: Date | null;

  /** The search text the hit was found with (null without text): snippets are highlighted for it. */
  text: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Relevance to the search text: the sum of PostgreSQL ts_rank over the call's matching segments (higher is better; rounded to 6 decimals). Null without text.",
  })
  rank: number | null;
}

export const CallSearchHitConnection = connectionType(CallSearchHit, "CallSearchHit", "search hit");
export type CallSearchHitConnection = InstanceType<typeof CallSearchHitConnection>;
