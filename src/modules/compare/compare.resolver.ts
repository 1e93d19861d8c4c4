import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { CallComparison } from "./compare.types";

@Resolver()
export class CompareResolver {
  @Query(() => CallComparison, {
    description:
      "Two to five calls side by side for one person's part in each: dimension scores with deltas from the first call, strengths and improvements only one call shows, interaction metrics, and key moments matched by theme. NOT_FOUND for a call outside your scope.",
  })
  async compareCalls(
    @Arg("ids", () => [ID], { description: "2 to 5 call ids (ours or Gong's); the first is the baseline for deltas." }) ids: string[],
    @Ctx() ctx: GraphQLContext,
    @Arg("repEmail", () => String, { nullable: true, description: "Whose part to compare (default: each call's primary rep)." }) repEmail?: string | null,
    @Arg("dimensions", () => [String], { nullable: true, description: "Only these dimension keys." }) dimensions?: string[] | null,
  ): Promise<CallComparison> {
    return ctx.services.compare.compare(ctx.viewer, ids, { repEmail, dimensions });
  }
}
