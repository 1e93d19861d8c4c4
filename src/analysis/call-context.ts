/**
 * Loads what the engines need about a call — transcript lines with speakers and sides, interaction
 * metrics, and who can be scored — and reads the product knowledge that goes into the prompt.
 */
import fs from "node:fs";
import path from "node:path";
import type { EntityManager } from "typeorm";
import { computeCallMetrics } from "./metrics";
import type { AnalysisSubject, CallForAnalysis, ScoredRole, TranscriptLine, TranscriptSide } from "./types";

interface ParticipantRow {
  id: string;
  party_key: string;
  speaker_id: string | null;
  name: string;
  side: TranscriptSide;
  rep_id: string | null;
  rep_role: string | null;
  rep_email: string | null;
}

export interface LoadedCall {
  call: CallForAnalysis;
  participants: ParticipantRow[];
}

export async function loadCallForAnalysis(em: EntityManager, callId: string): Promise<LoadedCall | null> {
  const calls: { id: string; title: string; call_type: string; product: string; started_at: Date | null; duration_s: number }[] =
    await em.query(`SELECT id, title, call_type, product, started_at, duration_s FROM calls WHERE id = $1`, [callId]);
  if (calls.length === 0) return null;
  const c = calls[0];
  const participants: ParticipantRow[] = await em.query(
    `SELECT p.id, p.party_key, p.speaker_id, p.name, p.side, p.rep_id, r.role AS rep_role, r.email AS rep_email
       FROM call_participants p LEFT JOIN reps r ON r.id = p.rep_id
      WHERE p.call_id = $1 ORDER BY p.id`,
    [callId],
  );
  const segments: { seq: number; speaker_id: string | null; speaker_name: string | null; start_ms: number; end_ms: number; text: string }[] =
    await em.query(`SELECT seq, speaker_id, speaker_name, start_ms, end_ms, text FROM transcript_segments WHERE call_id = $1 ORDER BY seq`, [callId]);
  const bySpeaker = new Map(participants.filter((p) => p.speaker_id).map((p) => [p.speaker_id!, p]));
  const lines: TranscriptLine[] = segments.map((s, i) => {
    const p = s.speaker_id ? bySpeaker.get(s.speaker_id) : undefined;
    return {
      seq: i,
      participantId: p?.id ?? null,
      speakerName: p?.name ?? s.speaker_name ?? "Unknown speaker",
      side: p?.side ?? "UNKNOWN",
      startMs: s.start_ms,
      endMs: s.end_ms,
      text: s.text,
    };
  });
  const durationMs = Math.max(c.duration_s * 1000, lines.reduce((m, l) => Math.max(m, l.endMs), 0));
  const metrics = computeCallMetrics(
    participants.map((p) => ({ key: p.id, side: p.side })),
    lines.map((l) => ({ speaker: l.participantId, startMs: l.startMs, endMs: l.endMs, text: l.text })),
    durationMs,
  );
  return {
    call: {
      callId: c.id,
      title: c.title,
      callType: c.call_type.toLowerCase(),
      product: c.product.toLowerCase(),
      startedAt: c.started_at,
      durationMs,
      lines,
      metrics,
    },
    participants,
  };
}

const SCORED_ROLES = new Set(["AE", "SE", "CSM"]);

/**
 * Who is scored: every internal participant who spoke. The rep's role picks the rubric; an unknown
 * role (OTHER, or no rep record) gets `assumedRole`'s rubric and is flagged.
 */
export function scoredSubjects(loaded: LoadedCall, assumedRole: ScoredRole): (AnalysisSubject & { partyKey: string; repEmail: string | null })[] {
  const spoke = new Set(loaded.call.lines.map((l) => l.participantId).filter(Boolean));
  return loaded.participants
    .filter((p) => p.side === "INTERNAL" && spoke.has(p.id))
    .map((p) => {
      const known = p.rep_role && SCORED_ROLES.has(p.rep_role);
      return {
        participantId: p.id,
        partyKey: p.party_key,
        repId: p.rep_id,
        repEmail: p.rep_email,
        name: p.name,
        role: (known ? p.rep_role : assumedRole) as ScoredRole,
        roleAssumed: !known,
      };
    });
}

const PRODUCT_FILES: Record<string, string[]> = {
  prefect: ["prefect.md", "competitive.md"],
  horizon: ["horizon.md", "prefect.md", "competitive.md"],
};

/** Product notes for the call's product (both products when unknown), read from `knowledge/products/`. */
export function productKnowledge(knowledgeDir: string, product: string): string {
  const files = PRODUCT_FILES[product] ?? ["prefect.md", "horizon.md", "competitive.md"];
  return files
    .map((f) => path.join(knowledgeDir, "products", f))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, "utf8").trim())
    .join("\n\n");
}
