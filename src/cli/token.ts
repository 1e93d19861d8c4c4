import type { Command } from "commander";
import { cliRuntime, closeTarget, openTarget, CliError } from "./runtime";
import { TokenRole } from "../modules/tokens/api-token.entity";
import {
  ApiTokensDocument,
  CreateApiTokenDocument,
  RevokeApiTokenDocument,
  execute,
  type TokenRole as ClientTokenRole,
} from "../../clients/execute";

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
  revokedAt: string | Date | null;
  repEmail: string | null;
}

const iso = (d: string | Date | null) => (d ? new Date(d).toISOString() : "-");

/** The listed fields only: never the stored hash (the entity has it), same shape locally and remotely. */
const tokenRow = (t: Omit<TokenRow, "repEmail">, repEmail: string | null): TokenRow => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  role: t.role,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt ?? null,
  revokedAt: t.revokedAt ?? null,
  repEmail,
});

export function registerToken(program: Command): void {
  const token = program.command("token").description("Create, list and revoke API tokens.");

  token
    .command("create")
    .description("Create an API token; prints the token alone on the last line of stdout.")
    .requiredOption("--role <role>", "ADMIN, MANAGER or REP")
    .option("--rep <email>", "the rep the token belongs to (required for MANAGER and REP)")
    .option("--name <name>", "a unique name (default: role plus a random suffix)")
    .option("--json", 'print { "id", "token", "role" } as JSON')
    .action(async (opts: { role: string; rep?: string; name?: string; json?: boolean }) => {
      const role = opts.role.toUpperCase();
      if (!(role in TokenRole)) throw new CliError(`--role must be ADMIN, MANAGER or REP (got "${opts.role}")`);
      const rt = cliRuntime({ quiet: true });
      const target = await openTarget(rt, "token create");
      try {
        let created: { id: string; name: string; token: string; role: string };
        if (target.kind === "local") {
          const r = await target.app.services.tokens.create({ role: role as TokenRole, name: opts.name, repEmail: opts.rep });
          created = { id: r.apiToken.id, name: r.apiToken.name, token: r.token, role: r.apiToken.role };
        } else {
          const r = await execute(target.client, CreateApiTokenDocument, {
            input: { role: role as ClientTokenRole, name: opts.name, repEmail: opts.rep },
          });
          created = { ...r.createApiToken.apiToken, token: r.createApiToken.token };
        }
        if (opts.json) {
          process.stdout.write(JSON.stringify({ id: created.id, token: created.token, role: created.role }) + "\n");
        } else {
          process.stdout.write(`Created ${created.role} token "${created.name}" (${created.id}). Store it now; it is not shown again:\n`);
          process.stdout.write(created.token + "\n");
        }
      } finally {
        await closeTarget(target);
      }
    });

  token
    .command("list")
    .description("List API tokens (never the secrets).")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const rt = cliRuntime({ quiet: true });
      const target = await openTarget(rt, "token list");
      let rows: TokenRow[];
      try {
        if (target.kind === "local") {
          const tokens = await target.app.services.tokens.list();
          const reps = await target.app.services.reps.byIds(tokens.map((t) => t.repId).filter((x): x is string => !!x));
          const emails = new Map(reps.filter((r) => r).map((r) => [r!.id, r!.email]));
          rows = tokens.map((t) => tokenRow(t, t.repId ? (emails.get(t.repId) ?? null) : null));
        } else {
          const r = await execute(target.client, ApiTokensDocument);
          rows = r.apiTokens.map((t) => tokenRow(t, t.rep?.email ?? null));
        }
      } finally {
        await closeTarget(target);
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
        return;
      }
      if (!rows.length) {
        process.stdout.write("No API tokens.\n");
        return;
      }
      const table = rows.map((t) => ({
        id: t.id,
        name: t.name,
        role: t.role,
        rep: t.repEmail ?? "-",
        prefix: `${t.prefix}…`,
        created: iso(t.createdAt),
        lastUsed: iso(t.lastUsedAt),
        revoked: iso(t.revokedAt),
      }));
      const cols = Object.keys(table[0]) as (keyof (typeof table)[0])[];
      const width = cols.map((c) => Math.max(c.length, ...table.map((r) => r[c].length)));
      const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join("  ").trimEnd();
      process.stdout.write([line(cols), ...table.map((r) => line(cols.map((c) => r[c])))].join("\n") + "\n");
    });

  token
    .command("revoke")
    .description("Revoke an API token by id or name.")
    .argument("<idOrName>", "the token's id or name")
    .action(async (idOrName: string) => {
      const rt = cliRuntime({ quiet: true });
      const target = await openTarget(rt, "token revoke");
      try {
        const name =
          target.kind === "local"
            ? (await target.app.services.tokens.revoke(idOrName)).name
            : (await execute(target.client, RevokeApiTokenDocument, { idOrName })).revokeApiToken.name;
        process.stdout.write(`Revoked token "${name}".\n`);
      } finally {
        await closeTarget(target);
      }
    });
}
