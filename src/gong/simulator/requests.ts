/**
 * Validation of request bodies and query parameters, with 400s for what Gong rejects: an invalid
 * JSON body, a missing `filter`, malformed dates, empty id lists, unknown selector values.
 */
import { badRequest } from "./errors";
import type { CallQuery } from "./dataset";
import { parseIsoWithOffset } from "./time";

export type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const GONG_ID = /^\d{1,20}$/;

/** Parses a POST body: must be a JSON object. */
export function parseJsonBody(raw: string): Obj {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw badRequest("Malformed request: the body is not valid JSON");
  }
  if (!isObject(body)) throw badRequest("Malformed request: the body must be a JSON object");
  return body;
}

/** The top-level `cursor` of a POST body (null and absent mean the first page). */
export function bodyCursor(body: Obj): string | undefined {
  const c = body.cursor;
  if (c === undefined || c === null) return undefined;
  if (typeof c !== "string" || c === "") throw badRequest("Malformed request: cursor must be a non-empty string");
  return c;
}

export function parseDate(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = parseIsoWithOffset(value);
  if (ms === undefined) {
    throw badRequest(`Malformed request: ${name} must be an ISO-8601 date-time with Z or an offset, e.g. 2024-03-01T00:00:00Z`);
  }
  return ms;
}

function idList(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`Malformed request: ${name} must be an array of ids`);
  if (value.length === 0) throw badRequest(`Malformed request: ${name} must not be empty`);
  for (const id of value) {
    if (typeof id !== "string" || !GONG_ID.test(id)) throw badRequest(`Malformed request: ${name} must hold numeric string ids (up to 20 digits)`);
  }
  return value as string[];
}

function checkRange(q: { fromMs?: number; toMs?: number }, fromName: string, toName: string): void {
  if (q.fromMs !== undefined && q.toMs !== undefined && q.fromMs >= q.toMs) {
    throw badRequest(`Malformed request: ${fromName} must be before ${toName}`);
  }
}

/** `filter` of POST /v2/calls/extensive (`primaryUserIds` allowed) and /v2/calls/transcript. */
export function parseCallsFilter(body: Obj, allowPrimaryUsers: boolean): CallQuery {
  const filter = body.filter;
  if (!isObject(filter)) throw badRequest("Malformed request: filter is required and must be an object");
  const q: CallQuery = {
    fromMs: parseDate(filter.fromDateTime, "filter.fromDateTime"),
    toMs: parseDate(filter.toDateTime, "filter.toDateTime"),
    callIds: idList(filter.callIds, "filter.callIds"),
  };
  if (allowPrimaryUsers) q.primaryUserIds = idList(filter.primaryUserIds, "filter.primaryUserIds");
  if (filter.workspaceId !== undefined && filter.workspaceId !== null) {
    if (typeof filter.workspaceId !== "string" || !GONG_ID.test(filter.workspaceId)) throw badRequest("Malformed request: filter.workspaceId must be a numeric string");
    q.workspaceId = filter.workspaceId;
  }
  checkRange(q, "filter.fromDateTime", "filter.toDateTime");
  return q;
}

/** Query of GET /v2/calls: both dates are required (Gong's OpenAPI marks them so). */
export function parseCallsQuery(params: URLSearchParams): CallQuery {
  const from = params.get("fromDateTime");
  const to = params.get("toDateTime");
  if (from === null || to === null) throw badRequest("Malformed request: fromDateTime and toDateTime are required");
  const q: CallQuery = { fromMs: parseDate(from, "fromDateTime"), toMs: parseDate(to, "toDateTime") };
  const ws = params.get("workspaceId");
  if (ws !== null) {
    if (!GONG_ID.test(ws)) throw badRequest("Malformed request: workspaceId must be a numeric string");
    q.workspaceId = ws;
  }
  checkRange(q, "fromDateTime", "toDateTime");
  return q;
}

export type ContextLevel = "None" | "Basic" | "Extended";

/** What POST /v2/calls/extensive's `contentSelector` asks for. */
export interface Selection {
  context: ContextLevel;
  contextTiming: ("Now" | "TimeOfCall")[];
  parties: boolean;
  media: boolean;
  content: Set<string>;
  interaction: Set<string>;
  collaboration: Set<string>;
}

const CONTENT_FIELDS = ["structure", "topics", "trackers", "trackerOccurrences", "pointsOfInterest", "brief", "outline", "highlights", "callOutcome", "keyPoints"];
const INTERACTION_FIELDS = ["speakers", "video", "personInteractionStats", "questions"];
const COLLABORATION_FIELDS = ["publicComments"];

function flags(value: unknown, name: string, known: string[]): Set<string> {
  if (value === undefined || value === null) return new Set();
  if (!isObject(value)) throw badRequest(`Malformed request: contentSelector.exposedFields.${name} must be an object`);
  const out = new Set<string>();
  for (const [k, v] of Object.entries(value)) {
    if (!known.includes(k)) continue; // unknown flags are ignored, like unknown fields elsewhere
    if (typeof v !== "boolean") throw badRequest(`Malformed request: contentSelector.exposedFields.${name}.${k} must be a boolean`);
    if (v) out.add(k);
  }
  return out;
}

function bool(value: unknown, name: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw badRequest(`Malformed request: contentSelector.exposedFields.${name} must be a boolean`);
  return value;
}

export function parseSelector(body: Obj): Selection {
  const cs = body.contentSelector;
  const sel: Selection = { context: "None", contextTiming: ["Now"], parties: false, media: false, content: new Set(), interaction: new Set(), collaboration: new Set() };
  if (cs === undefined || cs === null) return sel;
  if (!isObject(cs)) throw badRequest("Malformed request: contentSelector must be an object");
  if (cs.context !== undefined && cs.context !== null) {
    if (cs.context !== "None" && cs.context !== "Basic" && cs.context !== "Extended") throw badRequest("Malformed request: contentSelector.context must be None, Basic or Extended");
    sel.context = cs.context;
  }
  if (cs.contextTiming !== undefined && cs.contextTiming !== null) {
    if (!Array.isArray(cs.contextTiming) || cs.contextTiming.some((t) => t !== "Now" && t !== "TimeOfCall")) {
      throw badRequest("Malformed request: contentSelector.contextTiming must be an array of Now and TimeOfCall");
    }
    if (cs.contextTiming.length) sel.contextTiming = [...new Set(cs.contextTiming as ("Now" | "TimeOfCall")[])];
  }
  const ef = cs.exposedFields;
  if (ef !== undefined && ef !== null) {
    if (!isObject(ef)) throw badRequest("Malformed request: contentSelector.exposedFields must be an object");
    sel.parties = bool(ef.parties, "parties");
    sel.media = bool(ef.media, "media");
    sel.content = flags(ef.content, "content", CONTENT_FIELDS);
    sel.interaction = flags(ef.interaction, "interaction", INTERACTION_FIELDS);
    sel.collaboration = flags(ef.collaboration, "collaboration", COLLABORATION_FIELDS);
  }
  return sel;
}

/** Everything selected: what webhooks carry (no media URLs). */
export const FULL_SELECTION: Selection = {
  context: "Extended",
  contextTiming: ["Now"],
  parties: true,
  media: false,
  content: new Set(CONTENT_FIELDS.filter((f) => f !== "pointsOfInterest")),
  interaction: new Set(INTERACTION_FIELDS),
  collaboration: new Set(COLLABORATION_FIELDS),
};

/** `filter` of POST /v2/users/extensive. */
export interface UserQuery {
  userIds?: string[];
  createdFromMs?: number;
  createdToMs?: number;
  includeAvatars: boolean;
}

export function parseUsersFilter(body: Obj): UserQuery {
  const filter = body.filter;
  if (!isObject(filter)) throw badRequest("Malformed request: filter is required and must be an object");
  if (filter.includeAvatars !== undefined && filter.includeAvatars !== null && typeof filter.includeAvatars !== "boolean") {
    throw badRequest("Malformed request: filter.includeAvatars must be a boolean");
  }
  const q: UserQuery = {
    userIds: idList(filter.userIds, "filter.userIds"),
    createdFromMs: parseDate(filter.createdFromDateTime, "filter.createdFromDateTime"),
    createdToMs: parseDate(filter.createdToDateTime, "filter.createdToDateTime"),
    includeAvatars: filter.includeAvatars === true,
  };
  if (q.createdFromMs !== undefined && q.createdToMs !== undefined && q.createdFromMs >= q.createdToMs) {
    throw badRequest("Malformed request: filter.createdFromDateTime must be before filter.createdToDateTime");
  }
  return q;
}
