/** Every job type of call-coach. */
import type { JobDefinition } from "./job-definition";
import { callAnalyzeJob } from "../../modules/analyses/jobs/call-analyze.job";
import { analysisBatchJob } from "../../modules/analyses/jobs/analysis-batch.job";
import { reviewWeeklyJob } from "../../modules/reports/jobs/review-weekly.job";
import { reportDeliverJob } from "../../modules/reports/jobs/report-deliver.job";
import { callIngestJob } from "../../gong/jobs/call-ingest.job";
import { gongSyncJob } from "../../gong/jobs/gong-sync.job";

export const JOB_DEFINITIONS: JobDefinition[] = [
  callIngestJob as JobDefinition,
  callAnalyzeJob as JobDefinition,
  analysisBatchJob as JobDefinition,
  reviewWeeklyJob as JobDefinition,
  reportDeliverJob as JobDefinition,
  gongSyncJob as JobDefinition,
];
