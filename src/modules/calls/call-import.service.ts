/**
 * Imports one call (any import form, already turned into a Gong-shaped CallImport) in one
 * transaction: reps upserted by email, the call upserted by Gong id (or by transcript hash for
 * non-Gong files), participants upserted by party, segments replaced. Importing the same call
 * again updates it in place; an invalid call writes nothing.
 */
import crypto from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "../../core/logger";
import type { RepRoleName } from "../../core/config";
import { RepRole } from "../reps/rep.entity";
import { roleFromTitle } from "../reps/rep-role";
import { CallSource, CallType, Product, Side } from "./call.enums";
import { classifyCallType, classifyProduct, gongContentHints } from "./call-classifier";
import { writeCallMetrics } from "../metrics/call-metrics.writer";
import { InvalidCallError, InvalidTranscriptError } from "./call.errors";
import {
  describeZodError,
  gongCallTranscriptSchema,
  gongExtensiveCallSchema,
  type CallImport,
} from "./import/gong-shapes";
import { prepareParticipants, prepareSegments, type PreparedParticipant } from "./import/prepare-import";

export interface ImportOptions {
  internalDomains: string[];
  defaultRole: RepRoleName;
}

export interface ImportOverrides {
  callType?: CallType;
  product?: Product;
  isDemo?: boolean;
}

export interface ImportResult {
  callId: string;
  gongId: string | null;
  created: boolean;
  segments: number;
  participants: number;
}


const SEGMENT_BATCH = 500;

export class CallImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly opts: ImportOptions,
    private readonly logger: Logger,
  ) {}

  /** Validates raw JSON of the `importCall` mutation into a CallImport. */
  fromJson(call: unknown, transcript: unknown, repEmail?: string): CallImport {
    const c = gongExtensiveCallSchema.safeParse(call);
    if (!c.success) throw new InvalidCallError(`Invalid call object: ${describeZodError(c.error)}`);
    const t = gongCallTranscriptSchema.safeParse(transcript);
    if (!t.success) throw new InvalidTranscriptError(`Invalid transcript: ${describeZodError(t.error)}`);
    if (t.data.callId && c.data.metaData.id && t.data.callId !== c.data.metaData.id) {
      throw new InvalidTranscriptError(
        `The transcript is for call ${t.data.callId} but the call object is ${c.data.metaData.id}.`,
      );
    }
    return {
      call: c.data,
      transcript: t.data,
      source: c.data.metaData.id ? "GONG" : "VTT",
      origin: ["importCall"],
      repEmail: repEmail?.trim().toLowerCase(),
    };
  }

  async importCall(imp: CallImport, overrides: ImportOverrides = {}): Promise<ImportResult> {
    const participants = prepareParticipants(imp, this.opts.internalDomains);
    const bySpeaker = new Map(participants.filter((p) => p.speakerId).map((p) => [p.speakerId!, p]));
    const segments = prepareSegments(imp, bySpeaker);
    const meta = imp.call.metaData;
    const title = meta.title?.trim() || "Untitled call";
    const transcriptText = segments.map((s) => s.text).join("\n");
    const callType = overrides.callType ?? classifyCallType(title, gongContentHints(imp.call.content));
    const product = overrides.product ?? classifyProduct(title, transcriptText);
    const transcriptHash = crypto
      .createHash("sha256")
      .update(JSON.stringify(segments.map((s) => [s.speakerId, s.startMs, s.endMs, s.text])))
      .digest("hex");
    const source = overrides.isDemo ? CallSource.DEMO : imp.source === "VTT" ? CallSource.VTT : CallSource.GONG;

    return this.ds.transaction(async (tx) => {
      const repIds = await this.upsertReps(tx, participants);
      const primaryRepId = this.primaryRep(imp, participants, segments, repIds);
      const gongId = meta.id ?? null;
      const conflict = gongId ? `("gong_id") WHERE "gong_id" IS NOT NULL` : `("transcript_hash") WHERE "gong_id" IS NULL`;
      const [row]: { id: string; created: boolean }[] = await tx.query(
        `INSERT INTO calls (gong_id, title, started_at, duration_s, direction, scope, language, url, call_type, product,
                            source, is_demo, primary_rep_id, transcript_hash, raw, ingested_at,
                            call_type_overridden, product_overridden)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now(), $16, $17)
         ON CONFLICT ${conflict} DO UPDATE SET
           title = EXCLUDED.title, started_at = EXCLUDED.started_at, duration_s = EXCLUDED.duration_s,
           direction = EXCLUDED.direction, scope = EXCLUDED.scope, language = EXCLUDED.language, url = EXCLUDED.url,
           -- An admin's choice (given now, or earlier) wins over the classifier.
           call_type = CASE WHEN calls.call_type_overridden AND NOT EXCLUDED.call_type_overridden
                            THEN calls.call_type ELSE EXCLUDED.call_type END,
           product = CASE WHEN calls.product_overridden AND NOT EXCLUDED.product_overridden
                          THEN calls.product ELSE EXCLUDED.product END,
           call_type_overridden = calls.call_type_overridden OR EXCLUDED.call_type_overridden,
           product_overridden = calls.product_overridden OR EXCLUDED.product_overridden,
           source = EXCLUDED.source,
           is_demo = EXCLUDED.is_demo, primary_rep_id = EXCLUDED.primary_rep_id,
           transcript_hash = EXCLUDED.transcript_hash, raw = EXCLUDED.raw, ingested_at = now(), updated_at = now()
         RETURNING id, (xmax = 0) AS created`,
        [
          gongId,
          title,
          new Date(meta.started),
          Math.round(meta.duration),
          meta.direction ?? null,
          meta.scope ?? null,
          meta.language ?? null,
          meta.url ?? null,
          callType,
          product,
          source,
          overrides.isDemo ?? false,
          primaryRepId,
          transcriptHash,
          JSON.stringify(imp.call),
          overrides.callType !== undefined,
          overrides.product !== undefined,
        ],
      );
      const callId = row.id;
      await this.replaceParticipants(tx, callId, participants, repIds);
      await tx.query(`DELETE FROM transcript_segments WHERE call_id = $1`, [callId]);
      for (let i = 0; i < segments.length; i += SEGMENT_BATCH) {
        const batch = segments.slice(i, i + SEGMENT_BATCH);
        const values: unknown[] = [];
        const tuples = batch.map((s, j) => {
          const b = j * 8;
          values.push(callId, i + j, s.speakerId, s.speakerName, s.startMs, s.endMs, s.text, s.topic);
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
        });
        await tx.query(
          `INSERT INTO transcript_segments (call_id, seq, speaker_id, speaker_name, start_ms, end_ms, text, topic)
           VALUES ${tuples.join(", ")}`,
          values,
        );
      }
      await writeCallMetrics(tx, callId, segments, Math.round(meta.duration * 1000), imp.call.interaction);
      this.logger.debug({ callId, gongId, segments: segments.length }, "call imported");
      return {
        callId,
        gongId,
        created: row.created,
        segments: segments.length,
        participants: participants.length,
      };
    });
  }


  /**
   * Finds or creates the rep of every internal participant: by Gong user id first (emails can be
   * aliases), then by email. Returns party key → rep id.
   */
  private async upsertReps(tx: EntityManager, participants: PreparedParticipant[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const p of participants.filter((x) => x.side === Side.INTERNAL && (x.email || x.gongUserId))) {
      if (p.gongUserId) {
        const [known]: { id: string }[] = await tx.query(`SELECT id FROM reps WHERE gong_user_id = $1`, [p.gongUserId]);
        if (known) {
          result.set(p.partyKey, known.id);
          continue;
        }
      }
      if (!p.email) continue; // a Gong user we have not synced yet, without an email: no rep to link
      const role = roleFromTitle(p.title) ?? (this.opts.defaultRole as RepRole);
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO reps (email, name, title, role, gong_user_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO UPDATE SET
           name = EXCLUDED.name,
           title = COALESCE(EXCLUDED.title, reps.title),
           gong_user_id = COALESCE(reps.gong_user_id, EXCLUDED.gong_user_id),
           updated_at = now()
         RETURNING id`,
        [p.email, p.name, p.title, role, p.gongUserId],
      );
      result.set(p.partyKey, row.id);
    }
    return result;
  }

  private primaryRep(
    imp: CallImport,
    participants: PreparedParticipant[],
    segments: { speakerId: string | null; startMs: number; endMs: number }[],
    repIds: Map<string, string>,
  ): string | null {
    const hostUserId = imp.call.metaData.primaryUserId;
    const host = participants.find((p) => hostUserId && p.gongUserId === hostUserId && repIds.has(p.partyKey));
    if (host) return repIds.get(host.partyKey)!;
    const named = imp.repEmail ? participants.find((p) => p.email === imp.repEmail!.toLowerCase() && repIds.has(p.partyKey)) : undefined;
    if (named) return repIds.get(named.partyKey)!;
    // Otherwise the internal participant who talked most.
    const talk = new Map<string, number>();
    for (const s of segments) if (s.speakerId) talk.set(s.speakerId, (talk.get(s.speakerId) ?? 0) + s.endMs - s.startMs);
    const ranked = participants
      .filter((p) => repIds.has(p.partyKey))
      .sort((a, b) => (talk.get(b.speakerId ?? "") ?? 0) - (talk.get(a.speakerId ?? "") ?? 0));
    return ranked[0] ? repIds.get(ranked[0].partyKey)! : null;
  }

  private async replaceParticipants(
    tx: EntityManager,
    callId: string,
    participants: PreparedParticipant[],
    repIds: Map<string, string>,
  ): Promise<void> {
    for (const p of participants) {
      await tx.query(
        `INSERT INTO call_participants (call_id, party_key, speaker_id, name, email, title, side, rep_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (call_id, party_key) DO UPDATE SET
           speaker_id = EXCLUDED.speaker_id, name = EXCLUDED.name, email = EXCLUDED.email,
           title = EXCLUDED.title, side = EXCLUDED.side, rep_id = EXCLUDED.rep_id`,
        [callId, p.partyKey, p.speakerId, p.name, p.email, p.title, p.side, repIds.get(p.partyKey) ?? null],
      );
    }
    await tx.query(`DELETE FROM call_participants WHERE call_id = $1 AND NOT (party_key = ANY($2::text[]))`, [
      callId,
      participants.map((p) => p.partyKey),
    ]);
  }
}
