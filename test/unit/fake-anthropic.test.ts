/**
 * The fake Anthropic server (test/support/fake-anthropic) driven by the REAL @anthropic-ai/sdk 1.14:
 * wire shapes, errors and SDK retries, streaming, structured output, the prompt-cache simulation
 * (including the cold-start race), count_tokens and batches.
 */
import Anthropic from "@anthropic-ai/sdk";
import { estimateTokens, startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";

/** Text of exactly `tokens` estimated tokens (4 characters each). */
const tokensOf = (tokens: number, seed = "word") => (seed.slice(0, 3) + " ").repeat(tokens);

const SCHEMA = { type: "object", additionalProperties: false, properties: { score: { type: "integer" } }, required: ["score"] };
const FORMAT = { type: "json_schema" as const, schema: SCHEMA };
const FORMAT_TOKENS = estimateTokens(JSON.stringify(FORMAT));
const TOOL = { name: "record_score", input_schema: { type: "object" as const, properties: { score: { type: "integer" } }, required: ["score"] } };

let fake: FakeAnthropic;
let client: Anthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  client = new Anthropic({ apiKey: "test-key", baseURL: fake.url, maxRetries: 2 });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

/** A request whose 600-token transcript block (ttl 1h) is the cache breakpoint; the question follows it. */
function cachedRequest(question: string, extra: Record<string, unknown> = {}, model = "claude-haiku-5-5"): any {
  return {
    model,
    max_tokens: 256,
    system: [
      { type: "text", text: "You analyse sales calls." }, // 24 chars = 6 tokens
      { type: "text", text: tokensOf(600), cache_control: { type: "ephemeral", ttl: "1h" } },
    ],
    messages: [{ role: "user", content: question }],
    ...extra,
  };
}
const PREFIX = 6 + 600;

describe("wire basics", () => {
  it("rejects a wrong key with 401 authentication_error in the API's error shape", async () => {
    const bad = new Anthropic({ apiKey: "wrong", baseURL: fake.url, maxRetries: 2 });
    const err = await bad.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.error).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    expect(err.requestID).toMatch(/^req_/);
    expect(fake.requests).toHaveLength(1); // 401 is not retried

    const raw = await fetch(`${fake.url}/v1/messages`, { method: "POST", headers: { "anthropic-version": "2023-06-01" }, body: "{}" });
    expect(raw.status).toBe(401);
    expect(raw.headers.get("content-type")).toBe("application/json");
    expect(raw.headers.get("request-id")).toMatch(/^req_/);
  });

  it("returns a JSON message with usage; accepts Bearer (SDK) and x-api-key with 2023-06-01", async () => {
    const { data, response, request_id } = await client.messages
      .create({ model: "claude-haiku-5-5", max_tokens: 100, system: "Be brief.", messages: [{ role: "user", content: "Say ok please" }] })
      .withResponse();
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(request_id).toMatch(/^req_/);
    expect(data.id).toMatch(/^msg_/);
    expect(data.content).toEqual([{ type: "text", text: "ok", citations: null }]);
    expect(data.stop_reason).toBe("end_turn");
    expect(data.stop_details).toBeNull();
    expect(data.usage).toMatchObject({
      input_tokens: estimateTokens("Be brief.") + estimateTokens("Say ok please"), // 3 + 4
      output_tokens: 1,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    });
    expect(data.usage.input_tokens).toBe(7);
    const sent = fake.messageRequests()[0];
    expect(sent.headers.authorization).toBe("Bearer test-key");
    expect(sent.headers["anthropic-version"]).toBe("2026-10-21");

    const old = await fetch(`${fake.url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "test-key", "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 5, temperature: 0.2, messages: [{ role: "user", content: "hi" }] }),
    });
    expect(old.status).toBe(200); // temperature is only refused under 2026-10-21
  });

  it("applies the 2026-10-21 rules, unknown models and pre-warm restrictions", async () => {
    const base = { model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user" as const, content: "hi" }] };
    const temp = await client.messages.create({ ...base, temperature: 0 } as any).catch((e) => e);
    expect(temp).toBeInstanceOf(Anthropic.BadRequestError);
    expect(temp.message).toMatch(/temperature/);
    const unknown = await client.messages.create({ ...base, model: "claude-nonesuch-9" }).catch((e) => e);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    expect(unknown.error.error.type).toBe("not_found_error");
    const warmStream = await client.messages.create({ ...base, max_tokens: 0, stream: true }).catch((e) => e);
    expect(warmStream).toBeInstanceOf(Anthropic.BadRequestError);
    const warmFormat = await client.messages.create({ ...base, max_tokens: 0, output_config: { format: FORMAT } }).catch((e) => e);
    expect(warmFormat).toBeInstanceOf(Anthropic.BadRequestError);
    const use = { type: "tool_use" as const, id: "toolu_1", name: "record_score", input: {} };
    const unpaired = await client.messages.create({ ...base, tools: [TOOL], messages: [base.messages[0], { role: "assistant", content: [use] }, { role: "user", content: "fix it" }] }).catch((e) => e);
    expect(unpaired).toBeInstanceOf(Anthropic.BadRequestError);
    expect(unpaired.message).toMatch(/tool_use ids were found without tool_result/);
    const paired = await client.messages.create({
      ...base,
      tools: [TOOL],
      messages: [base.messages[0], { role: "assistant", content: [use] }, { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", is_error: true, content: "fix it" }] }],
    });
    expect(paired.stop_reason).toBe("end_turn");
    expect(fake.messageRequests()).toHaveLength(6); // none retried
  });
});

describe("answers", () => {
  it("streams with messages.stream().finalMessage(): named events, several deltas, cumulative output usage", async () => {
    const text = "x".repeat(100); // 25 tokens, 3 text deltas of 40 chars
    fake.script({ text });
    const stream = client.messages.stream({ model: "claude-haiku-5-5", max_tokens: 100, messages: [{ role: "user", content: "Tell me" }] });
    const events: string[] = [];
    stream.on("streamEvent", (e) => events.push(e.type));
    const msg = await stream.finalMessage();
    expect(msg.content).toEqual([{ type: "text", text, citations: null }]);
    expect(msg.usage.output_tokens).toBe(25);
    expect(msg.usage.input_tokens).toBe(2);
    expect(msg.stop_reason).toBe("end_turn");
    expect(events).toEqual(["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
    expect(fake.messageRequests()[0].body.stream).toBe(true);
  });

  it("returns structured JSON as a text block with output_config.format on claude-sonnet-5-5, branching on the task text", async () => {
    const answering = await startFakeAnthropic({ answer: ({ user, system }) => ({ json: { score: user.includes("rapport") ? 4 : 1, sys: system } }) });
    try {
      const c = new Anthropic({ apiKey: "test-key", baseURL: answering.url, maxRetries: 0 });
      const msg = await c.messages.create({
        model: "claude-sonnet-5-5",
        max_tokens: 200,
        system: [{ type: "text", text: "Rubric A" }],
        messages: [{ role: "user", content: "Score rapport" }],
        output_config: { format: FORMAT },
      });
      const block = msg.content.find((b) => b.type === "text");
      expect(JSON.parse(block!.type === "text" ? block!.text : "")).toEqual({ score: 4, sys: "Rubric A" });
      expect(msg.stop_reason).toBe("end_turn");
      expect(msg.usage.input_tokens).toBe(FORMAT_TOKENS + 2 + 4);
      expect(msg.usage.output_tokens).toBe(estimateTokens(JSON.stringify({ score: 4, sys: "Rubric A" })));
    } finally {
      await answering.close();
    }
  });

  it("refuses a forced tool on claude-sonnet-5-5 but answers with tool_use on claude-haiku-5-5 (also streamed)", async () => {
    const forced = { max_tokens: 100, messages: [{ role: "user" as const, content: "Score it" }], tools: [TOOL], tool_choice: { type: "tool" as const, name: "record_score" } };
    const err = await client.messages.create({ ...forced, model: "claude-sonnet-5-5" }).catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(err.status).toBe(400);

    fake.script({ json: { score: 3 } }, { json: { score: 5, note: "a longer input to split into several input_json_delta events" } });
    const msg = await client.messages.create({ ...forced, model: "claude-haiku-5-5", thinking: { type: "disabled" } });
    expect(msg.stop_reason).toBe("tool_use");
    expect(msg.content).toHaveLength(1);
    expect(msg.content[0]).toMatchObject({ type: "tool_use", name: "record_score", input: { score: 3 } });
    expect((msg.content[0] as any).id).toMatch(/^toolu_/);
    expect(msg.usage.output_tokens).toBe(estimateTokens('{"score":3}'));

    const streamed = await client.messages.stream({ ...forced, model: "claude-haiku-5-5", tool_choice: { type: "any" } }).finalMessage();
    expect(streamed.content[0]).toMatchObject({ type: "tool_use", input: { score: 5, note: "a longer input to split into several input_json_delta events" } });
    expect(fake.messageRequests()).toHaveLength(3);
  });

  it("scripts refusals, and the adaptiveThinking extension puts a thinking block first", async () => {
    fake.script({ stopReason: "refusal", category: "general_harms" });
    const refused = await client.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "x" }] });
    expect(refused.stop_reason).toBe("refusal");
    expect(refused.content).toEqual([]);
    expect(refused.stop_details).toMatchObject({ type: "refusal", category: "general_harms" });

    const thinking = await startFakeAnthropic({ adaptiveThinking: true });
    try {
      const c = new Anthropic({ apiKey: "test-key", baseURL: thinking.url, maxRetries: 0 });
      const msg = await c.messages.create({ model: "claude-opus-5-5", max_tokens: 10, messages: [{ role: "user", content: "x" }] });
      expect(msg.content.map((b) => b.type)).toEqual(["thinking", "text"]);
      const off = await c.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, thinking: { type: "disabled" }, messages: [{ role: "user", content: "x" }] });
      expect(off.content.map((b) => b.type)).toEqual(["text"]);
    } finally {
      await thinking.close();
    }
  });
});

describe("prompt cache", () => {
  it("writes the prefix once, then reads it (exact numbers), and a max_tokens:0 pre-warm writes it", async () => {
    const first = await client.messages.create(cachedRequest("Question one?")); // 13 chars = 4 tokens
    expect(first.usage).toMatchObject({
      input_tokens: 4,
      cache_creation_input_tokens: PREFIX,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: PREFIX },
    });
    const second = await client.messages.create(cachedRequest("Another question here?")); // 22 chars = 6 tokens
    expect(second.usage).toMatchObject({ input_tokens: 6, cache_creation_input_tokens: 0, cache_read_input_tokens: PREFIX });

    fake.clearCache();
    const warm = await client.messages.create({ ...cachedRequest("warmup"), max_tokens: 0 });
    expect(warm.content).toEqual([]);
    expect(warm.stop_reason).toBe("max_tokens");
    expect(warm.usage).toMatchObject({ output_tokens: 0, cache_creation_input_tokens: PREFIX, input_tokens: 2 });
    const after = await client.messages.create(cachedRequest("Question one?"));
    expect(after.usage.cache_read_input_tokens).toBe(PREFIX);
  });

  it("does not cache a prefix below the model's minimum (and reports 0/0 without error)", async () => {
    const small = { ...cachedRequest("Q?"), system: [{ type: "text", text: tokensOf(400), cache_control: { type: "ephemeral" } }] };
    for (let i = 0; i < 2; i++) {
      const msg = await client.messages.create(small); // 400 < 512 on claude-haiku-5-5
      expect(msg.usage).toMatchObject({ input_tokens: 401, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    }
    for (let i = 0; i < 2; i++) {
      const msg = await client.messages.create(cachedRequest("Q?", {}, "claude-haiku-4-5")); // 606 < 4096
      expect(msg.usage).toMatchObject({ input_tokens: PREFIX + 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    }
  });

  it("misses when output_config.format changes, hits when it is the same", async () => {
    const other = { type: "json_schema" as const, schema: { ...SCHEMA, properties: { score: { type: "number" } } } };
    const a = await client.messages.create(cachedRequest("Q?", { output_config: { format: FORMAT } }));
    expect(a.usage.cache_creation_input_tokens).toBe(FORMAT_TOKENS + PREFIX);
    const b = await client.messages.create(cachedRequest("Q?", { output_config: { format: other } }));
    expect(b.usage.cache_read_input_tokens).toBe(0);
    expect(b.usage.cache_creation_input_tokens).toBe(estimateTokens(JSON.stringify(other)) + PREFIX);
    const c = await client.messages.create(cachedRequest("Q?", { output_config: { format: FORMAT } }));
    expect(c.usage).toMatchObject({ cache_read_input_tokens: FORMAT_TOKENS + PREFIX, cache_creation_input_tokens: 0, input_tokens: 1 });
  });

  it("reproduces the cold-start race: 3 concurrent requests all write; staggered gives 1 write + 2 reads", async () => {
    fake.setLatency(150);
    const together = await Promise.all([1, 2, 3].map((i) => client.messages.create(cachedRequest(`Question ${i}?`))));
    expect(together.map((m) => m.usage.cache_creation_input_tokens)).toEqual([PREFIX, PREFIX, PREFIX]);
    expect(together.map((m) => m.usage.cache_read_input_tokens)).toEqual([0, 0, 0]);

    fake.clearCache();
    const started = Date.now();
    const stream = await client.messages.create({ ...cachedRequest("Question 1?"), stream: true } as Anthropic.MessageCreateParamsStreaming);
    const events = stream[Symbol.asyncIterator]();
    const first = await events.next();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140); // latency is before message_start
    expect(first.value).toMatchObject({ type: "message_start", message: { usage: { cache_creation_input_tokens: PREFIX, output_tokens: 1 } } });
    const rest = await Promise.all([2, 3].map((i) => client.messages.create(cachedRequest(`Question ${i}?`))));
    expect(rest.map((m) => [m.usage.cache_creation_input_tokens, m.usage.cache_read_input_tokens])).toEqual([[0, PREFIX], [0, PREFIX]]);
    for (let e = await events.next(); !e.done; e = await events.next()) void e;
  });
});

describe("errors and retries", () => {
  it("retries a scripted 429 after retry-after-ms, then succeeds", async () => {
    fake.script({ error: { status: 429, type: "rate_limit_error", retryAfterMs: 10 } });
    const started = Date.now();
    const msg = await client.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] });
    expect(msg.content[0]).toMatchObject({ type: "text", text: "ok" });
    expect(fake.messageRequests()).toHaveLength(2);
    expect(fake.messageRequests()[1].headers["x-stainless-retry-count"]).toBe("1");
    expect(Date.now() - started).toBeLessThan(350); // the SDK's own backoff would wait ≥ 375 ms
  });

  it("retries 529 overloaded twice then succeeds; x-should-retry:false and stream errors are not retried", async () => {
    const overloaded = { error: { status: 529, type: "overloaded_error", retryAfterMs: 5 } };
    fake.script(overloaded, overloaded, { json: { done: true } });
    const msg = await client.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] });
    expect(msg.content[0]).toMatchObject({ type: "text", text: '{"done":true}' });
    expect(fake.messageRequests()).toHaveLength(3);

    fake.reset();
    fake.script({ error: { status: 500, type: "api_error", shouldRetry: false } });
    const noRetry = await client.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(noRetry).toBeInstanceOf(Anthropic.InternalServerError);
    expect(fake.messageRequests()).toHaveLength(1);

    fake.reset();
    fake.script({ streamError: { type: "overloaded_error", message: "Overloaded" } });
    const streamErr = await client.messages.stream({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).finalMessage().catch((e) => e);
    expect(streamErr).toBeInstanceOf(Anthropic.APIError);
    expect(streamErr.status).toBeUndefined();
    expect(streamErr.error.error.type).toBe("overloaded_error");
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it("drops the connection: APIConnectionError with maxRetries 0, success after one retry otherwise", async () => {
    const once = new Anthropic({ apiKey: "test-key", baseURL: fake.url, maxRetries: 0 });
    fake.script({ dropConnection: true });
    const err = await once.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionError);
    fake.script({ dropConnection: true });
    const msg = await client.messages.create({ model: "claude-haiku-5-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] });
    expect(msg.content[0]).toMatchObject({ text: "ok" });
    expect(fake.messageRequests()).toHaveLength(3);
  });
});

describe("count_tokens and batches", () => {
  it("counts the tokens of the same body (system, tools, messages, format)", async () => {
    const body = { model: "claude-haiku-5-5", system: "abcdefgh", tools: [TOOL], messages: [{ role: "user" as const, content: tokensOf(10) }], output_config: { format: FORMAT } };
    const res = await client.messages.countTokens(body);
    expect(res).toEqual({ input_tokens: 2 + estimateTokens(JSON.stringify(TOOL)) + 10 + FORMAT_TOKENS });
    expect(fake.requests.map((r) => r.path)).toEqual(["/v1/messages/count_tokens"]);
    expect(fake.messageRequests()).toHaveLength(0);
  });

  it("creates, retrieves, completes and returns JSONL results matched by custom_id", async () => {
    const outcomes: Record<string, "errored" | "expired"> = { "call-3": "errored", "call-4": "expired" };
    const bf = await startFakeAnthropic({ answer: ({ custom_id }) => ({ json: { id: custom_id } }), batchOutcome: (id) => outcomes[id] ?? "succeeded" });
    try {
      const c = new Anthropic({ apiKey: "test-key", baseURL: bf.url, maxRetries: 0 });
      const params = (q: string) => ({ model: "claude-haiku-5-5", max_tokens: 50, messages: [{ role: "user" as const, content: q }] });
      const ids = ["call-1", "call-2", "call-3", "call-4"];
      const created = await c.messages.batches.create({ requests: ids.map((id) => ({ custom_id: id, params: params(id) })) });
      expect(created.id).toMatch(/^msgbatch_/);
      expect(created).toMatchObject({ processing_status: "in_progress", results_url: null, request_counts: { processing: 4, succeeded: 0, errored: 0, expired: 0, canceled: 0 } });
      const pending = await c.messages.batches.retrieve(created.id);
      expect(pending.processing_status).toBe("in_progress");
      await expect(c.messages.batches.results(created.id)).rejects.toThrow(/results_url/);

      await bf.completeBatch(created.id);
      const ended = await c.messages.batches.retrieve(created.id);
      expect(ended).toMatchObject({ processing_status: "ended", request_counts: { processing: 0, succeeded: 2, errored: 1, expired: 1, canceled: 0 } });
      expect(ended.results_url).toBe(`${bf.url}/v1/messages/batches/${created.id}/results`);
      const byId = new Map<string, any>();
      for await (const line of await c.messages.batches.results(created.id)) byId.set(line.custom_id, line.result);
      expect([...byId.keys()].sort()).toEqual(ids);
      expect(byId.get("call-2").type).toBe("succeeded");
      expect(JSON.parse(byId.get("call-2").message.content[0].text)).toEqual({ id: "call-2" });
      expect(byId.get("call-3")).toMatchObject({ type: "errored", error: { type: "error", error: { type: "invalid_request_error" } } });
      expect(byId.get("call-4")).toEqual({ type: "expired" });

      const listed = await c.messages.batches.list();
      expect(listed.data.map((b) => b.id)).toEqual([created.id]);
    } finally {
      await bf.close();
    }
  });

  it("cancels a batch: canceling, then ended with canceled entries", async () => {
    const batch = await client.messages.batches.create({ requests: [{ custom_id: "a", params: { model: "claude-haiku-5-5", max_tokens: 5, messages: [{ role: "user", content: "hi" }] } }] });
    const canceling = await client.messages.batches.cancel(batch.id);
    expect(canceling.processing_status).toBe("canceling");
    await fake.completeBatch(batch.id);
    const ended = await client.messages.batches.retrieve(batch.id);
    expect(ended.request_counts).toEqual({ processing: 0, succeeded: 0, errored: 0, canceled: 1, expired: 0 });
    const lines = [];
    for await (const line of await client.messages.batches.results(batch.id)) lines.push(line);
    expect(lines).toEqual([{ custom_id: "a", result: { type: "canceled" } }]);
    expect(fake.messageRequests()).toHaveLength(0);
  });
});
