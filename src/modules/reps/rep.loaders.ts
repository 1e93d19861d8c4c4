import DataLoader from "dataloader";
import type { RepService } from "./rep.service";
import type { Rep } from "./rep.entity";

/** Request-scoped loaders of the reps module. */
export function createRepLoaders(service: RepService) {
  return {
    repById: new DataLoader<string, Rep | null>((ids) => service.byIds(ids)),
  };
}
export type RepLoaders = ReturnType<typeof createRepLoaders>;
