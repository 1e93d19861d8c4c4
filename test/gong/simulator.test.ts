import * as jose from "jose";
/**
 * The Gong simulator (src/gong/simulator/) against Gong's published OpenAPI schemas
 * (test/fixtures/gong-openapi/) and the behaviour of docs/gong-simulator.md: auth, paging and
 * cursors, selectors, transcripts, users, errors, rate limit, faults, determinism and webhooks.
 * Everything runs in-process; no database is used.
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { startGongSimulator, REFERENCE_DATE, type RunningSimulator, type SimulatorOptions } from "../../src/gong/simulator";
import { gongCallTranscriptSchema, gongExtensiveCallSchema } from "../../src/modules/calls/import/gong-shapes";
import { DEMO_CALLS } from "../../src/demo/demo-calls";
import { patchedDocument, validate, type SchemaDocument } from "../fixtures/gong-openapi/validate";

type Json = Record<string, any>;

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/gong-openapi/gong-schemas.json"), "utf8")) as SchemaDocument;
/**
 * Where Gong's real payloads differ from its OpenAPI document, allowed explicitly:
 * - transcripts carry `null` speakerId and topic (reference §6.4); the document marks nothing nullable;
 * - CRM context field values are strings and numbers in Gong's own samples, though declared `type: object`.
 */
const gong = patchedDocument(spec, (s) => {
  s.Monologue.properties!.speakerId.nullable = true;
  s.Monologue.properties!.topic.nullable = true;
  delete s.ContextField.properties!.value.type;
  delete s.PartyContextField.properties!.value.type;
});

/** Valid against Gong's schema, with no property the schema does not declare. */
function expectSchema(name: string, value: unknown): void {
  expect(validate(gong, name, value, { noUnknownProperties: true })).toEqual([]);
}

const KEY = "test-key";
const SECRET = "test-secret";
const basic = (key = KEY, secret = SECRET) => `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
const FAST = { perSecond: 10_000, perDay: 1_000_000 };
const ALL_TIME = "fromDateTime=2000-01-01T00:00:00Z&toDateTime=2100-01-01T00:00:00Z";
const NO_CALLS = "No calls found corresponding to the provided filters";

interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: Json;
}

async function call(sim: RunningSimulator, method: string, p: string, body?: unknown, headers: Record<string, string> = { Authorization: basic() }): Promise<Res> {
  const res = await fetch(`${sim.url}${p}`, {
    method,
    headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, json };
}

function expectEnvelope(res: Res, status: number, message?: string | RegExp): void {
  expect(res.status).toBe(status);
  expectSchema("ErrorResponse", res.json);
  expect(typeof res.json.requestId).toBe("string");
  expect(res.json.errors).toHaveLength(1);
  if (typeof message === "string") expect(res.json.errors[0]).toBe(message);
  else if (message) expect(res.json.errors[0]).toMatch(message);
}

const start = (opts: SimulatorOptions = {}) => startGongSimulator({ accessKey: KEY, accessKeySecret: SECRET, rateLimit: FAST, ...opts });

const loadJose = async () => jose;

const ALL_FIELDS = {
  context: "Extended",
  exposedFields: {
    parties: true,
    media: true,
    content: { structure: true, topics: true, trackers: true, trackerOccurrences: true, brief: true, outline: true, highlights: true, callOutcome: true, keyPoints: true },
    interaction: { speakers: true, video: true, personInteractionStats: true, questions: true },
    collaboration: { publicComments: true },
  },
};

describe("Gong simulator", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start({ pageSize: 4 });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it("validates against the schemas for real (the validator rejects what they forbid)", () => {
    expect(validate(gong, "CallBasicData", { id: 1, direction: "Sideways", started: "yesterday", extra: true }, { noUnknownProperties: true })).toEqual([
      "CallBasicData.id: expected string, got 1",
      'CallBasicData.direction: "Sideways" is not one of ["Inbound","Outbound","Conference","Unknown"]',
      "CallBasicData.started: not an ISO-8601 date-time with offset: yesterday",
      "CallBasicData: unknown property extra",
    ]);
    expect(validate(gong, "CallTranscripts", { callTranscripts: [{ transcript: [{ sentences: [{ start: 1.5 }] }] }] })).toEqual([
      "CallTranscripts.callTranscripts[0].transcript[0].sentences[0].start: expected integer, got 1.5",
    ]);
  });

  describe("authentication", () => {
    it("answers 401 in Gong's envelope without credentials", async () => {
      expectEnvelope(await call(sim, "GET", `/v2/calls?${ALL_TIME}`, undefined, {}), 401);
    });

    it("answers 401 for a wrong secret, a wrong key and an unknown scheme", async () => {
      for (const authorization of [basic(KEY, "nope"), basic("other", SECRET), `Token ${SECRET}`, "Basic !!!", "Bearer anything"]) {
        expectEnvelope(await call(sim, "GET", `/v2/calls?${ALL_TIME}`, undefined, { Authorization: authorization }), 401);
      }
    });

    it("accepts Basic access key and secret", async () => {
      expect((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status).toBe(200);
    });

    it("accepts a configured bearer token, and answers 403 when it lacks the endpoint's scope", async () => {
      const s = await start({ bearerToken: "tok-123", bearerScopes: ["api:calls:read:basic"] });
      try {
        const bearer = { Authorization: "Bearer tok-123" };
        expect((await call(s, "GET", `/v2/calls?${ALL_TIME}`, undefined, bearer)).status).toBe(200);
        expectEnvelope(await call(s, "POST", "/v2/calls/extensive", { filter: {} }, bearer), 403, /api:calls:read:extensive/);
        expectEnvelope(await call(s, "GET", "/v2/users", undefined, bearer), 403, /api:users:read/);
        expect((await call(s, "POST", "/v2/calls/extensive", { filter: {} })).status).toBe(200); // Basic is not scope-checked
      } finally {
        await s.stop();
      }
    });
  });

  describe("GET /v2/calls", () => {
    it("pages through every call with a query cursor present only while more pages remain", async () => {
      const all = sim.callIds();
      expect(all.length).toBe(26);
      const seen: string[] = [];
      let cursor: string | undefined;
      let page = 0;
      do {
        const res = await call(sim, "GET", `/v2/calls?${ALL_TIME}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        expect(res.status).toBe(200);
        expectSchema("CallsResponse", res.json);
        const { records, calls } = res.json;
        expect(records.totalRecords).toBe(all.length);
        expect(records.currentPageNumber).toBe(page);
        expect(records.currentPageSize).toBe(calls.length);
        expect(calls.length).toBeLessThanOrEqual(4);
        seen.push(...calls.map((c: Json) => c.id));
        const last = seen.length === all.length;
        expect("cursor" in records).toBe(!last);
        cursor = records.cursor;
        page++;
      } while (cursor);
      expect(page).toBe(7);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...all].sort());
    });

    it("treats fromDateTime as inclusive and toDateTime as exclusive (web conferences by scheduled time)", async () => {
      const demo = DEMO_CALLS[0].call.metaData as Json;
      const at = encodeURIComponent(demo.scheduled);
      const from = await call(sim, "GET", `/v2/calls?fromDateTime=${at}&toDateTime=${encodeURIComponent("2026-10-20T10:00:01-07:00")}`);
      expect(from.status).toBe(200);
      expect(from.json.calls.map((c: Json) => c.id)).toEqual([demo.id]);
      expect(from.json.records).toEqual({ totalRecords: 1, currentPageSize: 1, currentPageNumber: 0 });
      const to = await call(sim, "GET", `/v2/calls?fromDateTime=2026-10-20T16:59:00Z&toDateTime=${at}`);
      expectEnvelope(to, 404, NO_CALLS);
    });

    it("answers 404 'No calls found…' for an empty window", async () => {
      expectEnvelope(await call(sim, "GET", "/v2/calls?fromDateTime=2020-01-01T00:00:00Z&toDateTime=2020-02-01T00:00:00Z"), 404, NO_CALLS);
    });

    it("answers 400 for missing or invalid dates, a reversed window and a forged cursor", async () => {
      expectEnvelope(await call(sim, "GET", "/v2/calls"), 400);
      expectEnvelope(await call(sim, "GET", "/v2/calls?fromDateTime=2026-01-01T00:00:00Z"), 400);
      expectEnvelope(await call(sim, "GET", "/v2/calls?fromDateTime=yesterday&toDateTime=2026-01-01T00:00:00Z"), 400);
      expectEnvelope(await call(sim, "GET", "/v2/calls?fromDateTime=2026-01-01T00:00:00&toDateTime=2026-02-01T00:00:00Z"), 400); // no offset
      expectEnvelope(await call(sim, "GET", "/v2/calls?fromDateTime=2026-02-01T00:00:00Z&toDateTime=2026-01-01T00:00:00Z"), 400);
      expectEnvelope(await call(sim, "GET", `/v2/calls?${ALL_TIME}&cursor=bm90LWEtY3Vyc29y`), 400, /cursor/);
    });

    it("rejects a cursor replayed with a different window", async () => {
      const first = await call(sim, "GET", `/v2/calls?${ALL_TIME}`);
      const cursor = encodeURIComponent(first.json.records.cursor);
      expectEnvelope(await call(sim, "GET", `/v2/calls?fromDateTime=2001-01-01T00:00:00Z&toDateTime=2100-01-01T00:00:00Z&cursor=${cursor}`), 400, /cursor/);
      expect((await call(sim, "GET", `/v2/calls?toDateTime=2100-01-01T00:00:00Z&cursor=${cursor}&fromDateTime=2000-01-01T00:00:00Z`)).status).toBe(200);
    });

    it("GET /v2/calls/{id} answers { requestId, call } or 404", async () => {
      const id = sim.callIds()[3];
      const res = await call(sim, "GET", `/v2/calls/${id}`);
      expect(res.status).toBe(200);
      expectSchema("SpecificCall", res.json);
      expect(Object.keys(res.json)).toEqual(["requestId", "call"]);
      expect(res.json.call.id).toBe(id);
      expectEnvelope(await call(sim, "GET", "/v2/calls/1234567890123456789"), 404, /not found/);
      expectEnvelope(await call(sim, "GET", "/v2/calls/not-a-number"), 400);
    });

    it("answers 404 and 405 for unknown endpoints and methods", async () => {
      expectEnvelope(await call(sim, "GET", "/v2/nothing-here"), 404);
      expectEnvelope(await call(sim, "DELETE", "/v2/calls/extensive"), 405);
    });
  });

  describe("POST /v2/calls/extensive", () => {
    it("pages with the cursor as a top-level body field; a changed request with a cursor is a 400", async () => {
      const request = { filter: { fromDateTime: "2026-01-01T00:00:00Z", toDateTime: "2027-01-01T00:00:00Z" }, contentSelector: { exposedFields: { parties: true } } };
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await call(sim, "POST", "/v2/calls/extensive", cursor ? { cursor, ...request } : request);
        expect(res.status).toBe(200);
        expectSchema("Calls", res.json);
        expect(res.json.records.currentPageNumber).toBe(pages);
        seen.push(...res.json.calls.map((c: Json) => c.metaData.id));
        if (res.json.records.cursor) {
          const changed = { ...request, cursor: res.json.records.cursor, contentSelector: { exposedFields: { parties: false } } };
          expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", changed), 400, /cursor/);
          const otherFilter = { cursor: res.json.records.cursor, filter: { ...request.filter, fromDateTime: "2026-01-02T00:00:00Z" }, contentSelector: request.contentSelector };
          expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", otherFilter), 400, /cursor/);
        }
        cursor = res.json.records.cursor;
        pages++;
      } while (cursor);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(new Set(seen).size).toBe(sim.callIds().length);
      // A cursor taken from a GET does not work on a POST either.
      const getCursor = (await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).json.records.cursor;
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { ...request, cursor: getCursor }), 400, /cursor/);
    });

    it("filters by callIds and primaryUserIds, intersected with dates", async () => {
      const ids = sim.callIds().slice(0, 3);
      const byId = await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: ids } });
      expect(byId.json.calls.map((c: Json) => c.metaData.id).sort()).toEqual([...ids].sort());
      const maya = "7100000000000000011";
      const hosted = await call(sim, "POST", "/v2/calls/extensive", { filter: { primaryUserIds: [maya] } });
      expect(hosted.json.calls.length).toBeGreaterThanOrEqual(2);
      for (const c of hosted.json.calls) expect(c.metaData.primaryUserId).toBe(maya);
      const outside = await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: ["9000000000000000101"], fromDateTime: "2026-11-01T00:00:00Z" } });
      expectEnvelope(outside, 404, NO_CALLS);
    });

    it("returns only metaData without a selector", async () => {
      const res = await call(sim, "POST", "/v2/calls/extensive", { filter: {} });
      for (const c of res.json.calls) expect(Object.keys(c)).toEqual(["metaData"]);
    });

    it("returns only the selected blocks, and only the selected fields inside them", async () => {
      const ids = sim.callIds();
      const generated = ids.find((id) => !id.startsWith("90000000000000001"))!;
      const get = async (contentSelector: Json) => {
        const res = await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: [generated] }, contentSelector });
        expect(res.status).toBe(200);
        expectSchema("Calls", res.json);
        return res.json.calls[0];
      };
      expect(Object.keys(await get({ exposedFields: { parties: true } }))).toEqual(["metaData", "parties"]);
      const topics = await get({ exposedFields: { content: { topics: true } } });
      expect(Object.keys(topics)).toEqual(["metaData", "content"]);
      expect(Object.keys(topics.content)).toEqual(["topics"]);
      const trackers = await get({ exposedFields: { content: { trackers: true } } });
      for (const t of trackers.content.trackers) expect(t.occurrences).toBeUndefined();
      const occurrences = await get({ exposedFields: { content: { trackers: true, trackerOccurrences: true } } });
      expect(occurrences.content.trackers.some((t: Json) => t.occurrences.length > 0)).toBe(true);
      const stats = await get({ exposedFields: { interaction: { personInteractionStats: true } } });
      expect(Object.keys(stats.interaction)).toEqual(["interactionStats"]);
      expect(stats.interaction.interactionStats.map((s: Json) => s.name)).toEqual(["Talk Ratio", "Longest Monologue", "Longest Customer Story", "Interactivity", "Patience"]);
      const media = await get({ exposedFields: { media: true } });
      expect(Object.keys(media)).toEqual(["metaData", "media"]);
      expect(media.media.audioUrl).toMatch(/^https:\/\//);
      expect(Object.keys(await get({ context: "None", exposedFields: { collaboration: { publicComments: true } } }))).toEqual(["metaData", "collaboration"]);
      const basicCtx = await get({ context: "Basic" });
      expect(Object.keys(basicCtx)).toEqual(["metaData", "context"]);
      for (const o of basicCtx.context[0].objects) expect(Object.keys(o)).toEqual(["objectType", "objectId"]);
      const extended = await get({ context: "Extended", contextTiming: ["Now", "TimeOfCall"] });
      const opp = extended.context[0].objects.filter((o: Json) => o.objectType === "Opportunity");
      expect(opp.map((o: Json) => o.timing)).toEqual(["Now", "TimeOfCall"]);
      expect(opp[0].fields.map((f: Json) => f.name)).toEqual(expect.arrayContaining(["StageName", "Amount"]));
      const everything = await get(ALL_FIELDS);
      expect(Object.keys(everything)).toEqual(["metaData", "context", "parties", "content", "interaction", "collaboration", "media"]);
    });

    it("returns the demo calls verbatim (sparse blocks stay sparse) and every call readable by our import schemas", async () => {
      const res = await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: ["9000000000000000103", "9000000000000000101"] }, contentSelector: ALL_FIELDS });
      const byId = Object.fromEntries(res.json.calls.map((c: Json) => [c.metaData.id, c]));
      const demo1 = DEMO_CALLS[0].call as Json;
      expect(byId["9000000000000000101"].metaData).toEqual(demo1.metaData);
      expect(byId["9000000000000000101"].parties).toEqual(demo1.parties);
      expect(byId["9000000000000000101"].content).toEqual(demo1.content);
      expect(byId["9000000000000000103"].content).toBeUndefined(); // demo call 3 has no content block
      let cursor: string | undefined;
      do {
        const page = await call(sim, "POST", "/v2/calls/extensive", { filter: {}, contentSelector: ALL_FIELDS, ...(cursor ? { cursor } : {}) });
        expectSchema("Calls", page.json);
        for (const c of page.json.calls) expect(gongExtensiveCallSchema.safeParse(c).error).toBeUndefined();
        cursor = page.json.records.cursor;
      } while (cursor);
    });

    it("answers 400 for an empty callIds, invalid JSON, a missing filter, bad dates and bad selectors", async () => {
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: [] } }), 400, /callIds/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: { primaryUserIds: [] } }), 400, /primaryUserIds/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", '{"filter": {'), 400, /JSON/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", "[]"), 400);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", {}), 400, /filter/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: { fromDateTime: "2026-13-01T00:00:00Z" } }), 400, /fromDateTime/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: { toDateTime: 20261101 } }), 400, /toDateTime/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: [123] } }), 400, /callIds/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: {}, contentSelector: { context: "Everything" } }), 400, /context/);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: {}, cursor: 5 }), 400, /cursor/);
    });

    it("answers 404 'No calls found…' when the filter matches nothing", async () => {
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: { fromDateTime: "2019-01-01T00:00:00Z", toDateTime: "2019-02-01T00:00:00Z" } }), 404, NO_CALLS);
      expectEnvelope(await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: ["1"] } }), 404, NO_CALLS);
    });
  });

  describe("POST /v2/calls/transcript", () => {
    let transcripts: Json[];
    let calls: Map<string, Json>;
    beforeAll(async () => {
      transcripts = [];
      calls = new Map();
      let cursor: string | undefined;
      do {
        const res = await call(sim, "POST", "/v2/calls/transcript", { filter: {}, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expectSchema("CallTranscripts", res.json);
        transcripts.push(...res.json.callTranscripts);
        cursor = res.json.records.cursor;
      } while (cursor);
      do {
        const res = await call(sim, "POST", "/v2/calls/extensive", { filter: {}, contentSelector: ALL_FIELDS, ...(cursor ? { cursor } : {}) });
        for (const c of res.json.calls) calls.set(c.metaData.id, c);
        cursor = res.json.records.cursor;
      } while (cursor);
    });

    it("returns one transcript per call, readable by our import schema", () => {
      expect(transcripts.map((t) => t.callId).sort()).toEqual(sim.callIds().sort());
      for (const t of transcripts) expect(gongCallTranscriptSchema.safeParse(t).error).toBeUndefined();
    });

    it("uses integer milliseconds, monotonic and within the call's duration", () => {
      for (const t of transcripts) {
        const duration = calls.get(t.callId)!.metaData.duration as number;
        let previousEnd = -1;
        for (const m of t.transcript) {
          for (const s of m.sentences) {
            expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
            expect(s.start).toBeGreaterThanOrEqual(previousEnd);
            expect(s.end).toBeGreaterThan(s.start);
            previousEnd = s.end;
          }
        }
        expect(previousEnd).toBeLessThanOrEqual(duration * 1000);
        // Speech fills the call (no minutes of silence at the end).
        expect(previousEnd).toBeGreaterThan(duration * 1000 * 0.8);
      }
    });

    it("carries null speakerId and null topic, which Gong's schema does not declare", () => {
      const monologues = transcripts.flatMap((t) => t.transcript);
      expect(monologues.some((m) => m.topic === null)).toBe(true);
      expect(monologues.some((m) => m.topic !== null)).toBe(true);
      expect(monologues.some((m) => m.speakerId === null)).toBe(true);
      const withNull = transcripts.find((t) => t.transcript.some((m: Json) => m.speakerId === null))!;
      expect(validate(spec, "CallTranscript", withNull)).toEqual(expect.arrayContaining([expect.stringMatching(/speakerId: null is not allowed/)]));
      expect(validate(gong, "CallTranscript", withNull)).toEqual([]);
    });

    it("joins speakers to parties by speakerId", () => {
      for (const t of transcripts) {
        const speakerIds = new Set((calls.get(t.callId)!.parties as Json[]).map((p) => p.speakerId));
        for (const m of t.transcript) if (m.speakerId !== null) expect(speakerIds.has(m.speakerId)).toBe(true);
      }
    });

    it("filters by callIds and answers 400/404 like the other call endpoints", async () => {
      const res = await call(sim, "POST", "/v2/calls/transcript", { filter: { callIds: ["9000000000000000105"] } });
      expect(res.json.callTranscripts.map((t: Json) => t.callId)).toEqual(["9000000000000000105"]);
      expect(res.json.callTranscripts[0]).toEqual(DEMO_CALLS[4].transcript);
      expectEnvelope(await call(sim, "POST", "/v2/calls/transcript", { filter: { callIds: [] } }), 400);
      expectEnvelope(await call(sim, "POST", "/v2/calls/transcript", "not json"), 400);
      expectEnvelope(await call(sim, "POST", "/v2/calls/transcript", { filter: { fromDateTime: "2018-01-01T00:00:00Z", toDateTime: "2018-01-02T00:00:00Z" } }), 404, NO_CALLS);
    });
  });

  describe("users", () => {
    let users: Json[];
    beforeAll(async () => {
      users = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await call(sim, "GET", `/v2/users${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
        expect(res.status).toBe(200);
        expectSchema("UsersMetadata", res.json);
        users.push(...res.json.users);
        cursor = res.json.records.cursor;
        pages++;
      } while (cursor);
      expect(pages).toBeGreaterThanOrEqual(3);
    });

    it("is one org tree: every managerId is a listed user, one root, no cycles", () => {
      const byId = new Map(users.map((u) => [u.id, u]));
      expect(byId.size).toBe(users.length);
      const roots = users.filter((u) => u.managerId === undefined);
      expect(roots.map((u) => u.title)).toEqual(["VP of Sales"]);
      for (const u of users) {
        const chain = new Set<string>();
        let cur = u;
        while (cur.managerId !== undefined) {
          expect(chain.has(cur.id)).toBe(false);
          chain.add(cur.id);
          cur = byId.get(cur.managerId)!;
          expect(cur).toBeDefined();
        }
        expect(cur.id).toBe(roots[0].id);
      }
      const managers = users.filter((u) => u.managerId === roots[0].id);
      expect(managers).toHaveLength(2);
    });

    it("holds the four demo reps with the userIds of the demo calls, and every internal party of every call", async () => {
      const byName = new Map(users.map((u) => [`${u.firstName} ${u.lastName}`, u]));
      expect(byName.get("Maya Chen")?.id).toBe("7100000000000000011");
      expect(byName.get("Diego Alvarez")?.id).toBe("7100000000000000012");
      expect(byName.get("Priya Natarajan")?.id).toBe("7100000000000000013");
      expect(byName.get("Tom Becker")?.id).toBe("7100000000000000014");
      const ids = new Set(users.map((u) => u.id));
      const res = await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: sim.callIds() }, contentSelector: { exposedFields: { parties: true } } });
      let cursor = res.json.records.cursor;
      const all = [...res.json.calls];
      while (cursor) {
        const next = await call(sim, "POST", "/v2/calls/extensive", { cursor, filter: { callIds: sim.callIds() }, contentSelector: { exposedFields: { parties: true } } });
        all.push(...next.json.calls);
        cursor = next.json.records.cursor;
      }
      for (const c of all) {
        expect(ids.has(c.metaData.primaryUserId)).toBe(true);
        for (const p of c.parties) if (p.userId) expect(ids.has(p.userId)).toBe(true);
      }
    });

    it("lists avatars only with includeAvatars", async () => {
      const res = await call(sim, "POST", "/v2/users/extensive", { filter: { includeAvatars: true } });
      expect(res.json.records.totalRecords).toBe(users.length + 1);
    });

    it("POST /v2/users/extensive filters by userIds; GET /v2/users/{id} answers one user or 404", async () => {
      const res = await call(sim, "POST", "/v2/users/extensive", { filter: { userIds: ["7100000000000000013", "7100000000000000001"] } });
      expect(res.status).toBe(200);
      expectSchema("UsersMetadata", res.json);
      expect(res.json.users.map((u: Json) => u.id).sort()).toEqual(["7100000000000000001", "7100000000000000013"]);
      expectEnvelope(await call(sim, "POST", "/v2/users/extensive", { filter: { userIds: [] } }), 400);
      const one = await call(sim, "GET", "/v2/users/7100000000000000014");
      expectSchema("User", one.json);
      expect(one.json.user.managerId).toBe("7100000000000000003");
      expectEnvelope(await call(sim, "GET", "/v2/users/7100000000000009999"), 404, "User not found");
    });
  });

  describe("dataset", () => {
    let everything: Json[];
    beforeAll(async () => {
      everything = [];
      let cursor: string | undefined;
      do {
        const res = await call(sim, "POST", "/v2/calls/extensive", { filter: {}, contentSelector: ALL_FIELDS, ...(cursor ? { cursor } : {}) });
        everything.push(...res.json.calls);
        cursor = res.json.records.cursor;
      } while (cursor);
    });
    const generated = () => everything.filter((c) => !String(c.metaData.title).startsWith("[Demo]"));

    it("holds the six demo calls and 20 generated calls with 19-digit string ids", () => {
      expect(everything).toHaveLength(26);
      expect(generated()).toHaveLength(20);
      for (const c of everything) expect(c.metaData.id).toMatch(/^\d{19}$/);
    });

    it("has a call of at least 85 minutes and durations from 5 to 90 minutes", () => {
      const durations = generated().map((c) => c.metaData.duration as number);
      expect(Math.max(...durations)).toBeGreaterThanOrEqual(85 * 60);
      for (const d of durations) {
        expect(d).toBeGreaterThanOrEqual(5 * 60);
        expect(d).toBeLessThanOrEqual(90 * 60);
      }
    });

    it("dates calls in the 60 days before the reference date, with offsets", () => {
      const ref = Date.parse(REFERENCE_DATE);
      for (const c of generated()) {
        expect(c.metaData.started).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}:\d{2}$/);
        const t = Date.parse(c.metaData.started);
        expect(t).toBeLessThan(ref);
        expect(t).toBeGreaterThan(ref - 60 * 86_400_000);
      }
    });

    it("has 2–6 parties: org reps inside, customers with .example addresses outside", () => {
      for (const c of generated()) {
        expect(c.parties.length).toBeGreaterThanOrEqual(2);
        expect(c.parties.length).toBeLessThanOrEqual(6);
        const internal = c.parties.filter((p: Json) => p.affiliation === "Internal");
        const external = c.parties.filter((p: Json) => p.affiliation === "External");
        expect(internal.length).toBeGreaterThanOrEqual(1);
        expect(external.length).toBeGreaterThanOrEqual(1);
        for (const p of internal) expect(p.emailAddress).toMatch(/@prefect-demo\.example$/);
        for (const p of external) {
          expect(p.emailAddress).toMatch(/@[a-z0-9-]+\.example$/);
          expect(p.userId).toBeUndefined();
        }
        expect(internal.map((p: Json) => p.userId)).toContain(c.metaData.primaryUserId);
      }
    });

    it("computes analysis blocks that agree with each other", () => {
      for (const c of generated()) {
        const partyIds = new Set(c.parties.map((p: Json) => p.id));
        for (const s of c.interaction.speakers) expect(partyIds.has(s.id)).toBe(true);
        const talk = c.interaction.speakers.reduce((sum: number, s: Json) => sum + s.talkTime, 0);
        expect(talk).toBeLessThanOrEqual(c.metaData.duration);
        const ratio = c.interaction.interactionStats.find((s: Json) => s.name === "Talk Ratio").value;
        expect(ratio).toBeGreaterThan(0);
        expect(ratio).toBeLessThan(1);
        expect(c.content.topics.length).toBeGreaterThan(0);
        expect(typeof c.content.brief).toBe("string");
        for (const t of c.content.trackers) expect(t.count).toBe(t.occurrences.length);
      }
    });

    it("writes varied sentences, not placeholders", async () => {
      const res = await call(sim, "POST", "/v2/calls/transcript", { filter: { callIds: generated().map((c) => c.metaData.id).slice(0, 4) } });
      const perCall: string[][] = res.json.callTranscripts.map((t: Json) => t.transcript.flatMap((m: Json) => m.sentences.map((s: Json) => s.text)));
      for (const texts of perCall) {
        expect(texts.length).toBeGreaterThan(50);
        expect(new Set(texts).size / texts.length).toBeGreaterThan(0.6);
      }
      for (const text of perCall.flat()) {
        expect(text).not.toMatch(/\{|\}|undefined|Sentence \d/);
        expect(text).toMatch(/^[A-Z"'0-9]/);
      }
    });
  });

  describe("addCall", () => {
    it("adds a generated call with a transcript, served by every endpoint", async () => {
      const s = await start({ calls: 2 });
      try {
        const id = s.addCall({ started: "2026-11-21T09:15:00-08:00", durationSec: 600 });
        expect(id).toMatch(/^\d{19}$/);
        expect(s.callIds()).toContain(id);
        const one = await call(s, "GET", `/v2/calls/${id}`);
        expect(one.json.call).toMatchObject({ id, started: "2026-11-21T09:15:00-08:00", duration: 600 });
        const window = await call(s, "GET", "/v2/calls?fromDateTime=2026-11-21T17:15:00Z&toDateTime=2026-11-21T17:16:00Z");
        expect(window.json.calls.map((c: Json) => c.id)).toEqual([id]);
        const tr = await call(s, "POST", "/v2/calls/transcript", { filter: { callIds: [id] } });
        expect(tr.json.callTranscripts[0].transcript.length).toBeGreaterThan(5);
        expect(tr.json.callTranscripts[0].transcript.at(-1).sentences.at(-1).end).toBeLessThanOrEqual(600_000);
        const another = s.addCall();
        expect(another).not.toBe(id);
        expect(s.callIds()).toHaveLength(2 + 6 + 2);
      } finally {
        await s.stop();
      }
    });
  });

  describe("requests()", () => {
    it("records method, path, status and time of each request", async () => {
      const s = await start({ calls: 0 });
      try {
        await call(s, "GET", `/v2/calls?${ALL_TIME}`);
        await call(s, "GET", "/v2/users", undefined, {});
        expect(s.requests().map(({ method, path: p, status }) => ({ method, path: p, status }))).toEqual([
          { method: "GET", path: "/v2/calls", status: 200 },
          { method: "GET", path: "/v2/users", status: 401 },
        ]);
        expect(s.requests()[0].at).toBeGreaterThan(Date.now() - 60_000);
      } finally {
        await s.stop();
      }
    });
  });
});

describe("rate limit", () => {
  it("answers 429 with an integer Retry-After ≥ 1 beyond 3 requests in a second", async () => {
    const sim = await start({ calls: 0, rateLimit: { perSecond: 3, perDay: 10_000 } });
    try {
      const results = await Promise.all(Array.from({ length: 10 }, () => call(sim, "GET", `/v2/calls?${ALL_TIME}`)));
      const ok = results.filter((r) => r.status === 200);
      const limited = results.filter((r) => r.status === 429);
      expect(ok.length + limited.length).toBe(10);
      // The first three in the window pass; the rest (all 7 unless the machine stalled for a second) are limited.
      expect(ok.length).toBeGreaterThanOrEqual(3);
      expect(limited.length).toBeGreaterThanOrEqual(1);
      for (const r of limited) {
        expectEnvelope(r, 429, "API request limit exceeded");
        const retryAfter = r.headers.get("retry-after")!;
        expect(retryAfter).toMatch(/^\d+$/);
        expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      }
      await new Promise((resolve) => setTimeout(resolve, Number(limited[0].headers.get("retry-after")) * 1000 + 50));
      expect((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  it("enforces the daily budget with a Retry-After until the next UTC day", async () => {
    const sim = await start({ calls: 0, rateLimit: { perSecond: 100, perDay: 4 } });
    try {
      for (let i = 0; i < 4; i++) expect((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status).toBe(200);
      const res = await call(sim, "GET", `/v2/calls?${ALL_TIME}`);
      expectEnvelope(res, 429);
      const now = new Date();
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      expect(Math.abs(Number(res.headers.get("retry-after")) - (midnight - Date.now()) / 1000)).toBeLessThan(5);
    } finally {
      await sim.stop();
    }
  });
});

describe("faults", () => {
  it("failNext = 2 fails exactly two requests with 503, then behaves", async () => {
    const sim = await start({ calls: 0, faults: { failNext: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await call(sim, "GET", `/v2/calls?${ALL_TIME}`);
        statuses.push(res.status);
        if (res.status === 503) expectEnvelope(res, 503);
      }
      expect(statuses).toEqual([503, 503, 200]);
      sim.setFaults({ failNext: 1 });
      expect((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status).toBe(503);
      expect((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  it("errorRate fails a deterministic share of requests with 5xx, the same for the same seed", async () => {
    const run = async (seed: number) => {
      const sim = await start({ calls: 0, seed, faults: { errorRate: 0.5 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status);
        return statuses;
      } finally {
        await sim.stop();
      }
    };
    const a = await run(5);
    expect(a).toEqual(await run(5));
    expect(a.filter((s) => s >= 500).length).toBeGreaterThan(2);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(2);
    for (const s of a) expect([200, 500, 502, 503]).toContain(s);
    expect(await run(6)).not.toEqual(a);
  });

  it("dropRate destroys the socket without an answer; slowRate delays by slowMs", async () => {
    const sim = await start({ calls: 0, faults: { dropRate: 1 } });
    try {
      await expect(fetch(`${sim.url}/v2/calls?${ALL_TIME}`, { headers: { Authorization: basic() } })).rejects.toThrow();
      sim.setFaults({ slowRate: 1, slowMs: 300 });
      const t0 = Date.now();
      expect((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      sim.setFaults({});
      expect((await call(sim, "GET", `/v2/calls?${ALL_TIME}`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });
});

describe("determinism", () => {
  /** A fixed sequence of requests; the raw bodies answered. */
  async function transcriptOf(seed: number): Promise<string[]> {
    const sim = await start({ seed, pageSize: 10 });
    try {
      const out: string[] = [];
      const first = await call(sim, "GET", `/v2/calls?${ALL_TIME}`);
      out.push(first.text);
      out.push((await call(sim, "GET", `/v2/calls?${ALL_TIME}&cursor=${encodeURIComponent(first.json.records.cursor)}`)).text);
      out.push((await call(sim, "POST", "/v2/calls/extensive", { filter: {}, contentSelector: ALL_FIELDS })).text);
      out.push((await call(sim, "POST", "/v2/calls/transcript", { filter: {} })).text);
      out.push((await call(sim, "GET", "/v2/users")).text);
      out.push((await call(sim, "POST", "/v2/calls/extensive", { filter: { callIds: [] } })).text);
      return out;
    } finally {
      await sim.stop();
    }
  }

  it("answers byte-identically for the same seed, and differently for another seed", async () => {
    const a = await transcriptOf(42);
    const b = await transcriptOf(42);
    expect(b).toEqual(a);
    const c = await transcriptOf(43);
    expect(c[2]).not.toEqual(a[2]);
    expect(c[3]).not.toEqual(a[3]);
  });
});

describe("webhooks", () => {
  let sim: RunningSimulator;
  let receiver: http.Server;
  let receiverUrl: string;
  let received: { headers: http.IncomingHttpHeaders; raw: Buffer; url: string }[];
  let reply = { status: 200, body: "ok" };

  beforeAll(async () => {
    sim = await start({ calls: 3 });
    received = [];
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks), url: req.url ?? "" });
        res.writeHead(reply.status, { "Content-Type": "text/plain" });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sim.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });
  beforeEach(() => {
    received = [];
    reply = { status: 200, body: "ok" };
  });

  const spkiPem = (base64: string) => `-----BEGIN PUBLIC KEY-----\n${base64.match(/.{1,64}/g)!.join("\n")}\n-----END PUBLIC KEY-----\n`;
  const verify = async (token: string, base64Key = sim.webhookPublicKeyBase64) => {
    const jose = await loadJose();
    const key = await jose.importSPKI(spkiPem(base64Key), "RS256");
    return jose.jwtVerify(token, key, { algorithms: ["RS256"] });
  };

  it("POSTs { isTest, callData } with an RS256 JWT in Authorization (no Bearer prefix) carrying webhook_url, body_sha256 and exp", async () => {
    const url = `${receiverUrl}/hooks/gong?tenant=acme&k=route-1`;
    const id = sim.callIds()[0];
    const result = await sim.sendWebhook({ url, gongCallId: id });
    expect(result).toEqual({ status: 200, body: "ok" });
    expect(received).toHaveLength(1);
    const [{ headers, raw, url: path }] = received;
    expect(path).toBe("/hooks/gong?tenant=acme&k=route-1");
    expect(headers["content-type"]).toBe("application/json");
    const token = headers.authorization!;
    expect(token).not.toMatch(/^Bearer /i);
    expect(token.split(".")).toHaveLength(3);
    const { payload, protectedHeader } = await verify(token);
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.webhook_url).toBe(url);
    expect(payload.body_sha256).toBe(createHash("sha256").update(raw).digest("hex"));
    expect(payload.body_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000);
    expect(payload.exp).toBeLessThanOrEqual(Date.now() / 1000 + 301);
    const body = JSON.parse(raw.toString("utf8"));
    expect(Object.keys(body)).toEqual(["isTest", "callData"]);
    expect(body.isTest).toBe(false);
    expect(Object.keys(body.callData)).toEqual(["metaData", "context", "parties", "content", "interaction", "collaboration"]);
    expect(body.callData.metaData.id).toBe(id);
    expectSchema("CallData", body.callData);
    expect(gongExtensiveCallSchema.safeParse(body.callData).error).toBeUndefined();
  });

  it("publishes the key as bare base64 SPKI DER (no PEM armour) and as PEM", () => {
    expect(sim.webhookPublicKeyBase64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sim.webhookPublicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(sim.webhookPublicKeyPem.replace(/-----[A-Z ]+-----|\s/g, "")).toBe(sim.webhookPublicKeyBase64);
    expect(Buffer.from(sim.webhookPublicKeyBase64, "base64").length).toBeGreaterThan(290); // 2048-bit RSA SPKI
  });

  it("sends test webhooks with isTest true and returns the receiver's status and body", async () => {
    reply = { status: 202, body: "queued" };
    const result = await sim.sendWebhook({ url: `${receiverUrl}/hook`, gongCallId: "9000000000000000104", isTest: true });
    expect(result).toEqual({ status: 202, body: "queued" });
    const body = JSON.parse(received[0].raw.toString("utf8"));
    expect(body.isTest).toBe(true);
    expect(body.callData.metaData.id).toBe("9000000000000000104");
    expect(body.callData.context).toEqual([]);
  });

  it("url-key mode sends no Authorization header", async () => {
    await sim.sendWebhook({ url: `${receiverUrl}/hook?key=s3cret`, gongCallId: sim.callIds()[1], mode: "url-key" });
    expect(received[0].headers.authorization).toBeUndefined();
    expect(received[0].url).toBe("/hook?key=s3cret");
  });

  it("tamper options produce the tampered claims and signatures", async () => {
    const url = `${receiverUrl}/hook?k=1`;
    const id = sim.callIds()[2];
    await sim.sendWebhook({ url, gongCallId: id, tamper: { bodySha256: "0".repeat(64) } });
    expect((await verify(received[0].headers.authorization!)).payload.body_sha256).toBe("0".repeat(64));

    await sim.sendWebhook({ url, gongCallId: id, tamper: { webhookUrl: "https://elsewhere.example/hook" } });
    expect((await verify(received[1].headers.authorization!)).payload.webhook_url).toBe("https://elsewhere.example/hook");

    await sim.sendWebhook({ url, gongCallId: id, tamper: { bearerPrefix: true } });
    const prefixed = received[2].headers.authorization!;
    expect(prefixed).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await verify(prefixed.slice(7))).payload.webhook_url).toBe(url);

    await sim.sendWebhook({ url, gongCallId: id, tamper: { signWithOtherKey: true } });
    const jose = await loadJose();
    await expect(verify(received[3].headers.authorization!)).rejects.toBeInstanceOf(jose.errors.JWSSignatureVerificationFailed);

    await sim.sendWebhook({ url, gongCallId: id, expiresInSeconds: -60 });
    await expect(verify(received[4].headers.authorization!)).rejects.toBeInstanceOf(jose.errors.JWTExpired);
  });

  it("signs with a given PKCS#8 key", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const s = await start({ calls: 0, webhookPrivateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() });
    try {
      const expected = publicKey.export({ type: "spki", format: "der" }).toString("base64");
      expect(s.webhookPublicKeyBase64).toBe(expected);
      await s.sendWebhook({ url: `${receiverUrl}/hook`, gongCallId: "9000000000000000101" });
      expect((await verify(received[0].headers.authorization!, expected)).payload.webhook_url).toBe(`${receiverUrl}/hook`);
    } finally {
      await s.stop();
    }
  });

  it("rejects an unknown call id", async () => {
    await expect(sim.sendWebhook({ url: `${receiverUrl}/hook`, gongCallId: "1111111111111111111" })).rejects.toThrow(/no call/);
    expect(received).toHaveLength(0);
  });
});
