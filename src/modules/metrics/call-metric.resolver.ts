import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { CallMetric } from "./call-metric.entity";
import { CallParticipant } from "../calls/call-participant.entity";

@Resolver(() => CallMetric)
export class CallMetricResolver {
  @FieldResolver(() => CallParticipant, { nullable: true, description: "The participant; null on the two side rows." })
  async participant(@Root() m: CallMetric, @Ctx() ctx: GraphQLContext): Promise<CallParticipant | null> {
    if (!m.participantId) return null;
    const all = await ctx.loaders.participantsByCall.load(m.callId);
    return all.find((p) => p.id === m.participantId) ?? null;
  }
}
