import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "../../core/graphql/connection";
import { canSeeRep, requireAdmin } from "../../core/graphql/viewer";
import { Rep, RepRole } from "./rep.entity";
import { RepConnection } from "./rep.types";
import type { RepCursor } from "./rep.service";

const isRepCursor = (k: unknown[]): k is RepCursor => k.length === 2 && typeof k[0] === "string" && typeof k[1] === "string";

@Resolver(() => Rep)
export class RepResolver {
  @Query(() => Rep, { description: "A rep by id or by email (give exactly one). NOT_FOUND when absent or outside your scope." })
  async rep(
    @Ctx() ctx: GraphQLContext,
    @Arg("id", () => ID, { nullable: true, description: "Our rep id." }) id?: string,
    @Arg("email", () => String, { nullable: true, description: "The rep's email address." }) email?: string,
  ): Promise<Rep> {
    return ctx.services.reps.get(ctx.viewer, id, email);
  }

  @Query(() => RepConnection, { description: "Reps you may see (yourself, your reports; all for ADMIN), by name." })
  async reps(
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size (default and maximum: the configured cap, 100)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." }) after?: string,
  ): Promise<RepConnection> {
    const limit = pageSize(first, ctx.config.graphql.maxPageSize);
    const cursor = after ? decodeCursor(after, isRepCursor) : null;
    const { rows, count } = await ctx.services.reps.page(ctx.viewer, limit, cursor);
    return toConnection(RepConnection, rows, limit, (r) => encodeCursor([r.name, r.id]), count);
  }

  @FieldResolver(() => Rep, { nullable: true, description: "The rep's manager, when known and visible to you." })
  async manager(@Root() rep: Rep, @Ctx() ctx: GraphQLContext): Promise<Rep | null> {
    if (!rep.managerId || !canSeeRep(ctx.viewer, rep.managerId)) return null;
    return ctx.loaders.repById.load(rep.managerId);
  }

  @Mutation(() => Rep, { description: "Sets a rep's role, which picks their rubric (ADMIN). Gong user sync keeps it." })
  async overrideRepRole(
    @Arg("email", () => String, { description: "The rep's email." }) email: string,
    @Arg("role", () => RepRole, { description: "The role to keep." }) role: RepRole,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Rep> {
    requireAdmin(ctx.viewer, "override rep roles");
    return ctx.services.reps.overrideRole(ctx.viewer, email, role);
  }
}
