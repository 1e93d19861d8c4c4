import { z } from "zod";
import { execute, RepsDocument } from "../../../clients/execute";
import { args, defineTool, pageShape, READ_ONLY } from "../tool";

const rep = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  role: z.string().describe("AE, SE or CSM: the rubric the rep is scored against."),
});

export const listReps = defineTool({
  name: "list_reps",
  title: "List reps",
  description:
    "Lists the sales people (reps) this token may see — a REP sees themselves, a MANAGER themselves and their direct reports, an ADMIN everyone — with email, name, title and role (AE, SE or CSM). Use it to find the email or id that other tools take.",
  inputSchema: {
    first: args.first(100, 50).describe("Page size, 1–100 (default 50)."),
    cursor: args.cursor().optional(),
  },
  outputSchema: {
    reps: z.array(rep),
    ...pageShape,
  },
  annotations: READ_ONLY,
  async run(ctx, input) {
    const { reps } = await execute(ctx.client, RepsDocument, { first: input.first, after: input.cursor });
    const list = reps.edges.map((e) => ({ ...e.node, name: e.node.name ?? null, title: e.node.title ?? null }));
    const lines = list.map((r) => `- ${r.name ?? r.email} <${r.email}>, ${r.role}${r.title ? `, ${r.title}` : ""}`);
    return {
      summary: [`${reps.totalCount} rep(s) visible; showing ${list.length}${reps.pageInfo.hasNextPage ? " (more: pass next_cursor)" : ""}.`, ...lines].join("\n"),
      data: { reps: list, total_count: reps.totalCount, next_cursor: reps.pageInfo.hasNextPage ? (reps.pageInfo.endCursor ?? null) : null },
    };
  },
});
