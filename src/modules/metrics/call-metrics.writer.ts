/**
 * Computes a call's interaction metrics (src/analysis/metrics.ts) and stores them in `call_metrics`
 * — one row per participant and one per side — replacing earlier rows. Called inside the import
 * transaction, so files, `importCall` and Gong ingestion share it.
 */
import type { EntityManager } from "typeorm";
import { computeCallMetrics, type MetricValues } from "../../analysis/metrics";

export interface StoredSegment {
  speakerId: string | null;
  startMs: number;
  endMs: number;
  text: string;
}

const COLUMNS = [
  "call_id", "participant_id", "side", "talk_ms", "talk_ratio", "longest_monologue_ms", "question_count", "question_rate",
  "word_count", "words_per_minute", "filler_words", "interruptions", "interactivity", "patience_ms", "segment_count", "extra",
];

export async function writeCallMetrics(
  tx: EntityManager,
  callId: string,
  segments: StoredSegment[],
  durationMs: number,
  gongInteraction: unknown,
): Promise<void> {
  const participants: { id: string; speaker_id: string | null; side: "INTERNAL" | "EXTERNAL" | "UNKNOWN" }[] = await tx.query(
    `SELECT id, speaker_id, side FROM call_participants WHERE call_id = $1`,
    [callId],
  );
  const bySpeaker = new Map(participants.filter((p) => p.speaker_id).map((p) => [p.speaker_id!, p.id]));
  const result = computeCallMetrics(
    participants.map((p) => ({ key: p.id, side: p.side })),
    segments.map((s) => ({ speaker: s.speakerId ? (bySpeaker.get(s.speakerId) ?? null) : null, startMs: s.startMs, endMs: s.endMs, text: s.text })),
    durationMs,
  );
  const rows: unknown[][] = [];
  const row = (participantId: string | null, side: string, v: MetricValues, extra: Record<string, unknown> = {}) =>
    rows.push([
      callId, participantId, side, v.talkMs, v.talkRatio, v.longestMonologueMs, v.questionCount, v.questionRate,
      v.wordCount, v.wordsPerMinute, v.fillerWords, v.interruptions, v.interactivity, v.patienceMs, v.segmentCount, JSON.stringify(extra),
    ]);
  for (const p of participants) row(p.id, p.side, result.participants.get(p.id)!);
  const gongStats = (gongInteraction as { interactionStats?: unknown } | null | undefined)?.interactionStats;
  row(null, "INTERNAL", result.sides.INTERNAL, gongStats ? { gongInteractionStats: gongStats } : {});
  row(null, "EXTERNAL", result.sides.EXTERNAL);

  await tx.query(`DELETE FROM call_metrics WHERE call_id = $1`, [callId]);
  const values: unknown[] = [];
  const tuples = rows.map((r) => {
    const base = values.length;
    values.push(...r);
    return `(${r.map((_, i) => `$${base + i + 1}`).join(", ")})`;
  });
  await tx.query(`INSERT INTO call_metrics (${COLUMNS.join(", ")}) VALUES ${tuples.join(", ")}`, values);
}
