import type { Command } from "commander";
import { cliRuntime, closeTarget, openTarget } from "./runtime";
import { ReloadKnowledgeDocument, execute } from "../../clients/execute";

export function registerKnowledge(program: Command): void {
  const knowledge = program.command("knowledge").description("The knowledge base: coaching rubrics and product notes (knowledge/).");
  knowledge
    .command("load")
    .description(
      "Validate knowledge/ (or CALLCOACH_KNOWLEDGE_DIR) and update the rubrics, all or nothing; through the running server when one holds the data dir. Invalid files are listed with the JSON path of each problem.",
    )
    .action(async () => {
      const rt = cliRuntime({ quiet: true });
      // Locally, skip the load on open so the summary reports what this load changed.
      const target = await openTarget(rt, "knowledge load", { knowledge: false });
      try {
        const r =
          target.kind === "local"
            ? await target.app.services.rubrics.reload()
            : (await execute(target.client, ReloadKnowledgeDocument)).reloadKnowledge;
        const where = target.kind === "local" ? rt.config.knowledgeDir : `the running server at ${target.url}`;
        process.stdout.write(
          `Loaded ${r.rubrics} rubric(s) with ${r.dimensions} dimensions from ${where}: ${r.changedDimensions} dimension(s) new or changed.\n`,
        );
      } finally {
        await closeTarget(target);
      }
    });
}
