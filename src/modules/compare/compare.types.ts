/** GraphQL shapes of `compareCalls`. */
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Call } from "../calls/call.entity";
import { Analysis } from "../analyses/analysis.entity";

@ObjectType({ description: "One dimension's scores across the compared calls." })
export class DimensionComparison {
  @Field({ description: "Rubric dimension key." })
  dimension: string;

  @Field(() => [Int], { nullable: "items", description: "Score on each call, in the order of `calls` (null where not scored)." })
  scores: (number | null)[];

  @Field(() => [Float], {
    nullable: "items",
    description: "Difference from the first call, in the order of `calls` (0 for the first; null where either is not scored).",
  })
  deltas: (number | null)[];

  @Field(() => [[String]], { description: "Per call: strengths noted on this call and on none of the others." })
  distinctStrengths: string[][];

  @Field(() => [[String]], { description: "Per call: improvements noted on this call and on none of the others." })
  distinctImprovements: string[][];
}

@ObjectType({ description: "One interaction metric of the scored person across the compared calls." })
export class MetricComparison {
  @Field({ description: "Metric name: talkRatio (0–1), longestMonologueMs, questionCount, questionRate, wordsPerMinute, interactivity, patienceMs, fillerWords, interruptions." })
  metric: string;

  @Field(() => [Float], { nullable: "items", description: "Value on each call, in the order of `calls` (null when not measured)." })
  values: (number | null)[];
}

@ObjectType({ description: "A moment of one compared call." })
export class MomentRef {
  @Field(() => Int, { description: "Index of the call in `calls`." })
  callIndex: number;

  @Field(() => Int, { description: "Milliseconds from the start of that call." })
  atMs: number;

  @Field({ description: "The moment, one line." })
  text: string;
}

@ObjectType({ description: "Key moments of different calls about the same thing (e.g. the pricing discussion on each)." })
export class MatchedMoments {
  @Field({ description: "What the moments share (their common significant words)." })
  theme: string;

  @Field(() => [MomentRef], { description: "One moment per call that has one, in call order." })
  moments: MomentRef[];
}

@ObjectType({ description: "Calls compared side by side, for one person's part in each." })
export class CallComparison {
  @Field(() => [Call], { description: "The compared calls, in the order asked." })
  calls: Call[];

  @Field(() => [Analysis], { nullable: "items", description: "The analysis compared on each call (null where the call has none for that person)." })
  analyses: (Analysis | null)[];

  @Field(() => [Float], { nullable: "items", description: "Overall score per call." })
  overallScores: (number | null)[];

  @Field(() => [DimensionComparison], { description: "Per dimension, scores side by side with deltas." })
  dimensions: DimensionComparison[];

  @Field(() => [MetricComparison], { description: "Interaction metrics of the scored person side by side." })
  metrics: MetricComparison[];

  @Field(() => [MatchedMoments], { description: "Key moments matched across calls by theme." })
  matchedMoments: MatchedMoments[];

  @Field(() => ID, { nullable: true, description: "The rep whose part of each call is compared (null: each call's primary rep)." })
  repId: string | null;
}
