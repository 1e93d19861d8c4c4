import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";

const NESTED = `query($n: Int!) { calls(first: $n) { totalCount edges { node {
  id primaryRep { name } participants { name rep { email } }
  segments(first: 5) { totalCount edges { node { text } } }
  analyses { overallScore rep { name } dimensionResults { dimension score } objections { type } }
} } } }`;

/** Statements that are data access, not token lookup or transaction bookkeeping. */
const isData = (sql: string) =>
  !/api_tokens|manager_id = \$1|^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN)/i.test(sql.trim());

describe(`DataLoaders keep nested queries to one statement per relation (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
    const reps = [0, 1, 2].map((i) => ({ name: `Rep ${i}`, email: `rep${i}@prefect.example`, title: "Account Executive" }));
    for (let i = 0; i < 20; i++) {
      const r = await ts.gql(IMPORT_CALL, {
        input: gongCall({ gongId: `42000000000000000${String(i).padStart(2, "0")}`, reps: [reps[i % 3], reps[(i + 1) % 3]] }),
      });
      expect(r.errors).toBeUndefined();
    }
    const ds = ts.tdb.db.dataSource;
    const parts: { id: string; call_id: string; rep_id: string }[] = await ds.query(
      `SELECT id, call_id, rep_id FROM call_participants WHERE rep_id IS NOT NULL`,
    );
    for (const p of parts) {
      const [a] = await ds.query(
        `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, overall_score)
         VALUES ($1, $2, $3, 'COMPLETED', 'HEURISTIC', 'AE', 'k', 75) RETURNING id`,
        [p.call_id, p.id, p.rep_id],
      );
      for (const d of ["discovery", "objection_handling", "next_steps"]) {
        await ds.query(`INSERT INTO dimension_results (analysis_id, dimension, score) VALUES ($1, $2, 70)`, [a.id, d]);
      }
      await ds.query(`INSERT INTO objections (analysis_id, seq, type, quote) VALUES ($1, 0, 'pricing', 'Too expensive')`, [a.id]);
    }
  });
  afterAll(async () => {
    await ts.close();
  });

  async function statementsFor(n: number): Promise<string[]> {
    ts.tdb.db.counter.start();
    const r = await ts.gql(NESTED, { n });
    const statements = ts.tdb.db.counter.stop();
    expect(r.errors).toBeUndefined();
    expect(r.data!.calls.edges).toHaveLength(n);
    const first = r.data!.calls.edges[0].node;
    expect(first.participants).toHaveLength(3);
    expect(first.analyses).toHaveLength(2);
    expect(first.analyses[0].dimensionResults).toHaveLength(3);
    expect(first.segments.edges).toHaveLength(5);
    return statements.filter(isData);
  }

  it("runs the same number of data statements for 5 and for 20 calls", async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(20);
    if (process.env.SHOW_SQL) console.log(small.join("\n---\n"), "\n=====\n", large.join("\n---\n"));
    expect(small.length).toBeGreaterThanOrEqual(8); // the counter really saw the statements
    // Never more statements for more calls. (Reps may load in a second wave when the first wave's
    // cache does not cover them, so small can exceed large by one.)
    expect(large.length).toBeLessThanOrEqual(small.length);
    // calls, count, reps (≤ 2 waves), participants, segments, segment counts, analyses, dimension results, objections
    expect(small.length).toBeLessThanOrEqual(10);
  });
});
