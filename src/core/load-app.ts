/**
 * core/app on demand. It pulls in the whole database stack (TypeORM, pg-boss, PGlite, the GraphQL
 * schema), which commands that only talk to a running server — `callcoach mcp` with CALLCOACH_URL —
 * should not pay for at start-up.
 */
import type * as AppModule from "./app";

export function loadAppModule(): typeof AppModule {
  return require("./app") as typeof AppModule;
}
