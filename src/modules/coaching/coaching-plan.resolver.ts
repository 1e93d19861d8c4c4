import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { PeriodInput } from "../insights/dto/period.input";
import { CoachingPlan } from "./coaching-plan.types";

@Resolver()
export class CoachingPlanResolver {
  @Query(() => CoachingPlan, {
    description:
      "A coaching plan for a rep: up to three priority areas from the gaps to the same-role team, each with actions shown on the rep's own call and a stronger colleague's (anonymised outside your scope), and practice scenarios. NOT_FOUND outside your scope.",
  })
  async coachingPlan(
    @Ctx() ctx: GraphQLContext,
    @Arg("repId", () => ID, { nullable: true, description: "Our rep id." }) repId?: string,
    @Arg("email", () => String, { nullable: true, description: "The rep's email address." }) email?: string,
    @Arg("period", () => PeriodInput, { nullable: true, description: "Which call dates count (default: the last 90 days)." }) period?: PeriodInput,
  ): Promise<CoachingPlan> {
    return ctx.services.coaching.plan(ctx.viewer, { repId, email, period: period ? { ...period } : null });
  }
}
