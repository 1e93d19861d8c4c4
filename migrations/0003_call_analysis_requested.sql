-- 0003: when analysis of a call was last requested (set by the call.analyze job).
ALTER TABLE "calls" ADD COLUMN "analysis_requested_at" TIMESTAMP WITH TIME ZONE;
