/**
 * Starting analyses and following them: `analyzeCall` (REP/MANAGER on calls in their scope, ADMIN on
 * any) and the `analysisProgress` subscription (one event per dimension state change, then a final one).
 */
import { Arg, Ctx, ID, Mutation, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { canSeeRep } from "../../core/graphql/viewer";
import { BadInputError } from "../../core/errors";
import type { AnalysisProgressPayload } from "../../core/pubsub";
import { Analysis } from "./analysis.entity";
import { AnalysisProgressEvent } from "./analysis-progress.types";

@Resolver()
export class AnalysisRunResolver {
  @Mutation(() => [Analysis], {
    description:
      "Analyses a call: one analysis per scored participant (our speakers; each against their role's rubric). Returns them at once — QUEUED when they must run, or the current analysis when the call, rubric, model and prompts are unchanged (no API cost). Follow progress with `analysisProgress`.",
  })
  async analyzeCall(
    @Arg("callId", () => ID, { description: "Our call id or the Gong call id." }) callId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("repEmail", () => String, { nullable: true, description: "Only this rep's part of the call." }) repEmail?: string | null,
    @Arg("dimensions", () => [String], { nullable: true, description: "Only these rubric dimension keys (default: all)." }) dimensions?: string[] | null,
    @Arg("force", () => Boolean, { nullable: true, defaultValue: false, description: "Run again even when an identical analysis exists (bypasses the result cache)." })
    force?: boolean,
    @Arg("batch", () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: "Batch mode: half price through the Message Batches API, results usually within an hour and at most 24 h (for backfills, not for someone waiting).",
    })
    batch?: boolean,
  ): Promise<Analysis[]> {
    const call = await ctx.services.calls.get(ctx.viewer, callId);
    const outcome = await ctx.services.analysisRequests.request({
      callId: call.id,
      repEmail,
      dimensions,
      force,
      batch,
      reason: batch ? "manual:batch" : "manual",
      onlyRepIds: ctx.viewer.visibleRepIds,
    });
    ctx.logger.info({ callId: call.id, analyses: outcome.analyses.length, queued: outcome.toRun.length, force: !!force }, "analysis requested");
    return outcome.analyses;
  }

  @Subscription(() => AnalysisProgressEvent, {
    description: "Progress of an analysis (by analysisId) or of every analysis of a call (by callId): one event per dimension state change, then a final event with dimension null.",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { analysisId?: string; callId?: string }, GraphQLContext>) => {
      const { analysisId, callId } = args;
      if (!!analysisId === !!callId) throw new BadInputError("ONE_OF_REQUIRED", "Give exactly one of analysisId and callId.");
      // Visibility is checked up front (NOT_FOUND when outside the token's scope) and per event.
      const call = callId ? await context.services.calls.get(context.viewer, callId) : null;
      if (analysisId) await context.services.analyses.get(context.viewer, analysisId);
      const source = context.services.events.subscribe("analysis.progress");
      return filterEvents(source, (e) =>
        (analysisId ? e.analysisId === analysisId : e.callId === call!.id) && canSeeRep(context.viewer, e.repId),
      );
    },
  })
  analysisProgress(
    @Root() event: AnalysisProgressPayload,
    @Arg("analysisId", () => ID, { nullable: true, description: "Follow one analysis." }) _analysisId?: string,
    @Arg("callId", () => ID, { nullable: true, description: "Follow every analysis of this call (our id or Gong id)." }) _callId?: string,
  ): AnalysisProgressEvent {
    void _analysisId;
    void _callId;
    return { ...event, state: event.state as AnalysisProgressEvent["state"], at: new Date(event.at) };
  }
}

async function* filterEvents<T>(source: AsyncIterableIterator<T>, keep: (e: T) => boolean): AsyncGenerator<T> {
  try {
    for await (const e of source) if (keep(e)) yield e;
  } finally {
    await source.return?.();
  }
}
