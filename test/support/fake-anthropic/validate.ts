/**
 * Request checks the real API makes that a caller can get wrong (reference §1, §3, §4, §11.8): known
 * models, the 2026-10-21 rules, forced tool_choice on models that refuse it, pre-warm restrictions,
 * cache breakpoint limits. Each returns the ApiError the API would send, or undefined.
 */
import { ApiError, invalidRequest, notFound } from "./errors";
import { promptBlocks } from "./tokens";

export const API_VERSIONS = ["2023-06-01", "2026-10-21"] as const;

/** Model id → largest max_tokens (reference §9). */
export const KNOWN_MODELS: Record<string, number> = {
  "claude-opus-5-5": 128_000,
  "claude-sonnet-5-5": 128_000,
  "claude-haiku-5-5": 128_000,
  "claude-opus-5": 128_000,
  "claude-sonnet-5": 128_000,
  "claude-haiku-4-5": 64_000,
  "claude-fable-5-1": 128_000,
  "claude-fable-5-2": 128_000,
};

/** Models on which a forced tool_choice (any/tool) returns 400 (reference §3). */
const NO_FORCED_TOOL = new Set(["claude-opus-5-5", "claude-sonnet-5-5", "claude-fable-5-1"]);
/** Models on which an assistant-turn prefill returns 400 (reference §3). */
const NO_PREFILL = new Set(["claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5"]);

/**
 * Smallest cacheable prefix in tokens (reference §4): 512 on the 5.5 models, Opus 5 and Fable/Mythos;
 * 1,024 on Sonnet 5; 4,096 on Haiku 4.5; 1,024 otherwise.
 */
export function minCacheableTokens(model: string): number {
  if (/^claude-[a-z]+-5-5$/.test(model) || model === "claude-opus-5" || /^claude-(fable|mythos)-/.test(model)) return 512;
  if (model === "claude-haiku-4-5") return 4096;
  return 1024;
}

/** 5.x models think adaptively by default (reference §2, §9). */
export function thinksByDefault(model: string): boolean {
  return model !== "claude-haiku-4-5";
}

export function isForcedTool(body: any): boolean {
  const t = body?.tool_choice?.type;
  return t === "any" || t === "tool";
}

export function checkVersion(version: string | undefined): ApiError | undefined {
  if (!version) return invalidRequest("anthropic-version: header is required");
  if (!(API_VERSIONS as readonly string[]).includes(version)) return invalidRequest(`anthropic-version: "${version}" is not a valid version`);
  return undefined;
}

export type RequestKind = "messages" | "count_tokens" | "batch";

/** Validates a Messages body (or a count_tokens body, or a batch entry's params). */
export function checkMessageBody(body: any, version: string, kind: RequestKind): ApiError | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return invalidRequest("The request body must be a JSON object");
  if (typeof body.model !== "string" || body.model === "") return invalidRequest("model: Field required");
  const maxOut = KNOWN_MODELS[body.model];
  if (maxOut === undefined) return notFound(`model: ${body.model}`);
  if (!Array.isArray(body.messages) || body.messages.length === 0) return invalidRequest("messages: at least one message is required");
  for (const [i, m] of body.messages.entries()) {
    if (m?.role !== "user" && m?.role !== "assistant") return invalidRequest(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    if (typeof m.content !== "string" && !Array.isArray(m.content)) return invalidRequest(`messages.${i}.content: Field required`);
    if (m.content === "" || (Array.isArray(m.content) && m.content.some((b: any) => b?.type === "text" && b.text === ""))) {
      return invalidRequest(`messages.${i}: text content blocks must be non-empty`);
    }
  }
  if (NO_PREFILL.has(body.model) && body.messages[body.messages.length - 1].role === "assistant") {
    return invalidRequest("This model does not support assistant message prefill. The conversation must end with a user message.");
  }
  if (version === "2026-10-21") {
    for (const p of ["temperature", "top_p", "top_k"]) {
      if (body[p] !== undefined) return invalidRequest(`${p}: Extra inputs are not permitted with anthropic-version 2026-10-21`);
    }
  }
  const pairErr = checkToolPairs(body.messages);
  if (pairErr) return pairErr;
  const toolErr = checkToolChoice(body);
  if (toolErr) return toolErr;
  const cacheErr = checkBreakpoints(body);
  if (cacheErr) return cacheErr;
  if (kind === "count_tokens") return undefined;

  if (kind === "batch" && body.stream !== undefined) return invalidRequest("stream: Extra inputs are not permitted in a batch request");
  const mt = body.max_tokens;
  if (!Number.isInteger(mt) || mt < 0) return invalidRequest("max_tokens: Field required (a non-negative integer)");
  if (mt > maxOut) return invalidRequest(`max_tokens: ${mt} > ${maxOut}, which is the maximum allowed number of output tokens for ${body.model}`);
  if (mt === 0) {
    const why =
      kind === "batch" ? "a batch request" :
      body.stream === true ? "stream: true" :
      body.output_config?.format ? "output_config.format" :
      isForcedTool(body) ? `tool_choice.type: ${body.tool_choice.type}` :
      body.thinking?.type === "enabled" ? "thinking.type: enabled" : undefined;
    if (why) return invalidRequest(`max_tokens: 0 (cache pre-warm) cannot be combined with ${why}`);
  }
  return undefined;
}

function checkToolChoice(body: any): ApiError | undefined {
  const tc = body.tool_choice;
  if (tc === undefined) return undefined;
  const tools: any[] = Array.isArray(body.tools) ? body.tools : [];
  if (!["auto", "any", "tool", "none"].includes(tc?.type)) return invalidRequest("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'");
  if (!isForcedTool(body)) return undefined;
  if (NO_FORCED_TOOL.has(body.model)) {
    return invalidRequest(`tool_choice.type: "${tc.type}" is not supported on ${body.model}; use output_config.format or tool_choice "auto"`);
  }
  if (tools.length === 0) return invalidRequest(`tool_choice.type: "${tc.type}" requires at least one tool`);
  if (tc.type === "tool" && !tools.some((t) => t?.name === tc.name)) return invalidRequest(`tool_choice.name: no tool named "${tc.name}"`);
  return undefined;
}

/** Every assistant tool_use needs a tool_result in the next (user) message, and vice versa. */
function checkToolPairs(messages: any[]): ApiError | undefined {
  const idsOf = (m: any, type: string, field: string): string[] =>
    Array.isArray(m?.content) ? m.content.filter((b: any) => b?.type === type).map((b: any) => b[field]) : [];
  for (const [i, m] of messages.entries()) {
    const uses = m.role === "assistant" ? idsOf(m, "tool_use", "id") : [];
    const results = new Set(messages[i + 1]?.role === "user" ? idsOf(messages[i + 1], "tool_result", "tool_use_id") : []);
    const missing = uses.filter((id) => !results.has(id));
    if (missing.length) return invalidRequest(`messages.${i + 1}: tool_use ids were found without tool_result blocks immediately after: ${missing.join(", ")}`);
    if (m.role === "user") {
      const previous = new Set(messages[i - 1]?.role === "assistant" ? idsOf(messages[i - 1], "tool_use", "id") : []);
      const stray = idsOf(m, "tool_result", "tool_use_id").filter((id) => !previous.has(id));
      if (stray.length) return invalidRequest(`messages.${i}.content: unexpected tool_use_id found in tool_result blocks: ${stray.join(", ")}`);
    }
  }
  return undefined;
}

function checkBreakpoints(body: any): ApiError | undefined {
  const marked = promptBlocks(body).filter((b) => b.ttl);
  if (marked.some((b) => b.emptyBreakpoint)) return invalidRequest("cache_control cannot be set for empty text blocks");
  if (marked.length > 4) return invalidRequest(`A maximum of 4 blocks with cache_control may be provided. Found ${marked.length}.`);
  const firstShort = marked.findIndex((b) => b.ttl === "5m");
  if (firstShort >= 0 && marked.slice(firstShort).some((b) => b.ttl === "1h")) {
    return invalidRequest("a ttl='1h' cache_control block must not come after a ttl='5m' one");
  }
  return undefined;
}
