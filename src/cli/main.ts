/**
 * `callcoach` command line. Every command has --help; failures exit non-zero with a one-line reason
 * on stderr.
 */
import "reflect-metadata";
import { Command } from "commander";
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
import { registerDoctor } from "./doctor";
import { registerMcp } from "./mcp";
import { runProgram } from "./run-program";

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
  registerDoctor(program);
  registerMcp(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await runProgram(buildProgram(), argv);
}
