-- 0002: the Gong API request budget shared by every process on this database (docs/gong-client.md).
-- kind 'day':  one row per UTC day (window_start = 00:00 UTC); used = requests counted that day,
--              never more than GONG_REQUESTS_PER_DAY.
-- kind 'pace': one row (window_start = epoch); next_at = the earliest time the next request may be
--              sent (slots ~1/GONG_REQUESTS_PER_SECOND apart); used = requests paced so far.
-- Both are updated by single atomic INSERT … ON CONFLICT DO UPDATE statements (src/gong/rate-budget.ts).
CREATE TABLE "gong_request_budget" (
  "kind" text NOT NULL,
  "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
  "used" integer NOT NULL DEFAULT 0,
  "next_at" TIMESTAMP WITH TIME ZONE,
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT "ck_gong_request_budget_kind" CHECK ("kind" IN ('day', 'pace')),
  CONSTRAINT "ck_gong_request_budget_used" CHECK ("used" >= 0),
  CONSTRAINT "pk_gong_request_budget" PRIMARY KEY ("kind", "window_start")
);
