/**
 * API tokens: created with 32 random bytes, shown once, stored only as a SHA-256 hash. Tokens are
 * high-entropy, so a plain hash is enough (no slow KDF needed) and lookup is one indexed query.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { adminTokenPath } from "./admin-token-file";
import { IsNull, type DataSource } from "typeorm";
import { ApiToken, TokenRole } from "./api-token.entity";
import { Rep } from "../reps/rep.entity";
import { RepNotFoundError } from "../reps/rep.errors";
import { TokenNameTakenError, TokenNotFoundError, TokenRepRequiredError } from "./token.errors";
import type { Viewer } from "../../core/graphql/viewer";
import { isUuid } from "../../core/ids";

export const TOKEN_PREFIX = "cc_";
const LAST_USED_GRANULARITY_MS = 60_000;

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export interface CreateTokenInput {
  role: TokenRole;
  name?: string;
  repEmail?: string;
}

export class TokenService {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ApiToken);
  }

  /** Creates a token; returns the secret (shown once) and the stored record. */
  async create(input: CreateTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
    let repId: string | null = null;
    if (input.repEmail) {
      const rep = await this.ds.getRepository(Rep).findOneBy({ email: input.repEmail.trim().toLowerCase() });
      if (!rep) throw new RepNotFoundError(input.repEmail);
      repId = rep.id;
    } else if (input.role !== TokenRole.ADMIN) {
      throw new TokenRepRequiredError(input.role);
    }
    const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
    const name = input.name?.trim() || `${input.role.toLowerCase()}-${crypto.randomBytes(3).toString("hex")}`;
    const rows: ApiToken[] = await this.ds.query(
      `INSERT INTO api_tokens (name, token_hash, prefix, role, rep_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [name, hashToken(token), token.slice(0, 8), input.role, repId],
    );
    if (rows.length === 0) throw new TokenNameTakenError(name);
    const apiToken = await this.repo.findOneByOrFail({ id: rows[0].id });
    return { token, apiToken };
  }

  async list(): Promise<ApiToken[]> {
    return this.repo.find({ order: { createdAt: "ASC", name: "ASC" } });
  }

  async count(): Promise<number> {
    return this.repo.count();
  }

  /** Revokes by id or name; revoking twice keeps the first revocation time. */
  async revoke(idOrName: string): Promise<ApiToken> {
    const token = await this.repo.findOne({
      where: isUuid(idOrName) ? [{ id: idOrName }, { name: idOrName }] : [{ name: idOrName }],
    });
    if (!token) throw new TokenNotFoundError(idOrName);
    if (!token.revokedAt) {
      await this.repo.update({ id: token.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
    return this.repo.findOneByOrFail({ id: token.id });
  }

  /** Resolves a bearer token to a viewer, or null when unknown or revoked. */
  async authenticate(token: string): Promise<Viewer | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const rows: { id: string; name: string; role: TokenRole; rep_id: string | null; last_used_at: Date | null }[] =
      await this.ds.query(
        `SELECT id, name, role, rep_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
        [hashToken(token)],
      );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_GRANULARITY_MS) {
      await this.ds.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.id]);
    }
    let visibleRepIds: string[] | null = null;
    if (row.role === TokenRole.REP) visibleRepIds = row.rep_id ? [row.rep_id] : [];
    if (row.role === TokenRole.MANAGER) {
      const reports: { id: string }[] = row.rep_id
        ? await this.ds.query(`SELECT id FROM reps WHERE manager_id = $1`, [row.rep_id])
        : [];
      visibleRepIds = [...(row.rep_id ? [row.rep_id] : []), ...reports.map((r) => r.id)];
    }
    return { tokenId: row.id, tokenName: row.name, role: row.role, repId: row.rep_id, visibleRepIds };
  }

  /**
   * On a database without tokens, creates the first ADMIN token and writes it to
   * `<dataDir>/admin-token` (mode 0600). Returns the token when this call created it, else null.
   * Safe when several processes start at once: the unique name lets only one win.
   */
  async ensureAdminToken(dataDir: string): Promise<string | null> {
    if ((await this.count()) > 0) return null;
    try {
      const { token } = await this.create({ role: TokenRole.ADMIN, name: "admin" });
      fs.mkdirSync(dataDir, { recursive: true });
      const file = adminTokenPath(dataDir);
      fs.writeFileSync(file, token + "\n", { mode: 0o600 });
      fs.chmodSync(file, 0o600);
      return token;
    } catch (err) {
      if (err instanceof TokenNameTakenError) return null;
      throw err;
    }
  }
}

export { adminTokenPath, readAdminToken } from "./admin-token-file";
