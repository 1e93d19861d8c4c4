/** `callcoach metrics`: the cost ledger — spend per day and week, mean per call, cache hit rates, projected month. */
import type { Command } from "commander";
import { cliRuntime, closeTarget, openTarget, CliError } from "./runtime";
import { CostMetricsDocument, execute } from "../../clients/execute";
import { TokenRole } from "../modules/tokens/api-token.entity";

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(1)}%`);
const usd = (x: number) => `$${x.toFixed(x < 1 ? 4 : 2)}`;

function parseDate(flag: string, v: string | undefined): Date | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new CliError(`${flag} "${v}" is not an ISO-8601 date or date-time`);
  return d;
}

export function registerMetrics(program: Command): void {
  program
    .command("metrics")
    .description("What analysing calls costs: dollars and tokens per day and week, mean per call, prompt- and result-cache hit rates, projected month.")
    .option("--from <date>", "start (ISO date or date-time; default 30 days before --to)")
    .option("--to <date>", "end, exclusive (default now)")
    .option("--json", "print the figures as JSON")
    .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
      const rt = cliRuntime({ quiet: true });
      const from = parseDate("--from", opts.from);
      const to = parseDate("--to", opts.to);
      const target = await openTarget(rt, "metrics");
      try {
        const m =
          target.kind === "local"
            ? await target.app.services.costs.metrics({ tokenId: "cli", tokenName: "cli", role: TokenRole.ADMIN, repId: null, visibleRepIds: null }, { from, to })
            : (await execute(target.client, CostMetricsDocument, { from: from?.toISOString(), to: to?.toISOString() })).costMetrics;
        if (opts.json) {
          process.stdout.write(JSON.stringify(m, null, 2) + "\n");
          return;
        }
        const iso = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
        const out = [
          `Analysis cost ${iso(m.from)} – ${iso(m.to)}`,
          `  total              ${usd(m.totalUsd)} over ${m.analyses} analyses of ${m.calls} calls (${m.apiRequests} API requests)`,
          `  mean per call      ${usd(m.meanUsdPerCall)}`,
          `  projected month    ${usd(m.projectedMonthUsd)} (last 7 days × 30/7)`,
          `  prompt-cache hits  ${pct(m.promptCacheHitRate)} of prompt tokens`,
          `  result-cache hits  ${pct(m.resultCacheHitRate)} of dimension results`,
          `  grounding rate     ${pct(m.groundingRate)} of quotes found in the transcript`,
          `  tokens             ${m.tokens.input} input, ${m.tokens.output} output, ${m.tokens.cacheWrite} cache write, ${m.tokens.cacheRead} cache read`,
          "  per week:",
          ...(m.weekly.length ? m.weekly.map((p) => `    ${iso(p.start)}  ${usd(p.usd).padStart(10)}  ${p.analyses} analyses, ${p.calls} calls`) : ["    (none)"]),
          "  per day:",
          ...(m.daily.length ? m.daily.map((p) => `    ${iso(p.start)}  ${usd(p.usd).padStart(10)}  ${p.analyses} analyses, ${p.calls} calls`) : ["    (none)"]),
        ];
        process.stdout.write(out.join("\n") + "\n");
      } finally {
        await closeTarget(target);
      }
    });
}
