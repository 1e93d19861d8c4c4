/**
 * POST /webhooks/gong end to end: the Gong simulator sends real signed deliveries; every case of the
 * webhook contract is checked for its status and for how many jobs it queued.
 */
import crypto from "node:crypto";
import { SignJWT, importPKCS8 } from "jose";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { waitFor } from "../helpers/wait";
import { startGongSimulator } from "../../src/gong/simulator";
import type { RunningSimulator } from "../../src/gong/simulator/types";

const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const publicB64 = publicKey.export({ type: "spki", format: "der" }).toString("base64");

async function signedPost(url: string, body: string, claims: Record<string, unknown> = {}) {
  const key = await importPKCS8(privatePem, "RS256");
  const jwt = await new SignJWT({
    webhook_url: url,
    body_sha256: crypto.createHash("sha256").update(body).digest("hex"),
    ...claims,
  })
    .setProtectedHeader({ alg: "RS256" })
    .setExpirationTime("5m")
    .sign(key);
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: jwt }, body });
}

describe(`Gong webhook receiver (${backend})`, () => {
  let sim: RunningSimulator;
  let ts: TestServer;
  let hook: string;
  const jobs = async (gongCallId: string) =>
    Number(
      (
        await ts.tdb.db.dataSource.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'call.ingest' AND data->>'gongCallId' = $1`, [gongCallId])
      )[0].n,
    );
  const deliveries = async (gongCallId: string) =>
    (await ts.tdb.db.dataSource.query(`SELECT outcome FROM webhook_deliveries WHERE gong_call_id = $1 ORDER BY received_at`, [gongCallId])).map(
      (r: { outcome: string }) => r.outcome,
    );

  beforeAll(async () => {
    sim = await startGongSimulator({ calls: 3, seed: 7, webhookPrivateKeyPem: privatePem, rateLimit: { perSecond: 100, perDay: 100_000 } });
    ts = await startTestServer({
      env: {
        GONG_API_BASE_URL: sim.url,
        GONG_API_KEY: "sim-key",
        GONG_API_SECRET: "sim-secret",
        GONG_WEBHOOK_PUBLIC_KEY: publicB64,
        WEBHOOK_MAX_BODY_BYTES: String(400 * 1024),
        GONG_REQUESTS_PER_SECOND: "50",
      },
    });
    hook = `${ts.url}/webhooks/gong?rule=calls`;
  });
  afterAll(async () => {
    await ts?.close();
    await sim?.stop();
  });

  it("accepts a signed delivery (202), ingests the call and makes it queryable", async () => {
    const gongCallId = sim.callIds()[0];
    const r = await sim.sendWebhook({ url: hook, gongCallId });
    expect(r.status).toBe(202);
    const body = JSON.parse(r.body);
    expect(body).toEqual({ deliveryId: expect.any(String), status: "queued" });
    expect(await jobs(gongCallId)).toBe(1);
    const call = await waitFor("the call to be ingested", async () => {
      const q = await ts.gql(`query($id: ID!) { call(id: $id) { gongId title participants { name side } segments(first: 3) { totalCount edges { node { startMs text } } } } }`, { id: gongCallId });
      return q.data?.call ?? undefined;
    }, 30_000);
    expect(call.gongId).toBe(gongCallId);
    expect(call.participants.length).toBeGreaterThanOrEqual(2);
    expect(call.segments.totalCount).toBeGreaterThan(10);
    await waitFor("call.analyze to run", async () => {
      const rows = await ts.tdb.db.dataSource.query(`SELECT analysis_requested_at AS t FROM calls WHERE gong_id = $1`, [gongCallId]);
      return rows[0]?.t ?? undefined;
    }, 30_000);
  });

  it("answers a repeat delivery of an ingested call with 200 duplicate and queues nothing", async () => {
    const gongCallId = sim.callIds()[0];
    const r = await sim.sendWebhook({ url: hook, gongCallId });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).status).toBe("duplicate");
    expect(await jobs(gongCallId)).toBe(1);
    expect(await deliveries(gongCallId)).toEqual(["queued", "duplicate"]);
  });

  it("answers a repeat delivery of a call still queued or being ingested with 200 duplicate", async () => {
    const gongCallId = sim.addCall();
    sim.setFaults({ slowRate: 1, slowMs: 1500 }); // ingestion is still running when the repeat arrives
    try {
      const first = await sim.sendWebhook({ url: hook, gongCallId });
      expect(first.status).toBe(202);
      const second = await sim.sendWebhook({ url: hook, gongCallId });
      expect(second.status).toBe(200);
      expect(JSON.parse(second.body).status).toBe("duplicate");
      expect(await jobs(gongCallId)).toBe(1);
    } finally {
      sim.setFaults({});
    }
  });

  it("records a test delivery (isTest) with 200 and ingests nothing", async () => {
    const gongCallId = sim.callIds()[1];
    const r = await sim.sendWebhook({ url: hook, gongCallId, isTest: true });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).status).toBe("test");
    expect(await jobs(gongCallId)).toBe(0);
    expect(await deliveries(gongCallId)).toEqual(["test"]);
  });

  it("accepts the JWT with a Bearer prefix", async () => {
    const gongCallId = sim.callIds()[2];
    const r = await sim.sendWebhook({ url: hook, gongCallId, tamper: { bearerPrefix: true } });
    expect(r.status).toBe(202);
    expect(await jobs(gongCallId)).toBe(1);
  });

  it.each([
    ["a signature by another key", { tamper: { signWithOtherKey: true } }, /signature/],
    ["an expired token", { expiresInSeconds: -600 }, /expired/],
    ["a body hash that does not match", { tamper: { bodySha256: "0".repeat(64) } }, /body_sha256/],
    ["another webhook_url", { tamper: { webhookUrl: "https://elsewhere.example/webhooks/gong" } }, /webhook_url/],
  ])("refuses %s with 401, storing and queuing nothing", async (_what, opts, reason) => {
    const gongCallId = sim.addCall();
    const r = await sim.sendWebhook({ url: hook, gongCallId, ...opts });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error).toMatch(reason);
    expect(await jobs(gongCallId)).toBe(0);
    expect(await deliveries(gongCallId)).toEqual([]);
  });

  it("refuses a delivery without a JWT with 401", async () => {
    const r = await fetch(hook, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(r.status).toBe(401);
  });

  it("refuses malformed JSON (400) and a body that is not a delivery (400)", async () => {
    const bad = await signedPost(hook, "{ not json");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
    const shape = await signedPost(hook, JSON.stringify({ isTest: false, callData: { metaData: { id: 12345 } } }));
    expect(shape.status).toBe(400);
  });

  it("refuses a body over WEBHOOK_MAX_BODY_BYTES with 413", async () => {
    const big = JSON.stringify({ isTest: false, callData: { metaData: { id: "1" }, pad: "x".repeat(500 * 1024) } });
    const r = await signedPost(hook, big);
    expect(r.status).toBe(413);
  });

  it("answers 503 when the delivery cannot be recorded, so Gong can retry", async () => {
    const gongCallId = sim.addCall();
    await ts.tdb.db.dataSource.query(`ALTER TABLE webhook_deliveries RENAME TO webhook_deliveries_off`);
    try {
      const r = await sim.sendWebhook({ url: hook, gongCallId });
      expect(r.status).toBe(503);
      expect(await jobs(gongCallId)).toBe(0);
    } finally {
      await ts.tdb.db.dataSource.query(`ALTER TABLE webhook_deliveries_off RENAME TO webhook_deliveries`);
    }
  });

  it("counts deliveries by outcome in /metrics", async () => {
    const text = await (await fetch(`${ts.url}/metrics`)).text();
    expect(text).toMatch(/callcoach_webhook_deliveries_total\{outcome="queued"\} [1-9]/);
    expect(text).toMatch(/callcoach_webhook_deliveries_total\{outcome="unauthorized"\} [1-9]/);
  });
});

describe(`Gong webhook receiver configuration (${backend})`, () => {
  it("refuses to start with a GONG_WEBHOOK_PUBLIC_KEY that is not an RSA public key", async () => {
    await expect(startTestServer({ env: { GONG_WEBHOOK_PUBLIC_KEY: "bm90IGEga2V5" } })).rejects.toThrow(/GONG_WEBHOOK_PUBLIC_KEY: not an RSA public key/);
  });

  it("refuses deliveries with 503 when no verification is configured", async () => {
    const ts = await startTestServer();
    try {
      const r = await fetch(`${ts.url}/webhooks/gong`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(r.status).toBe(503);
      expect(((await r.json()) as { error: string }).error).toMatch(/GONG_WEBHOOK_PUBLIC_KEY/);
    } finally {
      await ts.close();
    }
  });

  it("checks the URL key in constant time in URL-key mode, and the insecure flag accepts unsigned deliveries", async () => {
    const sim = await startGongSimulator({ calls: 1, seed: 3 });
    const ts = await startTestServer({ env: { GONG_WEBHOOK_URL_KEY: "s3cret-route-key", GONG_API_BASE_URL: sim.url, GONG_API_KEY: "sim-key", GONG_API_SECRET: "sim-secret" } });
    const insecure = await startTestServer({ env: { GONG_WEBHOOK_INSECURE: "true", GONG_API_BASE_URL: sim.url, GONG_API_KEY: "sim-key", GONG_API_SECRET: "sim-secret" } });
    try {
      const id = sim.callIds()[0];
      const ok = await sim.sendWebhook({ url: `${ts.url}/webhooks/gong?key=s3cret-route-key`, gongCallId: id, mode: "url-key" });
      expect(ok.status).toBe(202);
      const wrong = await sim.sendWebhook({ url: `${ts.url}/webhooks/gong?key=guess`, gongCallId: sim.addCall(), mode: "url-key" });
      expect(wrong.status).toBe(401);
      const none = await sim.sendWebhook({ url: `${ts.url}/webhooks/gong`, gongCallId: sim.addCall(), mode: "url-key" });
      expect(none.status).toBe(401);
      const dev = await sim.sendWebhook({ url: `${insecure.url}/webhooks/gong`, gongCallId: id, mode: "url-key" });
      expect(dev.status).toBe(202);
      expect(insecure.logs.join("\n")).toMatch(/GONG_WEBHOOK_INSECURE is set/);
    } finally {
      await ts.close();
      await insecure.close();
      await sim.stop();
    }
  });
});
