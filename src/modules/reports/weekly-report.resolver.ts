import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { requireAdmin } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import { WeeklyReport } from "./weekly-report.entity";
import { mondayOf, previousWeekStart } from "./review-schedule";

@ObjectType({ description: "A weekly review that was queued." })
export class WeeklyReviewRequest {
  @Field({ description: "Monday of the reviewed week (YYYY-MM-DD, REVIEW_TZ)." })
  weekStart: string;

  @Field(() => ID, { nullable: true, description: "Id of the queued `review.weekly` job." })
  jobId: string | null;
}

function weekOf(day: string | null | undefined, tz: string): string {
  if (!day) return previousWeekStart(new Date(), tz);
  try {
    return mondayOf(day);
  } catch (err) {
    throw new BadInputError("INVALID_WEEK", `week: ${(err as Error).message}`);
  }
}

@Resolver()
export class WeeklyReportResolver {
  @Query(() => [WeeklyReport], {
    description: "Stored weekly reports, newest week first: a REP sees their own, a MANAGER their team's and the team report, an ADMIN all.",
  })
  async weeklyReports(
    @Ctx() ctx: GraphQLContext,
    @Arg("week", () => String, { nullable: true, description: "Any day of the week (YYYY-MM-DD); default: every stored week." }) week?: string | null,
    @Arg("repId", () => ID, { nullable: true, description: "Only this rep's reports." }) repId?: string | null,
    @Arg("team", () => Boolean, { nullable: true, description: "true: only team reports; false: only rep reports." }) team?: boolean | null,
  ): Promise<WeeklyReport[]> {
    const weekStart = week ? weekOf(week, ctx.config.timeZone) : null;
    return ctx.services.reviews.list(ctx.viewer, { weekStart, repId, team });
  }

  @Mutation(() => WeeklyReviewRequest, {
    description: "Queues the weekly review of a week now (ADMIN): missing analyses first, then the reports (replacing that week's earlier ones) and their delivery.",
  })
  async runWeeklyReview(
    @Ctx() ctx: GraphQLContext,
    @Arg("week", () => String, { nullable: true, description: "Any day of the week to review (YYYY-MM-DD); default: last week." }) week?: string | null,
  ): Promise<WeeklyReviewRequest> {
    requireAdmin(ctx.viewer, "run the weekly review");
    const weekStart = weekOf(week, ctx.config.timeZone);
    const jobId = await ctx.services.reviews.enqueueNow(weekStart);
    ctx.logger.info({ weekStart, jobId }, "weekly review requested");
    return { weekStart, jobId };
  }
}
