/**
 * The lean entry of `callcoach mcp` (bin/callcoach.js picks it for that command): only the MCP
 * command is loaded, not the database stack of the other commands, so Claude Desktop's start of the
 * adapter stays short. The database is loaded only if the adapter must start a server in-process.
 */
import "reflect-metadata";
import { Command } from "commander";
import { registerMcp } from "./mcp";
import { runProgram } from "./run-program";

export async function main(argv: string[]): Promise<void> {
  const program = new Command().name("callcoach").exitOverride();
  registerMcp(program);
  await runProgram(program, argv);
}
