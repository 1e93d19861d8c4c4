/**
 * The parts of call-coach the benchmarks drive, imported in one place (bench code may import
 * src/, never test/).
 */
import "reflect-metadata";

export { openApp, startServer, type App, type Server } from "../src/core/app";
export { loadConfig, redactUrl, type Config } from "../src/core/config";
export { createLogger, type Logger } from "../src/core/logger";
export { pgConnectionOptions } from "../src/core/db/pg-options";
export { operationCost } from "../src/core/graphql/limits";
