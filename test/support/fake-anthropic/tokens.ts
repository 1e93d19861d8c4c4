/**
 * Token estimates and the prompt as an ordered list of blocks (the unit of prompt caching).
 *
 * The fake has no tokenizer. It uses one stated rule everywhere: estimateTokens(text) =
 * Math.ceil(text.length / 4), applied to each block separately and summed, so a test can compute
 * every usage number by hand.
 */

/**
 * The fake's token estimate: Math.ceil(chars / 4) over JavaScript string length (UTF-16 units).
 * Real tokenizers differ (Claude 4.7+ counts ≈30 % more for English); this is only a stable stand-in.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export type CacheTtl = "5m" | "1h";

/** One block of the prompt in cache order: tools → output format → system → messages. */
export interface PromptBlock {
  /** Canonical JSON of the block without its cache_control: what the cache hashes. */
  canonical: string;
  tokens: number;
  /** Set when this block is a cache breakpoint. */
  ttl?: CacheTtl;
  /** True for empty text blocks carrying cache_control (the API rejects those). */
  emptyBreakpoint?: boolean;
}

function withoutCacheControl(block: Record<string, unknown>): Record<string, unknown> {
  const { cache_control: _cc, ...rest } = block;
  return rest;
}

function ttlOf(cc: unknown): CacheTtl | undefined {
  if (!cc || typeof cc !== "object") return undefined;
  return (cc as { ttl?: string }).ttl === "1h" ? "1h" : "5m";
}

/** The text a block is billed for: its text for text blocks, else its JSON (without cache_control). */
export function blockText(block: any): string {
  if (typeof block === "string") return block;
  if (block && block.type === "text" && typeof block.text === "string") return block.text;
  if (block && block.type === "tool_result" && typeof block.content === "string") return block.content;
  return JSON.stringify(withoutCacheControl(block ?? {}));
}

function makeBlock(section: string, block: any): PromptBlock {
  const normal = typeof block === "string" ? { type: "text", text: block } : block;
  const ttl = ttlOf(normal?.cache_control);
  const text = blockText(normal);
  return {
    canonical: JSON.stringify([section, withoutCacheControl(normal ?? {})]),
    tokens: estimateTokens(text),
    ...(ttl ? { ttl } : {}),
    ...(ttl && normal?.type === "text" && text === "" ? { emptyBreakpoint: true } : {}),
  };
}

/**
 * The prompt as blocks, in the order the cache sees it. The output format counts as one block after
 * the tools (the API injects a system prompt describing it; changing it invalidates the cache). A
 * string `system` or string message content is one text block. A top-level `cache_control`
 * (automatic caching) marks the last block unless that block already carries one.
 */
export function promptBlocks(body: any): PromptBlock[] {
  const blocks: PromptBlock[] = [];
  for (const tool of Array.isArray(body.tools) ? body.tools : []) blocks.push(makeBlock("tool", tool));
  const format = body.output_config?.format;
  if (format !== undefined && format !== null) blocks.push({ canonical: JSON.stringify(["format", format]), tokens: estimateTokens(JSON.stringify(format)) });
  const system = body.system;
  if (typeof system === "string") {
    if (system !== "") blocks.push(makeBlock("system", system));
  } else if (Array.isArray(system)) {
    for (const b of system) blocks.push(makeBlock("system", b));
  }
  for (const m of Array.isArray(body.messages) ? body.messages : []) {
    const content = typeof m?.content === "string" ? [m.content] : Array.isArray(m?.content) ? m.content : [];
    for (const b of content) blocks.push(makeBlock(`message:${m.role}`, b));
  }
  const auto = ttlOf(body.cache_control);
  const last = blocks[blocks.length - 1];
  if (auto && last && !last.ttl) last.ttl = auto;
  return blocks;
}

/** Total input tokens of a request (what count_tokens reports, and input+cache counters sum to). */
export function promptTokens(body: any): number {
  return promptBlocks(body).reduce((sum, b) => sum + b.tokens, 0);
}
