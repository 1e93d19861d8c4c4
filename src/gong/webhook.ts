/**
 * `POST /webhooks/gong`: Gong's "call processed" deliveries. Verified (signed JWT or URL key),
 * recorded in `webhook_deliveries` and `call.ingest` enqueued in one transaction, answered 202
 * `{ deliveryId, status }`. Test deliveries (`isTest`) and repeats are recorded and answered 200
 * without a new job. Rejections are logged and counted, never stored.
 *
 * A plain node:http handler that server.ts runs before express (which gives it the request id,
 * the request log line and the HTTP metrics): express's router, body parser and response cost
 * more of the event loop per delivery than anything else here (docs/benchmarks.md, section 4).
 * It does what the express route did: the path matched as express matched it (any case, an
 * optional trailing slash, any query string); `?key=` read as express's query parser reads it (a
 * repeated key is no key); a gzip, deflate or br body inflated as body-parser did;
 * WEBHOOK_MAX_BODY_BYTES applied to the declared Content-Length first, then to the bytes read
 * (413, and the connection is closed rather than read to its end); OPTIONS answered `Allow: POST`.
 * Other methods are express's (404).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import querystring from "node:querystring";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { z } from "zod";
import type { Logger } from "../core/logger";
import { ConfigError, type Config } from "../core/config";
import type { Metrics } from "../core/http/metrics";
import type { WebhookService } from "../modules/webhooks/webhook.service";
import { WebhookVerifier, sha256Hex } from "./webhook-verify";

export const WEBHOOK_PATH = "/webhooks/gong";

/** The shape a delivery must have (the rest of `callData` is not read here). */
export const deliverySchema = z.object({
  isTest: z.boolean().optional().default(false),
  callData: z.looseObject({
    metaData: z.looseObject({ id: z.string().regex(/^\d{1,20}$/, "must be a numeric string") }),
  }),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * `deliverySchema.safeParse(json)` reduced to what the route reads, without copying the body's
 * objects: the same deliveries pass (test/gong/webhook.test.ts compares both). Null when refused.
 */
export function readDelivery(json: unknown): { isTest: boolean; gongCallId: string } | null {
  if (!isRecord(json)) return null;
  const isTest = json.isTest;
  if (isTest !== undefined && typeof isTest !== "boolean") return null;
  const callData = json.callData;
  if (!isRecord(callData)) return null;
  const metaData = callData.metaData;
  if (!isRecord(metaData)) return null;
  const id = metaData.id;
  if (typeof id !== "string" || !/^\d{1,20}$/.test(id)) return null;
  return { isTest: isTest ?? false, gongCallId: id };
}

/** Fails start-up with a clear message when GONG_WEBHOOK_PUBLIC_KEY is not an RSA public key. */
export async function checkWebhookConfig(config: Config): Promise<void> {
  if (!config.webhook.publicKey) return;
  try {
    await new WebhookVerifier({ publicKey: config.webhook.publicKey, insecure: false }).checkKey();
  } catch (err) {
    throw new ConfigError(
      `GONG_WEBHOOK_PUBLIC_KEY: not an RSA public key (PEM or the bare base64 from Gong's rule editor): ${(err as Error).message}`,
    );
  }
}

export interface WebhookDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  webhooks: WebhookService;
  /** The externally visible base URL (CALLCOACH_PUBLIC_URL, else the server's own URL). */
  publicBaseUrl(): string;
}

const ROUTE_RE = /^\/webhooks\/gong\/?(?:\?|$)/i;

/** Whether the webhook handler serves this request; everything else goes to express. */
export function isGongWebhookRequest(req: IncomingMessage): boolean {
  return (req.method === "POST" || req.method === "OPTIONS") && ROUTE_RE.test(req.url ?? "");
}

const DECODERS: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
  gzip: zlib.createGunzip,
  deflate: zlib.createInflate,
  br: zlib.createBrotliDecompress,
};

type BodyRead = { body: Buffer } | { status: number; outcome: string; message: string } | { aborted: true };

/**
 * The body, decoded, or why it was refused; `aborted` when the client went away first. Calls
 * `done` once, with every listener removed.
 */
function readBody(req: IncomingMessage, limit: number, done: (read: BodyRead) => void): void {
  const tooLarge = { status: 413, outcome: "too_large", message: `Body larger than WEBHOOK_MAX_BODY_BYTES (${limit} bytes).` };
  const length = req.headers["content-length"];
  if (req.headers["transfer-encoding"] === undefined && isNaN(Number(length))) {
    done({ body: Buffer.alloc(0) }); // no body (body-parser did not read one either)
    return;
  }
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding === "identity" && Number(length) > limit) {
    done(tooLarge);
    return;
  }
  const decoder = encoding === "identity" ? undefined : DECODERS[encoding]?.();
  if (encoding !== "identity" && !decoder) {
    done({ status: 415, outcome: "malformed", message: `unsupported content encoding "${encoding}"` });
    return;
  }
  const stream: Readable = decoder ? req.pipe(decoder) : req;
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  const finish = (read: BodyRead) => {
    if (settled) return; // e.g. the request's "error" and then its "close"
    settled = true;
    stream.off("data", onData).off("end", onEnd).off("error", onError);
    req.off("error", onAborted).off("close", onClose);
    if (decoder) {
      req.unpipe(decoder);
      decoder.on("error", () => {}).destroy();
    }
    if (!("body" in read)) req.resume(); // discard the rest until the connection closes
    done(read);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) finish(tooLarge);
    else chunks.push(chunk);
  };
  const onEnd = () => finish({ body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received) });
  const onAborted = () => finish({ aborted: true });
  const onError = (err: Error) =>
    finish(!decoder ? { aborted: true } : { status: 400, outcome: "malformed", message: `Body could not be decoded: ${err.message}` });
  const onClose = () => {
    if (!req.complete) onAborted();
  };
  req.on("error", onAborted).on("close", onClose);
  stream.on("data", onData).on("end", onEnd).on("error", onError);
}

/** The handler; server.ts calls it for the requests isGongWebhookRequest accepts. */
export function gongWebhookHandler(deps: WebhookDeps): (req: IncomingMessage, res: ServerResponse, requestId: string) => void {
  const { config, logger, metrics } = deps;
  const verifier = new WebhookVerifier({
    publicKey: config.webhook.publicKey,
    urlKey: config.webhook.urlKey,
    insecure: config.webhook.insecure,
  });
  if (!verifier.configured && config.webhook.insecure) {
    logger.warn("GONG_WEBHOOK_INSECURE is set: Gong webhook deliveries are accepted WITHOUT verification. Never do this in production.");
  }

  const send = (res: ServerResponse, status: number, body: object, close = false) => {
    const json = JSON.stringify(body);
    if (close) res.setHeader("connection", "close");
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) }).end(json);
  };
  const reject = (res: ServerResponse, requestId: string, status: number, outcome: string, message: string, close = false) => {
    metrics.webhookDeliveries.inc({ outcome });
    logger.warn({ requestId, status, outcome, reason: message }, "webhook delivery rejected");
    send(res, status, { error: message }, close);
  };

  async function deliver(req: IncomingMessage, res: ServerResponse, requestId: string, body: Buffer): Promise<void> {
    if (!verifier.configured && !config.webhook.insecure) {
      reject(res, requestId, 503, "not_configured",
        "Gong webhooks are not configured: set GONG_WEBHOOK_PUBLIC_KEY (signed JWT) or GONG_WEBHOOK_URL_KEY (URL key).");
      return;
    }
    const originalUrl = req.url ?? "";
    const url = deps.publicBaseUrl() + originalUrl;
    const q = originalUrl.indexOf("?");
    const key = q < 0 ? undefined : querystring.parse(originalUrl.slice(q + 1)).key;
    const bodySha256 = sha256Hex(body);
    const verdict = await verifier.verify({
      authorization: req.headers.authorization,
      urlKey: typeof key === "string" ? key : undefined,
      body,
      url,
      bodySha256,
    });
    if (!verdict.ok) {
      reject(res, requestId, 401, "unauthorized", `Delivery not verified: ${verdict.reason}.`);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch (err) {
      reject(res, requestId, 400, "malformed", `Body is not valid JSON: ${(err as Error).message}`);
      return;
    }
    const delivery = readDelivery(json);
    if (!delivery) {
      reject(res, requestId, 400, "malformed", "Body is not a Gong webhook delivery: expected { isTest, callData: { metaData: { id } } }.");
      return;
    }
    const { gongCallId, isTest } = delivery;
    let recorded;
    try {
      recorded = await deps.webhooks.record({ gongCallId, bodySha256, isTest });
    } catch (err) {
      logger.error({ err, requestId, gongCallId }, "could not record a webhook delivery");
      reject(res, requestId, 503, "unavailable", "The database is unavailable; Gong may retry the delivery.");
      return;
    }
    metrics.webhookDeliveries.inc({ outcome: recorded.status });
    logger.info({ requestId, gongCallId, ...recorded, verifiedBy: verdict.method }, "webhook delivery accepted");
    send(res, recorded.status === "queued" ? 202 : 200, { deliveryId: recorded.deliveryId, status: recorded.status });
  }

  return (req, res, requestId) => {
    if (req.method === "OPTIONS") {
      res.writeHead(200, { allow: "POST", "content-type": "text/plain", "content-length": 4, "x-content-type-options": "nosniff" }).end("POST");
      return;
    }
    readBody(req, config.webhook.maxBodyBytes, (read) => {
      if ("aborted" in read) return; // nobody to answer
      if ("status" in read) {
        reject(res, requestId, read.status, read.outcome, read.message, true);
        return;
      }
      deliver(req, res, requestId, read.body).catch((err: unknown) => {
        logger.error({ err, requestId }, "unhandled HTTP error");
        if (!res.headersSent) send(res, 500, { error: "Internal server error" });
      });
    });
  };
}
