/**
 * `callcoach` command line. Every command has --help; failures exit non-zero with a one-line reason
 * on stderr.
 */
import "reflect-metadata";
import { Command, CommanderError } from "commander";
import { registerServe } from "./serve";
import { registerMigrate } from "./migrate";
import { registerToken } from "./token";
import { registerImport } from "./import";
import { registerWorker } from "./worker";
import { registerJobs } from "./jobs";
import { registerGong } from "./gong";
import { registerKnowledge } from "./knowledge";
import { registerAnalyze } from "./analyze";
import { registerMetrics } from "./metrics";
import { registerReview } from "./review";
import { ConfigError } from "../core/config";
import { KnowledgeError } from "../modules/rubrics/knowledge.loader";

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("callcoach")
    .description("call-coach: coaching for sales reps from their recorded Gong calls.")
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerToken(program);
  registerImport(program);
  registerJobs(program);
  registerGong(program);
  registerKnowledge(program);
  registerAnalyze(program);
  registerMetrics(program);
  registerReview(program);
  return program;
}

function oneLine(err: unknown): string {
  if (err instanceof ConfigError || err instanceof KnowledgeError) return err.message.replace(/\n\s*/g, " | ");
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s*\n\s*/g, " ");
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(`callcoach: ${oneLine(err)}\n`);
    // Exit now: a failure half-way through start-up may leave timers or sockets that keep Node alive.
    process.exit(1);
  }
}
