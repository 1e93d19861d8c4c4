import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { waitFor } from "../helpers/wait";
import { InvalidJobPayloadError } from "../../src/core/jobs/job-queue";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const rep = { name: "Jo Rep", email: "jo@prefect.example", title: "Account Executive" };

describe(`job runner (${backend})`, () => {
  let ts: TestServer;
  let callId: string;
  beforeAll(async () => {
    ts = await startTestServer();
    const r = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "5200000000000000001", reps: [rep] }) });
    callId = r.data!.importCall.id;
  });
  afterAll(async () => {
    await ts.close();
  });

  const requestedAt = async (id: string) => {
    const rows = await ts.tdb.db.dataSource.query(`SELECT analysis_requested_at AS t FROM calls WHERE id = $1`, [id]);
    return rows[0]?.t ?? undefined;
  };
  const jobState = async (id: string) => {
    const rows = await ts.tdb.db.dataSource.query(`SELECT state::text AS s FROM pgboss.job WHERE id = $1`, [id]);
    return rows[0]?.s as string | undefined;
  };

  it("runs a call.analyze job in the server's workers", async () => {
    const jobId = await ts.server.app.queue.enqueue("call.analyze", { callId, reason: "test" });
    expect(jobId).toEqual(expect.any(String));
    await waitFor("the job to complete", async () => (await jobState(jobId!)) === "completed");
    expect(await requestedAt(callId)).toBeInstanceOf(Date);
    const call = await ts.gql(`query($id: ID!) { call(id: $id) { analysisRequestedAt } }`, { id: callId });
    expect(call.data!.call.analysisRequestedAt).toEqual(expect.any(String));
  });

  it("validates payloads when enqueuing", async () => {
    await expect(ts.server.app.queue.enqueue("call.analyze", { callId: "not-a-uuid" })).rejects.toThrow(InvalidJobPayloadError);
    await expect(ts.server.app.queue.enqueue("call.analyze", { callId: "not-a-uuid" })).rejects.toThrow(/callId/);
    await expect(ts.server.app.queue.enqueue("no.such.queue", {})).rejects.toThrow(/Unknown job queue/);
  });

  it("enqueues inside a transaction: nothing when it rolls back, one job when it commits", async () => {
    const ds = ts.tdb.db.dataSource;
    const count = async () =>
      Number((await ds.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'call.analyze' AND data->>'reason' = 'tx-test'`))[0].n);
    await expect(
      ds.transaction(async (tx) => {
        await ts.server.app.queue.enqueue("call.analyze", { callId, reason: "tx-test" }, { tx });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await count()).toBe(0);
    await ds.transaction(async (tx) => {
      await ts.server.app.queue.enqueue("call.analyze", { callId, reason: "tx-test" }, { tx });
    });
    expect(await count()).toBe(1);
  });

  it("dead-letters a job that keeps failing, lists it in failedJobs, and runs it again after retryJob", async () => {
    const ds = ts.tdb.db.dataSource;
    const r = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "5200000000000000002", reps: [rep] }) });
    const id = r.data!.importCall.id;
    // Remove the call so the job fails, with no retries left.
    await ds.query(`DELETE FROM calls WHERE id = $1`, [id]);
    const jobId = (await ts.server.app.queue.enqueue("call.analyze", { callId: id }, { retryLimit: 0 }))!;
    await waitFor("the job to fail", async () => (await jobState(jobId)) === "failed");
    await waitFor("the dead-letter copy", async () =>
      Number((await ds.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'call.analyze.dead' AND data->>'callId' = $1`, [id]))[0].n) === 1,
    );

    const failed = await ts.gql(`{ failedJobs(queue: "call.analyze") { totalCount edges { node { id queue state error deadLettered data retryCount } } } }`);
    expect(failed.errors).toBeUndefined();
    const node = failed.data!.failedJobs.edges.find((e: any) => e.node.id === jobId)?.node;
    expect(node).toMatchObject({ queue: "call.analyze", state: "FAILED", deadLettered: true, data: { callId: id } });
    expect(node.error).toContain(`No call with id ${id}`);

    const repToken = await ts.token(TokenRole.REP, "jo@prefect.example");
    const denied = await ts.gql(`{ failedJobs { totalCount } }`, {}, repToken);
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    // Bring the call back, retry: the job completes.
    await ds.query(`INSERT INTO calls (id, title, started_at, duration_s, transcript_hash, ingested_at) VALUES ($1, 'Restored', now(), 60, $2, now())`, [id, `h-${id}`]);
    const retried = await ts.gql(`mutation($id: ID!) { retryJob(id: $id) { id state } }`, { id: jobId });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.retryJob.state).toMatch(/RETRY|CREATED|ACTIVE|COMPLETED/);
    await waitFor("the retried job to complete", async () => (await jobState(jobId)) === "completed");
    expect(await requestedAt(id)).toBeInstanceOf(Date);

    const again = await ts.gql(`mutation($id: ID!) { retryJob(id: $id) { id } }`, { id: jobId });
    expect(again.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "JOB_NOT_RETRYABLE" });
    const unknown = await ts.gql(`mutation { retryJob(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(unknown.errors?.[0].extensions?.reason).toBe("JOB_NOT_FOUND");
  });
});
