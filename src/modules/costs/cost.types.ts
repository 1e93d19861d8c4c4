/** GraphQL shapes of the cost ledger (`costMetrics`). */
import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { TokenUsage } from "../analyses/analysis.types";

@ObjectType({ description: "Spend and volume in one day or week (boundaries in REVIEW_TZ)." })
export class CostPeriod {
  @Field(() => GraphQLDateTime, { description: "Start of the period (midnight in REVIEW_TZ; weeks start on Monday)." })
  start: Date;

  @Field(() => Float, { description: "US dollars spent on the Anthropic API." })
  usd: number;

  @Field(() => Int, { description: "Analyses finished in the period." })
  analyses: number;

  @Field(() => Int, { description: "Distinct calls those analyses scored." })
  calls: number;
}

@ObjectType({ description: "What analysing calls cost, from the per-analysis ledger (tokens and dollars at the price table of the time)." })
export class CostMetrics {
  @Field(() => GraphQLDateTime, { description: "Start of the window (inclusive)." })
  from: Date;

  @Field(() => GraphQLDateTime, { description: "End of the window (exclusive)." })
  to: Date;

  @Field(() => Float, { description: "US dollars in the window." })
  totalUsd: number;

  @Field(() => Int, { description: "Analyses finished in the window (any engine)." })
  analyses: number;

  @Field(() => Int, { description: "Distinct calls analysed in the window." })
  calls: number;

  @Field(() => Float, { description: "Mean dollars per analysed call." })
  meanUsdPerCall: number;

  @Field(() => Int, { description: "Requests made to the Anthropic API." })
  apiRequests: number;

  @Field(() => TokenUsage, { description: "Tokens in the window." })
  tokens: TokenUsage;

  @Field(() => Float, { nullable: true, description: "Share of prompt tokens read from the prompt cache (cache reads / all prompt tokens); null without prompt tokens." })
  promptCacheHitRate: number | null;

  @Field(() => Float, { nullable: true, description: "Share of dimension results reused from the result cache (no API request); null without results." })
  resultCacheHitRate: number | null;

  @Field(() => Float, { nullable: true, description: "Grounding rate: share of the quotes engines offered that were found in the transcript (the rest were dropped); null without quotes." })
  groundingRate: number | null;

  @Field(() => Float, { description: "Projected spend of a 30-day month at the mean daily spend of the last 7 days before `to`." })
  projectedMonthUsd: number;

  @Field(() => [CostPeriod], { description: "Per day, oldest first (days without analyses omitted)." })
  daily: CostPeriod[];

  @Field(() => [CostPeriod], { description: "Per week (Monday start), oldest first." })
  weekly: CostPeriod[];
}
