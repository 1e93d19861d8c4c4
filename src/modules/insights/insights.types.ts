/** GraphQL shapes of repInsights and trends. */
import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLDateTime, GraphQLLocalDate } from "graphql-scalars";
import { Rep, RepRole } from "../reps/rep.entity";
import { CallType, Product } from "../calls/call.enums";
import { GapPriority, Granularity, InteractionMetric, PeriodPreset, TargetStatus, TrendDirection } from "./insights.enums";

@ObjectType({ description: "A resolved period of call dates in REVIEW_TZ." })
export class InsightPeriod {
  @Field(() => PeriodPreset, { description: "The preset asked for." })
  preset: PeriodPreset;

  @Field(() => GraphQLLocalDate, { description: "First day, included." })
  from: string;

  @Field(() => GraphQLLocalDate, { description: "Last day, included." })
  to: string;

  @Field(() => Int, { description: "Days from `from` to `to`, both included." })
  days: number;

  @Field({ description: "The zone call dates are read in (REVIEW_TZ)." })
  timeZone: string;

  @Field(() => GraphQLDateTime, { description: "The first instant of the period (midnight of `from` in REVIEW_TZ)." })
  startsAt: Date;

  @Field(() => GraphQLDateTime, { description: "The instant after the period (midnight after `to` in REVIEW_TZ; exclusive)." })
  endsAt: Date;
}

@ObjectType({ description: "One week or month of a series. Buckets without scores are present with count 0, so thin data shows." })
export class TrendBucket {
  @Field(() => GraphQLLocalDate, { description: "First day of the bucket (a Monday, or the 1st of a month). The first bucket may start before the range; only days in the range count." })
  start: string;

  @Field(() => GraphQLDateTime, { description: "The bucket's first instant (midnight of `start` in REVIEW_TZ)." })
  startsAt: Date;

  @Field(() => Float, { nullable: true, description: "Mean score 0–100 of the bucket's scored dimension results; null when count is 0." })
  average: number | null;

  @Field(() => Int, { description: "Scored dimension results in the bucket (for one dimension: one per analysed call)." })
  count: number;
}

@ObjectType({ description: "One rubric dimension of a rep over a period, against the same-role team." })
export class DimensionInsight {
  @Field({ description: "Dimension key from the rubric (e.g. discovery)." })
  dimension: string;

  @Field(() => RepRole, { description: "The rubric (role) the dimension belongs to." })
  rubricRole: RepRole;

  @Field(() => Float, { description: "The rep's mean score 0–100 on this dimension in the period." })
  average: number;

  @Field(() => Int, { description: "The rep's scored results behind the average (one per analysed call)." })
  count: number;

  @Field(() => Float, { nullable: true, description: "Mean score of every rep scored on this rubric (same role, the rep included) in the period: each scored result counts once. Aggregate only." })
  teamAverage: number | null;

  @Field(() => Int, { description: "Scored results behind the team average." })
  teamCount: number;

  @Field(() => Int, { description: "Reps behind the team average (no identities are exposed)." })
  teamRepCount: number;

  @Field(() => Float, { nullable: true, description: "average − teamAverage, in points; negative = below the team." })
  gap: number | null;

  @Field(() => GapPriority, { description: "HIGH when gap ≤ −10 or average < 60; MEDIUM when gap ≤ −5; else LOW." })
  priority: GapPriority;

  @Field(() => Float, { nullable: true, description: "Least-squares slope of the weekly averages, points per week (null with fewer than 3 weeks with scores)." })
  slopePerWeek: number | null;

  @Field(() => TrendDirection, { description: "IMPROVING (slope ≥ +1/week), DECLINING (≤ −1), STEADY, or INSUFFICIENT_DATA." })
  direction: TrendDirection;

  @Field(() => [TrendBucket], { description: "Weekly series over the period (Monday weeks in REVIEW_TZ, empty weeks with count 0)." })
  weekly: TrendBucket[];
}

@ObjectType({ description: "An acceptable range for an interaction metric on a call type, and where it comes from." })
export class MetricTargetRange {
  @Field(() => Float, { nullable: true, description: "Lowest value on target (null: no lower bound)." })
  min: number | null;

  @Field(() => Float, { nullable: true, description: "Highest value on target (null: no upper bound)." })
  max: number | null;

  @Field(() => Float, { nullable: true, description: "The figure the range is built around, when there is one." })
  ideal: number | null;

  @Field({ description: "Where the figure comes from (published benchmark, or a call-coach default)." })
  source: string;
}

@ObjectType({ description: "The rep's mean of one interaction metric on one call type, against its target." })
export class MetricVsTarget {
  @Field(() => InteractionMetric, { description: "Which metric." })
  metric: InteractionMetric;

  @Field({ description: "Unit of `average` and the target (ms, share 0–1, per call, per minute)." })
  unit: string;

  @Field(() => Float, { nullable: true, description: "Mean over the calls that have the metric; null when none has." })
  average: number | null;

  @Field(() => Int, { description: "Calls behind the mean." })
  calls: number;

  @Field(() => MetricTargetRange, { nullable: true, description: "The target on this call type (null: none agreed; the value is shown for trends)." })
  target: MetricTargetRange | null;

  @Field(() => TargetStatus, { description: "Where the mean falls against the target." })
  status: TargetStatus;
}

@ObjectType({ description: "A rep's interaction metrics on the calls of one type in the period." })
export class CallTypeMetrics {
  @Field(() => CallType, { description: "The call type (targets depend on it)." })
  callType: CallType;

  @Field(() => Int, { description: "The rep's calls of this type in the period that have metrics." })
  calls: number;

  @Field(() => [MetricVsTarget], { description: "One entry per interaction metric." })
  metrics: MetricVsTarget[];
}

@ObjectType({ description: "Objections of one type on a rep's calls in the period, and how often they were resolved." })
export class ObjectionStat {
  @Field({ description: "Category: PRICING, TIMING, COMPETITION, SECURITY, TECHNICAL_FIT, AUTHORITY, NEED or OTHER." })
  type: string;

  @Field(() => Int, { description: "Objections of this type." })
  count: number;

  @Field(() => Int, { description: "Resolved: the customer confirmed it was addressed (YES)." })
  resolved: number;

  @Field(() => Int, { description: "Not resolved (NO)." })
  unresolved: number;

  @Field(() => Int, { description: "Unclear whether resolved (UNCLEAR)." })
  unclear: number;

  @Field(() => Float, { description: "resolved / count (YES over all, UNCLEAR counting as not resolved)." })
  resolutionRate: number;
}

@ObjectType({ description: "How one rep is doing over a period: scores by dimension against the same-role team, trends, interaction metrics against targets, and objections." })
export class RepInsights {
  @Field(() => Rep, { description: "The rep." })
  rep: Rep;

  @Field(() => InsightPeriod, { description: "The period, resolved to days in REVIEW_TZ." })
  period: InsightPeriod;

  @Field(() => Product, { nullable: true, description: "Only calls about this product counted (null: all calls)." })
  product: Product | null;

  @Field(() => [RepRole], { description: "Rubrics the rep was scored on in the period (usually one)." })
  rubricRoles: RepRole[];

  @Field(() => Int, { description: "Current (not superseded) analyses of the rep with at least one score in the period." })
  analyses: number;

  @Field(() => Float, { nullable: true, description: "Mean of all the rep's dimension scores in the period (unweighted; not the weighted overall score)." })
  average: number | null;

  @Field(() => Float, { nullable: true, description: "The same mean over the same-role team (aggregate only)." })
  teamAverage: number | null;

  @Field(() => [TrendBucket], { description: "Weekly mean of all the rep's dimension scores over the period." })
  weekly: TrendBucket[];

  @Field(() => [DimensionInsight], { description: "Every dimension the rep was scored on, by rubric and dimension key." })
  dimensions: DimensionInsight[];

  @Field(() => [DimensionInsight], { description: "The same dimensions ranked by gap to the team, most negative first (ties: lower average first)." })
  gaps: DimensionInsight[];

  @Field(() => [DimensionInsight], { description: "Dimensions IMPROVING over the period, steepest first." })
  improving: DimensionInsight[];

  @Field(() => [DimensionInsight], { description: "Dimensions DECLINING over the period, steepest first." })
  declining: DimensionInsight[];

  @Field(() => [CallTypeMetrics], { description: "Interaction metrics on the rep's calls in the period, per call type, against targets." })
  metrics: CallTypeMetrics[];

  @Field(() => [ObjectionStat], { description: "Objections on the rep's analysed calls in the period by type, most frequent first." })
  objections: ObjectionStat[];
}

@ObjectType({ description: "The series of one rep." })
export class RepTrend {
  @Field(() => Rep, { description: "The rep." })
  rep: Rep;

  @Field(() => Float, { nullable: true, description: "Mean over the whole range (null without scores)." })
  average: number | null;

  @Field(() => Int, { description: "Scored results over the whole range." })
  count: number;

  @Field(() => [TrendBucket], { description: "One bucket per week or month of the range, empty ones with count 0." })
  buckets: TrendBucket[];
}

@ObjectType({ description: "The series of the selected reps together." })
export class TeamTrend {
  @Field(() => Int, { description: "Reps selected (in your scope)." })
  repCount: number;

  @Field(() => Float, { nullable: true, description: "Mean over the whole range of every selected rep's scored results (null without scores)." })
  average: number | null;

  @Field(() => Int, { description: "Scored results over the whole range." })
  count: number;

  @Field(() => [TrendBucket], { description: "One bucket per week or month, every selected rep's results together (each result counts once)." })
  buckets: TrendBucket[];
}

@ObjectType({ description: "Score series per rep and for the team, by call date in REVIEW_TZ." })
export class Trends {
  @Field(() => GraphQLLocalDate, { description: "First day, included." })
  from: string;

  @Field(() => GraphQLLocalDate, { description: "Last day, included." })
  to: string;

  @Field(() => Granularity, { description: "Bucket size." })
  granularity: Granularity;

  @Field(() => String, { nullable: true, description: "The dimension (null: every dimension's scores together)." })
  dimension: string | null;

  @Field({ description: "The zone call dates are read in (REVIEW_TZ)." })
  timeZone: string;

  @Field(() => TeamTrend, { description: "The selected reps together." })
  team: TeamTrend;

  @Field(() => [RepTrend], { description: "One series per selected rep, by name." })
  reps: RepTrend[];
}
