-- 0011: weekly reviews. One row per reviewed week makes N schedulers enqueue the review once; reports
-- keep an e-mail body beside the HTML page, and when each delivery channel succeeded.
CREATE TABLE "weekly_review_runs" ("week_start" date NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "reports" integer NOT NULL DEFAULT 0, CONSTRAINT "pk_weekly_review_runs" PRIMARY KEY ("week_start"));
ALTER TABLE "weekly_reports" ADD COLUMN "email_html" text NOT NULL DEFAULT '';
ALTER TABLE "weekly_reports" ADD COLUMN "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
ALTER TABLE "weekly_reports" ADD COLUMN "webhook_delivered_at" TIMESTAMP WITH TIME ZONE;
ALTER TABLE "weekly_reports" ADD COLUMN "email_delivered_at" TIMESTAMP WITH TIME ZONE;
ALTER TABLE "weekly_reports" ADD COLUMN "delivery_error" text;
