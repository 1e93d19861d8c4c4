/**
 * Zod schemas of the Gong v2 responses the API client reads (Gong's OpenAPI document, see
 * ../shared/reference/gong-api.md). Objects are loose: fields Gong adds later pass through untouched.
 * Ids are strings: Gong's ids reach 20 digits, beyond 2^53, so an id arriving as a JSON number has
 * already lost digits and the response is refused (see `findNumericId`).
 */
import { z } from "zod";

/** A Gong id: always a JSON string (a number would have lost digits in JSON.parse). */
export const gongIdSchema = z.string({
  error: (issue) =>
    typeof issue.input === "number"
      ? `is the JSON number ${issue.input}, but Gong ids must be strings (they exceed 2^53 and lose digits as numbers)`
      : issue.input === undefined
        ? "is missing"
        : "must be a string",
});
const optionalId = gongIdSchema.nullish();
const str = z.string().nullish();
const num = z.number().nullish();

/** `records` of a paged response; `cursor` is present only while more pages remain. */
export const gongRecordsSchema = z.looseObject({
  totalRecords: num,
  currentPageSize: num,
  currentPageNumber: num,
  cursor: z.string().nullish(),
});

const envelope = {
  requestId: str,
  records: gongRecordsSchema.nullish(),
};

/** CallBasicData: `GET /v2/calls`, `GET /v2/calls/{id}`, and `metaData` of extensive calls. */
export const gongCallSchema = z.looseObject({
  id: gongIdSchema,
  url: str,
  title: str,
  scheduled: str,
  started: str,
  duration: num,
  primaryUserId: optionalId,
  direction: str,
  system: str,
  scope: str,
  media: str,
  language: str,
  workspaceId: optionalId,
  sdrDisposition: str,
  clientUniqueId: str,
  customData: str,
  purpose: str,
  meetingUrl: str,
  isPrivate: z.boolean().nullish(),
  calendarEventId: str,
});

export const gongPartySchema = z.looseObject({
  id: optionalId,
  emailAddress: str,
  name: str,
  title: str,
  userId: optionalId,
  speakerId: optionalId,
  affiliation: str,
  phoneNumber: str,
  methods: z.array(z.string()).nullish(),
  context: z.array(z.unknown()).nullish(),
});

const occurrenceSchema = z.looseObject({ startTime: num, speakerId: optionalId });

export const gongTrackerSchema = z.looseObject({
  id: optionalId,
  name: str,
  count: num,
  type: str,
  occurrences: z.array(occurrenceSchema).nullish(),
  phrases: z.array(z.looseObject({ phrase: str, count: num, occurrences: z.array(occurrenceSchema).nullish() })).nullish(),
});

export const gongContentSchema = z.looseObject({
  structure: z.array(z.looseObject({ name: str, duration: num })).nullish(),
  topics: z.array(z.looseObject({ name: str, duration: num })).nullish(),
  trackers: z.array(gongTrackerSchema).nullish(),
  brief: str,
  outline: z.array(z.looseObject({})).nullish(),
  highlights: z.array(z.looseObject({})).nullish(),
  callOutcome: z.looseObject({}).nullish(),
  keyPoints: z.array(z.looseObject({})).nullish(),
});

export const gongInteractionSchema = z.looseObject({
  speakers: z.array(z.looseObject({ id: optionalId, userId: optionalId, talkTime: num })).nullish(),
  interactionStats: z.array(z.looseObject({ name: str, value: num })).nullish(),
  video: z.array(z.looseObject({ name: str, duration: num })).nullish(),
  questions: z.looseObject({ companyCount: num, nonCompanyCount: num }).nullish(),
});

/** One call of `POST /v2/calls/extensive`: blocks not selected (or not processed yet) are absent. */
export const gongExtensiveCallSchema = z.looseObject({
  metaData: gongCallSchema,
  context: z.array(z.unknown()).nullish(),
  parties: z.array(gongPartySchema).nullish(),
  content: gongContentSchema.nullish(),
  interaction: gongInteractionSchema.nullish(),
  collaboration: z.looseObject({}).nullish(),
  media: z.looseObject({ audioUrl: str, videoUrl: str }).nullish(),
});

export const gongSentenceSchema = z.looseObject({ start: z.number(), end: z.number(), text: z.string() });

export const gongMonologueSchema = z.looseObject({
  speakerId: optionalId,
  topic: str,
  sentences: z.array(gongSentenceSchema),
});

/** One element of `callTranscripts` (`POST /v2/calls/transcript`); times in ms from the call's start. */
export const gongCallTranscriptSchema = z.looseObject({
  callId: gongIdSchema,
  transcript: z.array(gongMonologueSchema),
});

/** UserMetadata (`GET /v2/users`, `POST /v2/users/extensive`). */
export const gongUserSchema = z.looseObject({
  id: gongIdSchema,
  emailAddress: str,
  created: str,
  active: z.boolean().nullish(),
  emailAliases: z.array(z.string()).nullish(),
  trustedEmailAddress: str,
  firstName: str,
  lastName: str,
  title: str,
  phoneNumber: str,
  extension: str,
  personalMeetingUrls: z.array(z.string()).nullish(),
  managerId: optionalId,
  meetingConsentPageUrl: str,
  spokenLanguages: z.array(z.looseObject({ language: str, primary: z.boolean().nullish() })).nullish(),
  settings: z.looseObject({}).nullish(),
});

export const gongCallsPageSchema = z.looseObject({ ...envelope, calls: z.array(gongCallSchema) });
export const gongSpecificCallSchema = z.looseObject({ requestId: str, call: gongCallSchema });
export const gongExtensivePageSchema = z.looseObject({ ...envelope, calls: z.array(gongExtensiveCallSchema) });
export const gongTranscriptPageSchema = z.looseObject({ ...envelope, callTranscripts: z.array(gongCallTranscriptSchema) });
export const gongUsersPageSchema = z.looseObject({ ...envelope, users: z.array(gongUserSchema) });

/** Gong's error envelope. */
export const gongErrorEnvelopeSchema = z.looseObject({ requestId: str, errors: z.array(z.unknown()).nullish() });

export type GongRecords = z.infer<typeof gongRecordsSchema>;
export type GongCall = z.infer<typeof gongCallSchema>;
export type GongParty = z.infer<typeof gongPartySchema>;
export type GongExtensiveCall = z.infer<typeof gongExtensiveCallSchema>;
export type GongCallTranscript = z.infer<typeof gongCallTranscriptSchema>;
export type GongMonologue = z.infer<typeof gongMonologueSchema>;
export type GongUser = z.infer<typeof gongUserSchema>;

// ---- requests -----------------------------------------------------------------------------------

/** A timestamp: an ISO-8601 string with `Z` or an offset, or a Date (sent as UTC ISO). */
export type GongDateTime = string | Date;

export interface ListCallsParams {
  /** Inclusive. */
  fromDateTime: GongDateTime;
  /** Exclusive. */
  toDateTime: GongDateTime;
  workspaceId?: string;
}

export interface CallsFilter {
  fromDateTime?: GongDateTime;
  toDateTime?: GongDateTime;
  workspaceId?: string;
  callIds?: string[];
  /** Hosts only (extensive). */
  primaryUserIds?: string[];
}

export interface TranscriptFilter {
  fromDateTime?: GongDateTime;
  toDateTime?: GongDateTime;
  workspaceId?: string;
  callIds?: string[];
}

export interface UsersFilter {
  userIds?: string[];
  createdFromDateTime?: GongDateTime;
  createdToDateTime?: GongDateTime;
  includeAvatars?: boolean;
}

/** `contentSelector` of `POST /v2/calls/extensive` (see Gong's ContentSelector). */
export interface ContentSelector {
  context?: "None" | "Basic" | "Extended";
  contextTiming?: ("Now" | "TimeOfCall")[];
  exposedFields?: {
    parties?: boolean;
    media?: boolean;
    content?: Partial<
      Record<
        | "structure"
        | "topics"
        | "trackers"
        | "trackerOccurrences"
        | "brief"
        | "outline"
        | "highlights"
        | "callOutcome"
        | "keyPoints",
        boolean
      >
    >;
    interaction?: Partial<Record<"speakers" | "video" | "personInteractionStats" | "questions", boolean>>;
    collaboration?: { publicComments?: boolean };
  };
}

/** What call-coach needs from an extensive call (parties, content, interaction, CRM context). */
export const DEFAULT_CONTENT_SELECTOR: ContentSelector = Object.freeze({
  context: "Extended",
  exposedFields: {
    parties: true,
    content: { topics: true, trackers: true, brief: true, structure: true },
    interaction: { speakers: true, personInteractionStats: true, questions: true },
  },
}) as ContentSelector;

// ---- id guard -------------------------------------------------------------------------------------

const ID_KEY = /^(id|.+Id)$/;
const IDS_KEY = /^.+Ids$/;

/**
 * Path of the first id-like field (`id`, `…Id`, or an element of `…Ids`) holding a JSON number, or
 * undefined. Such a number has already lost digits in JSON.parse when it is beyond 2^53, so the
 * client refuses the response rather than store a wrong id. (Every id of the endpoints the client
 * calls is a string in Gong's OpenAPI document.)
 */
export function findNumericId(value: unknown, path = ""): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNumericId(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, v] of Object.entries(value)) {
    const p = path ? `${path}.${key}` : key;
    if (typeof v === "number" && ID_KEY.test(key)) return `${p} (${v})`;
    if (Array.isArray(v) && IDS_KEY.test(key)) {
      const i = v.findIndex((x) => typeof x === "number");
      if (i >= 0) return `${p}[${i}] (${v[i]})`;
    }
    if (typeof v === "object" && v !== null) {
      const found = findNumericId(v, p);
      if (found) return found;
    }
  }
  return undefined;
}
