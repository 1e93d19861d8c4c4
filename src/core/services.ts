/** The services of one process, built once from the data source and configuration. */
import type { DataSource } from "typeorm";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { CallService } from "../modules/calls/call.service";
import { CallImportService } from "../modules/calls/call-import.service";
import { RepService } from "../modules/reps/rep.service";
import { AnalysisService } from "../modules/analyses/analysis.service";
import { TokenService } from "../modules/tokens/token.service";
import { JobService } from "../modules/jobs/job.service";
import { WebhookService } from "../modules/webhooks/webhook.service";
import { CallMetricsService } from "../modules/metrics/call-metrics.service";
import { RubricService } from "../modules/rubrics/rubric.service";
import { SearchService } from "../modules/search/search.service";
import type { JobQueue } from "./jobs/job-queue";
import type { EventBus } from "./pubsub";
import { CostMetricsService } from "../modules/costs/cost-metrics.service";
import { CompareService } from "../modules/compare/compare.service";
import { WeeklyReviewService } from "../modules/reports/weekly-review.service";
import { CoachingPlanService } from "../modules/coaching/coaching-plan.service";
import { AnalysisRequestService } from "../modules/analyses/analysis-request.service";
import { AnalysisRunner } from "../analysis/engine";
import { ClaudeEngine, anthropicClient } from "../analysis/claude";
import { InsightsService } from "../modules/insights/insights.service";
import { TrendsService } from "../modules/insights/trends.service";
import { DimensionDailyStore } from "../modules/insights/dimension-daily.store";

export interface Services {
  calls: CallService;
  callImport: CallImportService;
  reps: RepService;
  analyses: AnalysisService;
  tokens: TokenService;
  jobs: JobService;
  webhooks: WebhookService;
  metrics: CallMetricsService;
  rubrics: RubricService;
  analysisRequests: AnalysisRequestService;
  analysisRunner: AnalysisRunner;
  events: EventBus;
  costs: CostMetricsService;
  insights: InsightsService;
  trends: TrendsService;
  search: SearchService;
  compare: CompareService;
  reviews: WeeklyReviewService;
  coaching: CoachingPlanService;
}

export function createServices(ds: DataSource, config: Config, logger: Logger, queue: JobQueue, events: EventBus): Services {
  const claude = config.analysis.apiKey
    ? new ClaudeEngine(anthropicClient(config), {
        model: config.analysis.model,
        concurrency: config.analysis.concurrency,
        maxOutputTokens: config.analysis.maxOutputTokens,
      })
    : null;
  const calls = new CallService(ds);
  const reps = new RepService(ds);
  const analyses = new AnalysisService(ds);
  const analysisRequests = new AnalysisRequestService(ds, config, queue, { claude });
  const insightsStore = new DimensionDailyStore(ds, config.timeZone, logger);
  const insights = new InsightsService(ds, reps, insightsStore);
  return {
    calls,
    callImport: new CallImportService(ds, { internalDomains: config.internalDomains, defaultRole: config.defaultRole }, logger),
    reps,
    analyses,
    tokens: new TokenService(ds),
    jobs: new JobService(ds, queue),
    webhooks: new WebhookService(ds, queue),
    metrics: new CallMetricsService(ds),
    rubrics: new RubricService(ds, config.knowledgeDir),
    analysisRequests,
    analysisRunner: new AnalysisRunner({ ds, config, logger, events, claude }),
    events,
    costs: new CostMetricsService(ds, config.timeZone),
    insights,
    trends: new TrendsService(ds, reps, insightsStore),
    search: new SearchService(ds, calls, analyses),
    compare: new CompareService(ds, calls, reps, analyses),
    reviews: new WeeklyReviewService(ds, config, queue, analysisRequests, logger),
    coaching: new CoachingPlanService(ds, insights),
  };
}
