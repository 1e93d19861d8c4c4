/**
 * Zod schemas for the parts of Gong's wire formats that call-coach reads (see
 * docs/import-formats.md). Unknown fields are kept (passthrough) and ignored; ids stay strings.
 * Real payloads carry `null` for `speakerId` and `topic`, which Gong's OpenAPI document omits.
 */
import { z } from "zod";

const gongId = z.union([z.string().regex(/^\d{1,20}$/, "must be a numeric string"), z.number().int().transform(String)]);
const nullishString = z.string().nullish();

export const gongPartySchema = z.looseObject({
  id: z.string().nullish(),
  emailAddress: nullishString,
  name: nullishString,
  title: nullishString,
  userId: z.string().nullish(),
  speakerId: z.string().nullish(),
  affiliation: z.enum(["Internal", "External", "Unknown"]).nullish(),
  methods: z.array(z.string()).nullish(),
});

export const gongCallMetaDataSchema = z.looseObject({
  /** Absent for calls that did not come from Gong (e.g. converted WebVTT). */
  id: gongId.optional(),
  url: nullishString,
  title: nullishString,
  scheduled: nullishString,
  started: z.iso.datetime({ offset: true, message: "metaData.started must be an ISO-8601 timestamp with offset" }),
  duration: z.number().nonnegative(),
  primaryUserId: z.string().nullish(),
  direction: nullishString,
  system: nullishString,
  scope: nullishString,
  media: nullishString,
  language: nullishString,
});

export const gongExtensiveCallSchema = z.looseObject({
  metaData: gongCallMetaDataSchema,
  parties: z.array(gongPartySchema).nullish(),
  content: z.looseObject({}).nullish(),
  interaction: z.looseObject({}).nullish(),
  context: z.array(z.unknown()).nullish(),
});

export const gongSentenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const gongMonologueSchema = z.looseObject({
  speakerId: z.string().nullish(),
  topic: z.string().nullish(),
  sentences: z.array(gongSentenceSchema),
});

export const gongCallTranscriptSchema = z.looseObject({
  callId: gongId.optional(),
  transcript: z.array(gongMonologueSchema),
});

/** `POST /v2/calls/extensive` response. */
export const gongExtensiveResponseSchema = z.looseObject({ calls: z.array(z.unknown()) });
/** `POST /v2/calls/transcript` response. */
export const gongTranscriptResponseSchema = z.looseObject({ callTranscripts: z.array(z.unknown()) });

export type GongParty = z.infer<typeof gongPartySchema>;
export type GongCallMetaData = z.infer<typeof gongCallMetaDataSchema>;
export type GongExtensiveCall = z.infer<typeof gongExtensiveCallSchema>;
export type GongMonologue = z.infer<typeof gongMonologueSchema>;
export type GongCallTranscript = z.infer<typeof gongCallTranscriptSchema>;

/**
 * One call ready to import: a Gong extensive call object and its transcript. Every import form
 * (Gong responses, the combined file, WebVTT, the `importCall` mutation) is turned into this.
 */
export interface CallImport {
  call: GongExtensiveCall;
  transcript: GongCallTranscript;
  /** GONG for Gong data, VTT for converted captions, DEMO for the bundled demo set. */
  source: "GONG" | "VTT" | "DEMO";
  /** Files it came from (for error messages and progress). */
  origin: string[];
  /** For VTT: email of our rep on the call (`--rep`). */
  repEmail?: string;
}

/** Formats zod issues as "path: message; …" for error messages that name what is wrong. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
    .join("; ");
}
