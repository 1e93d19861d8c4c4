import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import type { GraphQLContext } from "../core/graphql/context";
import { requireAdmin } from "../core/graphql/viewer";
import { BadInputError } from "../core/errors";
import { Job } from "../modules/jobs/job.types";

@Resolver()
export class GongSyncResolver {
  @Mutation(() => Job, {
    description:
      "Queues a Gong sync (ADMIN): users → reps, then ingestion of the window's calls that call-coach lacks (all of them with force). Returns the gong.sync job.",
  })
  async syncGongCalls(
    @Arg("from", () => GraphQLDateTime, { description: "Start of the window (inclusive)." }) from: Date,
    @Arg("to", () => GraphQLDateTime, { description: "End of the window (exclusive)." }) to: Date,
    @Ctx() ctx: GraphQLContext,
    @Arg("force", () => Boolean, { defaultValue: false, description: "Re-ingest calls already stored." }) force: boolean,
    @Arg("users", () => Boolean, { defaultValue: true, description: "Also sync Gong users to reps." }) users: boolean,
  ): Promise<Job> {
    requireAdmin(ctx.viewer, "sync Gong calls");
    if (from >= to) throw new BadInputError("INVALID_DATE_RANGE", `"from" must be before "to".`);
    const id = await ctx.services.jobs.enqueue("gong.sync", {
      from: from.toISOString(),
      to: to.toISOString(),
      force,
      users,
      reason: `syncGongCalls by ${ctx.viewer.tokenName}`,
    });
    return ctx.services.jobs.get(id);
  }
}
