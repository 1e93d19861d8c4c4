import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Every accepted Gong webhook delivery (audit trail and idempotency). */
@Entity("webhook_deliveries")
@Index("idx_webhook_deliveries_gong_call_id", ["gongCallId"])
@Check("ck_webhook_deliveries_outcome", `"outcome" IN ('queued', 'duplicate', 'test')`)
export class WebhookDelivery {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "received_at", type: "timestamptz", default: () => "now()" })
  receivedAt: Date;

  @Column({ name: "gong_call_id", type: "text", nullable: true })
  gongCallId: string | null;

  /** Lower-case hex SHA-256 of the raw body. */
  @Column({ name: "body_sha256", type: "text" })
  bodySha256: string;

  @Column({ name: "is_test", type: "boolean", default: false })
  isTest: boolean;

  @Column({ type: "text" })
  outcome: "queued" | "duplicate" | "test";

  @Column({ name: "job_id", type: "text", nullable: true })
  jobId: string | null;
}
