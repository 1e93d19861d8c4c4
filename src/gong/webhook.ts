/**
 * `POST /webhooks/gong`: Gong's "call processed" deliveries. Verified (signed JWT or URL key),
 * recorded in `webhook_deliveries` and `call.ingest` enqueued in one transaction, answered 202
 * `{ deliveryId, status }`. Test deliveries (`isTest`) and repeats are recorded and answered 200
 * without a new job. Rejections are logged and counted, never stored.
 */
import express, { type Request, type Response, type Router } from "express";
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

export function gongWebhookRouter(deps: WebhookDeps): Router {
  const { config, logger, metrics } = deps;
  const verifier = new WebhookVerifier({
    publicKey: config.webhook.publicKey,
    urlKey: config.webhook.urlKey,
    insecure: config.webhook.insecure,
  });
  if (!verifier.configured && config.webhook.insecure) {
    logger.warn("GONG_WEBHOOK_INSECURE is set: Gong webhook deliveries are accepted WITHOUT verification. Never do this in production.");
  }
  const router = express.Router();

  const reject = (req: Request, res: Response, status: number, outcome: string, message: string) => {
    metrics.webhookDeliveries.inc({ outcome });
    logger.warn({ requestId: res.locals.requestId, status, outcome, reason: message }, "webhook delivery rejected");
    res.status(status).json({ error: message });
  };

  router.post(
    WEBHOOK_PATH,
    express.raw({ type: () => true, limit: config.webhook.maxBodyBytes }),
    async (req: Request, res: Response) => {
      if (!verifier.configured && !config.webhook.insecure) {
        reject(req, res, 503, "not_configured",
          "Gong webhooks are not configured: set GONG_WEBHOOK_PUBLIC_KEY (signed JWT) or GONG_WEBHOOK_URL_KEY (URL key).");
        return;
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const url = deps.publicBaseUrl() + req.originalUrl;
      const key = typeof req.query.key === "string" ? req.query.key : undefined;
      const bodySha256 = sha256Hex(body);
      const verdict = await verifier.verify({ authorization: req.get("authorization"), urlKey: key, body, url, bodySha256 });
      if (!verdict.ok) {
        reject(req, res, 401, "unauthorized", `Delivery not verified: ${verdict.reason}.`);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch (err) {
        reject(req, res, 400, "malformed", `Body is not valid JSON: ${(err as Error).message}`);
        return;
      }
      const delivery = readDelivery(json);
      if (!delivery) {
        reject(req, res, 400, "malformed", "Body is not a Gong webhook delivery: expected { isTest, callData: { metaData: { id } } }.");
        return;
      }
      const { gongCallId, isTest } = delivery;
      let recorded;
      try {
        recorded = await deps.webhooks.record({ gongCallId, bodySha256, isTest });
      } catch (err) {
        logger.error({ err, requestId: res.locals.requestId, gongCallId }, "could not record a webhook delivery");
        reject(req, res, 503, "unavailable", "The database is unavailable; Gong may retry the delivery.");
        return;
      }
      metrics.webhookDeliveries.inc({ outcome: recorded.status });
      logger.info({ requestId: res.locals.requestId, gongCallId, ...recorded, verifiedBy: verdict.method }, "webhook delivery accepted");
      res.status(recorded.status === "queued" ? 202 : 200).json({ deliveryId: recorded.deliveryId, status: recorded.status });
    },
  );

  // Body over the limit and other body-parser errors on this route.
  router.use(WEBHOOK_PATH, (err: Error & { type?: string; status?: number }, req: Request, res: Response, next: (e?: unknown) => void) => {
    if (err.type === "entity.too.large") {
      reject(req, res, 413, "too_large", `Body larger than WEBHOOK_MAX_BODY_BYTES (${config.webhook.maxBodyBytes} bytes).`);
      return;
    }
    next(err);
  });
  return router;
}
