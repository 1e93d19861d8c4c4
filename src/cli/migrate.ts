import type { Command } from "commander";
import { cliRuntime, closeTarget } from "./runtime";
import { readLock } from "../core/db/data-dir-lock";
import { openApp } from "../core/app";
import { migrate, readMigrationFiles } from "../core/db/migrator";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending SQL migrations from migrations/ (serve also does this on start).")
    .action(async () => {
      const rt = cliRuntime({ quiet: true });
      const holder = rt.config.databaseUrl ? null : readLock(rt.config.dataDir);
      if (holder?.url) {
        process.stdout.write(
          `The call-coach server at ${holder.url} holds ${rt.config.dataDir} and applied all migrations when it started; nothing to do.\n`,
        );
        return;
      }
      const app = await openApp(rt.config, rt.logger, { command: "migrate", migrate: false, knowledge: false });
      try {
        const total = readMigrationFiles().length;
        const applied = await migrate(app.db.dataSource, (name) => process.stdout.write(`applied ${name}\n`));
        process.stdout.write(
          applied.length ? `${applied.length} migration(s) applied; ${total} in all.\n` : `Database is up to date (${total} migrations).\n`,
        );
      } finally {
        await closeTarget({ kind: "local", app });
      }
    });
}
