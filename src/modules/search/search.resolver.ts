import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../core/graphql/context";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "../../core/graphql/connection";
import { isUuid } from "../../core/ids";
import { Call } from "../calls/call.entity";
import { CallNotFoundError } from "../calls/call.errors";
import { CallSearchFilter } from "./search-filter.input";
import { CallSearchHit, CallSearchHitConnection, CallSearchSnippet } from "./search.types";
import type { SearchCursor } from "./search.service";

const isSearchCursor = (k: unknown[]): k is SearchCursor =>
  k.length === 2 &&
  ((typeof k[0] === "number" && Number.isFinite(k[0])) || (typeof k[0] === "string" && !Number.isNaN(Date.parse(k[0])))) &&
  typeof k[1] === "string" &&
  isUuid(k[1]);

const cursorOf = (h: CallSearchHit): string =>
  encodeCursor(h.rank !== null ? [h.rank, h.callId] : [h.startedAt!.toISOString(), h.callId]);

@Resolver(() => CallSearchHit)
export class SearchResolver {
  @Query(() => CallSearchHitConnection, {
    description:
      "Searches the calls you may read: filters on reps, team, role, product, call type, dates, scores, objections, participants and Gong trackers, and full-text search over transcripts. With text: best match first, with highlighted snippets; without: newest first.",
  })
  async searchCalls(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => CallSearchFilter, { nullable: true, description: "What to look for; every given filter must match." })
    filter?: CallSearchFilter,
    @Arg("first", () => Int, { nullable: true, description: "Page size (default and maximum: the configured cap, 100)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor of the same search)." })
    after?: string,
  ): Promise<CallSearchHitConnection> {
    const limit = pageSize(first, ctx.config.graphql.maxPageSize);
    const cursor = after ? decodeCursor(after, isSearchCursor) : null;
    const { rows, count } = await ctx.services.search.page(ctx.viewer, filter, limit, cursor);
    return toConnection(CallSearchHitConnection, rows, limit, cursorOf, count);
  }

  @FieldResolver(() => Call, { description: "The call." })
  async call(@Root() hit: CallSearchHit, @Ctx() ctx: GraphQLContext): Promise<Call> {
    const call = await ctx.loaders.callById.load(hit.callId);
    if (!call) throw new CallNotFoundError(hit.callId); // deleted between the search and this read
    return call;
  }

  @FieldResolver(() => [CallSearchSnippet], {
    description: "Up to three transcript segments that matched the search text, best match first (empty without text).",
  })
  async snippets(@Root() hit: CallSearchHit, @Ctx() ctx: GraphQLContext): Promise<CallSearchSnippet[]> {
    return hit.text === null ? [] : ctx.loaders.searchSnippetsByCall(hit.text).load(hit.callId);
  }
}
