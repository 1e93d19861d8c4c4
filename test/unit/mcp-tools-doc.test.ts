import fs from "node:fs";
import path from "node:path";
import { renderToolsDoc } from "../../src/mcp/tools-doc";
import { TOOLS } from "../../src/mcp/tools";

describe("docs/mcp-tools.md", () => {
  const committed = fs.readFileSync(path.resolve(__dirname, "../../docs/mcp-tools.md"), "utf8");

  it("is what the tool definitions generate (run `npm run codegen` after changing a tool)", () => {
    expect(committed).toBe(renderToolsDoc());
  });

  it("documents every tool with its arguments", () => {
    for (const t of TOOLS) {
      expect(committed).toContain(`## ${t.name}`);
      for (const arg of Object.keys(t.inputSchema)) expect(committed).toContain(`\`${arg}\``);
    }
  });
});
