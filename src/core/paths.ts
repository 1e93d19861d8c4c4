import fs from "node:fs";
import path from "node:path";

let root: string | undefined;

/** The folder holding call-coach's package.json (works from src/ under jest and from dist/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "call-coach") return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("call-coach package.json not found above " + __dirname);
    dir = parent;
  }
}

export const migrationsDir = () => path.join(packageRoot(), "migrations");
/** The shipped knowledge base (rubrics, product notes); CALLCOACH_KNOWLEDGE_DIR overrides it. */
export const knowledgeDir = () => path.join(packageRoot(), "knowledge");
