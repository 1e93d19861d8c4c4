import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { GraphQLContext } from "../../core/graphql/context";
import { Product } from "../calls/call.enums";
import { RepRole } from "../reps/rep.entity";
import { Granularity, PeriodPreset } from "./insights.enums";
import { PeriodInput } from "./dto/period.input";
import { RepInsights, Trends } from "./insights.types";

@Resolver()
export class InsightsResolver {
  @Query(() => RepInsights, {
    description:
      "How one rep is doing over a period of call dates (REVIEW_TZ): per-dimension averages and weekly series, gaps to the same-role team average ranked with a priority, improving and declining dimensions, interaction metrics against call-type targets, and objections with their resolution rate. Give repId or email. NOT_FOUND for a rep outside your scope (a REP sees only their own insights).",
  })
  async repInsights(
    @Ctx() ctx: GraphQLContext,
    @Arg("repId", () => ID, { nullable: true, description: "Our rep id." }) repId?: string,
    @Arg("email", () => String, { nullable: true, description: "The rep's email address." }) email?: string,
    @Arg("period", () => PeriodInput, { nullable: true, description: "Which call dates count (default: the last 30 days)." }) period?: PeriodInput,
    @Arg("product", () => Product, { nullable: true, description: "Only calls about this product (exact match; default: all calls)." }) product?: Product,
  ): Promise<RepInsights> {
    return ctx.services.insights.repInsights(ctx.viewer, {
      repId,
      email,
      period: period ?? { preset: PeriodPreset.LAST_30_DAYS },
      product,
    });
  }

  @Query(() => Trends, {
    description:
      "Score series by week or month of the call date (REVIEW_TZ) for each selected rep and for them together, with counts so thin data shows. Select with at most one of repIds, teamOf or role (none: every rep in your scope). NOT_FOUND for a named rep outside your scope.",
  })
  async trends(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => GraphQLLocalDate, { description: "First call date, included (YYYY-MM-DD in REVIEW_TZ)." }) from: string,
    @Arg("to", () => GraphQLLocalDate, { description: "Last call date, included (YYYY-MM-DD in REVIEW_TZ)." }) to: string,
    @Arg("granularity", () => Granularity, { defaultValue: Granularity.WEEK, description: "WEEK (Monday start, the default) or MONTH." })
    granularity: Granularity,
    @Arg("repIds", () => [ID], { nullable: true, description: "These reps (our ids)." }) repIds?: string[],
    @Arg("teamOf", () => String, { nullable: true, description: "The direct reports of this manager (rep id or email; the manager is not included)." })
    teamOf?: string,
    @Arg("role", () => RepRole, { nullable: true, description: "Every rep with this role." }) role?: RepRole,
    @Arg("dimension", () => String, { nullable: true, description: "One rubric dimension key (e.g. discovery); default: every dimension's scores together." })
    dimension?: string,
  ): Promise<Trends> {
    return ctx.services.trends.trends(ctx.viewer, { repIds, teamOf, role, dimension, granularity, from, to });
  }
}
