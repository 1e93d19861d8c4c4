/**
 * Gong-style paging: `records: { totalRecords, currentPageSize, currentPageNumber, cursor? }`, with
 * `cursor` only while more pages remain. A cursor is opaque: base64url of the next offset, page
 * number and a fingerprint of the request it belongs to, sealed with a seed-derived MAC. Replaying
 * it with a changed request (anything but the cursor) or tampering with it is a 400.
 */
import { badRequest } from "./errors";
import { sha256Hex } from "./prng";

export interface Records {
  totalRecords: number;
  currentPageSize: number;
  currentPageNumber: number;
  cursor?: string;
}

/** Canonical JSON (sorted keys) so equal requests fingerprint equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Fingerprint of a request without its cursor: method, path and the query or body. */
export function requestFingerprint(method: string, path: string, params: unknown): string {
  let p = params;
  if (p instanceof URLSearchParams) {
    p = [...p.entries()].filter(([k]) => k !== "cursor").sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  } else if (p && typeof p === "object" && !Array.isArray(p)) {
    const { cursor: _c, ...rest } = p as Record<string, unknown>;
    p = rest;
  }
  return sha256Hex(`${method} ${path} ${canonical(p)}`).slice(0, 24);
}

export class Pager {
  constructor(
    private readonly pageSize: number,
    private readonly secret: string,
  ) {}

  private mac(payload: string): string {
    return sha256Hex(`${this.secret}|${payload}`).slice(0, 16);
  }

  encode(offset: number, page: number, fingerprint: string): string {
    const payload = `${offset}.${page}.${fingerprint}`;
    return Buffer.from(`${payload}.${this.mac(payload)}`, "utf8").toString("base64url");
  }

  decode(cursor: string, fingerprint: string): { offset: number; page: number } {
    const text = Buffer.from(cursor, "base64url").toString("utf8");
    const m = /^(\d+)\.(\d+)\.([0-9a-f]+)\.([0-9a-f]{16})$/.exec(text);
    if (!m || this.mac(`${m[1]}.${m[2]}.${m[3]}`) !== m[4]) throw badRequest("Malformed request: invalid cursor");
    if (m[3] !== fingerprint) {
      throw badRequest("Malformed request: the cursor belongs to a different request; repeat the same request and change only the cursor");
    }
    return { offset: Number(m[1]), page: Number(m[2]) };
  }

  /** The page of `items` a cursor points at (the first page without one). */
  page<T>(items: T[], cursor: string | undefined, fingerprint: string): { items: T[]; records: Records } {
    const { offset, page } = cursor ? this.decode(cursor, fingerprint) : { offset: 0, page: 0 };
    const slice = items.slice(offset, offset + this.pageSize);
    const records: Records = { totalRecords: items.length, currentPageSize: slice.length, currentPageNumber: page };
    const next = offset + slice.length;
    if (next < items.length) records.cursor = this.encode(next, page + 1, fingerprint);
    return { items: slice, records };
  }
}
