/**
 * searchCalls: every filter, full-text search (ranking, snippets, stemming, phrases), pagination,
 * token scoping and bad input, on calls imported through the real import path with analyses and
 * objections inserted as rows; one call scored by the heuristic engine; and full-text search on
 * real meeting transcripts (QMSum) against the turns that answer the dataset's own questions.
 */
import fs from "node:fs";
import path from "node:path";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall, type PersonSpec } from "../helpers/fixtures";
import { qmsumToGong } from "../helpers/qmsum";
import { waitFor } from "../helpers/wait";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { SearchService } from "../../src/modules/search/search.service";
import type { CallSearchFilter } from "../../src/modules/search/search-filter.input";
import { ObjectionType } from "../../src/modules/analyses/analysis.enums";
import { RepRole } from "../../src/modules/reps/rep.entity";

const SEARCH = /* GraphQL */ `
  query ($filter: CallSearchFilter, $first: Int, $after: String) {
    searchCalls(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { rank call { id gongId title primaryRep { email } } snippets { text speakerName startMs endMs } } }
    }
  }
`;

interface Hit {
  rank: number | null;
  call: { id: string; gongId: string; title: string; primaryRep: { email: string } | null };
  snippets: { text: string; speakerName: string | null; startMs: number; endMs: number }[];
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Hit }[];
}

const mia: PersonSpec = { name: "Mia Manager", email: "mia@prefect.example", title: "Sales Manager", userId: "7400000000000000901" };
const alice: PersonSpec = { name: "Alice Exec", email: "alice@prefect.example", title: "Account Executive", userId: "7400000000000000902" };
const ben: PersonSpec = { name: "Ben Engineer", email: "ben@prefect.example", title: "Sales Engineer", userId: "7400000000000000903" };
const carl: PersonSpec = { name: "Carl Success", email: "carl@prefect.example", title: "Customer Success Manager", userId: "7400000000000000904" };

/** "Last month" of the example request: October 2026 in REVIEW_TZ (America/Los_Angeles). */
const OCTOBER = { from: "2026-10-01T00:00:00-07:00", to: "2026-11-01T00:00:00-07:00" };

interface AnalysisSpec {
  rep: PersonSpec;
  overall: number;
  dimensions?: Record<string, number>;
  objections?: { type: string; resolved: "YES" | "NO" | "UNCLEAR" }[];
  superseded?: boolean;
}

interface CallDef {
  key: string;
  title: string;
  started: string;
  reps: PersonSpec[];
  customers: PersonSpec[];
  callType: string;
  product: string;
  /** Sentence i → text; the speaker of sentence i is party i % parties (reps first, then customers). */
  lines: Record<number, string>;
  trackers?: Record<string, number>;
  analyses?: AnalysisSpec[];
}

const person = (name: string, email: string): PersonSpec => ({ name, email });

/**
 * The calls. Each filter below names its expected calls; see the comment on each.
 * A1–A8 are gong ids 74000000000000000[01–08].
 */
const CALLS: CallDef[] = [
  {
    key: "A1", title: "Acme / Discovery", started: "2026-10-05T10:00:00-07:00", reps: [alice], customers: [person("Dana Acme", "dana@acme.com")],
    callType: "DISCOVERY", product: "PREFECT",
    lines: { 3: "Your pricing is higher than we budgeted for.", 5: "We would need a discount before the next quarter." },
    trackers: { Pricing: 2, Security: 0 },
    analyses: [{ rep: alice, overall: 62, dimensions: { discovery: 55 }, objections: [{ type: "PRICING", resolved: "NO" }] }],
  },
  {
    key: "A2", title: "Acme / Security Review", started: "2026-10-20T09:00:00-07:00", reps: [ben, alice], customers: [person("Eve Acme", "eve@acme.com")],
    callType: "TECHNICAL_DEEP_DIVE", product: "HORIZON",
    lines: {
      2: "Our security team needs the SOC 2 report.",
      3: "Horizon has a SOC 2 Type II report and a security review package.",
      5: "Security review is the last step for us.",
      6: "On security, we also support single sign-on.",
      8: "Security, security, security: that is what our CISO asks about first.",
    },
    trackers: { Security: 3 },
    analyses: [
      { rep: ben, overall: 74, dimensions: { technical_depth: 80 }, objections: [{ type: "SECURITY", resolved: "YES" }] },
      { rep: alice, overall: 81 },
    ],
  },
  {
    key: "A3", title: "Globex / Discovery", started: "2026-10-12T11:00:00-07:00", reps: [alice], customers: [person("Gus Globex", "gus@globex.com")],
    callType: "DISCOVERY", product: "BOTH",
    lines: { 3: "What is the pricing for fifty seats?" },
    trackers: { Pricing: 1 },
    analyses: [{ rep: alice, overall: 85, dimensions: { discovery: 90 }, objections: [{ type: "PRICING", resolved: "YES" }] }],
  },
  {
    key: "A4", title: "Initech / Discovery", started: "2026-11-03T10:00:00-08:00", reps: [ben], customers: [person("Ivy Initech", "ivy@initech.com")],
    callType: "DISCOVERY", product: "PREFECT",
    lines: { 3: "The pricing seems steep for us." },
    analyses: [{ rep: ben, overall: 50, objections: [{ type: "PRICING", resolved: "NO" }] }],
  },
  {
    key: "A5", title: "Umbrella / QBR", started: "2026-10-08T10:00:00-07:00", reps: [carl], customers: [person("Uma Umbrella", "uma@eu.acme.com")],
    callType: "QBR", product: "HORIZON",
    lines: { 1: "Security questions came up in our audit.", 3: "The security audit went fine in the end." },
    trackers: { Security: 2 },
    analyses: [{ rep: carl, overall: 65, objections: [{ type: "SECURITY", resolved: "UNCLEAR" }] }],
  },
  {
    key: "A6", title: "Notacme / Demo", started: "2026-09-15T10:00:00-07:00", reps: [carl], customers: [person("Zed Notacme", "zed@notacme.com")],
    callType: "DEMO", product: "PREFECT",
    lines: { 1: "Is single sign-on part of your security story?" },
    analyses: [
      // Superseded: its low score and its objection must never match.
      { rep: carl, overall: 40, objections: [{ type: "PRICING", resolved: "NO" }], superseded: true },
      { rep: carl, overall: 90 },
    ],
  },
  {
    key: "A7", title: "Hooli / Discovery", started: "2026-10-25T10:00:00-07:00", reps: [alice, ben], customers: [person("Hank Hooli", "hank@hooli.com")],
    callType: "DISCOVERY", product: "PREFECT",
    lines: { 2: "Pricing is our main concern this year." },
    // The pricing objection is in Ben's analysis (88), the low score in Alice's (60).
    analyses: [
      { rep: alice, overall: 60, dimensions: { discovery: 40 } },
      { rep: ben, overall: 88, objections: [{ type: "PRICING", resolved: "NO" }] },
    ],
  },
  {
    key: "A8", title: "Acme / Horizon Demo", started: "2026-10-28T10:00:00-07:00", reps: [mia], customers: [person("Dana Acme", "dana@acme.com")],
    callType: "DEMO", product: "HORIZON",
    lines: { 3: "And security is handled by our platform team." },
    trackers: { Security: 0, Pricing: 0 },
  },
];

const gongIdOf = (key: string) => `74000000000000000${key.slice(1).padStart(2, "0")}`;
const keyOf = (gongId: string) => `A${Number(gongId.slice(-2))}`;

describe(`searchCalls (${backend})`, () => {
  let ts: TestServer;
  const ids: Record<string, string> = {};
  const segments: Record<string, { seq: number; speakerName: string; startMs: number; endMs: number; text: string }[]> = {};

  const search = async (filter: Record<string, unknown> | null, opts: { first?: number; after?: string; token?: string } = {}) => {
    const r = await ts.gql<{ searchCalls: Page }>(SEARCH, { filter, first: opts.first, after: opts.after }, opts.token);
    expect(r.errors).toBeUndefined();
    return r.data!.searchCalls;
  };
  /** Keys (A1…) of the hits, in order; also checks totalCount against the list. */
  const keys = async (filter: Record<string, unknown> | null, token?: string) => {
    const page = await search(filter, { token });
    const got = page.edges.map((e) => keyOf(e.node.call.gongId));
    expect(page.totalCount).toBe(got.length);
    return got;
  };
  const error = async (filter: Record<string, unknown> | null, extra: { first?: number; after?: string } = {}) => {
    const r = await ts.gql(SEARCH, { filter, ...extra });
    expect(r.data?.searchCalls ?? null).toBeNull();
    return { ...r.errors?.[0].extensions, status: r.status };
  };
  /** Newest first, as searchCalls orders without text. */
  const byDate = (...k: string[]) =>
    [...k].sort((a, b) => Date.parse(CALLS.find((c) => c.key === b)!.started) - Date.parse(CALLS.find((c) => c.key === a)!.started));

  beforeAll(async () => {
    ts = await startTestServer();
    const ds = ts.tdb.db.dataSource;
    for (const def of CALLS) {
      const payload = gongCall({
        gongId: gongIdOf(def.key),
        title: def.title,
        started: def.started,
        reps: def.reps,
        customers: def.customers,
        sentences: 10,
        text: (i) => def.lines[i] ?? `Filler line number ${i}.`,
      });
      if (def.trackers) {
        payload.call.content = {
          trackers: Object.entries(def.trackers).map(([name, count], i) => ({ id: `41000000000000000${i}`, name, count, type: "KEYWORD" })),
        };
      }
      const r = await ts.gql(IMPORT_CALL, { input: { ...payload, callType: def.callType, product: def.product } });
      expect(r.errors).toBeUndefined();
      ids[def.key] = r.data!.importCall.id;
      segments[def.key] = (
        await ds.query(`SELECT seq, speaker_name, start_ms, end_ms, text FROM transcript_segments WHERE call_id = $1 ORDER BY seq`, [ids[def.key]])
      ).map((s: any) => ({ seq: s.seq, speakerName: s.speaker_name, startMs: s.start_ms, endMs: s.end_ms, text: s.text }));
    }
    await ds.query(`UPDATE reps SET manager_id = (SELECT id FROM reps WHERE email = $1) WHERE email = ANY($2::text[])`, [
      mia.email,
      [alice.email, ben.email],
    ]);
    // Analyses as the engine stores them: one per (call, participant); a superseded one points to its successor.
    for (const def of CALLS) {
      let previous: string | null = null;
      for (const [n, a] of (def.analyses ?? []).entries()) {
        const [row]: { id: string }[] = await ds.query(
          `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, overall_score, completed_at)
           SELECT $1, p.id, p.rep_id, 'COMPLETED', 'CLAUDE', r.role, $3, $4, now()
             FROM call_participants p JOIN reps r ON r.id = p.rep_id
            WHERE p.call_id = $1 AND r.email = $2
           RETURNING id`,
          [ids[def.key], a.rep.email, `test:${def.key}:${n}`, a.overall],
        );
        for (const [dimension, score] of Object.entries(a.dimensions ?? {})) {
          await ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score) VALUES ($1, $2, $3)`, [row.id, dimension, score]);
        }
        for (const [seq, o] of (a.objections ?? []).entries()) {
          await ds.query(`INSERT INTO objections (analysis_id, seq, type, quote, resolved) VALUES ($1, $2, $3, 'quote', $4)`, [
            row.id,
            seq,
            o.type,
            o.resolved,
          ]);
        }
        if (previous) await ds.query(`UPDATE analyses SET superseded_by_id = $1 WHERE id = $2`, [row.id, previous]);
        previous = a.superseded ? row.id : null;
      }
    }
  });
  afterAll(async () => {
    await ts.close();
  });

  describe("the two example requests", () => {
    it("'discovery calls from last month with a pricing objection where the rep scored below 70'", async () => {
      // A3 scored 85; A4 is in November; A6 is a demo whose pricing objection is superseded; on A7 the
      // objection is in Ben's analysis (88) and the low score in Alice's: score and objection must hold
      // on one analysis.
      expect(await keys({ callType: "DISCOVERY", ...OCTOBER, objectionType: "PRICING", maxScore: 70 })).toEqual(["A1"]);
    });

    it("'calls with acme.com where security came up', by transcript text and by Gong tracker", async () => {
      // A5 is with eu.acme.com and A6 with notacme.com: other domains. A2 says "security" five times.
      const page = await search({ participantDomain: "acme.com", text: "security" });
      expect(page.edges.map((e) => keyOf(e.node.call.gongId))).toEqual(["A2", "A8"]);
      expect(page.edges[0].node.rank!).toBeGreaterThan(page.edges[1].node.rank!);
      // The Security tracker fired on A2 only (A8 lists it with count 0).
      expect(await keys({ participantDomain: "acme.com", tracker: "Security" })).toEqual(["A2"]);
    });
  });

  describe("each filter alone", () => {
    it("no filter: every call, newest first, without rank or snippets", async () => {
      const page = await search(null);
      expect(page.edges.map((e) => keyOf(e.node.call.gongId))).toEqual(byDate(...CALLS.map((c) => c.key)));
      expect(page.totalCount).toBe(CALLS.length);
      for (const e of page.edges) expect(e.node).toMatchObject({ rank: null, snippets: [] });
      // Blank text is no text.
      expect(await keys({ text: "   " })).toEqual(byDate(...CALLS.map((c) => c.key)));
    });

    it("repEmail, repId, teamOf and role", async () => {
      expect(await keys({ repEmail: "ALICE@prefect.example" })).toEqual(byDate("A1", "A2", "A3", "A7"));
      const benId = (await ts.tdb.db.dataSource.query(`SELECT id FROM reps WHERE email = $1`, [ben.email]))[0].id;
      expect(await keys({ repId: benId })).toEqual(byDate("A2", "A4", "A7"));
      // Mia and her direct reports Alice and Ben; Carl is in no team.
      expect(await keys({ teamOf: mia.email })).toEqual(byDate("A1", "A2", "A3", "A4", "A7", "A8"));
      expect(await keys({ teamOf: alice.email })).toEqual(byDate("A1", "A2", "A3", "A7"));
      expect(await keys({ role: "CSM" })).toEqual(byDate("A5", "A6"));
      expect(await keys({ role: "SE" })).toEqual(byDate("A2", "A4", "A7"));
      expect(await keys({ repEmail: "nobody@prefect.example" })).toEqual([]);
    });

    it("product and call type", async () => {
      expect(await keys({ product: "HORIZON" })).toEqual(byDate("A2", "A5", "A8"));
      expect(await keys({ product: "BOTH" })).toEqual(["A3"]);
      expect(await keys({ callType: "DISCOVERY" })).toEqual(byDate("A1", "A3", "A4", "A7"));
      expect(await keys({ callType: "QBR" })).toEqual(["A5"]);
    });

    it("date range on started_at: from inclusive, to exclusive", async () => {
      const a3 = CALLS.find((c) => c.key === "A3")!.started;
      const a7 = CALLS.find((c) => c.key === "A7")!.started;
      expect(await keys({ from: a3, to: a7 })).toEqual(["A2", "A3"]);
      expect(await keys(OCTOBER)).toEqual(byDate("A1", "A2", "A3", "A5", "A7", "A8"));
      expect(await keys({ from: "2026-11-01T07:00:00Z" })).toEqual(["A4"]);
      expect(await keys({ to: "2026-10-01T00:00:00-07:00" })).toEqual(["A6"]);
    });

    it("overall score bounds over current analyses only: minScore inclusive, maxScore exclusive", async () => {
      expect(await keys({ minScore: 80 })).toEqual(byDate("A2", "A3", "A6", "A7"));
      // A6's superseded 40 does not count.
      expect(await keys({ maxScore: 61 })).toEqual(byDate("A4", "A7"));
      expect(await keys({ minScore: 60, maxScore: 62 })).toEqual(["A7"]);
      expect(await keys({ minScore: 62, maxScore: 62.5 })).toEqual(["A1"]);
    });

    it("dimension score bounds", async () => {
      expect(await keys({ dimension: "discovery", minScore: 50, maxScore: 60 })).toEqual(["A1"]);
      expect(await keys({ dimension: "discovery" })).toEqual(byDate("A1", "A3", "A7"));
      expect(await keys({ dimension: "discovery", maxScore: 50 })).toEqual(["A7"]);
      expect(await keys({ dimension: "technical_depth", minScore: 80 })).toEqual(["A2"]);
      expect(await keys({ dimension: "no_such_dimension", minScore: 0 })).toEqual([]);
    });

    it("scores are those of the reps the rep filters name", async () => {
      // SE Ben: 74 (A2), 50 (A4), 88 (A7). AE Alice: 62 (A1), 81 (A2), 85 (A3), 60 (A7).
      expect(await keys({ role: "SE", maxScore: 80 })).toEqual(byDate("A2", "A4"));
      expect(await keys({ role: "AE", maxScore: 80 })).toEqual(byDate("A1", "A7"));
      expect(await keys({ repEmail: alice.email, minScore: 80 })).toEqual(byDate("A2", "A3"));
      expect(await keys({ teamOf: mia.email, objectionType: "SECURITY" })).toEqual(["A2"]);
    });

    it("objection type and resolved state", async () => {
      expect(await keys({ objectionType: "PRICING" })).toEqual(byDate("A1", "A3", "A4", "A7"));
      expect(await keys({ objectionType: "SECURITY" })).toEqual(byDate("A2", "A5"));
      expect(await keys({ objectionResolved: "YES" })).toEqual(byDate("A2", "A3"));
      expect(await keys({ objectionResolved: "UNCLEAR" })).toEqual(["A5"]);
      expect(await keys({ objectionType: "PRICING", objectionResolved: "NO" })).toEqual(byDate("A1", "A4", "A7"));
      expect(await keys({ objectionType: "TIMING" })).toEqual([]);
    });

    it("participant email (either side) and customer domain", async () => {
      expect(await keys({ participantEmail: "DANA@acme.com" })).toEqual(byDate("A1", "A8"));
      expect(await keys({ participantEmail: ben.email })).toEqual(byDate("A2", "A4", "A7"));
      expect(await keys({ participantDomain: "acme.com" })).toEqual(byDate("A1", "A2", "A8"));
      expect(await keys({ participantDomain: "@ACME.com" })).toEqual(byDate("A1", "A2", "A8"));
      expect(await keys({ participantDomain: "eu.acme.com" })).toEqual(["A5"]);
      expect(await keys({ participantDomain: "globex.com" })).toEqual(["A3"]);
      // Our own domain is on the INTERNAL side only.
      expect(await keys({ participantDomain: "prefect.example" })).toEqual([]);
    });

    it("Gong trackers: name case-insensitive, count > 0", async () => {
      expect(await keys({ tracker: "SECURITY" })).toEqual(byDate("A2", "A5"));
      expect(await keys({ tracker: "pricing" })).toEqual(byDate("A1", "A3"));
      expect(await keys({ tracker: "Competitors" })).toEqual([]);
    });

    it("follows a re-import that changes a call's trackers", async () => {
      const reimport = async (security: number) => {
        const def = CALLS.find((c) => c.key === "A8")!;
        const payload = gongCall({
          gongId: gongIdOf("A8"), title: def.title, started: def.started, reps: def.reps, customers: def.customers, sentences: 10,
          text: (i) => def.lines[i] ?? `Filler line number ${i}.`,
        });
        payload.call.content = { trackers: [{ id: "4100000000000000009", name: "Security", count: security, type: "SMART" }] };
        const r = await ts.gql(IMPORT_CALL, { input: { ...payload, callType: def.callType, product: def.product } });
        expect(r.errors).toBeUndefined();
      };
      await reimport(1);
      try {
        expect(await keys({ tracker: "security" })).toEqual(byDate("A2", "A5", "A8"));
      } finally {
        await reimport(0);
      }
      expect(await keys({ tracker: "security" })).toEqual(byDate("A2", "A5"));
    });
  });

  describe("full text", () => {
    it("ranks calls by the sum of their matching segments' ts_rank, then by call id", async () => {
      const page = await search({ text: "security" });
      const got = page.edges.map((e) => keyOf(e.node.call.gongId));
      // A2: five segments (one says it three times); A5: two; A6 and A8: one each (tie → call id).
      const tie = ["A6", "A8"].sort((a, b) => (ids[a] < ids[b] ? -1 : 1));
      expect(got).toEqual(["A2", "A5", ...tie]);
      const ranks = page.edges.map((e) => e.node.rank!);
      expect(ranks[0]).toBeGreaterThan(ranks[1]);
      expect(ranks[1]).toBeGreaterThan(ranks[2]);
      expect(ranks[2]).toBe(ranks[3]);
      expect(ranks[1]).toBeCloseTo(2 * ranks[2], 5);
      expect(page.totalCount).toBe(4);
    });

    it("returns up to three snippets, best first, with speaker, start time and «highlights»", async () => {
      const page = await search({ text: "security", participantEmail: "eve@acme.com" });
      expect(page.edges).toHaveLength(1);
      const { snippets } = page.edges[0].node;
      const seg = (seq: number) => segments.A2.find((s) => s.seq === seq)!;
      // Sentence 8 says it three times; the others once each, so they follow in transcript order (2, 3).
      expect(snippets.map((s) => ({ speakerName: s.speakerName, startMs: s.startMs, endMs: s.endMs }))).toEqual(
        [8, 2, 3].map((seq) => ({ speakerName: seg(seq).speakerName, startMs: seg(seq).startMs, endMs: seg(seq).endMs })),
      );
      expect(snippets.map((s) => s.speakerName)).toEqual(["Eve Acme", "Eve Acme", "Ben Engineer"]);
      expect(snippets.map((s) => s.startMs)).toEqual([40_000, 10_000, 15_000]);
      expect(snippets[0].text).toBe("«Security», «security», «security»: that is what our CISO asks about first.");
      for (const [i, s] of snippets.entries()) {
        expect(s.text).toMatch(/«security»/i);
        expect(s.text.replace(/[«»]/g, "")).toBe(seg([8, 2, 3][i]).text);
      }
    });

    it("stems words ('english'), matches phrases, OR, and needs all words in one segment", async () => {
      // "prices" → "price", which "pricing" also stems to.
      expect((await keys({ text: "prices" })).sort()).toEqual(["A1", "A3", "A4", "A7"]);
      expect(await keys({ text: '"security review"' })).toEqual(["A2"]);
      expect((await keys({ text: "audit OR SOC" })).sort()).toEqual(["A2", "A5"]);
      expect(await keys({ text: "pricing budgeted" })).toEqual(["A1"]);
      // A1 says "pricing" and "discount" in different segments.
      expect(await keys({ text: "pricing discount" })).toEqual([]);
      const snippet = (await search({ text: "prices", repEmail: ben.email, callType: "DISCOVERY", from: "2026-11-01T00:00:00Z" })).edges[0].node.snippets[0];
      expect(snippet).toMatchObject({ text: "The «pricing» seems steep for us.", speakerName: "Ivy Initech" });
    });

    it("combines text with every other kind of filter", async () => {
      // A7's pricing objection is Ben's (88), its score below 70 Alice's.
      expect((await keys({ text: "pricing", objectionType: "PRICING", objectionResolved: "NO", maxScore: 70 })).sort()).toEqual(["A1", "A4"]);
      expect(await keys({ text: "security", role: "CSM", product: "HORIZON", tracker: "security" })).toEqual(["A5"]);
      expect(await keys({ text: "security", ...OCTOBER, callType: "DEMO" })).toEqual(["A8"]);
    });
  });

  it("ranks the same whether the filtered calls are passed as ids or as a subquery", async () => {
    const ds = ts.tdb.db.dataSource;
    const byIds = new SearchService(ds);
    const bySubquery = new SearchService(ds, undefined, undefined, 0);
    const aliceId = (await ds.query(`SELECT id FROM reps WHERE email = $1`, [alice.email]))[0].id;
    const admin = { tokenId: "t", tokenName: "t", role: TokenRole.ADMIN, repId: null, visibleRepIds: null };
    const rep = { ...admin, role: TokenRole.REP, repId: aliceId, visibleRepIds: [aliceId] };
    const filters: CallSearchFilter[] = [
      { text: "security OR pricing" },
      { text: "security", participantDomain: "acme.com" },
      { text: "pricing", objectionType: ObjectionType.PRICING },
      { text: "security", role: RepRole.CSM },
    ];
    let hits = 0;
    for (const viewer of [admin, rep]) {
      for (const filter of filters) {
        const [a, b] = await Promise.all([byIds.page(viewer, filter, 100, null), bySubquery.page(viewer, filter, 100, null)]);
        expect(b.rows.map((h) => [h.callId, h.rank])).toEqual(a.rows.map((h) => [h.callId, h.rank]));
        expect(await b.count()).toBe(await a.count());
        hits += a.rows.length;
      }
    }
    expect(hits).toBe(8 + 2 + 4 + 2 + /* Alice: */ 4 + 1 + 2 + 0);
  });

  describe("pagination", () => {
    const all = async (filter: Record<string, unknown> | null, first: number) => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await search(filter, { first, after });
        expect(page.totalCount).toBe((await search(filter)).totalCount);
        expect(page.edges.length).toBeLessThanOrEqual(first);
        seen.push(...page.edges.map((e) => keyOf(e.node.call.gongId)));
        if (!page.pageInfo.hasNextPage) return seen;
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        after = page.pageInfo.endCursor!;
      }
      throw new Error("did not end");
    };

    it("pages through every hit exactly once, by date and by rank (across ties)", async () => {
      const byDateAll = await keys(null);
      for (const first of [1, 3]) expect(await all(null, first)).toEqual(byDateAll);
      // Six calls tie with one matching segment each: the cursor must carry the call id.
      const ranked = await keys({ text: "security OR pricing" });
      expect(ranked).toHaveLength(8);
      for (const first of [1, 2]) expect(await all({ text: "security OR pricing" }, first)).toEqual(ranked);
      expect(new Set(ranked).size).toBe(ranked.length);
    });

    it("is stable when a call arrives between pages", async () => {
      const p1 = await search(null, { first: 2 });
      expect(p1.edges.map((e) => keyOf(e.node.call.gongId))).toEqual(byDate(...CALLS.map((c) => c.key)).slice(0, 2));
      const late = gongCall({ gongId: "7400000000000000099", title: "Late / Discovery", started: "2026-12-01T10:00:00-08:00", reps: [carl], sentences: 2 });
      const r = await ts.gql(IMPORT_CALL, { input: late });
      expect(r.errors).toBeUndefined();
      try {
        const p2 = await search(null, { first: 2, after: p1.pageInfo.endCursor! });
        expect(p2.edges.map((e) => keyOf(e.node.call.gongId))).toEqual(byDate(...CALLS.map((c) => c.key)).slice(2, 4));
      } finally {
        await ts.tdb.db.dataSource.query(`DELETE FROM calls WHERE gong_id = '7400000000000000099'`);
      }
    });

    it("rejects a cursor of the other order, a forged cursor and a bad page size", async () => {
      const ranked = await search({ text: "security" }, { first: 1 });
      expect(await error(null, { after: ranked.pageInfo.endCursor! })).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
      const dated = await search(null, { first: 1 });
      expect(await error({ text: "security" }, { after: dated.pageInfo.endCursor! })).toMatchObject({ reason: "INVALID_CURSOR" });
      expect(await error(null, { after: "not-a-cursor" })).toMatchObject({ reason: "INVALID_CURSOR" });
      expect(await error(null, { first: 0 })).toMatchObject({ reason: "INVALID_PAGE_SIZE" });
      expect(await error(null, { first: 101 })).toMatchObject({ reason: "INVALID_PAGE_SIZE" });
    });
  });

  describe("scoping", () => {
    it("a REP finds only calls they took part in, scored only by their own analyses", async () => {
      const token = await ts.token(TokenRole.REP, alice.email);
      expect(await keys(null, token)).toEqual(byDate("A1", "A2", "A3", "A7"));
      expect(await keys({ text: "security" }, token)).toEqual(["A2"]);
      // Hidden calls never appear, whatever the filter.
      expect(await keys({ participantDomain: "eu.acme.com" }, token)).toEqual([]);
      expect(await keys({ role: "CSM" }, token)).toEqual([]);
      expect(await keys({ text: "pricing", repEmail: ben.email }, token)).toEqual(["A7"]);
      // Ben's 74 on A2 and 88 on A7 are not Alice's to read.
      expect(await keys({ maxScore: 75 }, token)).toEqual(byDate("A1", "A7"));
      expect(await keys({ objectionType: "SECURITY" }, token)).toEqual([]);
      expect(await keys({ objectionType: "PRICING" }, token)).toEqual(byDate("A1", "A3"));
    });

    it("a MANAGER finds their own and their reports' calls", async () => {
      const token = await ts.token(TokenRole.MANAGER, mia.email);
      expect(await keys(null, token)).toEqual(byDate("A1", "A2", "A3", "A4", "A7", "A8"));
      expect(await keys({ text: "security" }, token)).toEqual(["A2", "A8"]);
      expect(await keys({ tracker: "security" }, token)).toEqual(["A2"]);
      expect(await keys({ objectionType: "SECURITY" }, token)).toEqual(["A2"]);
    });

    it("another REP sees none of them", async () => {
      const token = await ts.token(TokenRole.REP, carl.email);
      expect(await keys({ text: "pricing" }, token)).toEqual([]);
      expect(await keys(null, token)).toEqual(byDate("A5", "A6"));
    });
  });

  describe("bad input → BAD_USER_INPUT", () => {
    it("names what is wrong", async () => {
      expect(await error({ minScore: 80, maxScore: 70 })).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_SCORE_RANGE" });
      expect(await error({ minScore: 70, maxScore: 70 })).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_SCORE_RANGE" });
      expect(await error({ from: "2026-11-01T00:00:00Z", to: "2026-10-01T00:00:00Z" })).toMatchObject({
        code: "BAD_USER_INPUT",
        reason: "INVALID_DATE_RANGE",
      });
      // Variables that do not fit the operation: refused before execution, HTTP 400.
      expect(await error({ from: "2026-13-45T00:00:00Z" })).toMatchObject({ code: "BAD_USER_INPUT", status: 400 });
      expect(await error({ to: "last tuesday" })).toMatchObject({ code: "BAD_USER_INPUT", status: 400 });
      expect(await error({ participantDomain: "not a domain" })).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_DOMAIN" });
      expect(await error({ repEmail: "not-an-email" })).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ARGUMENT" });
      expect(await error({ participantDomain: "acme.com", teamOf: "mia" })).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ARGUMENT" });
      expect(await error({ repId: "123" })).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
      expect(await error({ text: "the and of" })).toMatchObject({ code: "BAD_USER_INPUT", reason: "SEARCH_TEXT_WITHOUT_WORDS" });
      expect(await error({ objectionType: "EXPENSIVE" })).toMatchObject({ code: "BAD_USER_INPUT", status: 400 });
    });
  });

  it("finds an objection the heuristic engine found (no ANTHROPIC_API_KEY)", async () => {
    const hana = { name: "Hana Heuristic", email: "hana@prefect.example", title: "Account Executive" };
    const lines = [
      "Thanks for joining. How do your data pipelines run today?",
      "Mostly cron on two servers, and nobody knows when a job fails.",
      "Prefect retries and alerts would replace those cron jobs.",
      "Our budget is tight this year and the price of a managed service worries me.",
    ];
    const r = await ts.gql(IMPORT_CALL, {
      input: gongCall({ gongId: "7400000000000000050", title: "Heuristic / Discovery", started: "2026-10-15T10:00:00-07:00", reps: [hana], sentences: 4, text: (i) => lines[i] }),
    });
    expect(r.errors).toBeUndefined();
    const callId = r.data!.importCall.id;
    try {
      const a = await ts.gql(`mutation($id: ID!) { analyzeCall(callId: $id) { id engine } }`, { id: callId });
      expect(a.errors).toBeUndefined();
      expect(a.data!.analyzeCall[0].engine).toBe("HEURISTIC");
      const analysisId = a.data!.analyzeCall[0].id;
      const done = await waitFor("the heuristic analysis", async () => {
        const q = await ts.gql(`query($id: ID!) { analysis(id: $id) { status overallScore objections { type } } }`, { id: analysisId });
        return q.data?.analysis.status === "COMPLETED" ? q.data.analysis : undefined;
      });
      expect(done.objections.map((o: { type: string }) => o.type)).toContain("PRICING");
      expect(await keys({ repEmail: hana.email, objectionType: "PRICING" })).toEqual(["A50"]);
      expect(await keys({ repEmail: hana.email, minScore: done.overallScore, maxScore: done.overallScore + 0.5 })).toEqual(["A50"]);
      expect(await keys({ repEmail: hana.email, minScore: done.overallScore + 0.001 })).toEqual([]);
    } finally {
      await ts.tdb.db.dataSource.query(`DELETE FROM calls WHERE id = $1`, [callId]);
    }
  });
});

/**
 * Real meeting text (QMSum, test/fixtures/qmsum): each file's `specific_query_list` has questions and
 * the turns that answer them (`relevant_text_span`, inclusive turn indices). How the search words were
 * chosen: the content words of the question itself, without the speaker role and the "when discussing
 * …" clause (e.g. "What did Industrial Designer think of triple A batteries …" → "triple A batteries";
 * "A" is a stop word), and only for questions whose words are spoken in at least one turn of the span
 * and together in one turn (a search matches segment by segment). Left out, for example: ES2004b
 * "incorporating an alarm" ("alarm" is said only at turn 503, outside its span) and Bmr006 "meeting
 * disk storage" ("disk" only at turns 369 and 413, just outside 370–412).
 */
describe(`searchCalls over QMSum meetings (${backend})`, () => {
  let ts: TestServer;
  const FILES = [
    { file: "ES2004a.json", gongId: "7500000000000000001", internal: "Project Manager" },
    { file: "ES2004b.json", gongId: "7500000000000000002", internal: "Project Manager" },
    { file: "Bmr006.json", gongId: "7500000000000000003", internal: "Professor D" },
  ];
  /** Per file: start ms of each original turn index (null for the empty turns the import skips). */
  const turnStarts: Record<string, (number | null)[]> = {};
  const queries: Record<string, { query: string; relevant_text_span: [string, string][] }[]> = {};

  beforeAll(async () => {
    ts = await startTestServer();
    for (const f of FILES) {
      const { input, turns } = qmsumToGong(f.file, f.gongId, f.internal);
      const r = await ts.gql(IMPORT_CALL, { input });
      expect(r.errors).toBeUndefined();
      const meeting = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/qmsum", f.file), "utf8"));
      queries[f.file] = meeting.specific_query_list;
      // qmsumToGong drops empty turns; map the kept ones back to their original indices.
      let k = 0;
      turnStarts[f.file] = meeting.meeting_transcripts.map((t: { content: string }) =>
        t.content.trim() ? turns[k++].sentences[0].start : null,
      );
      expect(k).toBe(turns.length);
    }
  }, 120_000);
  afterAll(async () => {
    await ts.close();
  });

  const CASES: { file: string; question: string; text: string; only: boolean }[] = [
    { file: "ES2004b.json", question: "What did Industrial Designer think of triple A batteries", text: "triple A batteries", only: true },
    { file: "ES2004b.json", question: "Why did Industrial Designer think of physically different designs", text: "physically different", only: true },
    { file: "ES2004a.json", question: "What did Industrial Designer think of plastic", text: "plastic", only: false },
    { file: "ES2004a.json", question: "Why did the group decide to incorporate a menu display", text: "menu display", only: true },
    { file: "Bmr006.json", question: "What was said on getting fluent English speakers?", text: "English speakers", only: true },
    { file: "Bmr006.json", question: "What did the group say on portable equipment?", text: "portable equipment", only: true },
  ];

  it.each(CASES)("$file: \"$question\" → \"$text\"", async ({ file, question, text, only }) => {
    const entry = queries[file].find((q) => q.query.startsWith(question));
    expect(entry).toBeDefined();
    const gongId = FILES.find((f) => f.file === file)!.gongId;
    const r = await ts.gql<{ searchCalls: Page }>(SEARCH, { filter: { text }, first: 10 });
    expect(r.errors).toBeUndefined();
    const hits = r.data!.searchCalls.edges.map((e) => e.node);
    // The meeting is found, and ranked first (also where another meeting uses the word: "plastic").
    expect(hits[0]?.call.gongId).toBe(gongId);
    if (only) expect(hits).toHaveLength(1);
    const starts = turnStarts[file];
    const inSpan = (ms: number) =>
      entry!.relevant_text_span.some(([from, to]) => {
        const turn = starts.indexOf(ms);
        return turn >= Number(from) && turn <= Number(to);
      });
    const snippets = hits[0].snippets;
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.every((s) => s.text.includes("«") && s.text.includes("»") && s.speakerName)).toBe(true);
    expect(snippets.some((s) => inSpan(s.startMs))).toBe(true);
  });
});
