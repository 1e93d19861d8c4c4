import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import type { GraphQLContext } from "../../core/graphql/context";
import { CostMetrics } from "./cost.types";

@Resolver()
export class CostResolver {
  @Query(() => CostMetrics, {
    description: "What analysing calls cost: dollars and tokens per day and week, mean per call, prompt- and result-cache hit rates, projected month. Within your token's scope.",
  })
  async costMetrics(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => GraphQLDateTime, { nullable: true, description: "Start (inclusive); default 30 days before `to`." }) from?: Date | null,
    @Arg("to", () => GraphQLDateTime, { nullable: true, description: "End (exclusive); default now." }) to?: Date | null,
  ): Promise<CostMetrics> {
    return ctx.services.costs.metrics(ctx.viewer, { from, to });
  }
}
