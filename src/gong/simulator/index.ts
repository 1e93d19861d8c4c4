/**
 * Gong simulator: an in-process HTTP server speaking Gong's v2 wire formats (calls, extensive calls,
 * transcripts, users), with Gong's auth, paging, error envelope, rate limit, injectable faults and
 * signed webhooks, over a deterministic dataset (the demo calls plus seeded generated calls).
 * See docs/gong-simulator.md.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Dataset } from "./dataset";
import { FaultInjector } from "./faults";
import { Pager } from "./paging";
import { sha256Hex } from "./prng";
import { RateLimiter } from "./rate-limit";
import { createHandler, type RequestRecord } from "./server";
import type { RunningSimulator, SimulatorOptions } from "./types";
import { WebhookSigner, sendWebhook } from "./webhooks";

export type { RunningSimulator, SimulatorFaults, SimulatorOptions, WebhookSendOptions, WebhookSendResult } from "./types";
export { REFERENCE_DATE } from "./time";
export { NO_CALLS_FOUND } from "./errors";

export const SIMULATOR_DEFAULTS = {
  host: "127.0.0.1",
  calls: 20,
  seed: 1,
  accessKey: "sim-key",
  accessKeySecret: "sim-secret",
  rateLimit: { perSecond: 3, perDay: 10_000 },
  pageSize: 100,
} as const;

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`Gong simulator: ${name} must be a positive integer, got ${value}`);
  return value;
}

export async function startGongSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = opts.seed ?? SIMULATOR_DEFAULTS.seed;
  const calls = opts.calls ?? SIMULATOR_DEFAULTS.calls;
  if (!Number.isInteger(calls) || calls < 0) throw new Error(`Gong simulator: calls must be a non-negative integer, got ${calls}`);
  const pageSize = positiveInt(opts.pageSize ?? SIMULATOR_DEFAULTS.pageSize, "pageSize");
  const rateLimit = opts.rateLimit ?? SIMULATOR_DEFAULTS.rateLimit;
  positiveInt(rateLimit.perSecond, "rateLimit.perSecond");
  positiveInt(rateLimit.perDay, "rateLimit.perDay");

  const dataset = new Dataset(seed, calls);
  const signer = await WebhookSigner.create(opts.webhookPrivateKeyPem);
  const faults = new FaultInjector(seed, opts.faults);
  const log: RequestRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const handler = createHandler({
    seed,
    dataset,
    auth: {
      accessKey: opts.accessKey ?? SIMULATOR_DEFAULTS.accessKey,
      accessKeySecret: opts.accessKeySecret ?? SIMULATOR_DEFAULTS.accessKeySecret,
      bearerToken: opts.bearerToken,
      bearerScopes: opts.bearerScopes,
    },
    limiter: new RateLimiter(rateLimit),
    faults,
    pager: new Pager(pageSize, sha256Hex(`cursor|${seed}`)),
    log,
    timers,
  });

  const server: Server = createServer(handler);
  // Node's 5 s keep-alive let a loaded machine close an idle socket just as a client reused it
  // (seen as ECONNRESET in tests). Like Gong's load balancers, keep idle connections for a minute;
  // close() still ends them at once (closeAllConnections).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const host = opts.host ?? SIMULATOR_DEFAULTS.host;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  let stopped: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    webhookPublicKeyBase64: signer.publicKeyBase64,
    webhookPublicKeyPem: signer.publicKeyPem,
    callIds: () => dataset.ids(),
    requests: () => log.map((r) => ({ ...r })),
    setFaults: (f) => faults.set(f),
    sendWebhook: (o) => sendWebhook(dataset, signer, o),
    addCall: (o) => dataset.addCall(o),
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
