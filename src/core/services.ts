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
import type { JobQueue } from "./jobs/job-queue";
import type { EventBus } from "./pubsub";
import { CostMetricsService } from "../modules/costs/cost-metrics.service";
import { AnalysisRequestService } from "../modules/analyses/analysis-request.service";
import { AnalysisRunner } from "../analysis/engine";
import { ClaudeEngine, anthropicClient } from "../analysis/claude";

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
}

export function createServices(ds: DataSource, config: Config, logger: Logger, queue: JobQueue, events: EventBus): Services {
  const claude = config.analysis.apiKey
    ? new ClaudeEngine(anthropicClient(config), {
        model: config.analysis.model,
        concurrency: config.analysis.concurrency,
        maxOutputTokens: config.analysis.maxOutputTokens,
      })
    : null;
  return {
    calls: new CallService(ds),
    callImport: new CallImportService(ds, { internalDomains: config.internalDomains, defaultRole: config.defaultRole }, logger),
    reps: new RepService(ds),
    analyses: new AnalysisService(ds),
    tokens: new TokenService(ds),
    jobs: new JobService(ds, queue),
    webhooks: new WebhookService(ds, queue),
    metrics: new CallMetricsService(ds),
    rubrics: new RubricService(ds, config.knowledgeDir),
    analysisRequests: new AnalysisRequestService(ds, config, queue, { claude }),
    analysisRunner: new AnalysisRunner({ ds, config, logger, events, claude }),
    events,
    costs: new CostMetricsService(ds, config.timeZone),
  };
}
