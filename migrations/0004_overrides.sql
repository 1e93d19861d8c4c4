-- 0004: admin overrides that survive re-ingest and Gong user sync.
ALTER TABLE "calls" ADD COLUMN "call_type_overridden" boolean NOT NULL DEFAULT false;
ALTER TABLE "calls" ADD COLUMN "product_overridden" boolean NOT NULL DEFAULT false;
ALTER TABLE "reps" ADD COLUMN "role_overridden" boolean NOT NULL DEFAULT false;
