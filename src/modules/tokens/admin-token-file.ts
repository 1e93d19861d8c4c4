/**
 * `<dataDir>/admin-token`: the first ADMIN token, written on the first start (mode 0600) so that CLI
 * commands and `callcoach mcp` can act through a running server. Kept free of database imports:
 * the MCP adapter reads it without loading the server.
 */
import fs from "node:fs";
import path from "node:path";

export const adminTokenPath = (dataDir: string) => path.join(dataDir, "admin-token");

/** Reads `<dataDir>/admin-token`, or null when absent. */
export function readAdminToken(dataDir: string): string | null {
  try {
    return fs.readFileSync(adminTokenPath(dataDir), "utf8").trim() || null;
  } catch {
    return null;
  }
}
