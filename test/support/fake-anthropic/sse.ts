/**
 * Replays a finished Message as the API's server-sent events (reference §5): message_start (usage
 * with the input and cache numbers, output_tokens 1) → per block content_block_start / deltas /
 * content_block_stop → ping → message_delta (stop_reason, cumulative usage) → message_stop.
 * Every event is named: the SDK skips unnamed events and `ping`.
 */
import type { ServerResponse } from "node:http";

/** Characters per text_delta / input_json_delta, so longer answers arrive in several deltas. */
const CHUNK_CHARS = 40;

function chunks(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += CHUNK_CHARS) out.push(s.slice(i, i + CHUNK_CHARS));
  return out;
}

export function sseEvent(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Sends the status line and headers of an event stream. */
export function startSse(res: ServerResponse, requestId: string): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "request-id": requestId,
  });
}

/** The message_start event: the message with no content yet and output_tokens 1. */
export function writeMessageStart(res: ServerResponse, message: any): void {
  sseEvent(res, "message_start", {
    type: "message_start",
    message: { ...message, content: [], stop_reason: null, stop_sequence: null, stop_details: null, usage: { ...message.usage, output_tokens: 1 } },
  });
}

/** Everything after message_start, then ends the response. */
export function writeMessageBody(res: ServerResponse, message: any): void {
  message.content.forEach((block: any, index: number) => {
    if (block.type === "text") {
      sseEvent(res, "content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "", citations: null } });
      for (const text of chunks(block.text)) sseEvent(res, "content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text } });
    } else if (block.type === "tool_use") {
      sseEvent(res, "content_block_start", { type: "content_block_start", index, content_block: { ...block, input: {} } });
      for (const partial_json of chunks(JSON.stringify(block.input))) {
        sseEvent(res, "content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json } });
      }
    } else if (block.type === "thinking") {
      sseEvent(res, "content_block_start", { type: "content_block_start", index, content_block: { type: "thinking", thinking: "", signature: "" } });
      sseEvent(res, "content_block_delta", { type: "content_block_delta", index, delta: { type: "signature_delta", signature: block.signature } });
    }
    sseEvent(res, "content_block_stop", { type: "content_block_stop", index });
  });
  sseEvent(res, "ping", { type: "ping" });
  const u = message.usage;
  sseEvent(res, "message_delta", {
    type: "message_delta",
    delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: message.stop_details, container: null },
    usage: {
      input_tokens: u.input_tokens,
      cache_creation_input_tokens: u.cache_creation_input_tokens,
      cache_read_input_tokens: u.cache_read_input_tokens,
      output_tokens: u.output_tokens,
    },
  });
  sseEvent(res, "message_stop", { type: "message_stop" });
  res.end();
}

/** A mid-stream failure: `event: error`, then the stream ends. The SDK throws and does not retry. */
export function writeStreamError(res: ServerResponse, error: { type: string; message: string }, requestId: string): void {
  sseEvent(res, "error", { type: "error", error, request_id: requestId });
  res.end();
}
