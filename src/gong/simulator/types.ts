/**
 * Contract of the Gong simulator (src/gong/simulator/): an HTTP server speaking Gong's v2 wire format
 * (see docs and ../shared/reference/gong-api.md), used by tests, benchmarks and `callcoach gong simulate`.
 */

/** Faults injected into matching requests (probabilities 0–1, deterministic from the seed). */
export interface SimulatorFaults {
  /** Share of requests answered 500/502/503 with Gong's error envelope. */
  errorRate?: number;
  /** Share of requests delayed by `slowMs` before answering. */
  slowRate?: number;
  slowMs?: number;
  /** Share of requests whose socket is destroyed without an answer. */
  dropRate?: number;
  /** Fail exactly the next N requests with 503 (then behave), for deterministic retry tests. */
  failNext?: number;
}

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Number of generated calls besides the six demo calls (default 20). */
  calls?: number;
  /** Seed of the deterministic generator (default 1). */
  seed?: number;
  /** Basic-auth credentials the simulator accepts (default key "sim-key", secret "sim-secret"). */
  accessKey?: string;
  accessKeySecret?: string;
  /** Bearer token accepted besides Basic auth (optional). */
  bearerToken?: string;
  /** Company-wide budget (Gong default 3/s and 10,000/day); exceeded → 429 with integer Retry-After. */
  rateLimit?: { perSecond: number; perDay: number };
  faults?: SimulatorFaults;
  /** PEM PKCS#8 private key for signing webhooks; generated (RS256, 2048 bits) when absent. */
  webhookPrivateKeyPem?: string;
  /** Records per page of every list endpoint (Gong: 100, not changeable there); small values make paging testable. */
  pageSize?: number;
  /**
   * Scopes granted to `bearerToken` (e.g. "api:calls:read:basic"); a Bearer request to an endpoint whose scope is
   * missing gets 403. Undefined (default) grants every scope. Basic auth is never scope-checked, as at Gong.
   */
  bearerScopes?: string[];
}

export interface WebhookSendOptions {
  /** The URL configured in the (simulated) Gong rule, query string included; the JWT's webhook_url. */
  url: string;
  gongCallId: string;
  isTest?: boolean;
  /** "jwt" (default): RS256 JWT in Authorization; "url-key": no JWT (the key is part of `url`). */
  mode?: "jwt" | "url-key";
  /** Seconds until the JWT's exp (default 300); negative gives an expired token. */
  expiresInSeconds?: number;
  /** Override parts for negative tests. */
  tamper?: { bodySha256?: string; webhookUrl?: string; signWithOtherKey?: boolean; bearerPrefix?: boolean };
}

export interface WebhookSendResult {
  status: number;
  body: string;
}

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:PORT (endpoints under /v2/...). */
  url: string;
  port: number;
  /** Public key of the webhook signer as bare base64 SPKI (what Gong's rule editor shows). */
  webhookPublicKeyBase64: string;
  /** The same key as PEM. */
  webhookPublicKeyPem: string;
  /** Ids of every call in the dataset (strings). */
  callIds(): string[];
  /** Requests received so far: method, path, status answered, time (ms since epoch). */
  requests(): { method: string; path: string; status: number; at: number }[];
  setFaults(faults: SimulatorFaults): void;
  /** POSTs `{ isTest, callData }` for a dataset call to `opts.url`, signed like Gong. */
  sendWebhook(opts: WebhookSendOptions): Promise<WebhookSendResult>;
  /** Adds a call to the dataset (e.g. one whose webhook is never sent). Returns its id. */
  addCall(opts?: { started?: string; durationSec?: number }): string;
  stop(): Promise<void>;
}
