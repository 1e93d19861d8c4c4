import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { requireAdmin } from "../../core/graphql/viewer";
import { Call } from "./call.entity";
import { ImportCallInput } from "./dto/import-call.input";
import { OverrideCallInput } from "./dto/override-call.input";

@Resolver()
export class CallImportResolver {
  @Mutation(() => Call, {
    description: "Imports a call and its transcript (ADMIN). Importing the same call again updates it in place.",
  })
  async importCall(@Arg("input", () => ImportCallInput, { description: "The call and its transcript in Gong's shapes." }) input: ImportCallInput, @Ctx() ctx: GraphQLContext): Promise<Call> {
    requireAdmin(ctx.viewer, "import calls");
    const imp = ctx.services.callImport.fromJson(input.call, input.transcript, input.repEmail);
    const result = await ctx.services.callImport.importCall(imp, { callType: input.callType, product: input.product });
    return ctx.services.calls.get(ctx.viewer, result.callId);
  }

  @Mutation(() => Call, {
    description: "Corrects a call's type and/or product (ADMIN). The correction survives re-ingest and re-import.",
  })
  async overrideCall(
    @Arg("input", () => OverrideCallInput, { description: "The call and the values to keep." }) input: OverrideCallInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Call> {
    requireAdmin(ctx.viewer, "override calls");
    const call = await ctx.services.calls.override(ctx.viewer, input.callId, { callType: input.callType, product: input.product });
    ctx.logger.info({ callId: call.id, callType: input.callType, product: input.product }, "call overridden by an admin");
    return call;
  }
}
