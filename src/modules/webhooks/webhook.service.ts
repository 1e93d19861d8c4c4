/**
 * Records Gong webhook deliveries and enqueues ingestion in the same transaction, so a delivery is
 * never recorded without its job nor queued twice. A per-call advisory lock orders concurrent
 * deliveries of one call.
 */
import type { DataSource } from "typeorm";
import type { JobQueue } from "../../core/jobs/job-queue";

export type DeliveryStatus = "queued" | "duplicate" | "test";

export interface RecordedDelivery {
  deliveryId: string;
  status: DeliveryStatus;
  jobId: string | null;
}

export class WebhookService {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async record(input: { gongCallId: string; bodySha256: string; isTest: boolean }): Promise<RecordedDelivery> {
    // Never inside the transaction: on the embedded database another connection would wait on it.
    await this.queue.start();
    return this.ds.transaction(async (tx) => {
      const insert = async (outcome: DeliveryStatus, jobId: string | null) => {
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO webhook_deliveries (gong_call_id, body_sha256, is_test, outcome, job_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [input.gongCallId, input.bodySha256, input.isTest, outcome, jobId],
        );
        return { deliveryId: row.id, status: outcome, jobId };
      };
      if (input.isTest) return insert("test", null);
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('gong-call:' || $1))`, [input.gongCallId]);
      const [seen]: { ingested: boolean; pending: boolean }[] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM calls WHERE gong_id = $1) AS ingested,
                EXISTS (SELECT 1 FROM webhook_deliveries d
                        JOIN pgboss.job j ON j.name = 'call.ingest' AND j.id = d.job_id::uuid -- (name, id): one partition
                        WHERE d.gong_call_id = $1 AND d.outcome = 'queued' AND j.state IN ('created', 'retry', 'active')) AS pending`,
        [input.gongCallId],
      );
      if (seen.ingested || seen.pending) return insert("duplicate", null);
      const jobId = await this.queue.enqueue("call.ingest", { gongCallId: input.gongCallId, source: "webhook" }, { tx });
      return insert("queued", jobId);
    });
  }
}
