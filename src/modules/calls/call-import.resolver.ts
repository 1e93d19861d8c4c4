import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { requireAdmin } from "../../core/graphql/viewer";
import { Call } from "./call.entity";
import { ImportCallInput } from "./dto/import-call.input";

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
}
