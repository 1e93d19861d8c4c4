/**
 * The model side of POST /v1/messages, shared by the HTTP route and batch entries: validate, take the
 * next answer, plan the cache, build the Message. The caller decides when the response begins and
 * calls plan.commit() then.
 */
import { AnswerSource, buildMessage, describeRequest, renderAnswer } from "./answers";
import { errorOfType, scriptedError, type ApiError } from "./errors";
import type { CachePlan, PromptCache } from "./prompt-cache";
import { checkMessageBody } from "./validate";

export type Prepared =
  | { kind: "error"; error: ApiError }
  | { kind: "drop" }
  | { kind: "message"; message: any; plan: CachePlan; delayMs: number; streamError?: { type: string; message: string } };

export class MessageEngine {
  constructor(
    private readonly cache: PromptCache,
    private readonly answers: AnswerSource,
    private readonly adaptiveThinking: boolean,
  ) {}

  async prepare(body: any, version: string, kind: "messages" | "batch", customId?: string): Promise<Prepared> {
    const invalid = checkMessageBody(body, version, kind);
    if (invalid) return { kind: "error", error: invalid };

    if (body.max_tokens === 0) {
      // Cache pre-warm: no model output, so no answer is consumed (reference §4).
      const plan = this.cache.plan(body);
      const message = buildMessage(body.model, { content: [], stop_reason: "max_tokens", stop_details: null, output_tokens: 0 }, plan.usage);
      return { kind: "message", message, plan, delayMs: 0 };
    }

    const answer = await this.answers.next(describeRequest(body, customId));
    if ("error" in answer) return { kind: "error", error: scriptedError(answer.error) };
    if ("dropConnection" in answer) return { kind: "drop" };
    if ("streamError" in answer) {
      if (body.stream !== true) return { kind: "error", error: errorOfType(answer.streamError.type, answer.streamError.message) };
      const plan = this.cache.plan(body);
      const message = buildMessage(body.model, { content: [], stop_reason: "end_turn", stop_details: null, output_tokens: 0 }, plan.usage);
      return { kind: "message", message, plan, delayMs: 0, streamError: answer.streamError };
    }
    const plan = this.cache.plan(body);
    const message = buildMessage(body.model, renderAnswer(answer, body, this.adaptiveThinking), plan.usage);
    return { kind: "message", message, plan, delayMs: answer.delayMs ?? 0 };
  }
}
