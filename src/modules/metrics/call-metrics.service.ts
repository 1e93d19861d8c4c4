/** Reading stored interaction metrics (written by call-metrics.writer.ts at import and ingest). */
import { In, type DataSource } from "typeorm";
import { CallMetric } from "./call-metric.entity";
import { groupByKeys } from "../../core/group";

export class CallMetricsService {
  constructor(private readonly ds: DataSource) {}

  /** Per call: the two side rows (ours, then the customer's), then participants by talk time. */
  async byCallIds(callIds: readonly string[]): Promise<CallMetric[][]> {
    const rows = await this.ds.getRepository(CallMetric).find({ where: { callId: In([...callIds]) } });
    const rank = (m: CallMetric) => (m.participantId ? 2 : m.side === "INTERNAL" ? 0 : 1);
    rows.sort((a, b) => rank(a) - rank(b) || b.talkMs - a.talkMs);
    return groupByKeys(callIds, rows, (m) => m.callId);
  }
}
