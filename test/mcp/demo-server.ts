/**
 * A test server holding the bundled demo calls on either database, for the MCP tool tests. On PGlite
 * `serve` loads them itself; on PostgreSQL (which never gets demo data automatically) they are loaded
 * through the same loader. With workers on, the heuristic engine analyses them in the background.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { connectMcp, type McpTestClient } from "../helpers/mcp";
import { waitFor } from "../helpers/wait";
import { loadDemoData } from "../../src/demo/load-demo";

export const DEMO = {
  /** Maya Chen (AE): Northwind discovery, 2026-10-20. */
  mayaDiscovery: "9000000000000000101",
  /** Diego Alvarez (AE) with Priya Natarajan (SE): Ledgerline demo, 2026-10-28. */
  diegoDemo: "9000000000000000102",
  /** Maya Chen (AE): Harborview negotiation, 2026-11-10. */
  mayaNegotiation: "9000000000000000104",
  maya: "maya.chen@prefect-demo.example",
  diego: "diego.alvarez@prefect-demo.example",
  priya: "priya.natarajan@prefect-demo.example",
  tom: "tom.becker@prefect-demo.example",
};

export interface DemoCall {
  id: string;
  gongId: string;
  title: string;
  analyses: { id: string; status: string; rep: { email: string } | null }[];
}

export async function startDemoServer(opts: { workers?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const ts = await startTestServer({ demo: true, ...opts });
  if (ts.server.demoCalls === 0) await loadDemoData(ts.server.app);
  return ts;
}

const CALLS = `{ calls(first: 100) { edges { node { id gongId title analyses { id status rep { email } } } } } }`;

export async function demoCalls(ts: TestServer): Promise<DemoCall[]> {
  const r = await ts.gql(CALLS);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.calls.edges.map((e: { node: DemoCall }) => e.node);
}

/** Waits until every demo call's participants are analysed (8 analyses: two calls have two of ours). */
export async function waitForDemoAnalyses(ts: TestServer): Promise<DemoCall[]> {
  return waitFor(
    "the demo analyses",
    async () => {
      const calls = await demoCalls(ts);
      const all = calls.flatMap((c) => c.analyses);
      return calls.length === 6 && all.length === 8 && all.every((a) => a.status === "COMPLETED") ? calls : undefined;
    },
    45_000,
    100,
  );
}

/**
 * connectMcp, then tools/list: the SDK Client validates structuredContent against a tool's output
 * schema only once it has listed the tools (it caches the validators then).
 */
/** connectMcp, which lists the tools so that the Client validates every structured answer. */
export const connectValidating = (url: string, token: string): Promise<McpTestClient> => connectMcp(url, token);

export interface AnalysedDemo {
  ts: TestServer;
  /** ADMIN client, validating answers against the output schemas. */
  admin: McpTestClient;
  calls: DemoCall[];
}

/**
 * For a describe block: before its tests, a demo server with every demo call analysed and an ADMIN
 * MCP client; both closed after. Read the fields inside tests (they are set in beforeAll).
 */
export function useAnalysedDemo(): AnalysedDemo {
  const demo = {} as AnalysedDemo;
  beforeAll(async () => {
    demo.ts = await startDemoServer();
    demo.calls = await waitForDemoAnalyses(demo.ts);
    demo.admin = await connectValidating(demo.ts.url, demo.ts.adminToken);
  });
  afterAll(async () => {
    await demo.admin?.close();
    await demo.ts?.close();
  });
  return demo;
}
