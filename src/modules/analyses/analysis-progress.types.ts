/** GraphQL shapes of analysis progress events (`analysisProgress` subscription). */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";

/** State of one dimension (or, on the final event, of the whole analysis). */
export enum ProgressState {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  CACHED = "CACHED",
  COMPLETED = "COMPLETED",
  FAILED = "FAILED",
}
registerEnumType(ProgressState, {
  name: "ProgressState",
  description: "QUEUED, RUNNING, CACHED (reused from an identical earlier analysis, no API request), COMPLETED or FAILED.",
});

@ObjectType({ description: "A change of state of one dimension of an analysis, or (dimension null) the analysis's final state." })
export class AnalysisProgressEvent {
  @Field(() => ID, { description: "The analysis." })
  analysisId: string;

  @Field(() => ID, { description: "The analysed call." })
  callId: string;

  @Field(() => ID, { nullable: true, description: "The rep whose part is scored (null for a speaker without a rep record)." })
  repId: string | null;

  @Field(() => String, { nullable: true, description: "Rubric dimension key; null on the final event of the analysis." })
  dimension: string | null;

  @Field(() => ProgressState, { description: "New state. On the final event: COMPLETED (also for PARTIAL, see message) or FAILED." })
  state: ProgressState;

  @Field(() => Int, { nullable: true, description: "The dimension's score once COMPLETED or CACHED." })
  score: number | null;

  @Field(() => Float, { nullable: true, description: "Weighted overall score (final event only)." })
  overallScore: number | null;

  @Field(() => String, { nullable: true, description: "Why a dimension or analysis failed, or a note (low confidence, partial)." })
  message: string | null;

  @Field(() => GraphQLDateTime, { description: "When the state changed." })
  at: Date;
}
