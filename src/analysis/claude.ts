/**
 * Claude scoring: one request per rubric dimension plus one call-review request (summary, key
 * moments, actions, objection ledger), all sharing one cached prefix (prompts.ts).
 *
 * Cold start: a cache entry exists only once the first response has begun, so requests fired
 * together would all miss and all pay a cache write. The first request is started alone, and the
 * others are released when its `message_start` arrives (or it fails) — one write, N−1 reads —
 * then run with a concurrency bound.
 *
 * Output: `output_config.format` (JSON schema) on models that reject a forced tool (Opus/Sonnet 5.5,
 * Fable 5.1), a forced tool elsewhere; then zod. An answer that fails validation (or is cut off by
 * max_tokens) gets one retry that says what was wrong; a refusal or a second failure fails that
 * task with a reason while the others keep their results. API errors are retried by the SDK
 * (429/5xx/529 with retry-after) and then fail the task with the API's reason.
 */
import Anthropic from "@anthropic-ai/sdk";
import pLimit from "p-limit";
import type { Config } from "../core/config";
import { ANALYSIS_OUTPUT_JSON_SCHEMA, OutputValidationError, parseCallReviewAnswer, parseDimensionAnswer } from "./output-schema";
import { callReviewTask, correctionMessage, dimensionTask, instructionsBlock, transcriptBlock, type PromptContext } from "./prompts";
import { addUsage, usageFromApi, ZERO_USAGE, type Usage } from "./prices";
import type { CallReviewAnswer, DimensionAnswer, DimensionSpec } from "./types";

/** Models on which a forced `tool_choice` answers 400: they get `output_config.format`. */
const NO_FORCED_TOOL = /^claude-(opus-5-5|sonnet-5-5|fable-5-1)/;
const TOOL_NAME = "record_analysis";

export type TaskOutcome<T> =
  | { ok: true; value: T; usage: Usage; attempts: number }
  | { ok: false; reason: string; usage: Usage; attempts: number };

export interface ClaudeTaskHooks {
  /** A task's first request is about to be sent. */
  onStart?(task: string): void;
  /** A task finished (successfully or not). */
  onDone?(task: string, outcome: TaskOutcome<unknown>): void | Promise<void>;
}

export interface ClaudeRunResult {
  dimensions: Map<string, TaskOutcome<DimensionAnswer>>;
  review: TaskOutcome<CallReviewAnswer> | null;
  usage: Usage;
  requests: number;
}

export const REVIEW_TASK = "call_review";

export interface ClaudeEngineOptions {
  model: string;
  concurrency: number;
  maxOutputTokens: number;
}

/** Creates the SDK client from configuration (retries and timeouts are the SDK's, made explicit). */
export function anthropicClient(config: Config): Anthropic {
  return new Anthropic({
    apiKey: config.analysis.apiKey,
    baseURL: config.analysis.baseUrl,
    maxRetries: config.analysis.apiRetries,
    timeout: 10 * 60_000,
  });
}

/** Describes an SDK error for a person: status, type and message, never the key. */
export function describeApiError(err: unknown): string {
  if (err instanceof Anthropic.APIError) {
    const type = (err.error as { error?: { type?: string } } | undefined)?.error?.type ?? err.type ?? "error";
    const msg = (err.error as { error?: { message?: string } } | undefined)?.error?.message ?? err.message;
    return `Anthropic API ${err.status ?? "stream"} ${type}: ${msg}`;
  }
  if (err instanceof Anthropic.AnthropicError) return `Anthropic client error: ${err.message}`;
  return (err as Error)?.message ?? String(err);
}

export class ClaudeEngine {
  constructor(
    private readonly client: Anthropic,
    private readonly opts: ClaudeEngineOptions,
  ) {}

  get model(): string {
    return this.opts.model;
  }

  /** The request parameters shared by every task of one prompt context (the cached prefix). */
  baseParams(p: PromptContext, ttl: "5m" | "1h" = "5m"): Record<string, unknown> {
    const params: Record<string, unknown> = {
      model: this.opts.model,
      max_tokens: this.opts.maxOutputTokens,
      system: [
        { type: "text", text: instructionsBlock(p) },
        { type: "text", text: transcriptBlock(p.lines, p.window), cache_control: { type: "ephemeral", ttl } },
      ],
    };
    if (NO_FORCED_TOOL.test(this.opts.model)) {
      params.output_config = { format: { type: "json_schema", schema: ANALYSIS_OUTPUT_JSON_SCHEMA } };
    } else {
      params.tools = [{ name: TOOL_NAME, description: "Record the analysis result.", input_schema: ANALYSIS_OUTPUT_JSON_SCHEMA, strict: true }];
      params.tool_choice = { type: "tool", name: TOOL_NAME };
      params.thinking = { type: "disabled" };
    }
    return params;
  }

  /** Total prompt tokens of a context, by the token-counting endpoint (null when it is unavailable). */
  async countTokens(p: PromptContext): Promise<number | null> {
    const { max_tokens: _drop, ...params } = this.baseParams(p);
    void _drop;
    try {
      const r = await this.client.messages.countTokens({ ...params, messages: [{ role: "user", content: callReviewTask(p.subject) }] } as never);
      return r.input_tokens;
    } catch {
      return null;
    }
  }

  async run(p: PromptContext, dims: DimensionSpec[], includeReview: boolean, hooks: ClaudeTaskHooks = {}): Promise<ClaudeRunResult> {
    const base = this.baseParams(p);
    const tasks: { key: string; text: string; parse: (raw: unknown) => unknown }[] = [
      ...(includeReview ? [{ key: REVIEW_TASK, text: callReviewTask(p.subject), parse: parseCallReviewAnswer }] : []),
      ...dims.map((d) => ({ key: d.key, text: dimensionTask(d, p.subject), parse: parseDimensionAnswer })),
    ];
    const limit = pLimit(this.opts.concurrency);
    let requests = 0;
    const runTask = (t: (typeof tasks)[number], started?: () => void) =>
      limit(async () => {
        hooks.onStart?.(t.key);
        const outcome = await this.runTask(base, t.text, t.parse, () => requests++, started);
        await hooks.onDone?.(t.key, outcome);
        return [t.key, outcome] as const;
      });

    const results: Promise<readonly [string, TaskOutcome<unknown>]>[] = [];
    if (tasks.length > 0) {
      let release!: () => void;
      const firstStarted = new Promise<void>((r) => (release = r));
      const first = runTask(tasks[0], release);
      results.push(first.finally(release));
      await firstStarted;
      for (const t of tasks.slice(1)) results.push(runTask(t));
    }
    const settled = await Promise.all(results);
    const dimensions = new Map<string, TaskOutcome<DimensionAnswer>>();
    let review: ClaudeRunResult["review"] = null;
    let usage = { ...ZERO_USAGE };
    for (const [key, outcome] of settled) {
      usage = addUsage(usage, outcome.usage);
      if (key === REVIEW_TASK) review = outcome as ClaudeRunResult["review"];
      else dimensions.set(key, outcome as TaskOutcome<DimensionAnswer>);
    }
    return { dimensions, review, usage, requests };
  }

  /** The Message Batch requests of one prompt context (custom ids `<prefix>-<task>`; 1-hour cache TTL, as batches may take longer than 5 minutes). */
  batchRequests(p: PromptContext, dims: DimensionSpec[], includeReview: boolean, prefix: string): { custom_id: string; params: Record<string, unknown> }[] {
    const base = this.baseParams(p, "1h");
    const tasks = [...(includeReview ? [{ key: REVIEW_TASK, text: callReviewTask(p.subject) }] : []), ...dims.map((d) => ({ key: d.key, text: dimensionTask(d, p.subject) }))];
    return tasks.map((t) => ({ custom_id: `${prefix}-${t.key}`, params: { ...base, messages: [{ role: "user", content: t.text }] } }));
  }

  async createBatch(requests: { custom_id: string; params: Record<string, unknown> }[]): Promise<string> {
    const batch = await this.client.messages.batches.create({ requests } as never);
    return batch.id;
  }

  /** The entries of an ended batch by custom id; null while it is still processing. */
  async batchResults(batchId: string): Promise<Map<string, BatchEntry> | null> {
    const batch = await this.client.messages.batches.retrieve(batchId);
    if (batch.processing_status !== "ended") return null;
    const entries = new Map<string, BatchEntry>();
    for await (const e of await this.client.messages.batches.results(batchId)) entries.set(e.custom_id, e.result as BatchEntry);
    return entries;
  }

  /** Reads one window's tasks from batch entries (no corrective retry in batch mode: an invalid answer fails its task). */
  readBatchRun(entries: Map<string, BatchEntry>, prefix: string, dims: DimensionSpec[], includeReview: boolean): ClaudeRunResult {
    const dimensions = new Map<string, TaskOutcome<DimensionAnswer>>();
    let review: ClaudeRunResult["review"] = null;
    let usage = { ...ZERO_USAGE };
    let requests = 0;
    const tasks = [...(includeReview ? [{ key: REVIEW_TASK, parse: parseCallReviewAnswer as (raw: unknown) => unknown }] : []), ...dims.map((d) => ({ key: d.key, parse: parseDimensionAnswer as (raw: unknown) => unknown }))];
    for (const t of tasks) {
      const entry = entries.get(`${prefix}-${t.key}`);
      let outcome: TaskOutcome<unknown>;
      if (entry) requests++;
      if (!entry) outcome = { ok: false, reason: "no result for this task in the batch", usage: ZERO_USAGE, attempts: 0 };
      else if (entry.type === "succeeded") {
        const u = usageFromApi(entry.message.usage);
        usage = addUsage(usage, u);
        outcome = readMessage(entry.message, t.parse, u);
      } else if (entry.type === "errored") {
        const err = entry.error?.error;
        outcome = { ok: false, reason: `batch entry errored: ${err?.type ?? "error"}: ${err?.message ?? "no message"}`, usage: ZERO_USAGE, attempts: 1 };
      } else if (entry.type === "expired") outcome = { ok: false, reason: "batch entry expired (not processed within 24 hours)", usage: ZERO_USAGE, attempts: 1 };
      else outcome = { ok: false, reason: `batch entry ${entry.type}`, usage: ZERO_USAGE, attempts: 1 };
      if (t.key === REVIEW_TASK) review = outcome as ClaudeRunResult["review"];
      else dimensions.set(t.key, outcome as TaskOutcome<DimensionAnswer>);
    }
    return { dimensions, review, usage, requests };
  }

  /** One task: a request, validation, at most one corrective retry. */
  private async runTask(
    base: Record<string, unknown>,
    task: string,
    parse: (raw: unknown) => unknown,
    countRequest: () => void,
    started?: () => void,
  ): Promise<TaskOutcome<unknown>> {
    const messages: unknown[] = [{ role: "user", content: task }];
    let usage = { ...ZERO_USAGE };
    for (let attempt = 1; attempt <= 2; attempt++) {
      let message: Anthropic.Message;
      try {
        countRequest();
        const stream = this.client.messages.stream({ ...base, messages } as never);
        if (started) stream.on("streamEvent", (ev) => ev.type === "message_start" && started());
        message = await stream.finalMessage();
      } catch (err) {
        return { ok: false, reason: describeApiError(err), usage, attempts: attempt };
      }
      usage = addUsage(usage, usageFromApi(message.usage));
      if (message.stop_reason === "refusal") {
        const details = (message as { stop_details?: { explanation?: string } | null }).stop_details;
        return { ok: false, reason: `the model refused${details?.explanation ? `: ${details.explanation}` : ""}`, usage, attempts: attempt };
      }
      const { raw, replay } = extractAnswer(message);
      let error: string;
      if (message.stop_reason === "max_tokens") {
        error = "the answer was cut off at max_tokens; keep every text field short";
      } else {
        try {
          return { ok: true, value: parse(raw), usage, attempts: attempt };
        } catch (err) {
          if (!(err instanceof OutputValidationError)) throw err;
          error = err.message;
        }
      }
      if (attempt === 2) return { ok: false, reason: `invalid answer after a retry: ${error}`, usage, attempts: attempt };
      messages.push(...replay(correctionMessage(error)));
    }
    return { ok: false, reason: "unreachable", usage, attempts: 2 };
  }
}

/** One entry of a batch's results (`result` of a results line). */
export type BatchEntry =
  | { type: "succeeded"; message: Anthropic.Message }
  | { type: "errored"; error?: { error?: { type?: string; message?: string } } }
  | { type: "expired" | "canceled" };

/** Checks and parses a finished message (batch mode: no retry). */
function readMessage(message: Anthropic.Message, parse: (raw: unknown) => unknown, usage: Usage): TaskOutcome<unknown> {
  if (message.stop_reason === "refusal") return { ok: false, reason: "the model refused", usage, attempts: 1 };
  if (message.stop_reason === "max_tokens") return { ok: false, reason: "the answer was cut off at max_tokens", usage, attempts: 1 };
  try {
    return { ok: true, value: parse(extractAnswer(message).raw), usage, attempts: 1 };
  } catch (err) {
    if (!(err instanceof OutputValidationError)) throw err;
    return { ok: false, reason: `invalid answer in batch: ${err.message}`, usage, attempts: 1 };
  }
}

/** The answer of a message (text JSON or the forced tool's input) and how to continue the conversation after it. */
function extractAnswer(message: Anthropic.Message): { raw: unknown; replay: (correction: string) => unknown[] } {
  const tool = message.content.find((b) => b.type === "tool_use") as Anthropic.ToolUseBlock | undefined;
  if (tool) {
    return {
      raw: tool.input,
      replay: (correction) => [
        { role: "assistant", content: [{ type: "tool_use", id: tool.id, name: tool.name, input: tool.input }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: tool.id, is_error: true, content: correction }] },
      ],
    };
  }
  const text = message.content
    .filter((b): b is Anthropic.TextBlock => b.type === "text")
    .map((b) => b.text)
    .join("");
  return {
    raw: text,
    replay: (correction) => [
      { role: "assistant", content: text.trim() ? text : "(empty answer)" },
      { role: "user", content: correction },
    ],
  };
}
