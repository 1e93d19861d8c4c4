/**
 * Runs a commander program: a failure exits 1 with a one-line reason on stderr (DESIGN §3).
 * Shared by the full CLI (main.ts) and the lean `callcoach mcp` entry (mcp-main.ts).
 */
import { CommanderError, type Command } from "commander";

function oneLine(err: unknown): string {
  // ConfigError and KnowledgeError list one problem per line: keep them, separated.
  if (err instanceof Error && (err.name === "ConfigError" || err.name === "KnowledgeError")) return err.message.replace(/\n\s*/g, " | ");
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s*\n\s*/g, " ");
}

export async function runProgram(program: Command, argv: string[]): Promise<void> {
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
