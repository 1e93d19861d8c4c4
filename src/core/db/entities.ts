/** Every TypeORM entity, for the data source. */
import { Rep } from "../../modules/reps/rep.entity";
import { Call } from "../../modules/calls/call.entity";
import { CallParticipant } from "../../modules/calls/call-participant.entity";
import { TranscriptSegment } from "../../modules/calls/transcript-segment.entity";
import { CallMetric } from "../../modules/metrics/call-metric.entity";
import { Rubric } from "../../modules/rubrics/rubric.entity";
import { Analysis } from "../../modules/analyses/analysis.entity";
import { DimensionResult } from "../../modules/analyses/dimension-result.entity";
import { Objection } from "../../modules/analyses/objection.entity";
import { WebhookDelivery } from "../../modules/webhooks/webhook-delivery.entity";
import { WeeklyReport, WeeklyReviewRun } from "../../modules/reports/weekly-report.entity";
import { ApiToken } from "../../modules/tokens/api-token.entity";
import { DimensionDaily } from "../../modules/insights/dimension-daily.entity";
import { DimensionRollup } from "../../modules/insights/dimension-rollup.entity";
import { InsightSettings } from "../../modules/insights/insight-settings.entity";

export const ENTITIES = [
  Rep,
  Call,
  CallParticipant,
  TranscriptSegment,
  CallMetric,
  Rubric,
  Analysis,
  DimensionResult,
  Objection,
  WebhookDelivery,
  WeeklyReport,
  WeeklyReviewRun,
  ApiToken,
  DimensionDaily,
  DimensionRollup,
  InsightSettings,
];
