/**
 * Asking for analyses (`analyzeCall`, and `call.analyze` jobs from ingestion). For each scored
 * participant of the call it either returns the current analysis — when one with the same cache key
 * is finished or under way and `force` is off: re-analysing an unchanged call costs nothing — or
 * creates a QUEUED analysis that supersedes the participant's earlier ones. The rows and the job
 * that runs them are written in one transaction.
 */
import crypto from "node:crypto";
import { IsNull, type DataSource, type EntityManager } from "typeorm";
import { Analysis } from "./analysis.entity";
import { AnalysisEngine, AnalysisStatus } from "./analysis.enums";
import type { RubricDimension } from "../rubrics/rubric.entity";
import { RepRole } from "../reps/rep.entity";
import { BadInputError, NotFoundError } from "../../core/errors";
import type { Config } from "../../core/config";
import type { JobQueue } from "../../core/jobs/job-queue";
import { loadCallForAnalysis, scoredSubjects } from "../../analysis/call-context";
import { analysisCacheKey, dimensionCacheKey, reviewCacheKey } from "../../analysis/cache-key";
import { keyInputs, type EngineDeps } from "../../analysis/engine";
import { PROMPT_VERSION } from "../../analysis/prompts";

export interface AnalysisRequest {
  callId: string;
  /** Only this rep's part of the call. */
  repEmail?: string | null;
  /** Only these dimension keys (default: the whole rubric). */
  dimensions?: string[] | null;
  /** Bypass the result cache. */
  force?: boolean;
  reason?: string;
  /** Batch mode: a Message Batch at half price, results within 24 hours (backfills, weekly catch-up). */
  batch?: boolean;
  /** Limit to these reps' parts (the requester's scope; null = everyone). */
  onlyRepIds?: string[] | null;
}

export interface RequestOutcome {
  analyses: Analysis[];
  /** Ids of the analyses that must run (the rest were current already). */
  toRun: string[];
}

export class AnalysisRequestService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly queue: JobQueue,
    private readonly engine: Pick<EngineDeps, "claude">,
  ) {}

  /** Plans and records analyses for a call, and enqueues `call.analyze` for those that must run. */
  async request(req: AnalysisRequest, opts: { enqueue: boolean } = { enqueue: true }): Promise<RequestOutcome> {
    if (opts.enqueue) await this.queue.start(); // not inside the transaction (see JobQueue.enqueue)
    return this.ds.transaction(async (tx) => {
      const outcome = await this.plan(tx, req);
      if (opts.enqueue && outcome.toRun.length > 0) {
        await this.queue.enqueue("call.analyze", { callId: req.callId, analysisIds: outcome.toRun, reason: req.reason ?? "manual", ...(req.batch ? { batch: true } : {}) }, { tx });
      }
      return outcome;
    });
  }

  private async plan(tx: EntityManager, req: AnalysisRequest): Promise<RequestOutcome> {
    const loaded = await loadCallForAnalysis(tx, req.callId);
    if (!loaded) throw new NotFoundError("CALL_NOT_FOUND", `No call with id ${req.callId}.`, { id: req.callId });
    let subjects = scoredSubjects(loaded, this.config.analysis.assumedRole);
    if (req.onlyRepIds) subjects = subjects.filter((s) => s.repId && req.onlyRepIds!.includes(s.repId));
    if (req.repEmail) {
      const email = req.repEmail.trim().toLowerCase();
      subjects = subjects.filter((s) => s.repEmail === email);
      if (subjects.length === 0) {
        throw new BadInputError("NOT_A_SPEAKER", `${req.repEmail} is not one of our speakers on this call, so there is nothing of theirs to score.`);
      }
    }
    const rubrics: { role: string; version: string; dimensions: RubricDimension[] }[] = await tx.query(`SELECT role, version, dimensions FROM rubrics`);
    const byRole = new Map(rubrics.map((r) => [r.role, r]));
    const repo = tx.getRepository(Analysis);
    const analyses: Analysis[] = [];
    const toRun: string[] = [];
    for (const subject of subjects) {
      const rubric = byRole.get(subject.role);
      if (!rubric) throw new NotFoundError("RUBRIC_NOT_FOUND", `No rubric for role ${subject.role}: run \`callcoach knowledge load\`.`);
      let dims = rubric.dimensions;
      if (req.dimensions?.length) {
        const unknown = req.dimensions.filter((k) => !dims.some((d) => d.key === k));
        if (unknown.length) {
          throw new BadInputError(
            "UNKNOWN_DIMENSION",
            `Unknown dimension(s) ${unknown.join(", ")} for the ${subject.role} rubric; valid: ${dims.map((d) => d.key).join(", ")}.`,
          );
        }
        dims = dims.filter((d) => req.dimensions!.includes(d.key));
      }
      const keys = keyInputs({ ...this.engine, config: this.config } as EngineDeps, loaded.call, subject);
      const review = reviewCacheKey(keys);
      const cacheKey = analysisCacheKey(dims.map((d) => dimensionCacheKey(keys, d.key, d.version)), review);
      const current = await repo.find({ where: { callId: req.callId, participantId: subject.participantId, supersededById: IsNull() } });
      const same = current.find((a) => a.cacheKey === cacheKey);
      const reusable = [AnalysisStatus.COMPLETED, AnalysisStatus.QUEUED, AnalysisStatus.RUNNING];
      if (same && !req.force && reusable.includes(same.status)) {
        analyses.push(same);
        continue;
      }
      const id = crypto.randomUUID();
      if (current.length) await tx.query(`UPDATE analyses SET superseded_by_id = $1 WHERE id = ANY($2::uuid[])`, [id, current.map((a) => a.id)]);
      const created = repo.create({
        id,
        callId: req.callId,
        participantId: subject.participantId,
        repId: subject.repId,
        status: AnalysisStatus.QUEUED,
        engine: this.engine.claude ? AnalysisEngine.CLAUDE : AnalysisEngine.HEURISTIC,
        model: this.engine.claude?.model ?? null,
        rubricRole: subject.role as unknown as RepRole,
        rubricVersion: rubric.version,
        promptVersion: PROMPT_VERSION,
        cacheKey,
        roleAssumed: subject.roleAssumed,
        requestedDimensions: req.dimensions?.length ? dims.map((d) => d.key) : null,
        forced: !!req.force,
      });
      await repo.insert(created as Parameters<typeof repo.insert>[0]);
      analyses.push(await repo.findOneByOrFail({ id }));
      toRun.push(id);
    }
    return { analyses, toRun };
  }
}
