/**
 * Resources: the coaching rubric of each role (AE, SE, CSM) as Markdown, at `callcoach://rubrics/{role}`,
 * read through the `Rubrics` GraphQL operation. Claude can attach them to explain a score.
 */
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { execute, RubricsDocument, type RubricsQuery } from "../../clients/execute";
import type { McpServerOptions } from "./server";

type Rubric = RubricsQuery["rubrics"][number];

export function rubricMarkdown(r: Rubric): string {
  const out = [`# ${r.name} (${r.role}, version ${r.version})`, "", r.description ?? "", ""];
  for (const d of r.dimensions) {
    out.push(`## ${d.name} — \`${d.key}\` (weight ${d.weight})`, "", d.description ?? "", "");
    if (d.criteria.length) out.push("Criteria:", ...d.criteria.map((c) => `- ${c}`), "");
    if (d.bands.length) out.push("Score bands:", ...d.bands.map((b) => `- ${b.min}+ ${b.label}: ${b.description}`), "");
    if (d.examples) {
      if (d.examples.excellent) out.push(`Excellent: ${d.examples.excellent}`);
      if (d.examples.poor) out.push(`Poor: ${d.examples.poor}`);
      out.push("");
    }
  }
  return out.join("\n");
}

export function registerRubricResources(server: McpServer, opts: McpServerOptions): void {
  server.registerResource(
    "rubric",
    new ResourceTemplate("callcoach://rubrics/{role}", {
      list: async () => {
        const { rubrics } = await execute(await opts.client, RubricsDocument);
        return {
          resources: rubrics.map((r) => ({
            uri: `callcoach://rubrics/${r.role}`,
            name: `rubric-${r.role.toLowerCase()}`,
            title: `${r.name} (${r.role})`,
            description: `The ${r.role} coaching rubric: ${r.dimensions.length} dimensions with criteria and score bands.`,
            mimeType: "text/markdown",
          })),
        };
      },
    }),
    {
      title: "Coaching rubric per role",
      description: "The rubric a role (AE, SE or CSM) is scored against: dimensions, weights, criteria and score bands.",
      mimeType: "text/markdown",
    },
    async (uri, variables) => {
      const role = String(variables.role).toUpperCase();
      const { rubrics } = await execute(await opts.client, RubricsDocument);
      const rubric = rubrics.find((r) => r.role === role);
      if (!rubric) throw new Error(`No rubric for role ${role}; roles: ${rubrics.map((r) => r.role).join(", ")}`);
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: rubricMarkdown(rubric) }] };
    },
  );
}
