/**
 * Bench data: calls imported through the real import service (reps, participants, segments), then
 * 1–2 completed analyses per call with 5 dimension results each, inserted directly with SQL so
 * every relation the benchmark query reads has rows.
 */
import type { App } from "./src-imports";
import { benchCall, repPool } from "./fixtures";

export const DIMENSIONS = ["discovery", "qualification", "value", "objection_handling", "next_steps"];

export interface SeedOptions {
  calls: number;
  repsPerCall: number;
  customersPerCall: number;
  sentencesPerCall: number;
  /** Size of the pool internal reps are drawn from. */
  repPoolSize: number;
  progress: (line: string) => void;
}

export interface SeedSummary {
  calls: number;
  reps: number;
  participants: number;
  segments: number;
  analyses: number;
  dimensionResults: number;
}

export async function seed(app: App, opts: SeedOptions): Promise<SeedSummary> {
  const pool = repPool(opts.repPoolSize);
  opts.progress(`importing ${opts.calls} calls (${opts.repsPerCall} reps + ${opts.customersPerCall} customers, ${opts.sentencesPerCall} sentences each)…`);
  for (let n = 1; n <= opts.calls; n++) {
    const reps = Array.from({ length: opts.repsPerCall }, (_, j) => pool[(n * opts.repsPerCall + j) % pool.length]);
    const payload = benchCall(n, reps, { customers: opts.customersPerCall, sentences: opts.sentencesPerCall });
    const imp = app.services.callImport.fromJson(payload.call, payload.transcript);
    await app.services.callImport.importCall(imp);
    if (n % 25 === 0 && n < opts.calls) opts.progress(`  ${n}/${opts.calls} calls imported`);
  }

  opts.progress("inserting analyses (1–2 per call) and 5 dimension results each…");
  const ds = app.db.dataSource;
  // The first internal participant of every call gets an analysis; the second one too on every
  // other call (by Gong id, i.e. by start time), so calls have one or two and any page of
  // consecutive calls has ~1.5 per call.
  await ds.query(
    `INSERT INTO analyses (call_id, participant_id, rep_id, status, engine, rubric_role, cache_key, overall_score, completed_at)
     SELECT p.call_id, p.id, p.rep_id, 'COMPLETED', 'CLAUDE', 'AE', 'bench:' || p.id, 40 + (abs(hashtext(p.id::text)) % 60), now()
       FROM (SELECT cp.id, cp.call_id, cp.rep_id,
                    row_number() OVER (PARTITION BY cp.call_id ORDER BY cp.party_key) AS rn,
                    dense_rank() OVER (ORDER BY c.gong_id) AS call_no
               FROM call_participants cp JOIN calls c ON c.id = cp.call_id
              WHERE cp.side = 'INTERNAL') p
      WHERE p.rn = 1 OR (p.rn = 2 AND p.call_no % 2 = 0)`,
  );
  await ds.query(
    `INSERT INTO dimension_results (analysis_id, dimension, score)
     SELECT a.id, d.dimension, abs(hashtext(a.id::text || d.dimension)) % 101
       FROM analyses a CROSS JOIN unnest($1::text[]) AS d(dimension)`,
    [DIMENSIONS],
  );

  const [counts]: Record<keyof SeedSummary, string>[] = await ds.query(
    `SELECT (SELECT count(*) FROM calls) AS calls,
            (SELECT count(*) FROM reps) AS reps,
            (SELECT count(*) FROM call_participants) AS participants,
            (SELECT count(*) FROM transcript_segments) AS segments,
            (SELECT count(*) FROM analyses) AS analyses,
            (SELECT count(*) FROM dimension_results) AS "dimensionResults"`,
  );
  const summary = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as unknown as SeedSummary;
  opts.progress(
    `data ready: ${summary.calls} calls, ${summary.reps} reps, ${summary.participants} participants, ${summary.segments} segments, ` +
      `${summary.analyses} analyses, ${summary.dimensionResults} dimension results`,
  );
  return summary;
}
