import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "../../core/graphql/connection";
import { requireAdmin } from "../../core/graphql/viewer";
import { isUuid } from "../../core/ids";
import { Job, JobConnection } from "./job.types";
import type { JobCursor } from "./job.service";

const isJobCursor = (k: unknown[]): k is JobCursor =>
  k.length === 2 && typeof k[0] === "string" && !Number.isNaN(Date.parse(k[0])) && typeof k[1] === "string" && isUuid(k[1]);

@Resolver(() => Job)
export class JobResolver {
  @Query(() => JobConnection, {
    description: "Background jobs that failed after all retries (ADMIN), most recent first. Kept 14 days.",
  })
  async failedJobs(
    @Ctx() ctx: GraphQLContext,
    @Arg("queue", () => String, { nullable: true, description: "Only this queue (e.g. call.ingest)." }) queue?: string,
    @Arg("first", () => Int, { nullable: true, description: "Page size (default and maximum: the configured cap, 100)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." }) after?: string,
  ): Promise<JobConnection> {
    requireAdmin(ctx.viewer, "list failed jobs");
    const limit = pageSize(first, ctx.config.graphql.maxPageSize);
    const cursor = after ? decodeCursor(after, isJobCursor) : null;
    const { rows, count } = await ctx.services.jobs.failed(queue, limit, cursor);
    return toConnection(JobConnection, rows, limit, (j) => encodeCursor([(j.finishedAt ?? j.createdAt).toISOString(), j.id]), count);
  }

  @Mutation(() => Job, { description: "Puts a failed job back in its queue (ADMIN)." })
  async retryJob(@Arg("id", () => ID, { description: "The job's id." }) id: string, @Ctx() ctx: GraphQLContext): Promise<Job> {
    requireAdmin(ctx.viewer, "retry jobs");
    const job = await ctx.services.jobs.retry(id);
    ctx.logger.info({ jobId: id, queue: job.queue }, "job retried by an admin");
    return job;
  }
}
