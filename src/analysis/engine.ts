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
import { costUsd, PRICE_TABLE_VERSION, ZERO_USAGE, addUsage, type Usage } from "./prices";
import { planWindows, mergeWindowResults } from "./windows";
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

  /** Runs a queued (or interrupted) analysis; returns it as stored. */
  async run(analysisId: string): Promise<Analysis> {
    const { ds, logger } = this.deps;
    const repo = ds.getRepository(Analysis);
    const a = await repo.findOneByOrFail({ id: analysisId });
    if ([AnalysisStatus.COMPLETED, AnalysisStatus.PARTIAL, AnalysisStatus.FAILED].includes(a.status) || a.supersededById) return a;

    const loaded = await loadCallForAnalysis(ds.manager, a.callId);
    const subject = loaded && scoredSubjects(loaded, this.deps.config.analysis.assumedRole).find((s) => s.participantId === a.participantId);
    const rubric = await ds.query(`SELECT dimensions FROM rubrics WHERE role = $1`, [a.rubricRole]);
    if (!loaded || !subject || rubric.length === 0) {
      const why = !loaded ? "the call no longer exists" : !subject ? "the participant no longer speaks on this call" : `no rubric for role ${a.rubricRole}`;
      return this.finish(a, AnalysisStatus.FAILED, { error: why });
    }
    subject.role = a.rubricRole as ScoredRole;
    const call = loaded.call;
    const all = (rubric[0].dimensions as RubricDimension[]).map(toDimensionSpec);
    const dims = a.requestedDimensions ? all.filter((d) => a.requestedDimensions!.includes(d.key)) : all;
    const keys = keyInputs(this.deps, call, subject);
    const index = buildGroundingIndex(call.lines);

    await repo.update(a.id, { status: AnalysisStatus.RUNNING, startedAt: new Date() });
    a.status = AnalysisStatus.RUNNING;

    // 1. What is already stored for this analysis (an interrupted attempt) or reusable from the cache.
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
      const reused = a.forced ? null : await this.reuseDimension(a.id, d, key);
      if (reused) {
        done.set(d.key, { score: reused.score, error: null });
        await this.emit(a, d.key, "CACHED", { score: reused.score });
      } else {
        toRun.push(d);
        await this.emit(a, d.key, "QUEUED");
      }
    }
    const reviewKey = reviewCacheKey(keys);
    let review: Review | null = a.summary ? ({} as Review) : a.forced ? null : await this.reuseReview(a, reviewKey);
    let reviewError: string | null = null;

    // 2. Score what is left.
    let usage: Usage = { ...ZERO_USAGE };
    let requests = 0;
    let windows = 1;
    let dropped = 0;
    const store = async (d: DimensionSpec, outcome: TaskOutcome<DimensionAnswer>) => {
      const key = dimensionCacheKey(keys, d.key, d.version);
      if (outcome.ok) {
        const g = groundQuotes(index, outcome.value.evidence);
        dropped += g.dropped;
        await this.saveDimension(a.id, d, key, outcome.value, g.kept, g.dropped);
        done.set(d.key, { score: outcome.value.score, error: null });
        await this.emit(a, d.key, "COMPLETED", { score: outcome.value.score, message: g.kept.length ? null : "no verified evidence: low confidence" });
      } else {
        await this.saveFailedDimension(a.id, d, key, outcome.reason);
        done.set(d.key, { score: null, error: outcome.reason });
        await this.emit(a, d.key, "FAILED", { message: outcome.reason });
      }
    };

    if (this.deps.claude && (toRun.length > 0 || !review)) {
      const result = await this.runClaude(call, subject, all, toRun, !review, keys.knowledge, (key) => this.emit(a, key === REVIEW_TASK ? null : key, "RUNNING"));
      usage = result.usage;
      requests = result.requests;
      windows = result.windows;
      for (const d of toRun) await store(d, result.dimensions.get(d.key) ?? { ok: false, reason: "no result", usage: ZERO_USAGE, attempts: 0 });
      if (result.review?.ok) review = result.review.value;
      else if (result.review) reviewError = result.review.reason;
    } else if (!this.deps.claude) {
      for (const d of toRun) {
        await this.emit(a, d.key, "RUNNING");
        await store(d, { ok: true, value: heuristicDimension(d, call, subject), usage: ZERO_USAGE, attempts: 1 });
      }
      if (!review) {
        const scored = dims.filter((d) => done.get(d.key)?.score != null).map((d) => ({ key: d.key, name: d.name, score: done.get(d.key)!.score! }));
        review = heuristicCallReview(call, subject, scored);
      }
    }

    // 3. The call review (summary, moments, actions, objections), then totals.
    let verifiedObjections = 0;
    if (review && !a.summary && review.summary) {
      const r = await this.saveReview(a, review, reviewKey, index);
      dropped += r.dropped;
      verifiedObjections = r.kept;
    }
    const evidence: { n: string }[] = await ds.query(
      `SELECT coalesce(sum(jsonb_array_length(evidence)), 0)::int AS n FROM dimension_results WHERE analysis_id = $1`,
      [a.id],
    );
    const scores = dims.map((d) => ({ w: d.weight, s: done.get(d.key)?.score ?? null }));
    const scored = scores.filter((x) => x.s !== null) as { w: number; s: number }[];
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
    const prior = { input: a.tokensInput, output: a.tokensOutput, cacheWrite5m: a.tokensCacheWrite, cacheWrite1h: 0, cacheRead: a.tokensCacheRead };
    const total = addUsage(prior, usage);
    const finished = await this.finish(a, status, {
      overallScore: overall,
      error: errors.length ? errors.join("; ") : null,
      tokensInput: total.input,
      tokensOutput: total.output,
      tokensCacheWrite: total.cacheWrite5m + total.cacheWrite1h,
      tokensCacheRead: total.cacheRead,
      costUsd: Number(a.costUsd) + (model ? costUsd(model, usage) : 0),
      priceVersion: model ? PRICE_TABLE_VERSION : null,
      apiRequests: a.apiRequests + requests,
      windows,
      quotesVerified: Number(evidence[0]?.n ?? 0) + verifiedObjections,
      quotesDropped: a.quotesDropped + dropped,
    });
    logger.info(
      { analysisId: a.id, callId: a.callId, status, overallScore: overall, requests, dropped, costUsd: finished.costUsd },
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

  private async runClaude(
    call: CallForAnalysis,
    subject: AnalysisSubject,
    all: DimensionSpec[],
    toRun: DimensionSpec[],
    includeReview: boolean,
    knowledge: string,
    onStart: (task: string) => Promise<void>,
  ) {
    const claude = this.deps.claude!;
    const rubric: { name: string; description: string | null }[] = await this.deps.ds.query(`SELECT name, description FROM rubrics WHERE role = $1`, [subject.role]);
    const base = { call, subject, rubricName: rubric[0]?.name ?? subject.role, rubricDescription: rubric[0]?.description ?? "", dimensions: all, productKnowledge: knowledge };
    const plan = await planWindows(claude, base, this.deps.config.analysis.contextBudgetTokens);
    const runs = [];
    for (const w of plan) {
      // Windows run one after another: each has its own cached prefix, and its tasks run in parallel.
      runs.push(await claude.run({ ...base, lines: w.lines, window: plan.length > 1 ? w.window : undefined }, toRun, includeReview, { onStart: (t) => void onStart(t) }));
    }
    const merged = mergeWindowResults(plan, runs, subject.participantId);
    return { ...merged, windows: plan.length, requests: runs.reduce((n, r) => n + r.requests, 0) };
  }

  private async reuseDimension(analysisId: string, d: DimensionSpec, key: string): Promise<{ score: number } | null> {
    const rows: { id: string; score: number }[] = await this.deps.ds.query(
      `INSERT INTO dimension_results (analysis_id, dimension, dimension_version, score, rationale, low_confidence, strengths, improvements, evidence, cache_key, reused, quotes_dropped)
       SELECT $1, dimension, dimension_version, score, rationale, low_confidence, strengths, improvements, evidence, cache_key, true, quotes_dropped
         FROM dimension_results WHERE cache_key = $2 AND score IS NOT NULL AND analysis_id <> $1
        ORDER BY reused ASC LIMIT 1
       ON CONFLICT (analysis_id, dimension) DO NOTHING
       RETURNING id, score`,
      [analysisId, key],
    );
    void d;
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
