/**
 * Imports real meeting transcripts (QMSum, MIT licence; see test/fixtures/qmsum) as Gong-shaped
 * calls: a ~2.5-hour, 1,368-turn meeting and a shorter one, then pages through the transcript.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL } from "../helpers/fixtures";
import { qmsumToGong } from "../helpers/qmsum";

describe(`long real transcripts (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    await ts.close();
  });

  it("imports a 1,368-turn meeting and pages through every segment in order", async () => {
    const { turns, input } = qmsumToGong("Bmr006.json", "3300000000000000001", "Professor D");
    expect(turns.length).toBeGreaterThan(1300);
    const imported = await ts.gql(IMPORT_CALL, { input });
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importCall.primaryRep.email).toBe("pm@prefect.example");

    const q = `query($id: ID!, $after: String) { call(id: $id) { durationSec
      segments(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { seq speakerName startMs text } } } } }`;
    const seen: { seq: number; speakerName: string; startMs: number; text: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await ts.gql(q, { id: "3300000000000000001", after });
      expect(r.errors).toBeUndefined();
      expect(r.data.call.segments.totalCount).toBe(turns.length);
      seen.push(...r.data.call.segments.edges.map((e: any) => e.node));
      if (!r.data.call.segments.pageInfo.hasNextPage) break;
      after = r.data.call.segments.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(turns.length);
    expect(seen.map((s) => s.seq)).toEqual(turns.map((_, i) => i));
    expect(seen[500].text).toBe(turns[500].sentences[0].text.trim());
    expect(seen[500].startMs).toBe(turns[500].sentences[0].start);
    // Speaker attribution survives: every segment names one of the six meeting speakers.
    expect(new Set(seen.map((s) => s.speakerName)).size).toBe(6);
  });

  it("re-imports the long meeting in place", async () => {
    const { input, turns } = qmsumToGong("Bmr006.json", "3300000000000000001", "Professor D");
    const again = await ts.gql(IMPORT_CALL, { input });
    expect(again.errors).toBeUndefined();
    const rows = await ts.tdb.db.dataSource.query(
      `SELECT count(*)::int AS n FROM transcript_segments s JOIN calls c ON c.id = s.call_id WHERE c.gong_id = '3300000000000000001'`,
    );
    expect(rows[0].n).toBe(turns.length);
  });

  it("finds a transcript phrase with the full-text index", async () => {
    const { input } = qmsumToGong("ES2004a.json", "3300000000000000002", "Project Manager");
    expect((await ts.gql(IMPORT_CALL, { input })).errors).toBeUndefined();
    const hits = await ts.tdb.db.dataSource.query(
      `SELECT c.gong_id FROM transcript_segments s JOIN calls c ON c.id = s.call_id
       WHERE to_tsvector('english', s.text) @@ plainto_tsquery('english', 'remote control') GROUP BY c.gong_id`,
    );
    expect(hits.map((h: any) => h.gong_id)).toEqual(["3300000000000000002"]);
  });
});
