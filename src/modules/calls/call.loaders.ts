import DataLoader from "dataloader";
import type { Viewer } from "../../core/graphql/viewer";
import type { CallService } from "./call.service";
import type { Call } from "./call.entity";
import type { CallParticipant } from "./call-participant.entity";
import type { TranscriptSegment } from "./transcript-segment.entity";

/** Request-scoped loaders of the calls module; one batched statement per relation. */
export function createCallLoaders(service: CallService, viewer: Viewer) {
  const segmentPages = new Map<string, DataLoader<string, TranscriptSegment[]>>();
  return {
    callById: new DataLoader<string, Call | null>((ids) => service.byIds(viewer, ids)),
    participantsByCall: new DataLoader<string, CallParticipant[]>((ids) => service.participantsByCallIds(ids)),
    segmentCountByCall: new DataLoader<string, number>((ids) => service.segmentCounts(ids)),
    /** Segments after `afterSeq` (then skipping `offset`), `limit` per call: one loader (and one statement) per page shape. */
    segmentsByCall(limit: number, afterSeq: number, offset = 0): DataLoader<string, TranscriptSegment[]> {
      const key = `${limit}:${afterSeq}:${offset}`;
      let loader = segmentPages.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => service.segmentsByCallIds(ids, limit, afterSeq, offset));
        segmentPages.set(key, loader);
      }
      return loader;
    },
  };
}
export type CallLoaders = ReturnType<typeof createCallLoaders>;
