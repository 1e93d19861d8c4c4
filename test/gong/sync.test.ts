/**
 * Backfill, users and reconciliation against the Gong simulator, through GraphQL and the job runner;
 * admin overrides survive re-ingest and user sync.
 */
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { waitFor } from "../helpers/wait";
import { startGongSimulator } from "../../src/gong/simulator";
import type { RunningSimulator } from "../../src/gong/simulator/types";

describe(`Gong sync and reconciliation (${backend})`, () => {
  let sim: RunningSimulator;
  let ts: TestServer;
  const ds = () => ts.tdb.db.dataSource;
  const count = async (sql: string, params: unknown[] = []) => Number((await ds().query(sql, params))[0].n);
  const jobDone = (id: string) =>
    waitFor(`job ${id}`, async () => {
      const rows = await ds().query(`SELECT state::text AS s FROM pgboss.job WHERE id = $1`, [id]);
      return rows[0]?.s === "completed" ? true : rows[0]?.s === "failed" ? Promise.reject(new Error(`job ${id} failed`)) : undefined;
    }, 60_000);
  const ingestDrained = async () => {
    try {
      await waitFor("call.ingest jobs to finish", async () =>
        (await count(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'call.ingest' AND state IN ('created','retry','active')`)) === 0,
      50_000);
    } catch (err) {
      const jobs = await ds().query(`SELECT name, state::text, retry_count, output FROM pgboss.job WHERE state <> 'completed'`);
      throw new Error(`${(err as Error).message}: ${JSON.stringify(jobs).slice(0, 2000)}`);
    }
  };

  beforeAll(async () => {
    sim = await startGongSimulator({ calls: 4, seed: 11, rateLimit: { perSecond: 100, perDay: 100_000 } });
    ts = await startTestServer({
      env: { GONG_API_BASE_URL: sim.url, GONG_API_KEY: "sim-key", GONG_API_SECRET: "sim-secret", GONG_REQUESTS_PER_SECOND: "50" },
    });
  });
  afterAll(async () => {
    await ts?.close();
    await sim?.stop();
  });

  it("schedules reconciliation when Gong credentials are set", async () => {
    const rows = await ds().query(`SELECT name, cron, timezone, data FROM pgboss.schedule WHERE name = 'gong.sync'`);
    expect(rows).toEqual([{ name: "gong.sync", cron: "0 * * * *", timezone: "UTC", data: expect.objectContaining({ lookbackHours: 48, reason: "reconcile" }) }]);
  });

  it("backfills a window with syncGongCalls: users become reps with managers, every call is ingested once", async () => {
    const r = await ts.gql(`mutation { syncGongCalls(from: "2026-09-01T00:00:00Z", to: "2026-11-21T00:00:00Z") { id queue state } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.syncGongCalls.queue).toBe("gong.sync");
    await jobDone(r.data!.syncGongCalls.id);
    await ingestDrained();
    expect(await count(`SELECT count(*) AS n FROM calls`)).toBe(sim.callIds().length);
    const maya = await ts.gql(`{ rep(email: "maya.chen@prefect-demo.example") { role gongUserId manager { name manager { name } } } }`);
    expect(maya.data!.rep).toMatchObject({ role: "AE", gongUserId: "7100000000000000011", manager: { name: "Marcus Hale", manager: { name: "Elena Marquez" } } });

    // A second run finds nothing to do.
    const again = await ts.gql(`mutation { syncGongCalls(from: "2026-09-01T00:00:00Z", to: "2026-11-21T00:00:00Z", users: false) { id } }`);
    await jobDone(again.data!.syncGongCalls.id);
    const [out] = await ds().query(`SELECT output FROM pgboss.job WHERE id = $1`, [again.data!.syncGongCalls.id]);
    expect(out.output.queued).toBe(0);
  });

  it("keeps admin overrides of call type and rep role through re-ingest and user sync", async () => {
    const gongId = sim.callIds()[0];
    const o = await ts.gql(`mutation($id: ID!) { overrideCall(input: { callId: $id, callType: RENEWAL, product: BOTH }) { callType product callTypeOverridden } }`, { id: gongId });
    expect(o.data!.overrideCall).toEqual({ callType: "RENEWAL", product: "BOTH", callTypeOverridden: true });
    const role = await ts.gql(`mutation { overrideRepRole(email: "maya.chen@prefect-demo.example", role: SE) { role roleOverridden } }`);
    expect(role.data!.overrideRepRole).toEqual({ role: "SE", roleOverridden: true });

    const r = await ts.gql(`mutation { syncGongCalls(from: "2026-09-01T00:00:00Z", to: "2026-11-21T00:00:00Z", force: true) { id } }`);
    await jobDone(r.data!.syncGongCalls.id);
    await ingestDrained();
    const call = await ts.gql(`query($id: ID!) { call(id: $id) { callType product } }`, { id: gongId });
    expect(call.data!.call).toEqual({ callType: "RENEWAL", product: "BOTH" });
    const maya = await ts.gql(`{ rep(email: "maya.chen@prefect-demo.example") { role } }`);
    expect(maya.data!.rep.role).toBe("SE");
    expect(await count(`SELECT count(*) AS n FROM calls`)).toBe(sim.callIds().length);
    expect(await count(`SELECT count(*) AS n FROM transcript_segments s JOIN calls c ON c.id = s.call_id WHERE c.gong_id = $1`, [gongId])).toBeGreaterThan(0);
  });

  it("links a call participant to the synced rep by Gong user id, even under another email", async () => {
    const before = Number((await ds().query(`SELECT count(*) AS n FROM reps`))[0].n);
    const r = await ts.gql(`mutation($input: ImportCallInput!) { importCall(input: $input) { id primaryRep { email } participants { email rep { email } } } }`, {
      input: {
        call: {
          metaData: { id: "3900000000000000001", title: "Alias check", started: "2026-11-10T10:00:00-08:00", duration: 20, primaryUserId: "7100000000000000011" },
          parties: [
            { id: "1", speakerId: "s1", name: "Maya Chen", emailAddress: "maya@alias.example", userId: "7100000000000000011", affiliation: "Internal" },
            { id: "2", speakerId: "s2", name: "Buyer", emailAddress: "buyer@acme.example", affiliation: "External" },
          ],
        },
        transcript: { callId: "3900000000000000001", transcript: [{ speakerId: "s1", topic: null, sentences: [{ start: 0, end: 1000, text: "Hello there." }] }] },
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.importCall.primaryRep.email).toBe("maya.chen@prefect-demo.example");
    expect(r.data!.importCall.participants.find((p: any) => p.email === "maya@alias.example").rep.email).toBe("maya.chen@prefect-demo.example");
    expect(Number((await ds().query(`SELECT count(*) AS n FROM reps`))[0].n)).toBe(before);
  });

  it("reconciliation ingests a recent call whose webhook never came", async () => {
    const missed = sim.addCall({ started: new Date(Date.now() - 3 * 3600_000).toISOString() });
    const jobId = await ts.server.app.queue.enqueue("gong.sync", { lookbackHours: 48, users: false, reason: "reconcile" });
    await jobDone(jobId!);
    await ingestDrained();
    const call = await ts.gql(`query($id: ID!) { call(id: $id) { gongId segments { totalCount } } }`, { id: missed });
    expect(call.data!.call.gongId).toBe(missed);
    expect(call.data!.call.segments.totalCount).toBeGreaterThan(0);
  });

  it("refuses syncGongCalls to non-admins and with a backwards window", async () => {
    const back = await ts.gql(`mutation { syncGongCalls(from: "2026-11-21T00:00:00Z", to: "2026-09-01T00:00:00Z") { id } }`);
    expect(back.errors?.[0].extensions?.reason).toBe("INVALID_DATE_RANGE");
  });
});
