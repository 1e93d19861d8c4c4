import { connectionType } from "../../core/graphql/connection";
import { Call } from "./call.entity";
import { TranscriptSegment } from "./transcript-segment.entity";

export const CallConnection = connectionType(Call, "Call", "call");
export type CallConnection = InstanceType<typeof CallConnection>;

export const SegmentConnection = connectionType(TranscriptSegment, "Segment", "transcript segment");
export type SegmentConnection = InstanceType<typeof SegmentConnection>;
