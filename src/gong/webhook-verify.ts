/**
 * Verification of Gong webhook deliveries (README, "Connecting Gong"): either the rule's signed JWT
 * (RS256 in `Authorization`, with or without `Bearer `; claims `webhook_url`, `body_sha256`, `exp`)
 * or the rule's URL key (`?key=`), compared in constant time.
 */
import crypto from "node:crypto";
import { importSPKI, jwtVerify, errors as joseErrors } from "jose";

export type VerifyResult = { ok: true; method: "jwt" | "url-key" | "insecure" } | { ok: false; reason: string };

/** Accepts PEM or the bare base64 SPKI Gong's rule editor shows. */
export function toSpkiPem(key: string): string {
  const trimmed = key.trim();
  if (trimmed.startsWith("-----BEGIN")) return trimmed;
  const b64 = trimmed.replace(/\s+/g, "");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----`;
}

export function sha256Hex(body: Buffer): string {
  return crypto.createHash("sha256").update(body).digest("hex");
}

function safeEqual(a: string, b: string): boolean {
  // Hash first so lengths match and timing does not depend on where they differ.
  const ha = crypto.createHash("sha256").update(a).digest();
  const hb = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length;
}

export interface WebhookVerifierOptions {
  publicKey?: string;
  urlKey?: string;
  insecure: boolean;
  /** Allowed clock skew for `exp`, seconds (default 60). */
  clockToleranceSeconds?: number;
}

export class WebhookVerifier {
  private key: ReturnType<typeof importSPKI> | undefined;

  constructor(private readonly opts: WebhookVerifierOptions) {
    if (opts.publicKey) {
      this.key = importSPKI(toSpkiPem(opts.publicKey), "RS256");
      // Surface a bad key at start-up, not at the first delivery.
      this.key.catch(() => undefined);
    }
  }

  get configured(): boolean {
    return !!(this.opts.publicKey || this.opts.urlKey);
  }

  /** Throws when GONG_WEBHOOK_PUBLIC_KEY cannot be read as an RSA public key. */
  async checkKey(): Promise<void> {
    if (this.key) await this.key;
  }

  /**
   * @param url the URL the delivery arrived on, as Gong would have configured it (public base URL +
   *   path + query string as received)
   */
  async verify(input: { authorization: string | undefined; urlKey: string | undefined; body: Buffer; url: string }): Promise<VerifyResult> {
    const { publicKey, urlKey } = this.opts;
    if (!publicKey && !urlKey) return this.opts.insecure ? { ok: true, method: "insecure" } : { ok: false, reason: "not configured" };
    if (urlKey && input.urlKey !== undefined) {
      return safeEqual(input.urlKey, urlKey) ? { ok: true, method: "url-key" } : { ok: false, reason: "wrong URL key" };
    }
    if (!publicKey) return { ok: false, reason: "missing URL key" };
    const token = input.authorization?.replace(/^Bearer\s+/i, "").trim();
    if (!token) return { ok: false, reason: "missing JWT in Authorization" };
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.key!, {
        algorithms: ["RS256"],
        clockTolerance: this.opts.clockToleranceSeconds ?? 60,
        requiredClaims: ["exp"],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: "JWT expired" };
      if (err instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: "bad JWT signature" };
      return { ok: false, reason: `invalid JWT (${(err as Error).name})` };
    }
    if (typeof payload.body_sha256 !== "string" || payload.body_sha256.toLowerCase() !== sha256Hex(input.body)) {
      return { ok: false, reason: "body_sha256 does not match the body" };
    }
    if (payload.webhook_url !== input.url) {
      return { ok: false, reason: `webhook_url does not match ${input.url}` };
    }
    return { ok: true, method: "jwt" };
  }
}
