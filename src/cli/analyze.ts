/**
 * `callcoach analyze CALL_ID`: scores a call's participants and shows each dimension's progress as
 * it happens (stderr), then a summary per analysis (stdout). Locally the analysis runs in this
 * process; through a running server it is queued there and followed until it finishes.
 */
import type { Command } from "commander";
import { cliRuntime, closeTarget, openTarget, CliError } from "./runtime";
import { AnalysisStatusDocument, AnalyzeCallDocument, execute } from "../../clients/execute";
import type { AnalysisProgressPayload } from "../core/pubsub";
import { DomainError } from "../core/errors";
import { TokenRole } from "../modules/tokens/api-token.entity";

interface AnalyzeOpts {
  rep?: string;
  dimensions?: string;
  force?: boolean;
  timeout: string;
}

interface Summary {
  id: string;
  who: string;
  status: string;
  engine: string;
  overallScore: number | null;
  costUsd: number;
  apiRequests: number;
  error?: string | null;
  dimensions: { dimension: string; score: number | null; lowConfidence: boolean; reused: boolean; error?: string | null }[];
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

function progressLine(who: string, e: Pick<AnalysisProgressPayload, "dimension" | "state" | "score" | "message">): string {
  const score = e.score !== null && e.score !== undefined ? String(e.score) : "";
  return `  ${pad(who, 22)} ${pad(e.dimension ?? "(analysis)", 28)} ${pad(e.state, 10)} ${pad(score, 4)}${e.message ? ` ${e.message}` : ""}\n`;
}

function printSummary(s: Summary): void {
  const out = process.stdout;
  out.write(`\n${s.who}: ${s.status} (${s.engine}) overall ${s.overallScore ?? "–"} · ${s.apiRequests} API request(s) · $${s.costUsd.toFixed(4)}\n`);
  for (const d of s.dimensions) {
    const note = d.error ? `failed: ${d.error}` : [d.reused ? "reused" : "", d.lowConfidence ? "low confidence" : ""].filter(Boolean).join(", ");
    out.write(`  ${pad(d.dimension, 28)} ${pad(d.score === null ? "–" : String(d.score), 4)} ${note}\n`);
  }
  out.write(`  analysis id: ${s.id}\n`);
}

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description(
      "Score a call's participants (our speakers, each against their role's rubric) and show progress per dimension. Unchanged calls reuse earlier results at no cost; --force runs again.",
    )
    .argument("<callId>", "our call id or the Gong call id")
    .option("--rep <email>", "only this rep's part of the call")
    .option("--dimensions <keys>", "only these rubric dimensions (comma-separated keys)")
    .option("--force", "bypass the result cache and run again", false)
    .option("--timeout <seconds>", "through a running server: how long to wait for completion", "600")
    .action(async (callId: string, opts: AnalyzeOpts) => {
      const rt = cliRuntime({ quiet: true });
      const dimensions = opts.dimensions?.split(",").map((d) => d.trim()).filter(Boolean);
      const target = await openTarget(rt, "analyze");
      let failed = false;
      try {
        if (target.kind === "local") {
          const { services } = target.app;
          const call = await services.calls.get({ tokenId: "cli", tokenName: "cli", role: TokenRole.ADMIN, repId: null, visibleRepIds: null }, callId);
          const outcome = await services.analysisRequests.request({ callId: call.id, repEmail: opts.rep, dimensions, force: opts.force, reason: "cli" }, { enqueue: false });
          if (outcome.analyses.length === 0) throw new CliError(`call ${callId} has no speaker on our side to score`);
          const names = new Map<string, string>();
          const reps: { id: string; name: string; email: string }[] = await target.app.db.dataSource.query(
            `SELECT a.id, coalesce(p.name, 'unknown') AS name, coalesce(r.email, '') AS email FROM analyses a LEFT JOIN call_participants p ON p.id = a.participant_id LEFT JOIN reps r ON r.id = a.rep_id WHERE a.id = ANY($1::uuid[])`,
            [outcome.analyses.map((a) => a.id)],
          );
          for (const r of reps) names.set(r.id, r.name);
          const events = services.events.subscribe("analysis.progress");
          const finished = new Set<string>();
          const printing = (async () => {
            for await (const e of events) {
              if (!names.has(e.analysisId)) continue;
              process.stderr.write(progressLine(names.get(e.analysisId)!, e));
              if (e.dimension === null) finished.add(e.analysisId);
            }
          })();
          const results = [];
          for (const a of outcome.analyses) results.push(outcome.toRun.includes(a.id) ? await services.analysisRunner.run(a.id) : a);
          // On PostgreSQL events come back through LISTEN/NOTIFY after the run returns: wait (briefly) for each final event.
          const deadline = Date.now() + 5000;
          while (outcome.toRun.some((id) => !finished.has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
          await events.return?.();
          await printing;
          for (const a of results) {
            const dims = await services.analyses.dimensionResultsByAnalysisIds([a.id]);
            failed ||= a.status === "FAILED";
            printSummary({
              id: a.id,
              who: names.get(a.id) ?? "?",
              status: a.status,
              engine: a.engine,
              overallScore: a.overallScore,
              costUsd: Number(a.costUsd),
              apiRequests: outcome.toRun.includes(a.id) ? a.apiRequests : 0,
              error: a.error,
              dimensions: dims[0],
            });
          }
        } else {
          const { analyzeCall } = await execute(target.client, AnalyzeCallDocument, { callId, repEmail: opts.rep, dimensions, force: opts.force });
          if (analyzeCall.length === 0) throw new CliError(`call ${callId} has no speaker on our side to score`);
          const deadline = Date.now() + Number(opts.timeout) * 1000;
          for (const a of analyzeCall) {
            const who = a.rep?.name ?? a.rep?.email ?? "speaker";
            const seen = new Map<string, string>();
            for (;;) {
              const { analysis } = await execute(target.client, AnalysisStatusDocument, { id: a.id });
              for (const d of analysis.dimensionResults) {
                const state = d.error ? "FAILED" : d.reused ? "CACHED" : "COMPLETED";
                if (seen.get(d.dimension) !== state) {
                  seen.set(d.dimension, state);
                  process.stderr.write(progressLine(who, { dimension: d.dimension, state: state as never, score: d.score ?? null, message: d.error ?? null }));
                }
              }
              if (!["QUEUED", "RUNNING"].includes(analysis.status)) {
                failed ||= analysis.status === "FAILED";
                printSummary({ ...analysis, who, costUsd: analysis.costUsd, dimensions: analysis.dimensionResults });
                break;
              }
              if (Date.now() > deadline) throw new CliError(`analysis ${a.id} still ${analysis.status} after ${opts.timeout} s; follow it with the Analysis query`);
              await new Promise((r) => setTimeout(r, 500));
            }
          }
        }
      } catch (err) {
        if (err instanceof DomainError) throw new CliError(err.message);
        throw err;
      } finally {
        await closeTarget(target);
      }
      if (failed) throw new CliError("an analysis failed (see the reasons above)");
    });
}
