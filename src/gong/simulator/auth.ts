/**
 * Authentication like Gong's: `Authorization: Basic base64(accessKey:accessKeySecret)`, or
 * `Bearer <token>` when a bearer token is configured. Missing or wrong credentials are a 401; a
 * bearer token lacking the endpoint's scope (when `bearerScopes` is set) is a 403.
 */
import { timingSafeEqual } from "node:crypto";

export interface AuthConfig {
  accessKey: string;
  accessKeySecret: string;
  bearerToken?: string;
  /** Scopes granted to the bearer token; undefined = all scopes. */
  bearerScopes?: string[];
}

export type AuthResult = { ok: true; method: "basic" | "bearer" } | { ok: false; message: string };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authenticate(header: string | undefined, config: AuthConfig): AuthResult {
  if (!header) return { ok: false, message: "Unauthorized: missing Authorization header" };
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(" ");
  if (/^basic$/i.test(scheme) && value) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0 && same(decoded.slice(0, colon), config.accessKey) && same(decoded.slice(colon + 1), config.accessKeySecret)) {
      return { ok: true, method: "basic" };
    }
  } else if (/^bearer$/i.test(scheme) && value && config.bearerToken && same(value, config.bearerToken)) {
    return { ok: true, method: "bearer" };
  }
  return { ok: false, message: "Unauthorized: invalid credentials" };
}

/** The scope Gong requires of Bearer tokens for an endpoint (`route` as "METHOD /path"). */
export function requiredScopes(route: string, wantsMedia: boolean): string[] {
  switch (route) {
    case "GET /v2/calls":
    case "GET /v2/calls/{id}":
      return ["api:calls:read:basic"];
    case "POST /v2/calls/extensive":
      return wantsMedia ? ["api:calls:read:extensive", "api:calls:read:media-url"] : ["api:calls:read:extensive"];
    case "POST /v2/calls/transcript":
      return ["api:calls:read:transcript"];
    default:
      return ["api:users:read"];
  }
}
