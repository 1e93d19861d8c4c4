/**
 * Gong's "Fire webhook" automation-rule action: POSTs `{ isTest, callData }` (callData shaped like an
 * extensive call: metaData, context, parties, content, interaction, collaboration) to the rule's URL.
 * In "jwt" mode an RS256 JWT goes in `Authorization`, without a `Bearer ` prefix, with the claims
 * `webhook_url` (the configured URL, query included), `body_sha256` (lower-case hex SHA-256 of the
 * exact body bytes) and `exp`. The public key is published as bare base64 SPKI DER, as Gong's rule
 * editor shows it. In "url-key" mode there is no JWT (the secret is part of the URL).
 */
import { createHash, createPublicKey, generateKeyPair, createPrivateKey, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { SignJWT, importPKCS8 } from "jose";
import type { Dataset } from "./dataset";
import { sha256Hex } from "./prng";
import { FULL_SELECTION } from "./requests";
import { projectCall } from "./select";
import type { WebhookSendOptions, WebhookSendResult } from "./types";

const generateRsa = promisify(generateKeyPair);

async function newKeyPair(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return generateRsa("rsa", { modulusLength: 2048, publicExponent: 0x10001 });
}

async function signRs256(claims: Record<string, unknown>, privateKey: KeyObject): Promise<string> {
  const header = { alg: "RS256", typ: "JWT" };
  const key = await importPKCS8(privateKey.export({ type: "pkcs8", format: "pem" }).toString(), "RS256");
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}

export class WebhookSigner {
  private otherKey?: Promise<KeyObject>;

  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKeyBase64: string,
    readonly publicKeyPem: string,
  ) {}

  /** Uses the given PKCS#8 PEM key, or generates a 2048-bit RSA key pair. */
  static async create(privateKeyPem?: string): Promise<WebhookSigner> {
    const privateKey = privateKeyPem ? createPrivateKey(privateKeyPem) : (await newKeyPair()).privateKey;
    if (privateKey.asymmetricKeyType !== "rsa") throw new Error("webhookPrivateKeyPem must be an RSA private key (RS256)");
    const publicKey = createPublicKey(privateKey);
    const der = publicKey.export({ type: "spki", format: "der" });
    return new WebhookSigner(privateKey, der.toString("base64"), publicKey.export({ type: "spki", format: "pem" }).toString());
  }

  async sign(claims: Record<string, unknown>, withOtherKey = false): Promise<string> {
    if (!withOtherKey) return signRs256(claims, this.privateKey);
    this.otherKey ??= newKeyPair().then((k) => k.privateKey);
    return signRs256(claims, await this.otherKey);
  }
}

/** Builds the webhook body for a dataset call and POSTs it, signed as the options say. */
export async function sendWebhook(dataset: Dataset, signer: WebhookSigner, opts: WebhookSendOptions): Promise<WebhookSendResult> {
  const sim = dataset.get(opts.gongCallId);
  if (!sim) throw new Error(`sendWebhook: no call ${opts.gongCallId} in the simulator's dataset`);
  const payload = { isTest: opts.isTest ?? false, callData: projectCall(sim, FULL_SELECTION) };
  const body = Buffer.from(JSON.stringify(payload), "utf8");
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": "Gong-Simulator-Webhook/1.0",
    "x-traceid": sha256Hex(`${opts.gongCallId}|${opts.url}`).slice(0, 32),
  };
  if ((opts.mode ?? "jwt") === "jwt") {
    const tamper = opts.tamper ?? {};
    const claims = {
      webhook_url: tamper.webhookUrl ?? opts.url,
      body_sha256: tamper.bodySha256 ?? createHash("sha256").update(body).digest("hex"),
      exp: Math.floor(Date.now() / 1000) + (opts.expiresInSeconds ?? 300),
    };
    const token = await signer.sign(claims, tamper.signWithOtherKey === true);
    headers.Authorization = tamper.bearerPrefix ? `Bearer ${token}` : token;
  }
  const res = await fetch(opts.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.text() };
}
