/** Check 1: the configuration parses (src/core/config.ts); a ConfigError names the variable(s). */
import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig, type Config } from "../core/config";
import type { CheckResult } from "./types";
import { oneLine } from "./util";

const TITLE = "configuration";

/**
 * Loads the configuration as every command does (`.env` of the working directory, then the
 * environment; `env` given: that object alone).
 */
export function checkConfig(env?: Record<string, string | undefined>): { result: CheckResult; config: Config | null } {
  try {
    const config = loadConfig(env);
    const dotEnv = env === undefined && fs.existsSync(path.resolve(".env")) ? ` (environment and ${path.resolve(".env")})` : "";
    return { result: { id: "config", title: TITLE, status: "ok", message: `valid${dotEnv}` }, config };
  } catch (err) {
    if (!(err instanceof ConfigError)) {
      return {
        result: { id: "config", title: TITLE, status: "fail", message: `cannot be read: ${oneLine((err as Error).message)}`, hint: "fix the environment or .env" },
        config: null,
      };
    }
    const text = err.message.replace(/^Invalid configuration:\s*/, "");
    const names = [...new Set([...text.matchAll(/(?:^|\n)\s*([A-Z][A-Z0-9_]+):/g)].map((m) => m[1]))];
    return {
      result: {
        id: "config",
        title: TITLE,
        status: "fail",
        message: `invalid: ${oneLine(text)}`,
        hint: `fix ${names.length ? names.join(", ") : "the variable named"} in the environment or .env (README, "Configuration", lists every variable and its default)`,
        details: { variables: names.join(",") },
      },
      config: null,
    };
  }
}
