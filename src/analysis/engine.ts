/**
 * Runs one analysis (one participant of one call) end to end: reuse what the result cache has,
 * score the rest with Claude (or the heuristic engine when no API key is configured), ground every
 * quote, store each dimension as soon as it is done, then the overall score, cost and status —
 * publishing a progress event at every dimension state change and a final one.
 *
 * Safe to run twice (jobs are at-least-once): a finished analysis is left alone, and dimensions
 * already stored by an interrupted attempt are kept, not paid for again.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import type { EventBus, AnalysisProgressPayload } from "../core/pubsub";
import { Analysis } from "../modules/analyses/analysis.entity";
import { AnalysisEngine as EngineKind, AnalysisStatus } from "../modules/analyses/analysis.enums";
import type { RubricDimension } from "../modules/rubrics/rubric.entity";
import { loadCallForAnalysis, productKnowledge, scoredSubjects } from "./call-context";
import { contentHash, dimensionCacheKey, normalisedTranscriptHash, reviewCacheKey, type KeyInputs } from "./cache-key";
import { ClaudeEngine, REVIEW_TASK, type TaskOutcome } from "./claude";
import { buildGroundingIndex, findQuote, groundQuotes, type GroundingIndex } from "./grounding";
import { heuristicCallReview, heuristicDimension, HEURISTIC_VERSION } from "./heuristic";
import { costUsd, PRICE_TABLE_VERSION, ZERO_USAGE, type Usage } from "./prices";
import { planWindows, mergeWindowResults, type WindowPlan } from "./windows";
import type { PromptContext } from "./prompts";
import type { AnalysisSubject, CallForAnalysis, CallReviewAnswer, DimensionAnswer, DimensionSpec, ScoredRole } from "./types";

export function toDimensionSpec(d: RubricDimension): DimensionSpec {
  return {
    key: d.key,
    name: d.name,
    weight: d.weight,
    description: d.description ?? "",
    criteria: d.criteria,
    bands: d.bands,
    examples: d.examples ?? { excellent: [], poor: [] },
    version: d.version,
  };
}

export interface EngineDeps {
  ds: DataSource;
  config: Config;
  logger: Logger;
  events: EventBus;
  /** Present when ANTHROPIC_API_KEY is configured. */
  claude: ClaudeEngine | null;
}

type Review = CallReviewAnswer;

/** What scoring produced for the dimensions still to run and the review (null when reused). */
interface Scores {
  dimensions: Map<string, TaskOutcome<DimensionAnswer>>;
  review: TaskOutcome<Review> | null;
  usage: Usage;
  requests: number;
  windows: number;
  batch: boolean;
}

const EMPTY_SCORES: Scores = { dimensions: new Map(), review: null, usage: ZERO_USAGE, requests: 0, windows: 1, batch: false };

interface Prepared {
  a: Analysis;
  call: CallForAnalysis;
  subject: AnalysisSubject & { partyKey: string };
  all: DimensionSpec[];
  dims: DimensionSpec[];
  keys: KeyInputs & { knowledge: string };
  index: GroundingIndex;
  done: Map<string, { score: number | null; error: string | null }>;
  toRun: DimensionSpec[];
  review: Review | null;
  reviewKey: string;
  rubricName: string;
  rubricDescription: string;
  /** Dimensions stored during this run (as their answers arrived). */
  stored: Set<string>;
  droppedSoFar: number;
}

/** What the result-cache keys of one subject are made of. */
export function keyInputs(deps: EngineDeps, call: CallForAnalysis, subject: AnalysisSubject & { partyKey: string }): KeyInputs & { knowledge: string } {
  const knowledge = productKnowledge(deps.config.knowledgeDir, call.product);
  return {
    transcriptHash: normalisedTranscriptHash(call.lines),
    participantKey: `${subject.partyKey}|${subject.repId ?? ""}`,
    role: subject.role,
    engineId: engineId(deps),
    knowledgeHash: contentHash(knowledge),
    knowledge,
  };
}

export function engineId(deps: Pick<EngineDeps, "claude">): string {
  return deps.claude ? `CLAUDE:${deps.claude.model}` : `HEURISTIC:${HEURISTIC_VERSION}`;
}

export class AnalysisRunner {
  constructor(private readonly deps: EngineDeps) {}

  private async emit(a: Analysis, dimension: string | null, state: AnalysisProgressPayload["state"], extra: Partial<AnalysisProgressPayload> = {}) {
    await this.deps.events.publish("analysis.progress", {
      analysisId: a.id,
      callId: a.callId,
      repId: a.repId,
      dimension,
      state,
      score: null,
      overallScore: null,
      message: null,
      at: new Date().toISOString(),
      ...extra,
    });
  }

  /** Runs a queued (or interrupted) analysis interactively; returns it as stored. */
  async run(analysisId: string): Promise<Analysis> {
    const p = await this.prepare(analysisId);
    if (p instanceof Analysis) return p;
    if (!this.deps.claude) return this.complete(p, await this.scoreHeuristically(p));
    if (p.toRun.length === 0 && p.review) return this.complete(p, EMPTY_SCORES);
    // The review is not a dimension: its progress shows in the final event (dimension null is reserved for that).
    const result = await this.runClaude(p, async (key) => (key === REVIEW_TASK ? undefined : this.emit(p.a, key, "RUNNING")));
    return this.complete(p, { ...result, batch: false });
  }

  /**
   * Batch mode (half price, for backfills and weekly catch-up): reuses what the cache has, then
   * submits the rest as one Message Batch and returns its id — or finishes at once when nothing is
   * left to score. `collectBatch` completes the analysis once the batch has ended.
   */
  async submitBatch(analysisId: string): Promise<{ analysis: Analysis; batchId: string | null }> {
    const p = await this.prepare(analysisId);
    if (p instanceof Analysis) return { analysis: p, batchId: p.batchId };
    if (p.a.batchId) return { analysis: p.a, batchId: p.a.batchId }; // submitted by an earlier attempt of this job
    if (!this.deps.claude) return { analysis: await this.complete(p, await this.scoreHeuristically(p)), batchId: null };
    if (p.toRun.length === 0 && p.review) return { analysis: await this.complete(p, EMPTY_SCORES), batchId: null };
    const plan = await this.windowPlan(p);
    const requests = plan.flatMap((w) =>
      this.deps.claude!.batchRequests(this.promptContext(p, w, plan.length), p.toRun, !p.review, `w${w.window.index}`),
    );
    const batchId = await this.deps.claude.createBatch(requests);
    await this.deps.ds.getRepository(Analysis).update(p.a.id, { batchId, windows: plan.length });
    for (const d of p.toRun) await this.emit(p.a, d.key, "RUNNING", { message: `in batch ${batchId}` });
    this.deps.logger.info({ analysisId: p.a.id, batchId, requests: requests.length }, "analysis submitted as a message batch");
    return { analysis: { ...p.a, batchId } as Analysis, batchId };
  }

  /** Completes a batch-mode analysis from its ended batch (null while the batch is still running). */
  async collectBatch(analysisId: string): Promise<Analysis | null> {
    const p = await this.prepare(analysisId);
    if (p instanceof Analysis) return p;
    if (!p.a.batchId || !this.deps.claude) throw new Error(`analysis ${analysisId} has no message batch`);
    const entries = await this.deps.claude.batchResults(p.a.batchId);
    if (!entries) return null;
    const plan = await this.windowPlan(p);
    const runs = plan.map((w) => this.deps.claude!.readBatchRun(entries, `w${w.window.index}`, p.toRun, !p.review));
    const merged = mergeWindowResults(plan, runs, p.subject.participantId);
    return this.complete(p, { ...merged, windows: plan.length, requests: runs.reduce((n, r) => n + r.requests, 0), batch: true });
  }

  /** Loads the analysis and its inputs, marks it RUNNING, and takes what the result cache has. */
  private async prepare(analysisId: string): Promise<Prepared | Analysis> {
    const { ds } = this.deps;
    const repo = ds.getRepository(Analysis);
    const a = await repo.findOneByOrFail({ id: analysisId });
    if ([AnalysisStatus.COMPLETED, AnalysisStatus.PARTIAL, AnalysisStatus.FAILED].includes(a.status) || a.supersededById) return a;

    const loaded = await loadCallForAnalysis(ds.manager, a.callId);
    const subject = loaded && scoredSubjects(loaded, this.deps.config.analysis.assumedRole).find((s) => s.participantId === a.participantId);
    const rubric: { name: string; description: string | null; dimensions: RubricDimension[] }[] = await ds.query(
      `SELECT name, description, dimensions FROM rubrics WHERE role = $1`,
      [a.rubricRole],
    );
    if (!loaded || !subject || rubric.length === 0) {
      const why = !loaded ? "the call no longer exists" : !subject ? "the participant no longer speaks on this call" : `no rubric for role ${a.rubricRole}`;
      return this.finish(a, AnalysisStatus.FAILED, { error: why });
    }
    subject.role = a.rubricRole as ScoredRole;
    const call = loaded.call;
    const all = rubric[0].dimensions.map(toDimensionSpec);
    const dims = a.requestedDimensions ? all.filter((d) => a.requestedDimensions!.includes(d.key)) : all;
    const keys = keyInputs(this.deps, call, subject);
    const index = buildGroundingIndex(call.lines);

    if (a.status !== AnalysisStatus.RUNNING) {
      await repo.update(a.id, { status: AnalysisStatus.RUNNING, startedAt: new Date() });
      a.status = AnalysisStatus.RUNNING;
    }

    // What is already stored for this analysis (an interrupted attempt) or reusable from the cache.
    const done = new Map<string, { score: number | null; error: string | null }>();
    const stored: { dimension: string; score: number | null; error: string | null }[] = await ds.query(
      `SELECT dimension, score, error FROM dimension_results WHERE analysis_id = $1`,
      [a.id],
    );
    for (const r of stored) if (r.score !== null) done.set(r.dimension, r);
    const toRun: DimensionSpec[] = [];
    for (const d of dims) {
      if (done.has(d.key)) continue;
      const key = dimensionCacheKey(keys, d.key, d.version);
      const reused = a.forced ? null : await this.reuseDimension(a.id, key);
      if (reused) {
        done.set(d.key, { score: reused.score, error: null });
        await this.emit(a, d.key, "CACHED", { score: reused.score });
      } else {
        toRun.push(d);
        if (!a.batchId) await this.emit(a, d.key, "QUEUED");
      }
    }
    const reviewKey = reviewCacheKey(keys);
    const review: Review | null = a.summary ? ({} as Review) : a.forced ? null : await this.reuseReview(a, reviewKey);
    return {
      a, call, subject, all, dims, keys, index, done, toRun, review, reviewKey,
      rubricName: rubric[0].name, rubricDescription: rubric[0].description ?? "",
      stored: new Set(), droppedSoFar: 0,
    };
  }

  private async scoreHeuristically(p: Prepared): Promise<Scores> {
    const dimensions = new Map<string, TaskOutcome<DimensionAnswer>>();
    for (const d of p.toRun) {
      await this.emit(p.a, d.key, "RUNNING");
      dimensions.set(d.key, { ok: true, value: heuristicDimension(d, p.call, p.subject), usage: ZERO_USAGE, attempts: 1 });
    }
    let review: TaskOutcome<Review> | null = null;
    if (!p.review) {
      const scored = p.dims
        .map((d) => ({ key: d.key, name: d.name, score: dimensions.get(d.key)?.ok ? (dimensions.get(d.key) as { value: DimensionAnswer }).value.score : p.done.get(d.key)?.score ?? null }))
        .filter((d): d is { key: string; name: string; score: number } => d.score !== null);
      review = { ok: true, value: heuristicCallReview(p.call, p.subject, scored), usage: ZERO_USAGE, attempts: 1 };
    }
    return { dimensions, review, usage: ZERO_USAGE, requests: 0, windows: 1, batch: false };
  }

  /** Grounds and stores one dimension's outcome, and emits its event; returns the quotes dropped. */
  private async storeDimension(p: Prepared, d: DimensionSpec, outcome: TaskOutcome<DimensionAnswer>): Promise<number> {
    const { a, done, keys, index } = p;
    const key = dimensionCacheKey(keys, d.key, d.version);
    p.stored.add(d.key);
    if (!outcome.ok) {
      await this.saveFailedDimension(a.id, d, key, outcome.reason);
      done.set(d.key, { score: null, error: outcome.reason });
      await this.emit(a, d.key, "FAILED", { message: outcome.reason });
      return 0;
    }
    const g = groundQuotes(index, outcome.value.evidence);
    await this.saveDimension(a.id, d, key, outcome.value, g.kept, g.dropped);
    done.set(d.key, { score: outcome.value.score, error: null });
    await this.emit(a, d.key, "COMPLETED", { score: outcome.value.score, message: g.kept.length ? null : "no verified evidence: low confidence" });
    return g.dropped;
  }

  /** Stores the dimensions not stored yet and the review (grounded), then the totals, status and cost. */
  private async complete(p: Prepared, scores: Scores): Promise<Analysis> {
    const { ds, logger } = this.deps;
    const { a, dims, done, index } = p;
    let dropped = p.droppedSoFar;
    for (const d of p.toRun) {
      if (p.stored.has(d.key)) continue;
      const n = await this.storeDimension(p, d, scores.dimensions.get(d.key) ?? { ok: false, reason: "no result", usage: ZERO_USAGE, attempts: 0 });
      dropped += n;
    }
    let reviewError: string | null = null;
    let verifiedObjections = 0;
    if (scores.review?.ok && !a.summary) {
      const r = await this.saveReview(a, scores.review.value, p.reviewKey, index);
      dropped += r.dropped;
      verifiedObjections = r.kept;
    } else if (scores.review && !scores.review.ok) reviewError = scores.review.reason;

    const evidence: { n: string }[] = await ds.query(
      `SELECT coalesce(sum(jsonb_array_length(evidence)), 0)::int AS n FROM dimension_results WHERE analysis_id = $1`,
      [a.id],
    );
    const scored = dims.map((d) => ({ w: d.weight, s: done.get(d.key)?.score ?? null })).filter((x): x is { w: number; s: number } => x.s !== null);
    const weight = scored.reduce((n, x) => n + x.w, 0);
    const overall = weight > 0 ? Math.round((scored.reduce((n, x) => n + x.w * x.s, 0) / weight) * 10) / 10 : null;
    const failed = dims.filter((d) => done.get(d.key)?.score == null);
    const status =
      scored.length === 0 ? AnalysisStatus.FAILED : failed.length > 0 || reviewError ? AnalysisStatus.PARTIAL : AnalysisStatus.COMPLETED;
    const errors = [
      ...failed.map((d) => `${d.key}: ${done.get(d.key)?.error ?? "not scored"}`),
      ...(reviewError ? [`call review: ${reviewError}`] : []),
    ];
    const model = this.deps.claude?.model ?? null;
    const u = scores.usage;
    const finished = await this.finish(a, status, {
      overallScore: overall,
      error: errors.length ? errors.join("; ") : null,
      tokensInput: a.tokensInput + u.input,
      tokensOutput: a.tokensOutput + u.output,
      tokensCacheWrite: a.tokensCacheWrite + u.cacheWrite5m + u.cacheWrite1h,
      tokensCacheRead: a.tokensCacheRead + u.cacheRead,
      costUsd: Number(a.costUsd) + (model ? costUsd(model, u, { batch: scores.batch }) : 0),
      priceVersion: model ? PRICE_TABLE_VERSION : null,
      apiRequests: a.apiRequests + scores.requests,
      windows: scores.windows,
      quotesVerified: Number(evidence[0]?.n ?? 0) + verifiedObjections,
      quotesDropped: a.quotesDropped + dropped,
    });
    logger.info(
      { analysisId: a.id, callId: a.callId, status, overallScore: overall, requests: scores.requests, dropped, costUsd: finished.costUsd, batch: scores.batch },
      "analysis finished",
    );
    return finished;
  }

  private async finish(a: Analysis, status: AnalysisStatus, patch: Partial<Analysis>): Promise<Analysis> {
    const repo = this.deps.ds.getRepository(Analysis);
    await repo.update(a.id, { ...patch, status, completedAt: new Date() } as Parameters<typeof repo.update>[1]);
    const stored = await repo.findOneByOrFail({ id: a.id });
    await this.emit(stored, null, status === AnalysisStatus.FAILED ? "FAILED" : "COMPLETED", {
      overallScore: stored.overallScore,
      message: status === AnalysisStatus.COMPLETED ? null : `${status}: ${stored.error ?? ""}`.trim(),
    });
    return stored;
  }

  private promptContext(p: Prepared, w: WindowPlan, count: number): PromptContext {
    return {
      call: p.call,
      subject: p.subject,
      rubricName: p.rubricName,
      rubricDescription: p.rubricDescription,
      dimensions: p.all,
      productKnowledge: p.keys.knowledge,
      lines: w.lines,
      window: count > 1 ? w.window : undefined,
    };
  }

  private windowPlan(p: Prepared): Promise<WindowPlan[]> {
    const base = { call: p.call, subject: p.subject, rubricName: p.rubricName, rubricDescription: p.rubricDescription, dimensions: p.all, productKnowledge: p.keys.knowledge };
    return planWindows(this.deps.claude!, base, this.deps.config.analysis.contextBudgetTokens);
  }

  private async runClaude(p: Prepared, onStart: (task: string) => Promise<void>): Promise<Omit<Scores, "batch">> {
    const claude = this.deps.claude!;
    const plan = await this.windowPlan(p);
    const byKey = new Map(p.toRun.map((d) => [d.key, d]));
    // With one window a dimension's answer is final: store it at once, so an interrupted job keeps
    // what it paid for. Window answers are stored after the merge.
    const onDone =
      plan.length === 1
        ? async (task: string, outcome: TaskOutcome<unknown>) => {
            const d = byKey.get(task);
            if (!d) return;
            // Not `+= await …`: that reads the counter before the await and loses concurrent updates.
            const dropped = await this.storeDimension(p, d, outcome as TaskOutcome<DimensionAnswer>);
            p.droppedSoFar += dropped;
          }
        : undefined;
    const runs = [];
    for (const w of plan) {
      // Windows run one after another: each has its own cached prefix, and its tasks run in parallel.
      runs.push(await claude.run(this.promptContext(p, w, plan.length), p.toRun, !p.review, { onStart: (t) => void onStart(t), onDone }));
    }
    const merged = mergeWindowResults(plan, runs, p.subject.participantId);
    return { ...merged, windows: plan.length, requests: runs.reduce((n, r) => n + r.requests, 0) };
  }

  private async reuseDimension(analysisId: string, key: string): Promise<{ score: number } | null> {
    const rows: { id: string; score: number }[] = await this.deps.ds.query(
      `INSERT INTO dimension_results (analysis_id, dimension, dimension_version, score, rationale, low_confidence, strengths, improvements, evidence, cache_key, reused, quotes_dropped)
       SELECT $1, dimension, dimension_version, score, rationale, low_confidence, strengths, improvements, evidence, cache_key, true, quotes_dropped
         FROM dimension_results WHERE cache_key = $2 AND score IS NOT NULL AND analysis_id <> $1
        ORDER BY reused ASC LIMIT 1
       ON CONFLICT (analysis_id, dimension) DO NOTHING
       RETURNING id, score`,
      [analysisId, key],
    );
    return rows[0] ?? null;
  }

  private async reuseReview(a: Analysis, key: string): Promise<Review | null> {
    const rows: { id: string; summary: string; key_moments: Review["keyMoments"]; actions: Review["actions"] }[] = await this.deps.ds.query(
      `SELECT id, summary, key_moments, actions FROM analyses WHERE review_cache_key = $1 AND summary IS NOT NULL AND id <> $2 ORDER BY created_at DESC LIMIT 1`,
      [key, a.id],
    );
    if (rows.length === 0) return null;
    const src = rows[0];
    await this.deps.ds.transaction(async (tx: EntityManager) => {
      await tx.query(`UPDATE analyses SET summary = $2, key_moments = $3, actions = $4, review_cache_key = $5 WHERE id = $1`, [
        a.id, src.summary, JSON.stringify(src.key_moments), JSON.stringify(src.actions), key,
      ]);
      await tx.query(`DELETE FROM objections WHERE analysis_id = $1`, [a.id]);
      await tx.query(
        `INSERT INTO objections (analysis_id, seq, type, quote, start_ms, response, resolved)
         SELECT $1, seq, type, quote, start_ms, response, resolved FROM objections WHERE analysis_id = $2`,
        [a.id, src.id],
      );
    });
    a.summary = src.summary;
    return { summary: src.summary, keyMoments: src.key_moments, actions: src.actions, objections: [] };
  }

  private async saveDimension(analysisId: string, d: DimensionSpec, key: string, v: DimensionAnswer, evidence: unknown[], dropped: number) {
    await this.deps.ds.query(
      `INSERT INTO dimension_results (analysis_id, dimension, dimension_version, score, rationale, low_confidence, strengths, improvements, evidence, cache_key, reused, error, quotes_dropped)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, NULL, $11)
       ON CONFLICT (analysis_id, dimension) DO UPDATE SET dimension_version = EXCLUDED.dimension_version, score = EXCLUDED.score,
         rationale = EXCLUDED.rationale, low_confidence = EXCLUDED.low_confidence, strengths = EXCLUDED.strengths,
         improvements = EXCLUDED.improvements, evidence = EXCLUDED.evidence, cache_key = EXCLUDED.cache_key, reused = false,
         error = NULL, quotes_dropped = EXCLUDED.quotes_dropped`,
      [analysisId, d.key, d.version, v.score, v.rationale, evidence.length === 0, JSON.stringify(v.strengths), JSON.stringify(v.improvements), JSON.stringify(evidence), key, dropped],
    );
  }

  private async saveFailedDimension(analysisId: string, d: DimensionSpec, key: string, reason: string) {
    await this.deps.ds.query(
      `INSERT INTO dimension_results (analysis_id, dimension, dimension_version, score, cache_key, error, low_confidence)
       VALUES ($1, $2, $3, NULL, $4, $5, true)
       ON CONFLICT (analysis_id, dimension) DO UPDATE SET score = NULL, error = EXCLUDED.error, cache_key = EXCLUDED.cache_key`,
      [analysisId, d.key, d.version, key, reason.slice(0, 2000)],
    );
  }

  /** Stores the review; objection quotes are grounded like evidence (start time from the transcript). */
  private async saveReview(a: Analysis, r: Review, key: string, index: GroundingIndex): Promise<{ kept: number; dropped: number }> {
    const maxMs = Math.max(...index.lines.map((l) => l.endMs), 0);
    const clamp = (ms: number | null) => (ms === null ? null : Math.min(Math.max(0, ms), maxMs));
    const objections = r.objections
      .map((o) => ({ o, line: findQuote(index, o.quote) }))
      .filter((x) => x.line !== null);
    const dropped = r.objections.length - objections.length;
    await this.deps.ds.transaction(async (tx: EntityManager) => {
      await tx.query(`UPDATE analyses SET summary = $2, key_moments = $3, actions = $4, review_cache_key = $5 WHERE id = $1`, [
        a.id,
        r.summary,
        JSON.stringify(r.keyMoments.slice(0, 10).map((m) => ({ atMs: clamp(m.atMs), text: m.text }))),
        JSON.stringify(r.actions.slice(0, 3).map((x) => ({ text: x.text, atMs: clamp(x.atMs) }))),
        key,
      ]);
      await tx.query(`DELETE FROM objections WHERE analysis_id = $1`, [a.id]);
      let seq = 0;
      for (const { o, line } of objections) {
        await tx.query(
          `INSERT INTO objections (analysis_id, seq, type, quote, start_ms, response, resolved) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [a.id, seq++, o.type, o.quote, line!.startMs, o.response || null, o.resolved],
        );
      }
    });
    a.summary = r.summary;
    return { kept: objections.length, dropped };
  }
}

export { EngineKind };
