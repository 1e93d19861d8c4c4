import DataLoader from "dataloader";
import type { Viewer } from "../../core/graphql/viewer";
import type { AnalysisService } from "./analysis.service";
import type { Analysis } from "./analysis.entity";
import type { DimensionResult } from "./dimension-result.entity";
import type { Objection } from "./objection.entity";

/** Request-scoped loaders of the analyses module. */
export function createAnalysisLoaders(service: AnalysisService, viewer: Viewer) {
  return {
    analysesByCall: new DataLoader<string, Analysis[]>((ids) => service.byCallIds(viewer, ids)),
    dimensionResultsByAnalysis: new DataLoader<string, DimensionResult[]>((ids) =>
      service.dimensionResultsByAnalysisIds(ids),
    ),
    objectionsByAnalysis: new DataLoader<string, Objection[]>((ids) => service.objectionsByAnalysisIds(ids)),
  };
}
export type AnalysisLoaders = ReturnType<typeof createAnalysisLoaders>;
