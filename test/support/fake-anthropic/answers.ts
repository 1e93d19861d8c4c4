/**
 * Where answers come from (the script queue, then the answerer) and how an answer becomes the
 * response's content, stop_reason and output tokens (reference §2, §3).
 */
import { newId } from "./errors";
import type { CacheUsage } from "./prompt-cache";
import { blockText, estimateTokens } from "./tokens";
import type { AnswerRequest, Answerer, ScriptedAnswer } from "./types";
import { isForcedTool, thinksByDefault } from "./validate";

/** A successful model answer (the variants that produce a message). */
export type ModelAnswer = Extract<ScriptedAnswer, { json: unknown } | { text: string } | { stopReason: string }>;

/** Scripted answers first (FIFO), then the answerer, then `{ text: "ok" }`. */
export class AnswerSource {
  private queue: ScriptedAnswer[] = [];

  constructor(private readonly answerer?: Answerer) {}

  push(answers: ScriptedAnswer[]): void {
    this.queue.push(...answers);
  }

  clear(): void {
    this.queue = [];
  }

  async next(req: AnswerRequest): Promise<ScriptedAnswer> {
    const scripted = this.queue.shift();
    if (scripted) return scripted;
    return this.answerer ? await this.answerer(req) : { text: "ok" };
  }
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((b) => b?.type === "text" || (b?.type === "tool_result" && typeof b.content === "string"))
    .map((b) => blockText(b))
    .join("\n");
}

/** The answerer's view of a request: system text and the last user message's text. */
export function describeRequest(body: any, customId?: string): AnswerRequest {
  const messages: any[] = Array.isArray(body.messages) ? body.messages : [];
  const lastUser = [...messages].reverse().find((m) => m?.role === "user");
  return {
    body,
    system: textOf(body.system),
    user: lastUser ? textOf(lastUser.content) : "",
    ...(customId !== undefined ? { custom_id: customId } : {}),
  };
}

export interface RenderedAnswer {
  content: any[];
  stop_reason: "end_turn" | "max_tokens" | "tool_use" | "refusal";
  stop_details: null | { type: "refusal"; category: string | null; explanation: string | null };
  output_tokens: number;
}

/**
 * Turns an answer into content. A text answer longer than max_tokens (by estimateTokens) is cut to
 * max_tokens × 4 characters with stop_reason "max_tokens", as a real model would stop; tool inputs are
 * not cut. A scripted max_tokens stop reports output_tokens = max_tokens.
 */
export function renderAnswer(answer: ModelAnswer, body: any, adaptiveThinking: boolean): RenderedAnswer {
  const maxTokens: number = body.max_tokens;
  const content: any[] = [];
  const thinkingType = body.thinking?.type;
  if (adaptiveThinking && thinksByDefault(body.model) && thinkingType !== "disabled" && thinkingType !== "between_tools") {
    content.push({ type: "thinking", thinking: "", signature: `sig_${newId("msg").slice(4)}` });
  }

  if ("stopReason" in answer) {
    if (answer.text !== undefined) content.push({ type: "text", text: answer.text, citations: null });
    if (answer.stopReason === "max_tokens") return { content, stop_reason: "max_tokens", stop_details: null, output_tokens: maxTokens };
    const stop_details = {
      type: "refusal" as const,
      category: answer.category === undefined ? "cyber" : answer.category,
      explanation: answer.explanation ?? "The request was declined by the fake model's scripted refusal.",
    };
    return { content, stop_reason: "refusal", stop_details, output_tokens: estimateTokens(answer.text ?? "") };
  }

  if ("json" in answer && isForcedTool(body) && !body.output_config?.format) {
    const tools: any[] = body.tools;
    const name = body.tool_choice.type === "tool" ? body.tool_choice.name : tools[0].name;
    content.push({ type: "tool_use", id: newId("toolu"), name, input: answer.json, caller: { type: "direct" } });
    return { content, stop_reason: "tool_use", stop_details: null, output_tokens: estimateTokens(JSON.stringify(answer.json)) };
  }

  const full = "json" in answer ? JSON.stringify(answer.json) : answer.text;
  if (estimateTokens(full) > maxTokens) {
    content.push({ type: "text", text: full.slice(0, maxTokens * 4), citations: null });
    return { content, stop_reason: "max_tokens", stop_details: null, output_tokens: maxTokens };
  }
  content.push({ type: "text", text: full, citations: null });
  return { content, stop_reason: "end_turn", stop_details: null, output_tokens: estimateTokens(full) };
}

/** The full Message object of reference §2. */
export function buildMessage(model: string, rendered: RenderedAnswer, cache: CacheUsage): any {
  return {
    id: newId("msg"),
    type: "message",
    role: "assistant",
    model,
    content: rendered.content,
    stop_reason: rendered.stop_reason,
    stop_sequence: null,
    stop_details: rendered.stop_details,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: cache.input_tokens,
      cache_creation_input_tokens: cache.cache_creation_input_tokens,
      cache_read_input_tokens: cache.cache_read_input_tokens,
      cache_creation: { ...cache.cache_creation },
      output_tokens: rendered.output_tokens,
      output_tokens_details: { thinking_tokens: 0 },
      service_tier: "standard",
      server_tool_use: null,
      inference_geo: "global",
      speed: "standard",
    },
  };
}
