import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { Analysis } from "./analysis.entity";
import { DimensionResult } from "./dimension-result.entity";
import { Objection } from "./objection.entity";
import { TokenUsage } from "./analysis.types";
import { Call } from "../calls/call.entity";
import { Rep } from "../reps/rep.entity";
import { CallNotFoundError } from "../calls/call.errors";

@Resolver(() => Analysis)
export class AnalysisResolver {
  @Query(() => Analysis, { description: "An analysis by id. NOT_FOUND when absent or outside your scope." })
  async analysis(@Arg("id", () => ID, { description: "Our analysis id." }) id: string, @Ctx() ctx: GraphQLContext): Promise<Analysis> {
    return ctx.services.analyses.get(ctx.viewer, id);
  }

  @FieldResolver(() => Call, { description: "The analysed call." })
  async call(@Root() a: Analysis, @Ctx() ctx: GraphQLContext): Promise<Call> {
    const call = await ctx.loaders.callById.load(a.callId);
    if (!call) throw new CallNotFoundError(a.callId);
    return call;
  }

  @FieldResolver(() => Rep, { nullable: true, description: "The rep whose part of the call was scored." })
  async rep(@Root() a: Analysis, @Ctx() ctx: GraphQLContext): Promise<Rep | null> {
    return a.repId ? ctx.loaders.repById.load(a.repId) : null;
  }

  @FieldResolver(() => [DimensionResult], { description: "One result per rubric dimension." })
  async dimensionResults(@Root() a: Analysis, @Ctx() ctx: GraphQLContext): Promise<DimensionResult[]> {
    return ctx.loaders.dimensionResultsByAnalysis.load(a.id);
  }

  @FieldResolver(() => [Objection], { description: "Customer objections found and how they were handled." })
  async objections(@Root() a: Analysis, @Ctx() ctx: GraphQLContext): Promise<Objection[]> {
    return ctx.loaders.objectionsByAnalysis.load(a.id);
  }

  @FieldResolver(() => TokenUsage, { description: "LLM token usage of the analysis." })
  tokens(@Root() a: Analysis): TokenUsage {
    return { input: a.tokensInput, output: a.tokensOutput, cacheWrite: a.tokensCacheWrite, cacheRead: a.tokensCacheRead };
  }
}
