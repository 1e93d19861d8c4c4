import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";

describe(`demo data on first start (${backend})`, () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ demo: true });
  });
  afterAll(async () => {
    await ts.close();
  });

  const q = `{ calls { totalCount edges { node { title isDemo source callType product primaryRep { email role } segments(first: 1) { totalCount } } } } }`;

  (backend === "pglite" ? it : it.skip)("loads six clearly marked demo calls across AE, SE and CSM reps on the embedded database", async () => {
    const r = await ts.gql(q);
    expect(r.errors).toBeUndefined();
    const calls = r.data!.calls.edges.map((e: any) => e.node);
    expect(calls).toHaveLength(6);
    for (const c of calls) {
      expect(c.title.startsWith("[Demo] ")).toBe(true);
      expect(c).toMatchObject({ isDemo: true, source: "DEMO" });
      expect(c.segments.totalCount).toBeGreaterThan(40);
    }
    expect(new Set(calls.map((c: any) => c.primaryRep.role))).toEqual(new Set(["AE", "SE", "CSM"]));
    expect(new Set(calls.map((c: any) => c.callType))).toEqual(
      new Set(["DISCOVERY", "DEMO", "TECHNICAL_DEEP_DIVE", "NEGOTIATION", "QBR", "ONBOARDING"]),
    );
    expect(calls.some((c: any) => c.product === "PREFECT")).toBe(true);
    expect(calls.some((c: any) => c.product === "HORIZON")).toBe(true);
  });

  (backend === "postgres" ? it : it.skip)("never loads demo data into a real PostgreSQL database", async () => {
    const r = await ts.gql(q);
    expect(r.data!.calls.totalCount).toBe(0);
  });
});
