import { Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { requireAdmin } from "../../core/graphql/viewer";
import type { Rubric } from "./rubric.entity";
import type { RepRole } from "../reps/rep.entity";
import { KnowledgeLoadResult, RubricType } from "./rubric.types";

function toGraphQL(r: Rubric): RubricType {
  return {
    role: r.role as RepRole,
    name: r.name,
    version: r.version,
    description: r.description ?? "",
    loadedAt: r.loadedAt,
    dimensions: r.dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      weight: d.weight,
      description: d.description ?? "",
      criteria: d.criteria,
      bands: d.bands,
      examples: d.examples ?? { excellent: [], poor: [] },
      version: d.version,
    })),
  };
}

@Resolver(() => RubricType)
export class RubricResolver {
  @Query(() => [RubricType], { description: "The coaching rubrics (AE, SE, CSM) from the knowledge base, with weights, criteria and bands." })
  async rubrics(@Ctx() ctx: GraphQLContext): Promise<RubricType[]> {
    return (await ctx.services.rubrics.list()).map(toGraphQL);
  }

  @Mutation(() => KnowledgeLoadResult, {
    description: "Re-reads and validates the knowledge base and updates the rubrics, all or nothing (ADMIN). BAD_USER_INPUT names each invalid file and path.",
  })
  async reloadKnowledge(@Ctx() ctx: GraphQLContext): Promise<KnowledgeLoadResult> {
    requireAdmin(ctx.viewer, "reload the knowledge base");
    const r = await ctx.services.rubrics.reload();
    ctx.logger.info({ rubrics: r.rubrics, dimensions: r.dimensions, changedDimensions: r.changedDimensions }, "knowledge base reloaded");
    return { rubrics: r.rubrics, dimensions: r.dimensions, changedDimensions: r.changedDimensions };
  }
}
