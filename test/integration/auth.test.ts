import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const ann = { name: "Ann Rep", email: "ann@prefect.example", title: "Account Executive" };
const sam = { name: "Sam Engineer", email: "sam@prefect.example", title: "Sales Engineer" };
const bob = { name: "Bob Rep", email: "bob@prefect.example", title: "Account Executive" };
const mel = { name: "Mel Manager", email: "mel@prefect.example", title: "Sales Manager" };

describe(`authentication and scoping (${backend})`, () => {
  let ts: TestServer;
  let callA: string;
  let callB: string;
  const analysisOf: Record<string, string> = {};
  let annToken: string;
  let melToken: string;

  beforeAll(async () => {
    ts = await startTestServer();
    const a = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "6100000000000000001", reps: [ann, sam] }) });
    const b = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "6100000000000000002", reps: [bob] }) });
    await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "6100000000000000003", reps: [mel] }) });
    callA = a.data!.importCall.id;
    callB = b.data!.importCall.id;
    const ds = ts.tdb.db.dataSource;
    await ds.query(
      `UPDATE reps SET manager_id = (SELECT id FROM reps WHERE email = 'mel@prefect.example') WHERE email = 'ann@prefect.example'`,
    );
    // One analysis per internal participant (scores are fixtures; the engine arrives later).
    const parts: { id: string; call_id: string; rep_id: string; email: string }[] = await ds.query(
      `SELECT p.id, p.call_id, p.rep_id, p.email FROM call_participants p WHERE p.rep_id IS NOT NULL`,
    );
    for (const p of parts) {
      const [row] = await ds.query(
        `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, overall_score)
         VALUES ($1, $2, $3, 'COMPLETED', 'HEURISTIC', 'AE', 'k', 70) RETURNING id`,
        [p.call_id, p.id, p.rep_id],
      );
      analysisOf[p.email] = row.id;
    }
    annToken = await ts.token(TokenRole.REP, "ann@prefect.example");
    melToken = await ts.token(TokenRole.MANAGER, "mel@prefect.example");
  });
  afterAll(async () => {
    await ts.close();
  });

  it("refuses requests without a token, introspection included, with HTTP 401", async () => {
    for (const query of ["{ calls { totalCount } }", "{ __schema { queryType { name } } }", "{ __typename }"]) {
      const r = await ts.gql(query, {}, null);
      expect(r.status).toBe(401);
      expect(r.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "MISSING_TOKEN" });
      expect(r.data).toBeUndefined();
    }
    const bad = await ts.gql("{ __typename }", {}, "cc_notarealtoken");
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "INVALID_TOKEN" });
  });

  it("lets a REP read only calls they took part in: by id, by Gong id, in lists and filters", async () => {
    const list = await ts.gql(`{ calls { totalCount edges { node { id } } } }`, {}, annToken);
    expect(list.data!.calls.totalCount).toBe(1);
    expect(list.data!.calls.edges.map((e: any) => e.node.id)).toEqual([callA]);
    for (const id of [callB, "6100000000000000002"]) {
      const r = await ts.gql(`query($id: ID!) { call(id: $id) { id title } }`, { id }, annToken);
      expect(r.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "CALL_NOT_FOUND" });
    }
    const filtered = await ts.gql(`{ calls(filter: { repEmail: "bob@prefect.example" }) { totalCount } }`, {}, annToken);
    expect(filtered.data!.calls.totalCount).toBe(0);
    const own = await ts.gql(`query($id: ID!) { call(id: $id) { id } }`, { id: callA }, annToken);
    expect(own.data!.call.id).toBe(callA);
  });

  it("hides other people's analyses from a REP, also through nested fields", async () => {
    const nested = await ts.gql(
      `query($id: ID!) { call(id: $id) { analyses { id rep { email } } } }`,
      { id: callA },
      annToken,
    );
    // Sam's analysis of the same call is not Ann's to read.
    expect(nested.data!.call.analyses.map((a: any) => a.rep.email)).toEqual(["ann@prefect.example"]);
    const bobs = await ts.gql(`query($id: ID!) { analysis(id: $id) { id call { id title } } }`, { id: analysisOf["bob@prefect.example"] }, annToken);
    expect(bobs.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", reason: "ANALYSIS_NOT_FOUND" });
    expect(bobs.data).toBeNull();
    const other = await ts.gql(`{ rep(email: "bob@prefect.example") { id } }`, {}, annToken);
    expect(other.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const reps = await ts.gql(`{ reps { edges { node { email } } } }`, {}, annToken);
    expect(reps.data!.reps.edges.map((e: any) => e.node.email)).toEqual(["ann@prefect.example"]);
  });

  it("lets a MANAGER read their own and their direct reports' calls and analyses only", async () => {
    const list = await ts.gql(`{ calls { totalCount edges { node { gongId } } } }`, {}, melToken);
    expect(list.data!.calls.edges.map((e: any) => e.node.gongId).sort()).toEqual(["6100000000000000001", "6100000000000000003"]);
    const annAnalysis = await ts.gql(`query($id: ID!) { analysis(id: $id) { rep { email } call { gongId } } }`, { id: analysisOf["ann@prefect.example"] }, melToken);
    expect(annAnalysis.data!.analysis).toEqual({ rep: { email: "ann@prefect.example" }, call: { gongId: "6100000000000000001" } });
    const bobCall = await ts.gql(`query($id: ID!) { call(id: $id) { id } }`, { id: callB }, melToken);
    expect(bobCall.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const reps = await ts.gql(`{ reps { edges { node { email manager { email } } } } }`, {}, melToken);
    expect(reps.data!.reps.edges.map((e: any) => e.node.email).sort()).toEqual(["ann@prefect.example", "mel@prefect.example"]);
    const annRep = await ts.gql(`{ rep(email: "ann@prefect.example") { manager { email } } }`, {}, melToken);
    expect(annRep.data!.rep.manager.email).toBe("mel@prefect.example");
  });

  it("keeps admin-only mutations and queries to ADMIN tokens (FORBIDDEN)", async () => {
    const imp = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "6100000000000000009", reps: [ann] }) }, annToken);
    expect(imp.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "ADMIN_ONLY" });
    const tok = await ts.gql(`mutation { createApiToken(input: { role: ADMIN }) { token } }`, {}, melToken);
    expect(tok.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const list = await ts.gql(`{ apiTokens { id } }`, {}, annToken);
    expect(list.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const n = await ts.tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM calls WHERE gong_id = '6100000000000000009'`);
    expect(n[0].n).toBe(0);
  });

  it("creates tokens through GraphQL, stores only their hash, and refuses them once revoked", async () => {
    const created = await ts.gql(
      `mutation { createApiToken(input: { role: REP, repEmail: "bob@prefect.example", name: "bob-laptop" }) { token apiToken { id name role prefix rep { email } } } }`,
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^cc_[A-Za-z0-9_-]{40,}$/);
    expect(apiToken).toMatchObject({ name: "bob-laptop", role: "REP", prefix: token.slice(0, 8), rep: { email: "bob@prefect.example" } });
    const stored = JSON.stringify(await ts.tdb.db.dataSource.query(`SELECT * FROM api_tokens`));
    expect(stored).not.toContain(token);

    const dup = await ts.gql(`mutation { createApiToken(input: { role: ADMIN, name: "bob-laptop" }) { token } }`);
    expect(dup.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", reason: "TOKEN_NAME_TAKEN" });
    const noRep = await ts.gql(`mutation { createApiToken(input: { role: REP }) { token } }`);
    expect(noRep.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "TOKEN_REP_REQUIRED" });

    const before = await ts.gql(`{ calls { totalCount } }`, {}, token);
    expect(before.data!.calls.totalCount).toBe(1);
    const revoked = await ts.gql(`mutation { revokeApiToken(idOrName: "bob-laptop") { revokedAt } }`);
    expect(revoked.data!.revokeApiToken.revokedAt).toEqual(expect.any(String));
    const after = await ts.gql(`{ calls { totalCount } }`, {}, token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.reason).toBe("INVALID_TOKEN");
    const unknown = await ts.gql(`mutation { revokeApiToken(idOrName: "nope") { id } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("never writes a token to the logs", async () => {
    await ts.gql(`{ calls { totalCount } }`, {}, annToken);
    await ts.gql(`query { boom: call(id: "x") { id } }`, {}, annToken);
    const logs = ts.logs.join("\n");
    expect(logs).toContain("API token created");
    for (const secret of [ts.adminToken, annToken, melToken]) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/cc_[A-Za-z0-9_-]{40}/);
  });
});
