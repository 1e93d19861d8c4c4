/**
 * Signed Gong webhook deliveries and the load generator of the webhook benchmark.
 *
 * Bodies are `{ isTest: false, callData }` with callData an extensive call as Gong's "Fire
 * webhook" action sends it (the simulator's generated calls projected with every field a webhook
 * carries), each with its own 19-digit call id. The JWT is what Gong signs: RS256 over
 * `{ webhook_url, body_sha256, exp }`, sent in `Authorization` without a `Bearer ` prefix. Signing
 * happens before any timing (it is the sender's cost).
 *
 * The load generator is node:http with a keep-alive Agent (maxSockets = concurrency): `concurrency`
 * workers, each sending its next delivery when the previous one answered.
 */
import crypto, { type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { FULL_SELECTION, SimulatorDataset, projectCall } from "./src-imports";
import { percentile } from "./http";

export interface UnsignedDelivery {
  gongCallId: string;
  body: Buffer;
  bodySha256: string;
}

export interface Delivery extends UnsignedDelivery {
  authorization: string;
}

/** 19 digits, unique per index: 8 followed by the index zero-padded to 18 digits. */
export const deliveryCallId = (i: number) => `8${String(i).padStart(18, "0")}`;

/** `count` distinct delivery bodies built from `templates` generated simulator calls. */
export function buildDeliveries(count: number, templates = 40, seed = 11): UnsignedDelivery[] {
  const dataset = new SimulatorDataset(seed, templates);
  // The six demo calls come first in the dataset and are sparse; use the generated ones.
  const calls = dataset
    .ids()
    .map((id) => projectCall(dataset.get(id)!, FULL_SELECTION))
    .filter((c) => (c.parties as unknown[] | undefined)?.length && c.content);
  if (calls.length === 0) throw new Error("the simulator generated no usable template calls");
  const out: UnsignedDelivery[] = [];
  for (let i = 0; i < count; i++) {
    const t = calls[i % calls.length];
    const gongCallId = deliveryCallId(i);
    const meta = t.metaData as Record<string, unknown>;
    const callData = { ...t, metaData: { ...meta, id: gongCallId, url: `https://demo.app.gong.io/call?id=${gongCallId}` } };
    const body = Buffer.from(JSON.stringify({ isTest: false, callData }), "utf8");
    out.push({ gongCallId, body, bodySha256: crypto.createHash("sha256").update(body).digest("hex") });
  }
  return out;
}

export function rsaKeyPair(): { privateKey: KeyObject; publicKeyBase64: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 0x10001 });
  return { privateKey, publicKeyBase64: publicKey.export({ type: "spki", format: "der" }).toString("base64") };
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v), "utf8").toString("base64url");

/** Signs every delivery for `url` (the exact URL the server sees); returns them and ms per signature. */
export function signDeliveries(
  deliveries: UnsignedDelivery[],
  url: string,
  privateKey: KeyObject,
  expiresInSeconds = 3600,
): { signed: Delivery[]; msPerSignature: number } {
  const header = b64url({ alg: "RS256", typ: "JWT" });
  const exp = Math.floor(Date.now() / 1000) + expiresInSeconds;
  const t0 = performance.now();
  const signed = deliveries.map((d) => {
    const input = `${header}.${b64url({ webhook_url: url, body_sha256: d.bodySha256, exp })}`;
    const sig = crypto.sign("RSA-SHA256", Buffer.from(input, "utf8"), privateKey).toString("base64url");
    return { ...d, authorization: `${input}.${sig}` };
  });
  return { signed, msPerSignature: (performance.now() - t0) / Math.max(1, deliveries.length) };
}

export interface LoadResult {
  /** Timed deliveries. */
  sent: number;
  /** Deliveries sent before timing (their answers are in `statuses`). */
  warmup: number;
  seconds: number;
  /** Answers per second (all statuses). */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers by HTTP status (warm-up included). */
  statuses: Map<number, number>;
  /** Requests that got no answer (socket error, timeout). */
  errors: number;
  firstError: string | null;
  /** A sample body per non-2xx status, for diagnosis. */
  samples: Map<number, string>;
  /** Event-loop utilisation of this process during the timed part (0–1). */
  elu: number;
  /** CPU time of this process (user + system, all threads) per answered delivery, ms. */
  cpuMsPerDelivery: number;
  /** Share of the machine's CPU time busy during the timed part (0–1; /proc/stat), NaN where unavailable. */
  machineBusy: number;
  /**
   * CPU time of every local `postgres` process (server-wide: other databases' work included) per
   * answered delivery, ms; NaN where /proc is unavailable.
   */
  postgresCpuMsPerDelivery: number;
}

/** Summed user + system CPU of all processes named `postgres` on this machine, ms (null without /proc). */
export function postgresCpuMs(): number | null {
  try {
    let ticks = 0;
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // exited
      }
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
      const f = stat.slice(close + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    }
    return ticks * 10; // USER_HZ = 100
  } catch {
    return null;
  }
}

/** Busy and total jiffies of all CPUs from /proc/stat (null where unavailable). */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

function post(url: URL, agent: http.Agent, d: Delivery, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        method: "POST",
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: {
          "content-type": "application/json",
          "content-length": d.body.length,
          "user-agent": "Gong-Webhook/bench",
          authorization: d.authorization,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(d.body);
  });
}

/**
 * Sends every delivery to `url` with `concurrency` workers over a fresh keep-alive agent. The first
 * `warmup` deliveries are sent first over the same agent and not timed (their answers are counted).
 */
export async function runDeliveries(
  url: string,
  deliveries: Delivery[],
  concurrency: number,
  warmup = 0,
  timeoutMs = 30_000,
  /** Called when the timed part starts (after the warm-up). */
  onTimed?: () => void,
): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const samples = new Map<number, string>();
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const timedFrom = Math.min(warmup, deliveries.length);
  let t0 = performance.now();
  let elu0 = performance.eventLoopUtilization();
  let cpu0 = process.cpuUsage();
  let sys0 = cpuTimes();
  let pg0 = postgresCpuMs();
  const worker = async (stopAt: number) => {
    while (next < stopAt) {
      const d = deliveries[next++];
      const s = performance.now();
      try {
        const r = await post(target, agent, d, timeoutMs);
        latencies.push(performance.now() - s);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if ((r.status < 200 || r.status > 299) && !samples.has(r.status)) samples.set(r.status, r.body.slice(0, 300));
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
    }
  };
  const workers = (stopAt: number) => Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, stopAt - next)) }, () => worker(stopAt)));
  try {
    if (timedFrom === 0) onTimed?.();
    if (timedFrom > 0) {
      // Warm-up over the same agent (opens the sockets); answers counted, latencies not.
      await workers(timedFrom);
      latencies.length = 0;
      t0 = performance.now();
      elu0 = performance.eventLoopUtilization();
      cpu0 = process.cpuUsage();
      sys0 = cpuTimes();
      pg0 = postgresCpuMs();
      onTimed?.();
    }
    await workers(deliveries.length);
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - t0) / 1000;
  const elu = performance.eventLoopUtilization(elu0).utilization;
  const cpu = process.cpuUsage(cpu0);
  const sys1 = cpuTimes();
  const pg1 = postgresCpuMs();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    elu,
    cpuMsPerDelivery: (cpu.user + cpu.system) / 1000 / Math.max(1, sorted.length),
    machineBusy: sys0 && sys1 && sys1.total > sys0.total ? (sys1.busy - sys0.busy) / (sys1.total - sys0.total) : NaN,
    postgresCpuMsPerDelivery: pg0 !== null && pg1 !== null ? (pg1 - pg0) / Math.max(1, sorted.length) : NaN,
    sent: deliveries.length - timedFrom,
    warmup: timedFrom,
    seconds,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    statuses,
    errors,
    firstError,
    samples,
  };
}

/** The baseline: a bare node:http handler that reads the body and answers 202 with a small JSON. */
export async function startBare202(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.on("data", () => undefined);
    req.on("end", () => {
      const body = '{"deliveryId":"00000000-0000-0000-0000-000000000000","status":"queued"}';
      res.writeHead(202, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/webhooks/gong`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

/**
 * `runDeliveries` from a worker thread of this process (BENCH_WEBHOOK_CLIENT=worker): the load
 * generator's work leaves the server's event loop but still shares the machine's cores and counts
 * in the process's CPU time. Latencies and throughput are the worker's; the event-loop utilisation
 * is the main thread's (the server's), CPU and /proc figures are taken over the same timed part.
 */
export function runDeliveriesInWorker(url: string, deliveries: Delivery[], concurrency: number, warmup = 0, timeoutMs = 30_000): Promise<LoadResult> {
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "webhook-load-worker.js"), { workerData: { url, deliveries, concurrency, warmup, timeoutMs } });
    let elu0 = performance.eventLoopUtilization();
    let cpu0 = process.cpuUsage();
    let sys0 = cpuTimes();
    let pg0 = postgresCpuMs();
    worker.on("message", (m: { type: "timed" } | { type: "done"; result: LoadResult }) => {
      if (m.type === "timed") {
        elu0 = performance.eventLoopUtilization();
        cpu0 = process.cpuUsage();
        sys0 = cpuTimes();
        pg0 = postgresCpuMs();
        return;
      }
      const cpu = process.cpuUsage(cpu0);
      const sys1 = cpuTimes();
      const pg1 = postgresCpuMs();
      const answered = Math.round(m.result.rps * m.result.seconds);
      resolve({
        ...m.result,
        elu: performance.eventLoopUtilization(elu0).utilization,
        cpuMsPerDelivery: (cpu.user + cpu.system) / 1000 / Math.max(1, answered),
        machineBusy: sys0 && sys1 && sys1.total > sys0.total ? (sys1.busy - sys0.busy) / (sys1.total - sys0.total) : NaN,
        postgresCpuMsPerDelivery: pg0 !== null && pg1 !== null ? (pg1 - pg0) / Math.max(1, answered) : NaN,
      });
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
