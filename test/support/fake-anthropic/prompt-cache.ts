/**
 * Prompt-cache simulation (reference §4, §11.7).
 *
 * The prompt is a chain of blocks (tools → output format → system → messages, see tokens.ts). Each
 * block carrying cache_control is a breakpoint whose entry key hashes everything up to and including
 * that block, seeded with the model, tools, tool_choice, output_config.format and thinking settings,
 * so changing any of them misses. A lookup takes the longest prefix with a live entry, walking back at
 * most 20 blocks from each breakpoint as the API does; later breakpoints are written.
 *
 * Entries a request writes are registered only when its response BEGINS (plan.commit(), called at
 * message_start / just before a JSON reply): requests started together all miss and all pay a write.
 */
import { createHash } from "node:crypto";
import { promptBlocks, type CacheTtl } from "./tokens";
import { minCacheableTokens } from "./validate";

/** Blocks before a breakpoint that a lookup also checks for entries. */
const LOOKBACK_BLOCKS = 20;

export interface CacheUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

export interface CachePlan {
  usage: CacheUsage;
  /** Registers the entries this request writes. Call when the response begins. */
  commit(): void;
}

interface Entry {
  ttl: CacheTtl;
  expiresAt: number;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export class PromptCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: { "5m": number; "1h": number },
    private readonly now: () => number = Date.now,
  ) {}

  clear(): void {
    this.entries.clear();
  }

  /** Number of live entries (for tests and debugging). */
  size(): number {
    const now = this.now();
    return [...this.entries.values()].filter((e) => e.expiresAt > now).length;
  }

  /** Decides hits and writes for a validated request body; a hit refreshes its entry's TTL now. */
  plan(body: any): CachePlan {
    const blocks = promptBlocks(body);
    const context = JSON.stringify({
      model: body.model,
      tools: body.tools ?? null,
      tool_choice: body.tool_choice ?? null,
      format: body.output_config?.format ?? null,
      thinking: body.thinking ?? null,
    });
    const keys: string[] = [];
    const cumulative: number[] = [];
    let key = sha(context);
    let sum = 0;
    for (const b of blocks) {
      key = sha(`${key}\n${b.canonical}`);
      keys.push(key);
      sum += b.tokens;
      cumulative.push(sum);
    }
    const total = sum;
    const min = minCacheableTokens(body.model);
    const now = this.now();
    const live = (i: number) => {
      const e = this.entries.get(keys[i]);
      return e !== undefined && e.expiresAt > now;
    };

    const breakpoints = blocks.flatMap((b, i) => (b.ttl ? [i] : []));
    let readAt = -1;
    for (const bp of breakpoints) {
      for (let j = bp; j >= Math.max(0, bp - LOOKBACK_BLOCKS) && j > readAt; j--) {
        if (cumulative[j] >= min && live(j)) {
          readAt = j;
          break;
        }
      }
    }
    if (readAt >= 0) {
      const hit = this.entries.get(keys[readAt])!;
      hit.expiresAt = now + this.ttlMs[hit.ttl]; // a hit refreshes the TTL for free
    }

    const read = readAt >= 0 ? cumulative[readAt] : 0;
    const creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
    const writes: { key: string; ttl: CacheTtl }[] = [];
    let covered = read;
    for (const bp of breakpoints) {
      // Below the model's minimum nothing is cached and nothing is reported (no error either).
      if (bp <= readAt || cumulative[bp] < min) continue;
      const ttl = blocks[bp].ttl!;
      creation[ttl === "1h" ? "ephemeral_1h_input_tokens" : "ephemeral_5m_input_tokens"] += cumulative[bp] - covered;
      covered = cumulative[bp];
      writes.push({ key: keys[bp], ttl });
    }
    const written = creation.ephemeral_5m_input_tokens + creation.ephemeral_1h_input_tokens;
    return {
      usage: {
        input_tokens: total - read - written,
        cache_creation_input_tokens: written,
        cache_read_input_tokens: read,
        cache_creation: creation,
      },
      commit: () => {
        const at = this.now();
        for (const w of writes) this.entries.set(w.key, { ttl: w.ttl, expiresAt: at + this.ttlMs[w.ttl] });
      },
    };
  }
}
