import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";

const maya = { name: "Maya Chen", email: "maya@prefect.example", title: "Account Executive", userId: "7100000000000000011" };
const priya = { name: "Priya Natarajan", email: "priya@prefect.example", title: "Senior Sales Engineer", userId: "7100000000000000013" };

describe(`calls API over HTTP (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    await ts.close();
  });

  const importCall = async (c: ReturnType<typeof gongCall>, extra: Record<string, unknown> = {}) => {
    const r = await ts.gql(IMPORT_CALL, { input: { ...c, ...extra } });
    expect(r.errors).toBeUndefined();
    return r.data!.importCall;
  };

  it("imports a Gong call and reads it back by our id and by Gong id", async () => {
    const c = gongCall({
      gongId: "7782342274025937895",
      title: "Northwind / Horizon Demo",
      reps: [maya, priya],
      text: (i) => (i === 3 ? "Horizon gives you managed work pools." : `Line ${i}.`),
    });
    const imported = await importCall(c);
    expect(imported).toMatchObject({ gongId: "7782342274025937895", callType: "DEMO", product: "HORIZON" });
    expect(imported.primaryRep).toMatchObject({ email: "maya@prefect.example", role: "AE" });

    const q = `query($id: ID!) { call(id: $id) { id gongId title durationSec startedAt
      participants { name email side speakerId rep { email role } }
      segments(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { seq speakerName startMs endMs text topic } } } } }`;
    const byId = await ts.gql(q, { id: imported.id });
    const byGong = await ts.gql(q, { id: "7782342274025937895" });
    expect(byId.errors).toBeUndefined();
    expect(byGong.data).toEqual(byId.data);
    const call = byId.data!.call;
    expect(call.startedAt).toBe("2026-11-02T18:00:00.000Z");
    expect(call.participants).toHaveLength(3);
    expect(call.participants.filter((p: any) => p.side === "INTERNAL").map((p: any) => p.rep.role).sort()).toEqual(["AE", "SE"]);
    expect(call.participants.find((p: any) => p.side === "EXTERNAL").rep).toBeNull();
    expect(call.segments.totalCount).toBe(12);
    expect(call.segments.edges.map((e: any) => e.node.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(call.segments.edges[0].node).toMatchObject({ speakerName: "Maya Chen", startMs: 0, endMs: 4000, topic: "Introduction" });
    expect(call.segments.edges[3].node.text).toBe("Horizon gives you managed work pools.");

    // The next page starts right after the cursor.
    const page2 = await ts.gql(
      `query($id: ID!, $after: String) { call(id: $id) { segments(first: 100, after: $after) { pageInfo { hasNextPage } edges { node { seq } } } } }`,
      { id: imported.id, after: call.segments.pageInfo.endCursor },
    );
    expect(page2.data!.call.segments.edges.map((e: any) => e.node.seq)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(page2.data!.call.segments.pageInfo.hasNextPage).toBe(false);
  });

  it("re-importing the same call updates it in place without duplicating segments", async () => {
    const c = gongCall({ gongId: "7782342274025937896", title: "Acme / Discovery", reps: [maya], sentences: 8 });
    const first = await importCall(c);
    c.call.metaData.title = "Acme / Discovery (rescheduled)";
    c.transcript.transcript = c.transcript.transcript.slice(0, 6);
    const second = await importCall(c);
    expect(second.id).toBe(first.id);
    expect(second.title).toBe("Acme / Discovery (rescheduled)");
    const rows = await ts.tdb.db.dataSource.query(
      `SELECT (SELECT count(*) FROM calls WHERE gong_id = $1)::int AS calls,
              (SELECT count(*) FROM transcript_segments WHERE call_id = $2)::int AS segments,
              (SELECT count(*) FROM call_participants WHERE call_id = $2)::int AS participants,
              (SELECT count(*) FROM reps WHERE email = 'maya@prefect.example')::int AS reps`,
      ["7782342274025937896", first.id],
    );
    expect(rows[0]).toEqual({ calls: 1, segments: 6, participants: 2, reps: 1 });
  });

  it("computes interaction metrics at import: per side and per participant", async () => {
    const rep = { name: "Mo Metrics", email: "mo@prefect.example", title: "Account Executive" };
    const imported = await importCall(
      gongCall({ gongId: "7782342274025937899", reps: [rep], sentences: 12, text: (i) => (i === 1 ? "How do you deploy today?" : `Line ${i} here.`) }),
    );
    const r = await ts.gql(
      `query($id: ID!) { call(id: $id) { metrics { side participant { name } talkMs talkRatio longestMonologueMs questionCount interactivity patienceMs wordCount } } }`,
      { id: imported.id },
    );
    expect(r.errors).toBeUndefined();
    const [ours, theirs, ...people] = r.data!.call.metrics;
    // Alternating 4-second sentences every 5 seconds over one minute.
    expect(ours).toMatchObject({ side: "INTERNAL", participant: null, talkMs: 24_000, talkRatio: 0.5, longestMonologueMs: 4_000, interactivity: 11, patienceMs: 1_000 });
    expect(theirs).toMatchObject({ side: "EXTERNAL", participant: null, talkMs: 24_000, questionCount: 1 });
    expect(people.map((p: any) => p.participant.name).sort()).toEqual(["Casey Customer", "Mo Metrics"]);
    // Re-import replaces the rows.
    await importCall(gongCall({ gongId: "7782342274025937899", reps: [rep], sentences: 4 }));
    const rows = await ts.tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM call_metrics WHERE call_id = $1`, [imported.id]);
    expect(rows[0].n).toBe(4);
    // Leave the shared fixtures as the later tests expect them.
    await ts.tdb.db.dataSource.query(`DELETE FROM calls WHERE id = $1`, [imported.id]);
    await ts.tdb.db.dataSource.query(`DELETE FROM reps WHERE email = 'mo@prefect.example'`);
  });

  it("refuses a transcript that refers to an unknown speaker and writes nothing", async () => {
    const c = gongCall({ gongId: "7782342274025937897", reps: [maya] });
    c.transcript.transcript[2].speakerId = "9999999999999999999";
    const r = await ts.gql(IMPORT_CALL, { input: c });
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_TRANSCRIPT" });
    expect(r.errors?.[0].message).toContain("9999999999999999999");
    const n = await ts.tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM calls WHERE gong_id = '7782342274025937897'`);
    expect(n[0].n).toBe(0);
  });

  it("refuses a call object without metaData.started, naming the field", async () => {
    const c = gongCall({ gongId: "7782342274025937898", reps: [maya] });
    delete c.call.metaData.started;
    const r = await ts.gql(IMPORT_CALL, { input: c });
    expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0].extensions?.reason).toBe("INVALID_CALL");
    expect(r.errors?.[0].message).toMatch(/metaData\.started/);
  });

  it("answers NOT_FOUND for unknown ids of every shape", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "1234567890123456789", "not-an-id"]) {
      const r = await ts.gql(`query($id: ID!) { call(id: $id) { id } }`, { id });
      expect(r.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "CALL_NOT_FOUND" });
      expect(r.data).toBeNull();
    }
    const a = await ts.gql(`{ analysis(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(a.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "ANALYSIS_NOT_FOUND" });
    const rep = await ts.gql(`{ rep(email: "nobody@prefect.example") { id } }`);
    expect(rep.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "REP_NOT_FOUND" });
  });

  it("looks reps up by id or email and lists them as a connection", async () => {
    const byEmail = await ts.gql(`{ rep(email: "MAYA@prefect.example") { id email name role gongUserId } }`);
    expect(byEmail.data!.rep).toMatchObject({ email: "maya@prefect.example", role: "AE", gongUserId: "7100000000000000011" });
    const byId = await ts.gql(`query($id: ID) { rep(id: $id) { email } }`, { id: byEmail.data!.rep.id });
    expect(byId.data!.rep.email).toBe("maya@prefect.example");
    const both = await ts.gql(`{ rep(id: "x", email: "y@z.example") { id } }`);
    expect(both.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const list = await ts.gql(`{ reps(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`);
    expect(list.data!.reps.totalCount).toBe(2);
    expect(list.data!.reps.edges[0].node.name).toBe("Maya Chen");
    const next = await ts.gql(`query($a: String) { reps(first: 1, after: $a) { pageInfo { hasNextPage } edges { node { name } } } }`, {
      a: list.data!.reps.pageInfo.endCursor,
    });
    expect(next.data!.reps.edges[0].node.name).toBe("Priya Natarajan");
    expect(next.data!.reps.pageInfo.hasNextPage).toBe(false);
  });

  describe("calls connection", () => {
    const diego = { name: "Diego Alvarez", email: "diego@prefect.example", title: "Account Executive" };
    beforeAll(async () => {
      // 23 more calls over three weeks; some share a start time to exercise the tie-break on id.
      for (let i = 0; i < 23; i++) {
        const day = 1 + Math.floor(i / 2);
        const c = gongCall({
          gongId: `88000000000000000${String(i).padStart(2, "0")}`,
          title: i % 3 === 0 ? `Globex / QBR ${i}` : `Globex / Discovery ${i}`,
          started: `2026-10-${String(day).padStart(2, "0")}T09:00:00-07:00`,
          reps: [i % 2 === 0 ? diego : maya],
          text: (k) => (i % 4 === 0 && k === 1 ? "We run Prefect open-source today." : `Line ${k}.`),
        });
        await importCall(c);
      }
    });

    it("pages through every call exactly once, newest first, with stable cursors", async () => {
      const q = `query($after: String) { calls(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id startedAt } } } }`;
      const seen: { id: string; startedAt: string }[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const r: any = await ts.gql(q, { after });
        expect(r.errors).toBeUndefined();
        expect(r.data.calls.totalCount).toBe(25);
        seen.push(...r.data.calls.edges.map((e: any) => e.node));
        pages++;
        if (!r.data.calls.pageInfo.hasNextPage) break;
        after = r.data.calls.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toHaveLength(25);
      expect(new Set(seen.map((c) => c.id)).size).toBe(25);
      const times = seen.map((c) => Date.parse(c.startedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it("filters by rep email, rep id, date range, call type and product", async () => {
      const count = async (filter: Record<string, unknown>) => {
        const r = await ts.gql(`query($f: CallFilter) { calls(filter: $f) { totalCount edges { node { id } } } }`, { f: filter });
        expect(r.errors).toBeUndefined();
        expect(r.data!.calls.edges).toHaveLength(Math.min(r.data!.calls.totalCount, 100));
        return r.data!.calls.totalCount as number;
      };
      expect(await count({ repEmail: "diego@prefect.example" })).toBe(12);
      const diegoId = (await ts.gql(`{ rep(email: "diego@prefect.example") { id } }`)).data!.rep.id;
      expect(await count({ repId: diegoId })).toBe(12);
      // Maya: 11 Globex calls + the two imported earlier; Priya was on one of them.
      expect(await count({ repEmail: "maya@prefect.example" })).toBe(13);
      expect(await count({ repEmail: "priya@prefect.example" })).toBe(1);
      expect(await count({ from: "2026-10-01T00:00:00-07:00", to: "2026-10-03T00:00:00-07:00" })).toBe(4);
      expect(await count({ callType: "QBR" })).toBe(8);
      expect(await count({ product: "PREFECT" })).toBe(6);
      expect(await count({ callType: "QBR", repEmail: "diego@prefect.example" })).toBe(4);
      expect(await count({ repEmail: "nobody@prefect.example" })).toBe(0);
    });

    it("rejects a bad cursor, a page size over the cap and a backwards date range", async () => {
      const bad = await ts.gql(`{ calls(after: "garbage") { totalCount } }`);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
      const big = await ts.gql(`{ calls(first: 101) { totalCount } }`);
      expect(big.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_PAGE_SIZE" });
      const range = await ts.gql(`{ calls(filter: { from: "2026-11-01T00:00:00Z", to: "2026-10-01T00:00:00Z" }) { totalCount } }`);
      expect(range.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_DATE_RANGE" });
      const email = await ts.gql(`{ calls(filter: { repEmail: "not-an-email" }) { totalCount } }`);
      expect(email.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    });
  });

  it("pages a transcript by offset as well as by cursor, but not by both", async () => {
    const c = await importCall(gongCall({ gongId: "7782342274025937900", reps: [maya], sentences: 9 }));
    const q = `query($id: ID!, $first: Int, $offset: Int, $after: String) { call(id: $id) {
      segments(first: $first, offset: $offset, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { seq } } } } }`;
    const seqs = (r: any) => r.data!.call.segments.edges.map((e: any) => e.node.seq);
    const page = await ts.gql(q, { id: c.id, first: 3, offset: 4 });
    expect(page.errors).toBeUndefined();
    expect(seqs(page)).toEqual([4, 5, 6]);
    expect(page.data!.call.segments).toMatchObject({ totalCount: 9, pageInfo: { hasNextPage: true } });
    // The cursor of an offset page continues where it ended.
    const next = await ts.gql(q, { id: c.id, first: 10, after: page.data!.call.segments.pageInfo.endCursor });
    expect(seqs(next)).toEqual([7, 8]);
    expect(seqs(await ts.gql(q, { id: c.id, first: 2, offset: 0 }))).toEqual([0, 1]);
    const last = await ts.gql(q, { id: c.id, first: 5, offset: 7 });
    expect(seqs(last)).toEqual([7, 8]);
    expect(last.data!.call.segments.pageInfo.hasNextPage).toBe(false);
    const past = await ts.gql(q, { id: c.id, offset: 50 });
    expect(past.data!.call.segments).toMatchObject({ totalCount: 9, edges: [], pageInfo: { hasNextPage: false } });

    const both = await ts.gql(q, { id: c.id, offset: 1, after: page.data!.call.segments.pageInfo.endCursor });
    expect(both.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "OFFSET_WITH_AFTER" });
    const negative = await ts.gql(q, { id: c.id, offset: -1 });
    expect(negative.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_OFFSET" });
    await ts.tdb.db.dataSource.query(`DELETE FROM calls WHERE id = $1`, [c.id]);
  });
});
