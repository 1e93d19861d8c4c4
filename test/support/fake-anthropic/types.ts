/**
 * Public contract of the fake Anthropic Messages API server (see index.ts). Tests and benchmarks code
 * against these names, so they stay stable; behaviour notes live next to each field.
 */

/** One HTTP request the fake received (every route, including count_tokens and batches). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. "/v1/messages". */
  path: string;
  /** Lower-case header names; repeated headers are joined with ", ". */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body; the raw text when it was not JSON; undefined when empty. */
  body: any;
  /** Date.now() when the body had been read. */
  at: number;
}

/** Optional refusal category, as in the SDK's RefusalStopDetails. */
export type RefusalCategory = "cyber" | "bio" | "frontier_llm" | "reasoning_extraction" | "general_harms" | null;

/**
 * What "the model" does for one POST /v1/messages (or one succeeded batch entry).
 * - `json`: the structured answer. With `output_config.format` it is a text block holding JSON.stringify(json);
 *   with a forced tool (`tool_choice` any/tool) a tool_use block (stop_reason "tool_use"); otherwise text.
 * - `text`: a raw text block (e.g. invalid JSON), stop_reason "end_turn".
 * - `stopReason`: a refusal (stop_details {type:"refusal", category, explanation}) or a max_tokens stop.
 * - `error`: an HTTP error in the API's error shape, sent at once (rate limits and overload are decided
 *   before the model runs), with retry-after-ms / retry-after / x-should-retry headers when given.
 * - `streamError`: for stream:true, message_start then `event: error`; for a non-streaming request the
 *   matching HTTP error (e.g. overloaded_error → 529).
 * - `dropConnection`: the socket is destroyed without a response.
 */
export type ScriptedAnswer =
  | { json: unknown; delayMs?: number }
  | { text: string; delayMs?: number }
  | { stopReason: "refusal" | "max_tokens"; text?: string; category?: RefusalCategory; explanation?: string; delayMs?: number }
  | { error: { status: number; type: string; message?: string; retryAfterMs?: number; retryAfter?: number; shouldRetry?: boolean } }
  | { streamError: { type: string; message: string } }
  | { dropConnection: true };

/** What an answerer sees: the request body plus the task text, so it can branch on it. */
export interface AnswerRequest {
  body: any;
  /** Text of all system blocks, joined with "\n". */
  system: string;
  /** Text of the LAST user message (its text blocks joined with "\n"). */
  user: string;
  /** Set for batch entries. */
  custom_id?: string;
}

export type Answerer = (req: AnswerRequest) => ScriptedAnswer | Promise<ScriptedAnswer>;

export type BatchOutcome = "succeeded" | "errored" | "expired" | "canceled";

export interface FakeAnthropicOptions {
  /** Default "test-key"; accepted as `x-api-key` or `authorization: Bearer`. */
  apiKey?: string;
  /** Time to first byte (before message_start / before a JSON reply); default 0. */
  latencyMs?: number;
  /** Cache entry lifetimes; default 300000 / 3600000. */
  cacheTtlMs?: { "5m": number; "1h": number };
  /** Default answerer when no scripted answer is queued; default `{ text: "ok" }`. */
  answer?: Answerer;
  /** If set, a batch ends by itself this long after creation; otherwise only via completeBatch(). */
  batchAutoCompleteMs?: number;
  /** Outcome per batch entry; default "succeeded". */
  batchOutcome?: (customId: string) => BatchOutcome;
  /**
   * Extension: reply like a 5.x model that thinks adaptively, i.e. begin `content` with an empty
   * (display "omitted") thinking block unless the request sends thinking {type:"disabled"} or
   * {type:"between_tools"}. Off by default; turn it on to check that callers pick blocks by type.
   */
  adaptiveThinking?: boolean;
}

export interface FakeAnthropic {
  /** Base URL WITHOUT /v1, e.g. http://127.0.0.1:PORT; give it to `new Anthropic({ baseURL })`. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Only POST /v1/messages. */
  messageRequests(): RecordedRequest[];
  /** FIFO queue consumed by POST /v1/messages (and succeeded batch entries) before `answer`. */
  script(...answers: ScriptedAnswer[]): void;
  setLatency(ms: number): void;
  /** Ends a batch now (processing every entry); resolves when it has ended. */
  completeBatch(id: string): Promise<void>;
  clearCache(): void;
  /** Forgets requests, scripts, cache entries and batches, and restores the initial latency. */
  reset(): void;
  close(): Promise<void>;
}
