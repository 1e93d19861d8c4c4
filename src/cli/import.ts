import type { Command } from "commander";
import cliProgress from "cli-progress";
import { cliRuntime, closeTarget, openTarget, CliError } from "./runtime";
import { readImportFiles } from "../modules/calls/import/import-files";
import { validateImport } from "../modules/calls/import/prepare-import";
import { ImportCallDocument, execute } from "../../clients/execute";
import { DomainError } from "../core/errors";

interface ImportOpts {
  rep?: string;
  title?: string;
  date?: string;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "Import calls from files: Gong /v2/calls/extensive + /v2/calls/transcript responses (matched by call id), " +
        '{ "call", "transcript" } files, or WebVTT captions (.vtt). Re-importing a call updates it in place.',
    )
    .argument("<files...>", "files to import (read together)")
    .option("--rep <email>", "for .vtt files: email of our rep on the call")
    .option("--title <title>", "for .vtt files: call title (default: from the file name)")
    .option("--date <iso>", "for .vtt files: when the call started (default: the file's modification time)")
    .action(async (files: string[], opts: ImportOpts) => {
      const rt = cliRuntime({ quiet: true });
      let date: Date | undefined;
      if (opts.date) {
        date = new Date(opts.date);
        if (Number.isNaN(date.getTime())) throw new CliError(`--date "${opts.date}" is not an ISO-8601 date or date-time`);
      }
      const imports = await readImportFiles(files, {
        repEmail: opts.rep?.trim().toLowerCase(),
        title: opts.title,
        date,
        internalDomains: rt.config.internalDomains,
      });
      // Every call is checked before the first is written, so a bad file among many writes nothing.
      for (const imp of imports) {
        try {
          validateImport(imp, rt.config.internalDomains);
        } catch (err) {
          throw new CliError(`${imp.origin.join(" + ")}: ${(err as Error).message} Nothing was imported.`);
        }
      }
      const target = await openTarget(rt, "import");
      const showBar = imports.length > 1;
      const bar = new cliProgress.SingleBar(
        {
          format: "importing [{bar}] {value}/{total} calls | {file}",
          stream: process.stderr,
          noTTYOutput: !process.stderr.isTTY,
          notTTYSchedule: 2000,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      if (showBar) bar.start(imports.length, 0, { file: "" });
      let created = 0;
      let updated = 0;
      let segments = 0;
      try {
        for (const imp of imports) {
          const label = imp.origin.join(" + ");
          if (showBar) bar.update({ file: label });
          try {
            if (target.kind === "local") {
              const r = await target.app.services.callImport.importCall(imp);
              if (r.created) created++;
              else updated++;
              segments += r.segments;
            } else {
              await execute(target.client, ImportCallDocument, {
                input: {
                  call: imp.call as Record<string, unknown>,
                  transcript: imp.transcript as Record<string, unknown>,
                  repEmail: imp.repEmail,
                },
              });
              created++;
            }
          } catch (err) {
            const msg = err instanceof DomainError || err instanceof Error ? err.message : String(err);
            throw new CliError(`${label}: ${msg}`);
          }
          if (showBar) bar.increment();
        }
      } finally {
        if (showBar) bar.stop();
        await closeTarget(target);
      }
      if (target.kind === "local") {
        process.stdout.write(
          `Imported ${imports.length} call(s): ${created} new, ${updated} updated, ${segments} transcript segments.\n`,
        );
      } else {
        process.stdout.write(`Imported ${imports.length} call(s) through the running server at ${target.url}.\n`);
      }
    });
}
