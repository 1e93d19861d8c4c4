/**
 * What an MCP tool is here: a name Claude calls, a title and description it reads, a strict zod input
 * schema (snake_case arguments), annotations, an output schema, and a handler that runs one typed
 * GraphQL operation (clients/) and shapes its answer. Tools hold no database access and no business
 * logic: everything they return, the GraphQL API computed for the caller's token.
 */
import { z } from "zod";
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { ClientOptions } from "../../clients/execute";
import type { Logger } from "../core/logger";

export interface ToolContext {
  /** The GraphQL API and the token every operation is sent with (the caller's, over HTTP). */
  client: ClientOptions;
  logger: Logger;
  /** Aborted when the MCP client cancels the request. */
  signal?: AbortSignal;
  /** Reports progress to clients that asked for it (analyze_call while it waits). */
  progress?(done: number, total: number | undefined, message: string): Promise<void>;
}

export interface ToolAnswer<O> {
  /** A few human-readable lines, shown first (what Claude and the person read before the details). */
  summary: string;
  /** The structured result, valid against the tool's output schema. */
  data: O;
}

export interface ToolDefinition<I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  inputSchema: I;
  outputSchema: O;
  annotations: ToolAnnotations;
  run(ctx: ToolContext, args: z.output<z.ZodObject<I>>): Promise<ToolAnswer<z.output<z.ZodObject<O>>>>;
}

/** Typed identity for tool modules: `export const getCall = defineTool({ … })`. */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(def: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return def;
}

/** Read-only tools: they change nothing, repeat safely, and only reach call-coach. */
export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/** Arguments shared by several tools. */
export const args = {
  callId: () => z.string().trim().min(1, "call_id is required").max(100).describe("Our call id (UUID) or Gong's call id (a string of digits)."),
  repEmail: () => z.string().trim().email("rep_email must be an email address").max(320),
  isoDate: () =>
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, "use an ISO-8601 date, e.g. 2026-11-30 or 2026-11-30T09:00:00Z"),
  first: (max: number, def: number) => z.number().int().min(1).max(max).default(def),
  cursor: () => z.string().max(500).describe("The next_cursor of a previous page, to continue after it."),
};

/** Page info every paged output carries. */
export const pageShape = {
  total_count: z.number().int().describe("How many items match in all."),
  next_cursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
};

/** Milliseconds as m:ss (or h:mm:ss), for the summary lines. */
export function clock(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "?";
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
