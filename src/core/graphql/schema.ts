/** Builds the GraphQL schema from the type-graphql resolvers of every module. */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { buildSchema } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { CallResolver, CallParticipantResolver } from "../../modules/calls/call.resolver";
import { CallImportResolver } from "../../modules/calls/call-import.resolver";
import { RepResolver } from "../../modules/reps/rep.resolver";
import { AnalysisResolver } from "../../modules/analyses/analysis.resolver";
import { AnalysisRunResolver } from "../../modules/analyses/analysis-run.resolver";
import { CostResolver } from "../../modules/costs/cost.resolver";
import { InsightsResolver } from "../../modules/insights/insights.resolver";
import { CompareResolver } from "../../modules/compare/compare.resolver";
import { WeeklyReportResolver } from "../../modules/reports/weekly-report.resolver";
import { CoachingPlanResolver } from "../../modules/coaching/coaching-plan.resolver";
import { TokenResolver } from "../../modules/tokens/token.resolver";
import { JobResolver } from "../../modules/jobs/job.resolver";
import { GongSyncResolver } from "../../gong/gong-sync.resolver";
import { CallMetricResolver } from "../../modules/metrics/call-metric.resolver";
import { RubricResolver } from "../../modules/rubrics/rubric.resolver";
import { SearchResolver } from "../../modules/search/search.resolver";
import { packageRoot } from "../paths";

let cached: Promise<GraphQLSchema> | undefined;

export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [CallResolver, CallParticipantResolver, CallImportResolver, RepResolver, AnalysisResolver, AnalysisRunResolver, CostResolver, InsightsResolver, CompareResolver, WeeklyReportResolver, CoachingPlanResolver, TokenResolver, JobResolver, GongSyncResolver, CallMetricResolver, RubricResolver, SearchResolver],
    validate: { forbidUnknownValues: false },
    // type-graphql insists on a pubSub once any subscription exists. Ours subscribe explicitly to the
    // process event bus (core/pubsub.ts, which crosses processes on Postgres); topic-based
    // subscriptions would bypass it, so this one refuses to be used.
    pubSub: {
      publish: () => {
        throw new Error("use services.events (core/pubsub.ts), not type-graphql topics");
      },
      subscribe: () => {
        throw new Error("declare subscriptions with `subscribe` over services.events (core/pubsub.ts)");
      },
    },
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql has no option for root type descriptions.
    const query = schema.getQueryType();
    if (query) query.description = "Reads: calls, reps and analyses within the scope of your API token, and the coaching rubrics.";
    const mutation = schema.getMutationType();
    if (mutation) mutation.description = "Writes: analysing, importing, correcting and syncing calls, managing API tokens and jobs, reloading the knowledge base (ADMIN).";
    const subscription = schema.getSubscriptionType();
    if (subscription) subscription.description = "Live events over WebSocket (graphql-transport-ws): analysis progress.";
    return schema;
  });
  return cached;
}

/** The committed SDL: sorted, so the file changes only when the schema does. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}

export const schemaFilePath = () => path.join(packageRoot(), "schema", "schema.graphql");

export async function writeSchemaFile(file = schemaFilePath()): Promise<string> {
  const sdl = printSchemaSdl(await createSchema());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sdl);
  return file;
}
