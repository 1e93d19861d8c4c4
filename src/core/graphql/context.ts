/**
 * The per-request GraphQL context: who is asking, the services, and fresh DataLoaders (so
 * batching and caching never cross requests or viewers).
 */
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Services } from "../services";
import type { Viewer } from "./viewer";
import { UnauthenticatedError } from "../errors";
import { createCallLoaders } from "../../modules/calls/call.loaders";
import { createRepLoaders } from "../../modules/reps/rep.loaders";
import { createAnalysisLoaders } from "../../modules/analyses/analysis.loaders";
import { createSearchLoaders } from "../../modules/search/search.loaders";
import DataLoader from "dataloader";
import type { CallMetric } from "../../modules/metrics/call-metric.entity";

export interface GraphQLContext {
  viewer: Viewer;
  services: Services;
  config: Config;
  requestId: string;
  logger: Logger;
  loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders(services: Services, viewer: Viewer) {
  return {
    ...createCallLoaders(services.calls, viewer),
    ...createRepLoaders(services.reps),
    ...createAnalysisLoaders(services.analyses, viewer),
    ...createSearchLoaders(services.search),
    metricsByCall: new DataLoader<string, CallMetric[]>((ids) => services.metrics.byCallIds(ids)),
  };
}

/** Extracts the token of an `Authorization: Bearer …` value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== "string") return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return m ? m[1] : null;
}

/** Authenticates a request or throws UNAUTHENTICATED. */
export async function authenticate(services: Services, authorization: unknown): Promise<Viewer> {
  const token = bearerToken(authorization);
  if (!token) {
    throw new UnauthenticatedError(
      "MISSING_TOKEN",
      "Authentication required: send an API token as `Authorization: Bearer <token>` (see `callcoach token create`).",
    );
  }
  const viewer = await services.tokens.authenticate(token);
  if (!viewer) throw new UnauthenticatedError("INVALID_TOKEN", "The API token is unknown or revoked.");
  return viewer;
}

export function buildContext(
  base: { services: Services; config: Config; logger: Logger },
  viewer: Viewer,
  requestId: string,
): GraphQLContext {
  return {
    ...base,
    viewer,
    requestId,
    logger: base.logger.child({ requestId }),
    loaders: createLoaders(base.services, viewer),
  };
}
