import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { requireAdmin } from "../../core/graphql/viewer";
import { ApiToken } from "./api-token.entity";
import { CreateApiTokenInput, CreatedApiToken } from "./dto/create-api-token.input";
import { Rep } from "../reps/rep.entity";
import { ViewerInfo } from "./viewer.types";

@Resolver(() => ApiToken)
export class TokenResolver {
  @Query(() => [ApiToken], { description: "All API tokens, revoked ones included (ADMIN)." })
  async apiTokens(@Ctx() ctx: GraphQLContext): Promise<ApiToken[]> {
    requireAdmin(ctx.viewer, "list API tokens");
    return ctx.services.tokens.list();
  }

  @Query(() => ViewerInfo, { description: "The token making this request: its role and the rep it belongs to. Any valid token may ask." })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<ViewerInfo> {
    const { viewer } = ctx;
    return {
      tokenName: viewer.tokenName,
      role: viewer.role,
      rep: viewer.repId ? await ctx.loaders.repById.load(viewer.repId) : null,
      visibleReps: viewer.visibleRepIds === null ? null : viewer.visibleRepIds.length,
    };
  }

  @Mutation(() => CreatedApiToken, { description: "Creates an API token (ADMIN). The secret is returned once." })
  async createApiToken(
    @Arg("input", () => CreateApiTokenInput, { description: "Role, optional name and the rep the token belongs to." }) input: CreateApiTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiToken> {
    requireAdmin(ctx.viewer, "create API tokens");
    const created = await ctx.services.tokens.create(input);
    ctx.logger.info({ tokenId: created.apiToken.id, name: created.apiToken.name, role: created.apiToken.role }, "API token created");
    return created;
  }

  @Mutation(() => ApiToken, { description: "Revokes an API token by id or name (ADMIN); it is refused from then on." })
  async revokeApiToken(
    @Arg("idOrName", () => String, { description: "The token's id or name." }) idOrName: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiToken> {
    requireAdmin(ctx.viewer, "revoke API tokens");
    const token = await ctx.services.tokens.revoke(idOrName);
    ctx.logger.info({ tokenId: token.id, name: token.name }, "API token revoked");
    return token;
  }

  @FieldResolver(() => Rep, { nullable: true, description: "The rep the token belongs to (null for ADMIN tokens)." })
  async rep(@Root() t: ApiToken, @Ctx() ctx: GraphQLContext): Promise<Rep | null> {
    return t.repId ? ctx.loaders.repById.load(t.repId) : null;
  }
}
