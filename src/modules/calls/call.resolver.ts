import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "../../core/graphql/connection";
import { Call } from "./call.entity";
import { CallParticipant } from "./call-participant.entity";
import { CallFilter } from "./dto/call-filter.input";
import { CallConnection, SegmentConnection } from "./call.types";
import { Rep } from "../reps/rep.entity";
import { Analysis } from "../analyses/analysis.entity";
import { CallMetric } from "../metrics/call-metric.entity";
import type { CallCursor } from "./call.service";
import { isUuid } from "../../core/ids";
import { segmentOffset } from "./call.errors";

const isCallCursor = (k: unknown[]): k is CallCursor =>
  k.length === 2 && typeof k[0] === "string" && !Number.isNaN(Date.parse(k[0])) && typeof k[1] === "string" &&
  isUuid(k[1]);
const isSeqCursor = (k: unknown[]): k is [number] => k.length === 1 && Number.isInteger(k[0]);

@Resolver(() => Call)
export class CallResolver {
  @Query(() => Call, { description: "A call by our id or by Gong's call id. NOT_FOUND when absent or outside your scope." })
  async call(@Arg("id", () => ID, { description: "Our call id (UUID) or Gong's call id." }) id: string, @Ctx() ctx: GraphQLContext): Promise<Call> {
    return ctx.services.calls.get(ctx.viewer, id);
  }

  @Query(() => CallConnection, { description: "Calls you may read, newest first, as a cursor connection." })
  async calls(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => CallFilter, { nullable: true, description: "Optional filters." }) filter?: CallFilter,
    @Arg("first", () => Int, { nullable: true, description: "Page size (default and maximum: the configured cap, 100)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
  ): Promise<CallConnection> {
    const limit = pageSize(first, ctx.config.graphql.maxPageSize);
    const cursor = after ? decodeCursor(after, isCallCursor) : null;
    const { rows, count } = await ctx.services.calls.page(ctx.viewer, filter, limit, cursor);
    return toConnection(CallConnection, rows, limit, (c) => encodeCursor([c.startedAt.toISOString(), c.id]), count);
  }

  @FieldResolver(() => Rep, { nullable: true, description: "The rep who hosted the call (null when unknown)." })
  async primaryRep(@Root() call: Call, @Ctx() ctx: GraphQLContext): Promise<Rep | null> {
    // Anyone who may read the call may see who was on it.
    return call.primaryRepId ? ctx.loaders.repById.load(call.primaryRepId) : null;
  }

  @FieldResolver(() => [CallParticipant], { description: "Everyone on the call, our side first." })
  async participants(@Root() call: Call, @Ctx() ctx: GraphQLContext): Promise<CallParticipant[]> {
    return ctx.loaders.participantsByCall.load(call.id);
  }

  @FieldResolver(() => SegmentConnection, { description: "The transcript, in order, as a cursor connection." })
  async segments(
    @Root() call: Call,
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size (default and maximum: the configured cap, 100)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." }) after?: string,
    @Arg("offset", () => Int, {
      nullable: true,
      description: "Instead of `after`: how many segments to skip from the start of the transcript (0 = from the first). Not together with `after`.",
    })
    offset?: number,
  ): Promise<SegmentConnection> {
    const limit = pageSize(first, ctx.config.graphql.maxPageSize);
    const skip = segmentOffset(offset, after);
    const afterSeq = after ? decodeCursor(after, isSeqCursor)[0] : -1;
    const rows = await ctx.loaders.segmentsByCall(limit + 1, afterSeq, skip).load(call.id);
    return toConnection(SegmentConnection, rows, limit, (s) => encodeCursor([s.seq]), () =>
      ctx.loaders.segmentCountByCall.load(call.id),
    );
  }

  @FieldResolver(() => [CallMetric], {
    description: "Interaction metrics: our side, the customer's side, then each participant (computed at import/ingest).",
  })
  async metrics(@Root() call: Call, @Ctx() ctx: GraphQLContext): Promise<CallMetric[]> {
    return ctx.loaders.metricsByCall.load(call.id);
  }

  @FieldResolver(() => [Analysis], { description: "Current (not superseded) analyses of the call that you may read." })
  async analyses(@Root() call: Call, @Ctx() ctx: GraphQLContext): Promise<Analysis[]> {
    return ctx.loaders.analysesByCall.load(call.id);
  }
}

@Resolver(() => CallParticipant)
export class CallParticipantResolver {
  @FieldResolver(() => Rep, { nullable: true, description: "The rep this participant is, when they are one of ours." })
  async rep(@Root() p: CallParticipant, @Ctx() ctx: GraphQLContext): Promise<Rep | null> {
    return p.repId ? ctx.loaders.repById.load(p.repId) : null;
  }
}
