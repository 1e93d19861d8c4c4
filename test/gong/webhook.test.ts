/**
 * POST /webhooks/gong end to end: the Gong simulator sends real signed deliveries; every case of the
 * webhook contract is checked for its status and for how many jobs it queued.
 */
import crypto from "node:crypto";
import { SignJWT, importPKCS8, importSPKI, jwtVerify, errors as joseErrors } from "jose";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { waitFor } from "../helpers/wait";
import { startGongSimulator } from "../../src/gong/simulator";
import type { RunningSimulator } from "../../src/gong/simulator/types";
import { WebhookVerifier, type VerifyResult } from "../../src/gong/webhook-verify";
import { deliverySchema, readDelivery } from "../../src/gong/webhook";

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

  it("queues exactly one job when deliveries of one call arrive concurrently", async () => {
    const gongCallId = sim.addCall();
    const results = await Promise.all(Array.from({ length: 8 }, () => sim.sendWebhook({ url: hook, gongCallId })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    for (const r of results) expect(JSON.parse(r.body).status).toBe(r.status === 202 ? "queued" : "duplicate");
    expect(await jobs(gongCallId)).toBe(1);
    expect((await deliveries(gongCallId)).sort()).toEqual([...Array(7).fill("duplicate"), "queued"]);
  });

  it("records and enqueues in one statement, and the job is the row pg-boss's send writes for the queue", async () => {
    const app = ts.server.app;
    // The multi-statement transaction is only the fallback for a pg-boss whose insert cannot be a CTE.
    const fallback = jest.spyOn(app.services.webhooks as unknown as { recordInTransaction(): unknown }, "recordInTransaction");
    const gongCallId = sim.addCall();
    try {
      const r = await sim.sendWebhook({ url: hook, gongCallId });
      expect(r.status).toBe(202);
      const dup = await sim.sendWebhook({ url: hook, gongCallId });
      expect(JSON.parse(dup.body).status).toBe("duplicate");
      expect(fallback).not.toHaveBeenCalled();
    } finally {
      fallback.mockRestore();
    }
    // The same payload through JobQueue.enqueue outside any transaction: pg-boss's send with its own connection.
    const reference = sim.addCall();
    await app.queue.enqueue("call.ingest", { gongCallId: reference, source: "webhook" });
    const columns = `name, data, priority, retry_limit, retry_delay, retry_backoff, expire_in, dead_letter, policy,
      singleton_key, singleton_on, keep_until - start_after AS kept, start_after - created_on < interval '1 minute' AS starts_now`;
    const row = async (id: string) =>
      (await app.db.dataSource.query(`SELECT ${columns} FROM pgboss.job WHERE name = 'call.ingest' AND data->>'gongCallId' = $1`, [id]))[0];
    const viaWebhook = await row(gongCallId);
    const viaSend = await row(reference);
    expect(viaWebhook).toEqual({ ...viaSend, data: { gongCallId, source: "webhook" } });
    expect(viaSend.data).toEqual({ gongCallId: reference, source: "webhook" });
    const [link] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries d JOIN pgboss.job j ON j.name = 'call.ingest' AND j.id = d.job_id::uuid
        WHERE d.gong_call_id = $1 AND d.outcome = 'queued'`,
      [gongCallId],
    );
    expect(link.n).toBe(1);
  });

  it("acknowledges deliveries of distinct calls waiting together in one statement; a duplicate among them holds none back", async () => {
    const webhooks = ts.server.app.services.webhooks;
    const acknowledge = jest.spyOn(webhooks as unknown as { acknowledge(batch: unknown[]): Promise<void> }, "acknowledge");
    const queued = sim.addCall();
    const first = await webhooks.record({ gongCallId: queued, bodySha256: "a".repeat(64), isTest: false });
    expect(first.status).toBe("queued");
    const fresh = Array.from({ length: 11 }, () => sim.addCall());
    try {
      const results = await Promise.all([queued, ...fresh].map((gongCallId) => webhooks.record({ gongCallId, bodySha256: "b".repeat(64), isTest: false })));
      expect(results.map((r) => r.status)).toEqual(["duplicate", ...fresh.map(() => "queued")]);
      expect(new Set(results.map((r) => r.jobId)).size).toBe(12); // eleven jobs and null
      // More deliveries waited than statements may run at once: some statement carried several.
      expect(Math.max(...acknowledge.mock.calls.map(([batch]) => batch.length))).toBeGreaterThan(1);
    } finally {
      acknowledge.mockRestore();
    }
    expect(await jobs(queued)).toBe(1);
    expect(await deliveries(queued)).toEqual(["queued", "duplicate"]);
    for (const id of fresh) {
      expect(await jobs(id)).toBe(1);
      expect(await deliveries(id)).toEqual(["queued"]);
    }
    const [link] = await ts.tdb.db.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries d JOIN pgboss.job j ON j.name = 'call.ingest' AND j.id = d.job_id::uuid
        WHERE d.gong_call_id = ANY($1) AND d.outcome = 'queued' AND j.data->>'gongCallId' = d.gong_call_id`,
      [fresh],
    );
    expect(link.n).toBe(11);
  });

  it("rolls the job back when the delivery cannot be recorded after the job was inserted (503, nothing kept)", async () => {
    const gongCallId = sim.addCall();
    // Fails the webhook_deliveries insert, which runs after pg-boss's insert of the job.
    await ts.tdb.db.dataSource.query(`ALTER TABLE webhook_deliveries ADD CONSTRAINT ck_test_refuse CHECK (gong_call_id <> '${gongCallId}') NOT VALID`);
    try {
      const r = await sim.sendWebhook({ url: hook, gongCallId });
      expect(r.status).toBe(503);
      expect(await jobs(gongCallId)).toBe(0);
      expect(await deliveries(gongCallId)).toEqual([]);
    } finally {
      await ts.tdb.db.dataSource.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT ck_test_refuse`);
    }
    const retry = await sim.sendWebhook({ url: hook, gongCallId });
    expect(retry.status).toBe(202);
    expect(await jobs(gongCallId)).toBe(1);
  });

  it("fails only the delivery that cannot be recorded when it waited with others", async () => {
    const webhooks = ts.server.app.services.webhooks;
    const refused = sim.addCall();
    const others = Array.from({ length: 9 }, () => sim.addCall());
    await ts.tdb.db.dataSource.query(`ALTER TABLE webhook_deliveries ADD CONSTRAINT ck_test_refuse CHECK (gong_call_id <> '${refused}') NOT VALID`);
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled([...others, refused].map((gongCallId) => webhooks.record({ gongCallId, bodySha256: "c".repeat(64), isTest: false })));
    } finally {
      await ts.tdb.db.dataSource.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT ck_test_refuse`);
    }
    expect(results.map((r) => r.status)).toEqual([...others.map(() => "fulfilled"), "rejected"]);
    expect(await jobs(refused)).toBe(0);
    expect(await deliveries(refused)).toEqual([]);
    for (const id of others) expect(await jobs(id)).toBe(1);
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

describe("Gong webhook JWT verification: the same verdicts as jose's jwtVerify", () => {
  const url = "https://callcoach.example/webhooks/gong?rule=calls";
  const body = Buffer.from(JSON.stringify({ isTest: false, callData: { metaData: { id: "123" } } }));
  const bodySha256 = crypto.createHash("sha256").update(body).digest("hex");
  const now = () => Math.floor(Date.now() / 1000);
  const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v), "utf8").toString("base64url");
  const claims = (extra: Record<string, unknown> = {}) => ({ webhook_url: url, body_sha256: bodySha256, exp: now() + 300, ...extra });
  const rs = (input: string, key: crypto.KeyObject = privateKey, hash = "sha256") => crypto.sign(hash, Buffer.from(input, "utf8"), key).toString("base64url");
  /** header and payload given as values (JSON-encoded) or as raw strings (already base64url, with `raw`). */
  const token = (header: unknown, payload: unknown, opts: { raw?: boolean; key?: crypto.KeyObject; sig?: string; hash?: string } = {}) => {
    const input = opts.raw ? `${header}.${payload}` : `${b64(header)}.${b64(payload)}`;
    return `${input}.${opts.sig ?? rs(input, opts.key, opts.hash)}`;
  };
  const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const rs256 = { alg: "RS256", typ: "JWT" };
  const bom = "\uFEFF";
  const cases: [string, string][] = [
    ["valid", token(rs256, claims())],
    ["valid, no typ", token({ alg: "RS256" }, claims())],
    ["valid, unknown header fields", token({ alg: "RS256", typ: "other", kid: "x" }, claims())],
    ["expired beyond the skew", token(rs256, claims({ exp: now() - 600 }))],
    ["expired within the skew", token(rs256, claims({ exp: now() - 20 }))],
    ["exp missing", token(rs256, { webhook_url: url, body_sha256: bodySha256 })],
    ["exp a string", token(rs256, claims({ exp: String(now() + 300) }))],
    ["exp null", token(rs256, claims({ exp: null }))],
    ["nbf in the future", token(rs256, claims({ nbf: now() + 600 }))],
    ["nbf within the skew", token(rs256, claims({ nbf: now() + 20 }))],
    ["nbf a string", token(rs256, claims({ nbf: "soon" }))],
    ["iat a string", token(rs256, claims({ iat: "today" }))],
    ["iat in the future", token(rs256, claims({ iat: now() + 3600 }))],
    ["claims an array", token(rs256, [claims()])],
    ["claims not JSON", token(b64(rs256), b64("not json"), { raw: true })],
    ["claims with a BOM", token(b64(rs256), b64(bom + JSON.stringify(claims())), { raw: true })],
    ["header with a BOM", token(b64(bom + JSON.stringify(rs256)), b64(claims()), { raw: true })],
    ["header not JSON", token(b64("{alg"), b64(claims()), { raw: true })],
    ["header an array", token(["RS256"], claims())],
    ["header a string", token("RS256", claims())],
    ["header null", token(null, claims())],
    ["header empty", token("", b64(claims()), { raw: true })],
    ["alg none, unsigned", token({ alg: "none" }, claims(), { sig: "" })],
    ["alg HS256 keyed with the public key", (() => {
      const input = `${b64({ alg: "HS256" })}.${b64(claims())}`;
      return `${input}.${crypto.createHmac("sha256", publicKey.export({ type: "spki", format: "pem" })).update(input).digest("base64url")}`;
    })()],
    ["alg RS512", token({ alg: "RS512" }, claims(), { hash: "sha512" })],
    ["alg PS256", token({ alg: "PS256" }, claims())],
    ["alg empty", token({ alg: "" }, claims())],
    ["alg missing", token({ typ: "JWT" }, claims())],
    ["alg a number", token({ alg: 256 }, claims())],
    ["crit b64 true", token({ alg: "RS256", crit: ["b64"], b64: true }, claims())],
    ["crit b64 false (unencoded payload)", token(b64({ alg: "RS256", crit: ["b64"], b64: false }), JSON.stringify(claims()), { raw: true })],
    ["crit b64 missing", token({ alg: "RS256", crit: ["b64"] }, claims())],
    ["crit b64 not a boolean", token({ alg: "RS256", crit: ["b64"], b64: "yes" }, claims())],
    ["crit unknown", token({ alg: "RS256", crit: ["exp"], exp: 1 }, claims())],
    ["crit b64 then unknown", token({ alg: "RS256", crit: ["b64", "zip"], b64: true, zip: 1 }, claims())],
    ["crit empty", token({ alg: "RS256", crit: [] }, claims())],
    ["crit a string", token({ alg: "RS256", crit: "b64", b64: true }, claims())],
    ["crit with an empty name", token({ alg: "RS256", crit: [""] }, claims())],
    ["b64 false without crit", token({ alg: "RS256", b64: false }, claims())],
    ["signed by another key", token(rs256, claims(), { key: other })],
    ["signature empty", token(rs256, claims(), { sig: "" })],
    ["signature truncated", token(rs256, claims()).slice(0, -10)],
    ["signature not base64url", token(rs256, claims(), { sig: "!!!*" })],
    ["payload tampered", (() => {
      const [h, , s] = token(rs256, claims()).split(".");
      return `${h}.${b64(claims({ exp: now() + 9999 }))}.${s}`;
    })()],
    ["two parts", token(rs256, claims()).split(".").slice(0, 2).join(".")],
    ["four parts", `${token(rs256, claims())}.x`],
    ["empty", ""],
    ["blank", "   "],
    ["Bearer only", "Bearer "],
    ["valid with a Bearer prefix", `Bearer ${token(rs256, claims())}`],
    ["valid with a lower-case bearer prefix and spaces", `bearer   ${token(rs256, claims())}  `],
    ["dots only", ".."],
    ["body_sha256 of another body", token(rs256, claims({ body_sha256: "0".repeat(64) }))],
    ["body_sha256 upper case", token(rs256, claims({ body_sha256: bodySha256.toUpperCase() }))],
    ["body_sha256 missing", token(rs256, { webhook_url: url, exp: now() + 300 })],
    ["webhook_url of another route", token(rs256, claims({ webhook_url: url + "&x=1" }))],
  ];

  /** The verification before the synchronous twin: jose's jwtVerify, classified as the verifier did. */
  async function joseVerdict(key: crypto.KeyObject | Uint8Array, authorization: string): Promise<VerifyResult> {
    const jwt = authorization.replace(/^Bearer\s+/i, "").trim();
    if (!jwt) return { ok: false, reason: "missing JWT in Authorization" };
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(jwt, key, { algorithms: ["RS256"], clockTolerance: 60, requiredClaims: ["exp"] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: "JWT expired" };
      if (err instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: "bad JWT signature" };
      return { ok: false, reason: `invalid JWT (${(err as Error).name})` };
    }
    if (typeof payload.body_sha256 !== "string" || payload.body_sha256.toLowerCase() !== bodySha256) return { ok: false, reason: "body_sha256 does not match the body" };
    if (payload.webhook_url !== url) return { ok: false, reason: `webhook_url does not match ${url}` };
    return { ok: true, method: "jwt" };
  }

  it.each([
    ["the configured RSA-2048 key", () => publicKey],
    ["an RSA-1024 key (jose refuses it for RS256)", () => crypto.generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey],
    ["an EC key", () => crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey],
  ])(`with %s, on ${cases.length} crafted tokens`, async (_what, makeKey) => {
    const pub = makeKey();
    const verifier = new WebhookVerifier({ publicKey: pub.export({ type: "spki", format: "der" }).toString("base64"), insecure: false });
    await verifier.checkKey();
    expect(verifier.verifiesWithTwin).toBe(true); // not jose again
    const joseKey = (await importSPKI(pub.export({ type: "spki", format: "pem" }).toString(), "RS256")) as crypto.KeyObject;
    const got: Record<string, VerifyResult> = {};
    const want: Record<string, VerifyResult> = {};
    for (const [name, jwt] of cases) {
      want[name] = await joseVerdict(joseKey, jwt);
      got[name] = await verifier.verify({ authorization: jwt, urlKey: undefined, body, url });
    }
    expect(got).toEqual(want);
    if (pub === publicKey) {
      // The corpus exercises every outcome.
      const reasons = new Set(Object.values(want).map((v) => (v.ok ? "ok" : v.reason.replace(/ \(.*|does not match.*/, ""))));
      expect([...reasons].sort()).toEqual(["JWT expired", "bad JWT signature", "body_sha256 ", "invalid JWT", "missing JWT in Authorization", "ok", "webhook_url "]);
      const invalid = new Set(Object.values(want).flatMap((v) => (!v.ok && v.reason.startsWith("invalid JWT") ? [v.reason] : [])));
      expect([...invalid].sort()).toEqual([
        "invalid JWT (JOSEAlgNotAllowed)",
        "invalid JWT (JOSENotSupported)",
        "invalid JWT (JWSInvalid)",
        "invalid JWT (JWTClaimValidationFailed)",
        "invalid JWT (JWTInvalid)",
      ]);
    }
  });
});

describe("Gong webhook delivery shape: readDelivery accepts what deliverySchema accepts", () => {
  const meta = (id: unknown) => ({ metaData: { id, url: "https://x" }, parties: [] });
  it.each([
    ["a delivery", { isTest: false, callData: meta("8123") }],
    ["a test delivery", { isTest: true, callData: meta("1") }],
    ["no isTest", { callData: meta("12345678901234567890") }],
    ["isTest null", { isTest: null, callData: meta("1") }],
    ["isTest a string", { isTest: "false", callData: meta("1") }],
    ["isTest 0", { isTest: 0, callData: meta("1") }],
    ["id of 21 digits", { callData: meta("123456789012345678901") }],
    ["id empty", { callData: meta("") }],
    ["id with a sign", { callData: meta("-1") }],
    ["id with a newline", { callData: meta("1\n") }],
    ["id a number", { callData: meta(1) }],
    ["id missing", { callData: { metaData: {} } }],
    ["metaData an array", { callData: { metaData: ["1"] } }],
    ["metaData null", { callData: { metaData: null } }],
    ["callData missing", { isTest: false }],
    ["callData a string", { callData: "x" }],
    ["callData an array", { callData: [meta("1")] }],
    ["an array", [{ callData: meta("1") }]],
    ["null", null],
    ["a number", 5],
    ["a string", "delivery"],
  ])("%s", (_what, json) => {
    const parsed = deliverySchema.safeParse(json);
    expect(readDelivery(json)).toEqual(parsed.success ? { isTest: parsed.data.isTest, gongCallId: parsed.data.callData.metaData.id } : null);
  });
});
