/**
 * The parts of call-coach the benchmarks drive, imported in one place (bench code may import
 * src/, never test/ — the one exception is test/support/fake-anthropic, the fake Messages API that
 * tsconfig.build.json compiles for the analysis section).
 */
import "reflect-metadata";

export { openApp, startServer, type App, type Server } from "../src/core/app";
export { loadConfig, redactUrl, type Config } from "../src/core/config";
export { createLogger, type Logger } from "../src/core/logger";
export { pgConnectionOptions } from "../src/core/db/pg-options";
export { operationCost } from "../src/core/graphql/limits";
export { WEBHOOK_PATH } from "../src/gong/webhook";
export { startGongSimulator, type RunningSimulator } from "../src/gong/simulator";
export { Dataset as SimulatorDataset } from "../src/gong/simulator/dataset";
export { projectCall } from "../src/gong/simulator/select";
export { FULL_SELECTION } from "../src/gong/simulator/requests";
export { gongClientFor } from "../src/gong/gong-access";
export { callsToIngest, syncGongUsers } from "../src/gong/sync";
export { ingestGongCall } from "../src/gong/ingest";
export { ClaudeEngine, anthropicClient, REVIEW_TASK, type ClaudeRunResult } from "../src/analysis/claude";
export { costUsd, priceFor, PRICES, PRICE_TABLE_VERSION, type Usage } from "../src/analysis/prices";
export { estimateTokens } from "../src/analysis/windows";
export { toDimensionSpec } from "../src/analysis/engine";
export { loadCallForAnalysis, productKnowledge, scoredSubjects } from "../src/analysis/call-context";
export type { PromptContext } from "../src/analysis/prompts";
export type { DimensionSpec } from "../src/analysis/types";
export type { RubricDimension } from "../src/modules/rubrics/rubric.entity";
export { CallGenerator, type SimCall } from "../src/gong/simulator/generate-call";
export { buildUsers, userEmail, userName, type SimUser } from "../src/gong/simulator/users";
export { Prng } from "../src/gong/simulator/prng";
export { classifyCallType, classifyProduct, gongContentHints } from "../src/modules/calls/call-classifier";
export { TokenRole } from "../src/modules/tokens/api-token.entity";
