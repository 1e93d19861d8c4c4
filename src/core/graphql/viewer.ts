/**
 * Who is asking, and what they may see (DESIGN §3, Authorization). REP: their own calls and
 * insights. MANAGER: theirs and their direct reports'. ADMIN: everything. Out-of-scope reads
 * answer NOT_FOUND so existence is not leaked; admin-only mutations answer FORBIDDEN.
 */
import { ForbiddenError } from "../errors";
import { TokenRole } from "../../modules/tokens/api-token.entity";

export interface Viewer {
  tokenId: string;
  tokenName: string;
  role: TokenRole;
  /** The rep the token belongs to (null for ADMIN tokens not tied to a person). */
  repId: string | null;
  /** Reps whose calls and insights this viewer may read; null = everyone (ADMIN). */
  visibleRepIds: string[] | null;
}

export function canSeeRep(viewer: Viewer, repId: string | null | undefined): boolean {
  if (viewer.visibleRepIds === null) return true;
  return !!repId && viewer.visibleRepIds.includes(repId);
}

export function requireAdmin(viewer: Viewer, action: string): void {
  if (viewer.role !== TokenRole.ADMIN) {
    throw new ForbiddenError("ADMIN_ONLY", `Only an ADMIN token may ${action}.`);
  }
}
