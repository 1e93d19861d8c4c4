#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm run build` into dist/. `mcp` has a lean entry that
// loads only what the MCP adapter needs (see src/cli/mcp-main.ts).
const entry = process.argv[2] === "mcp" ? "mcp-main.js" : "main.js";
require(`../dist/src/cli/${entry}`).main(process.argv);
