/**
 * Check 7: the call-coach API that `callcoach mcp` (and other clients) reach through CALLCOACH_URL
 * accepts CALLCOACH_TOKEN: the `Viewer` query names the token's role and rep. SKIP when CALLCOACH_URL
 * is unset (the adapter then uses the server on the data dir or starts one itself).
 */
import type { Config } from "../core/config";
import { CallCoachClientError, execute, ViewerDocument } from "../../clients/execute";
import type { CheckOptions, CheckResult } from "./types";
import { oneLine } from "./util";

const TITLE = "remote API";

export async function checkApi(config: Config, opts: CheckOptions): Promise<CheckResult> {
  const base = { id: "api" as const, title: TITLE };
  const url = config.clientUrl;
  if (!url) {
    return {
      ...base,
      status: "skip",
      message: "CALLCOACH_URL not set: `callcoach mcp` uses the server running on the data dir, or starts one itself",
      hint: "to use a remote server, set CALLCOACH_URL (e.g. https://callcoach.example.com) and CALLCOACH_TOKEN",
    };
  }
  if (!config.clientToken) {
    return {
      ...base,
      status: "fail",
      message: `CALLCOACH_URL is ${url} but CALLCOACH_TOKEN is not set`,
      hint: "create a token on that server (`callcoach token create --role REP --rep you@company.com`) and set CALLCOACH_TOKEN",
    };
  }
  try {
    const { viewer } = await execute({ url, token: config.clientToken, timeoutMs: opts.timeoutMs }, ViewerDocument);
    const who = viewer.rep ? `${viewer.rep.email}` : "no rep";
    return {
      ...base,
      status: "ok",
      message: `${url} accepts CALLCOACH_TOKEN ("${viewer.tokenName}", ${viewer.role}, ${who})`,
      details: { url, role: viewer.role, rep: viewer.rep?.email ?? null },
    };
  } catch (err) {
    if (err instanceof CallCoachClientError && err.code === "UNAUTHENTICATED") {
      return {
        ...base,
        status: "fail",
        message: `${url} rejected CALLCOACH_TOKEN (${err.reason ?? err.code})`,
        hint: "the token is wrong or revoked: create a new one with `callcoach token create` on that server and set CALLCOACH_TOKEN",
      };
    }
    if (err instanceof CallCoachClientError && err.code === "UNREACHABLE") {
      return { ...base, status: "fail", message: oneLine(err.message), hint: "start `callcoach serve` there, or fix CALLCOACH_URL (the server's base URL, without /graphql)" };
    }
    return { ...base, status: "fail", message: `${url} did not answer as call-coach: ${oneLine((err as Error).message)}`, hint: "check that CALLCOACH_URL is a call-coach server's base URL (without /graphql)" };
  }
}
