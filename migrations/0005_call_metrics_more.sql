-- 0005: more interaction metrics per participant and side.
ALTER TABLE "call_metrics" ADD COLUMN "word_count" integer NOT NULL DEFAULT 0;
ALTER TABLE "call_metrics" ADD COLUMN "question_rate" double precision NOT NULL DEFAULT 0;
ALTER TABLE "call_metrics" ADD COLUMN "filler_words" integer NOT NULL DEFAULT 0;
ALTER TABLE "call_metrics" ADD COLUMN "interruptions" integer NOT NULL DEFAULT 0;
ALTER TABLE "call_metrics" ADD COLUMN "segment_count" integer NOT NULL DEFAULT 0;
