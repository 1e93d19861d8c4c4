/**
 * Turning tool answers and failures into MCP results. Every result stays under RESULT_BUDGET_CHARS
 * (≈ 25,000 tokens at ~3.5 characters per token): tools page their long lists themselves; should an
 * answer still be too long, the longest lists are cut here and `notes` says what was left out and how
 * to get it. GraphQL errors become `isError` results carrying the error code and what to do about it.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CallCoachClientError } from "../../clients/execute";
import type { ToolAnswer } from "./tool";

export const RESULT_BUDGET_CHARS = 80_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function render(summary: string, data: unknown): string {
  return `${summary}\n\n${JSON.stringify(data, null, 1)}`;
}

/** The path and length of the longest array in `value`. */
function longestArray(value: Json, path: (string | number)[] = []): { path: (string | number)[]; length: number } | null {
  let best: { path: (string | number)[]; length: number } | null = null;
  if (Array.isArray(value)) {
    if (value.length > 1) best = { path, length: value.length };
    value.forEach((v, i) => {
      const inner = longestArray(v, [...path, i]);
      if (inner && (!best || inner.length > best.length)) best = inner;
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const inner = longestArray(v, [...path, k]);
      if (inner && (!best || inner.length > best.length)) best = inner;
    }
  }
  return best;
}

function at(value: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], value);
}

/** Shortens the longest strings matching `which` to 2,000 characters while `tooLong()` holds. */
function shortenStrings(data: Json, which: (s: string) => boolean, tooLong: () => boolean, cut: string[]): void {
  if (!tooLong()) return;
  const strings: { holder: Record<string | number, Json>; key: string | number; len: number }[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (typeof x === "string") strings.push({ holder: v as unknown as Record<number, Json>, key: i, len: x.length });
        else walk(x);
      });
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === "string") strings.push({ holder: v, key: k, len: x.length });
        else walk(x);
      }
    }
  };
  walk(data);
  strings.sort((a, b) => b.len - a.len);
  for (const s of strings) {
    if (!tooLong()) break;
    const text = s.holder[s.key] as string;
    if (text.length <= 2100 || !which(text)) continue;
    s.holder[s.key] = `${text.slice(0, 2000)} … [${text.length - 2000} characters cut]`;
    cut.push(`a text of ${text.length} characters was shortened to 2,000`);
  }
}

/** Cuts huge texts, then the longest lists, until the rendered answer fits the budget; returns what was cut. */
export function fitToBudget<O extends object>(answer: ToolAnswer<O>, budget = RESULT_BUDGET_CHARS): { data: O; cut: string[] } {
  const data = JSON.parse(JSON.stringify(answer.data)) as Json;
  const cut: string[] = [];
  // A text longer than a quarter of the budget (a report, a monologue) is cut first, so that lists
  // of small items (figures, moments) are not halved to make room for it.
  shortenStrings(data, (s) => s.length > budget / 4, () => render(answer.summary, data).length > budget, cut);
  const removed = new Map<string, { from: number; to: number }>();
  for (let guard = 0; guard < 200 && render(answer.summary, data).length > budget; guard++) {
    const longest = longestArray(data);
    if (!longest) break;
    const list = at(data, longest.path) as Json[];
    const keep = Math.max(1, Math.floor(list.length / 2));
    const key = longest.path.join(".") || "(top)";
    const before = removed.get(key)?.from ?? list.length;
    list.length = keep;
    removed.set(key, { from: before, to: keep });
  }
  for (const [key, { from, to }] of removed) cut.push(`${key}: showing ${to} of ${from} (cut to stay under ~25,000 tokens; ask for a narrower page)`);
  shortenStrings(data, () => true, () => render(answer.summary, data).length > budget, cut);
  return { data: data as unknown as O, cut };
}

/** The MCP result of a tool's answer: the summary first, then the structured data (also as JSON text). */
export function toResult<O extends object>(answer: ToolAnswer<O>): CallToolResult {
  const { data, cut } = fitToBudget(answer);
  const withNotes = cut.length > 0 ? { ...data, notes: [...(((data as { notes?: string[] }).notes) ?? []), ...cut] } : data;
  return {
    content: [{ type: "text", text: render(answer.summary, withNotes) }],
    structuredContent: withNotes as Record<string, unknown>,
  };
}

const HINTS: Record<string, string> = {
  UNAUTHENTICATED:
    "The token is missing, wrong or revoked. Create one with `callcoach token create --role REP --rep you@company.com` and set it as CALLCOACH_TOKEN (or send it as the bearer token).",
  FORBIDDEN: "This needs a token with more rights (an ADMIN or the rep's MANAGER).",
  NOT_FOUND:
    "Nothing with that id is visible to this token. Ids may be ours (UUID) or Gong's; a call or rep outside the token's scope also answers NOT_FOUND. Try search_calls or list_reps to find the right one.",
  BAD_USER_INPUT: "Fix the argument named in the message and call again.",
  CONFLICT: "Something else is changing the same record; try again in a moment.",
  UNREACHABLE: "call-coach is not reachable: start it with `callcoach serve`, or check CALLCOACH_URL.",
  BAD_RESPONSE: "call-coach answered something that is not GraphQL: check that CALLCOACH_URL points at a call-coach server.",
  INTERNAL_SERVER_ERROR: "call-coach failed on its side; its log has the details (look for the request id).",
};

/** A failed tool call as a result Claude can read and act on (never a thrown protocol error). */
export function errorResult(err: unknown): CallToolResult {
  if (err instanceof CallCoachClientError) {
    const hint = HINTS[err.code] ?? "";
    const code = err.reason ? `${err.code} (${err.reason})` : err.code;
    return {
      isError: true,
      content: [{ type: "text", text: `${code}: ${err.message}${hint ? `\n${hint}` : ""}` }],
      structuredContent: undefined,
    };
  }
  if (err instanceof ToolInputError) {
    return { isError: true, content: [{ type: "text", text: `BAD_USER_INPUT: ${err.message}` }] };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { isError: true, content: [{ type: "text", text: `INTERNAL_ERROR: ${message}` }] };
}

/** An argument combination the schema cannot express (e.g. neither rep_id nor rep_email). */
export class ToolInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolInputError";
  }
}
