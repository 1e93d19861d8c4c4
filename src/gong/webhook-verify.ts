/**
 * Verification of Gong webhook deliveries (README, "Connecting Gong"): either the rule's signed JWT
 * (RS256 in `Authorization`, with or without `Bearer `; claims `webhook_url`, `body_sha256`, `exp`)
 * or the rule's URL key (`?key=`), compared in constant time.
 */
import crypto, { KeyObject } from "node:crypto";
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

/**
 * Why jose's `jwtVerify` refuses a token: the name of the error class it throws (`err.name`).
 * `TypeError` is a key that cannot verify RS256 (not RSA, or under 2048 bits).
 */
export type JwtFailure =
  | "JWSInvalid"
  | "JOSENotSupported"
  | "JOSEAlgNotAllowed"
  | "TypeError"
  | "JWSSignatureVerificationFailed"
  | "JWTInvalid"
  | "JWTClaimValidationFailed"
  | "JWTExpired";

/** jose decodes header and claims with a default TextDecoder (UTF-8, replacement characters, a BOM dropped). */
const utf8 = new TextDecoder();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Twin of jose 5's `jwtVerify(token, key, { algorithms: ["RS256"], clockTolerance, requiredClaims:
 * ["exp"] })` for a node `KeyObject`: the same checks in the same order with the same outcome
 * (test/gong/webhook.test.ts compares both on crafted tokens), with less work on the event loop:
 * the RSA signature is checked by `crypto.verify` on the libuv thread pool, as jose does, but
 * without jose's generic layers around it.
 *
 * @param keyProblem what jose would throw at the verification step for this key (checked once)
 */
export async function verifyRs256Jwt(
  token: string,
  key: KeyObject,
  keyProblem: "TypeError" | null,
  clockToleranceSeconds: number,
): Promise<{ ok: true; payload: Record<string, unknown> } | { ok: false; failure: JwtFailure }> {
  const fail = (failure: JwtFailure) => ({ ok: false as const, failure });
  // compactVerify
  const parts = token.split(".");
  if (parts.length !== 3) return fail("JWSInvalid");
  const [protectedB64, payloadB64, signatureB64] = parts;
  // flattenedVerify: the protected header (an empty one parses as {})
  let parsed: unknown = {};
  if (protectedB64) {
    try {
      parsed = JSON.parse(utf8.decode(Buffer.from(protectedB64, "base64url")));
    } catch {
      return fail("JWSInvalid");
    }
  }
  // jose spreads the header into an object: anything but a JSON object has no alg/crit/b64 there.
  const header: Record<string, unknown> = isRecord(parsed) ? parsed : {};
  let b64 = true;
  if (header.crit !== undefined) {
    const crit = header.crit;
    if (!Array.isArray(crit) || crit.length === 0 || crit.some((c) => typeof c !== "string" || c.length === 0)) return fail("JWSInvalid");
    for (const parameter of crit as string[]) {
      if (parameter !== "b64") return fail("JOSENotSupported");
      if (header[parameter] === undefined) return fail("JWSInvalid");
    }
    b64 = header.b64 as boolean;
    if (typeof b64 !== "boolean") return fail("JWSInvalid");
  }
  const alg = header.alg;
  if (typeof alg !== "string" || !alg) return fail("JWSInvalid");
  if (alg !== "RS256") return fail("JOSEAlgNotAllowed");
  const data = Buffer.from(`${protectedB64}.${payloadB64}`, "utf8");
  const signature = Buffer.from(signatureB64, "base64url");
  if (keyProblem) return fail(keyProblem);
  const verified = await new Promise<boolean>((resolve) => {
    try {
      crypto.verify("sha256", data, key, signature, (err, ok) => resolve(!err && ok));
    } catch {
      resolve(false);
    }
  });
  if (!verified) return fail("JWSSignatureVerificationFailed");
  // jwtVerify
  if (!b64) return fail("JWTInvalid"); // JWTs must not use an unencoded payload
  let claims: unknown;
  try {
    claims = JSON.parse(utf8.decode(Buffer.from(payloadB64, "base64url")));
  } catch {
    // not JSON: refused below
  }
  if (!isRecord(claims)) return fail("JWTInvalid");
  if (!("exp" in claims)) return fail("JWTClaimValidationFailed");
  const nowSeconds = Math.floor(Date.now() / 1000); // as jose: read after the signature check
  if (claims.iat !== undefined && typeof claims.iat !== "number") return fail("JWTClaimValidationFailed");
  if (claims.nbf !== undefined) {
    if (typeof claims.nbf !== "number") return fail("JWTClaimValidationFailed");
    if (claims.nbf > nowSeconds + clockToleranceSeconds) return fail("JWTClaimValidationFailed");
  }
  if (claims.exp !== undefined) {
    if (typeof claims.exp !== "number") return fail("JWTClaimValidationFailed");
    if (claims.exp <= nowSeconds - clockToleranceSeconds) return fail("JWTExpired");
  }
  return { ok: true, payload: claims };
}

/** What jose's key check throws when verifying RS256 with this key, or null. */
function rs256KeyProblem(key: KeyObject): "TypeError" | null {
  if (key.type === "secret" || key.asymmetricKeyType !== "rsa") return "TypeError";
  const bits = key.asymmetricKeyDetails?.modulusLength;
  return typeof bits === "number" && bits >= 2048 ? null : "TypeError";
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
  /** The imported key once available, when it is a node KeyObject (jose's node build): verified by `verifyRs256Jwt`. */
  private keyObject: { key: KeyObject; problem: "TypeError" | null } | undefined;

  constructor(private readonly opts: WebhookVerifierOptions) {
    if (opts.publicKey) {
      this.key = importSPKI(toSpkiPem(opts.publicKey), "RS256");
      this.key.then(
        (k) => {
          if (k instanceof KeyObject && k.type === "public") this.keyObject = { key: k, problem: rs256KeyProblem(k) };
        },
        // Surface a bad key at start-up, not at the first delivery.
        () => undefined,
      );
    }
  }

  get configured(): boolean {
    return !!(this.opts.publicKey || this.opts.urlKey);
  }

  /** True once the key is imported as a node KeyObject: JWTs are then verified by `verifyRs256Jwt`, not jose. */
  get verifiesWithTwin(): boolean {
    return this.keyObject !== undefined;
  }

  /** Throws when GONG_WEBHOOK_PUBLIC_KEY cannot be read as an RSA public key. */
  async checkKey(): Promise<void> {
    if (this.key) await this.key;
  }

  /**
   * @param url the URL the delivery arrived on, as Gong would have configured it (public base URL +
   *   path + query string as received)
   * @param bodySha256 `sha256Hex(body)` when the caller already computed it (it is not hashed twice)
   */
  async verify(input: { authorization: string | undefined; urlKey: string | undefined; body: Buffer; url: string; bodySha256?: string }): Promise<VerifyResult> {
    const { publicKey, urlKey } = this.opts;
    if (!publicKey && !urlKey) return this.opts.insecure ? { ok: true, method: "insecure" } : { ok: false, reason: "not configured" };
    if (urlKey && input.urlKey !== undefined) {
      return safeEqual(input.urlKey, urlKey) ? { ok: true, method: "url-key" } : { ok: false, reason: "wrong URL key" };
    }
    if (!publicKey) return { ok: false, reason: "missing URL key" };
    const token = input.authorization?.replace(/^Bearer\s+/i, "").trim();
    if (!token) return { ok: false, reason: "missing JWT in Authorization" };
    const tolerance = this.opts.clockToleranceSeconds ?? 60;
    let payload: Record<string, unknown>;
    if (this.keyObject) {
      const v = await verifyRs256Jwt(token, this.keyObject.key, this.keyObject.problem, tolerance);
      if (!v.ok) return { ok: false, reason: jwtFailureReason(v.failure) };
      payload = v.payload;
    } else {
      try {
        ({ payload } = await jwtVerify(token, await this.key!, { algorithms: ["RS256"], clockTolerance: tolerance, requiredClaims: ["exp"] }));
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: jwtFailureReason("JWTExpired") };
        if (err instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: jwtFailureReason("JWSSignatureVerificationFailed") };
        return { ok: false, reason: `invalid JWT (${(err as Error).name})` };
      }
    }
    if (typeof payload.body_sha256 !== "string" || payload.body_sha256.toLowerCase() !== (input.bodySha256 ?? sha256Hex(input.body))) {
      return { ok: false, reason: "body_sha256 does not match the body" };
    }
    if (payload.webhook_url !== input.url) {
      return { ok: false, reason: `webhook_url does not match ${input.url}` };
    }
    return { ok: true, method: "jwt" };
  }
}

function jwtFailureReason(failure: JwtFailure): string {
  if (failure === "JWTExpired") return "JWT expired";
  if (failure === "JWSSignatureVerificationFailed") return "bad JWT signature";
  return `invalid JWT (${failure})`;
}
