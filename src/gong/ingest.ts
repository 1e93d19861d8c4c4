/**
 * Ingesting one Gong call: fetch its extensive data and transcript, then store it through the same
 * import path as files (reps by email/Gong user id, participants, segments, hash; idempotent).
 */
import type { App } from "../core/app";
import type { ImportResult } from "../modules/calls/call-import.service";
import { gongCallTranscriptSchema, gongExtensiveCallSchema, describeZodError } from "../modules/calls/import/gong-shapes";
import type { GongClient } from "./client";

export class GongCallNotReadyError extends Error {
  constructor(gongCallId: string, what: string) {
    super(`Gong has no ${what} for call ${gongCallId} yet (still processing?); will retry.`);
    this.name = "GongCallNotReadyError";
  }
}

export async function ingestGongCall(app: App, gong: GongClient, gongCallId: string): Promise<ImportResult> {
  const calls = await gong.extensiveCalls({ filter: { callIds: [gongCallId] } }).collect();
  const rawCall = calls.find((c) => String(c.metaData?.id) === gongCallId);
  if (!rawCall) throw new GongCallNotReadyError(gongCallId, "extensive data");
  const transcripts = await gong.transcripts({ filter: { callIds: [gongCallId] } }).collect();
  const rawTranscript = transcripts.find((t) => String(t.callId) === gongCallId);
  if (!rawTranscript) throw new GongCallNotReadyError(gongCallId, "transcript");

  const call = gongExtensiveCallSchema.safeParse(rawCall);
  if (!call.success) throw new Error(`Gong call ${gongCallId} is not usable: ${describeZodError(call.error)}`);
  const transcript = gongCallTranscriptSchema.safeParse(rawTranscript);
  if (!transcript.success) throw new Error(`Gong transcript ${gongCallId} is not usable: ${describeZodError(transcript.error)}`);

  return app.services.callImport.importCall({
    call: call.data,
    transcript: transcript.data,
    source: "GONG",
    origin: [`gong:${gongCallId}`],
  });
}
