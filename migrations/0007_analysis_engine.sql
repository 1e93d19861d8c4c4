-- 0007: what the analysis engine records beyond scores: the call-review cache key (summary, moments,
-- actions and objections are reused when it matches), grounding counts, requests made, the price
-- table used, whether the role was assumed, and per dimension whether it was reused or why it failed.
ALTER TABLE "analyses" ADD COLUMN "review_cache_key" text;
ALTER TABLE "analyses" ADD COLUMN "role_assumed" boolean NOT NULL DEFAULT false;
ALTER TABLE "analyses" ADD COLUMN "requested_dimensions" jsonb;
ALTER TABLE "analyses" ADD COLUMN "api_requests" integer NOT NULL DEFAULT 0;
ALTER TABLE "analyses" ADD COLUMN "quotes_verified" integer NOT NULL DEFAULT 0;
ALTER TABLE "analyses" ADD COLUMN "quotes_dropped" integer NOT NULL DEFAULT 0;
ALTER TABLE "analyses" ADD COLUMN "windows" integer NOT NULL DEFAULT 1;
ALTER TABLE "analyses" ADD COLUMN "price_version" text;
ALTER TABLE "analyses" ADD COLUMN "started_at" TIMESTAMP WITH TIME ZONE;
ALTER TABLE "dimension_results" ADD COLUMN "reused" boolean NOT NULL DEFAULT false;
ALTER TABLE "dimension_results" ADD COLUMN "error" text;
ALTER TABLE "dimension_results" ADD COLUMN "quotes_dropped" integer NOT NULL DEFAULT 0;
CREATE INDEX "idx_dimension_results_cache_key" ON "dimension_results" ("cache_key");
CREATE INDEX "idx_analyses_review_cache_key" ON "analyses" ("review_cache_key");
CREATE INDEX "idx_analyses_created_at" ON "analyses" ("created_at");
ALTER TABLE "analyses" ADD COLUMN "forced" boolean NOT NULL DEFAULT false;
ALTER TABLE "analyses" ADD COLUMN "batch_id" text;
