/** Writes docs/mcp-tools.md from the MCP tool definitions (`npm run codegen` runs this). */
import fs from "node:fs";
import path from "node:path";
import { renderToolsDoc } from "../mcp/tools-doc";

const file = path.resolve(__dirname, "../../../docs/mcp-tools.md");
fs.writeFileSync(file, renderToolsDoc());
console.log(`wrote ${file}`);
