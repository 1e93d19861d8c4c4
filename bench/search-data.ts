/**
 * Data for the search benchmark: N calls from the Gong simulator's call generator (realistic
 * transcripts — on average ~420 sentences, i.e. a 45-minute call — with participants and Gong
 * trackers), bulk-inserted with SQL (`INSERT … SELECT FROM unnest(…)`, 100 calls a statement) instead
 * of the import path, spread over the year before the simulator's reference date (2026-11-20). The
 * migration's trigger fills every segment's search_vector as on import. Then one COMPLETED analysis
 * per rep on each call (overall 40–99, five dimension results 0–100) and, on about a third of them,
 * one objection, all derived from hashes of the ids (deterministic), and ANALYZE.
 */
import crypto from "node:crypto";
import type { DataSource } from "typeorm";
import {
  CallGenerator, Prng, buildUsers, classifyCallType, classifyProduct, gongContentHints, userEmail, userName, type SimUser,
} from "./src-imports";

export const SEARCH_DIMENSIONS = ["discovery", "qualification", "value_articulation", "objection_handling", "next_steps"];
const BATCH = 100;
const WEEK_MS = 7 * 86_400_000;
const ROLE: Record<string, string> = { AE: "AE", SE: "SE", CSM: "CSM" };

export interface SearchSeedSummary {
  calls: number;
  segments: number;
  participants: number;
  analyses: number;
  objections: number;
  /** On-disk size of transcript_segments with its indexes and TOAST, in MiB. */
  segmentsMiB: number;
  seconds: number;
}

interface Party {
  id?: string;
  emailAddress?: string;
  name?: string;
  title?: string;
  userId?: string;
  speakerId?: string;
  affiliation?: string;
}

/** Inserts the simulator's users as reps (managers linked); returns Gong user id → rep id. */
async function insertReps(ds: DataSource, users: SimUser[]): Promise<Map<string, string>> {
  const people = users.filter((u) => !u.avatar);
  const ids = new Map(people.map((u) => [u.id, crypto.randomUUID()]));
  await ds.query(
    `INSERT INTO reps (id, gong_user_id, email, name, title, role)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [people.map((u) => ids.get(u.id)), people.map((u) => u.id), people.map(userEmail), people.map(userName), people.map((u) => u.title), people.map((u) => ROLE[u.role] ?? "OTHER")],
  );
  for (const u of people) {
    if (u.managerId && ids.has(u.managerId)) await ds.query(`UPDATE reps SET manager_id = $1 WHERE id = $2`, [ids.get(u.managerId), ids.get(u.id)]);
  }
  return ids;
}

export async function seedSearchData(
  ds: DataSource,
  calls: number,
  progress: (line: string) => void,
): Promise<{ summary: SearchSeedSummary; users: SimUser[] }> {
  const t0 = Date.now();
  const users = buildUsers(new Prng(7, "users"));
  const repIds = await insertReps(ds, users);
  const generator = new CallGenerator(users, new Set(users.flatMap((u) => [u.id, u.speakerId])));
  for (let start = 0; start < calls; start += BATCH) {
    const c: unknown[][] = Array.from({ length: 15 }, () => []);
    const p: unknown[][] = Array.from({ length: 8 }, () => []);
    const s: unknown[][] = Array.from({ length: 8 }, () => []);
    for (let i = start; i < Math.min(calls, start + BATCH); i++) {
      const sim = generator.generate(new Prng(7, `call:${i}`));
      const meta = sim.call.metaData as Record<string, any>;
      const parties = (sim.call.parties as Party[] | undefined) ?? [];
      const callId = crypto.randomUUID();
      const sentences = (sim.transcript?.transcript ?? []).flatMap((m) =>
        m.sentences.map((x) => ({ speakerId: m.speakerId, topic: m.topic, ...x })),
      );
      const text = sentences.map((x) => x.text).join("\n");
      const host = parties.find((x) => x.userId && x.userId === meta.primaryUserId);
      // A year of calls: the generator's 8 weeks, shifted back by up to 51 weeks.
      const startedAt = new Date(Date.parse(meta.started) - (i % 52) * WEEK_MS);
      const row = [
        callId, String(meta.id), meta.title, startedAt, Math.round(meta.duration),
        classifyCallType(meta.title, gongContentHints(sim.call.content)), classifyProduct(meta.title, text),
        host?.userId ? (repIds.get(host.userId) ?? null) : null, crypto.randomUUID(), JSON.stringify(sim.call),
        meta.direction ?? null, meta.scope ?? null, meta.language ?? null, meta.url ?? null, new Date(),
      ];
      row.forEach((v, k) => c[k].push(v));
      const names = new Map(parties.map((x) => [x.speakerId, x.name ?? null]));
      for (const x of parties) {
        const prow = [
          callId, x.id ?? x.speakerId ?? x.name, x.speakerId ?? null, x.name ?? "Unknown", x.emailAddress?.toLowerCase() ?? null,
          x.title ?? null, x.affiliation === "Internal" ? "INTERNAL" : x.affiliation === "External" ? "EXTERNAL" : "UNKNOWN",
          x.userId ? (repIds.get(x.userId) ?? null) : null,
        ];
        prow.forEach((v, k) => p[k].push(v));
      }
      sentences
        .sort((a, b) => a.start - b.start)
        .forEach((x, seq) => {
          const srow = [callId, seq, x.speakerId ?? null, x.speakerId ? (names.get(x.speakerId) ?? null) : null, x.start, x.end, x.text, x.topic ?? null];
          srow.forEach((v, k) => s[k].push(v));
        });
    }
    await ds.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO calls (id, gong_id, title, started_at, duration_s, call_type, product, primary_rep_id, transcript_hash, raw,
                            direction, scope, language, url, ingested_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::text[], $7::text[], $8::uuid[],
                              $9::text[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[])`,
        c,
      );
      await tx.query(
        `INSERT INTO call_participants (call_id, party_key, speaker_id, name, email, title, side, rep_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[])`,
        p,
      );
      await tx.query(
        `INSERT INTO transcript_segments (call_id, seq, speaker_id, speaker_name, start_ms, end_ms, text, topic)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[])`,
        s,
      );
    });
    const done = Math.min(calls, start + BATCH);
    if (done % 1000 === 0 || done === calls) progress(`search: ${done}/${calls} calls inserted (${Math.round((Date.now() - t0) / 1000)} s)`);
  }

  progress("search: analyses, dimension results and objections…");
  await ds.query(
    `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, overall_score, completed_at)
     SELECT p.call_id, p.id, p.rep_id, 'COMPLETED', 'CLAUDE', CASE WHEN r.role = 'OTHER' THEN 'AE' ELSE r.role END,
            'bench:' || p.id, 40 + abs(hashtext(p.id::text)) % 60, now()
       FROM call_participants p JOIN reps r ON r.id = p.rep_id`,
  );
  await ds.query(
    `INSERT INTO dimension_results (analysis_id, dimension, score)
     SELECT a.id, d.dimension, abs(hashtext(a.id::text || d.dimension)) % 101
       FROM analyses a CROSS JOIN unnest($1::text[]) AS d(dimension)`,
    [SEARCH_DIMENSIONS],
  );
  await ds.query(
    `INSERT INTO objections (analysis_id, seq, type, quote, resolved)
     SELECT a.id, 0,
            (ARRAY['PRICING','TIMING','COMPETITION','SECURITY','TECHNICAL_FIT','AUTHORITY','NEED','OTHER'])[1 + abs(hashtext(a.id::text || 't')) % 8],
            'quote', (ARRAY['YES','NO','UNCLEAR'])[1 + abs(hashtext(a.id::text || 'r')) % 3]
       FROM analyses a WHERE abs(hashtext(a.id::text || 'o')) % 3 = 0`,
  );
  progress("search: ANALYZE…");
  await ds.query("ANALYZE");
  const [n] = await ds.query(
    `SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM transcript_segments)::int AS segments,
            (SELECT count(*) FROM call_participants)::int AS participants, (SELECT count(*) FROM analyses)::int AS analyses,
            (SELECT count(*) FROM objections)::int AS objections,
            (pg_total_relation_size('transcript_segments') / 1048576.0)::float8 AS "segmentsMiB"`,
  );
  return { summary: { ...n, seconds: (Date.now() - t0) / 1000 }, users };
}
