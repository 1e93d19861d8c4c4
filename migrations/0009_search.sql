-- 0009: searchCalls (src/modules/search/, docs/graphql-api.md "Searching calls").
--
-- Full text: each transcript segment keeps its own tsvector, to_tsvector('english', text) — the
-- 'english' configuration (Snowball stemming: "pricing" finds "priced"; English stop words ignored).
-- It is stored rather than only indexed because ranking (ts_rank) reads the vector of every matching
-- segment, and recomputing to_tsvector for each costs ~9 µs (a word said on almost every one of
-- 10,000 calls matches ~100,000 segments: ~1 s more; docs/benchmarks.md). A trigger fills it instead of a
-- GENERATED column because TypeORM tracks generated columns in its own typeorm_metadata table keyed
-- by database name, which breaks databases cloned from a template; the trigger is invisible to it.
-- The GIN index on the column replaces 0001's expression index.
ALTER TABLE "transcript_segments" ADD COLUMN "search_vector" tsvector;
UPDATE "transcript_segments" SET "search_vector" = to_tsvector('english', "text");
ALTER TABLE "transcript_segments" ALTER COLUMN "search_vector" SET NOT NULL;

CREATE FUNCTION "callcoach_segment_search_vector"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector('english', NEW.text);
  RETURN NEW;
END
$$;
CREATE TRIGGER "trg_transcript_segments_search_vector" BEFORE INSERT OR UPDATE ON "transcript_segments"
  FOR EACH ROW EXECUTE FUNCTION "callcoach_segment_search_vector"();

DROP INDEX "idx_transcript_segments_fts";
CREATE INDEX "idx_transcript_segments_search" ON "transcript_segments" USING gin ("search_vector");

-- Gong trackers of a call: the lower-cased names of the trackers in the raw Gong call
-- (content.trackers[]) that fired at least once (count > 0), kept in calls.tracker_names by a trigger
-- whenever raw is written, for the `tracker` filter (`tracker_names @> ARRAY[lower(name)]`). A column
-- rather than an expression index: when a tracker is on most calls the planner scans the table, and
-- evaluating the function there means decompressing every call's raw JSON (~1 s over 10,000 calls).
CREATE FUNCTION "callcoach_call_trackers"(raw jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT lower(t ->> 'name') ORDER BY lower(t ->> 'name')), '{}')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(raw -> 'content' -> 'trackers') = 'array'
                                   THEN raw -> 'content' -> 'trackers' ELSE '[]'::jsonb END) AS t
   WHERE jsonb_typeof(t -> 'count') = 'number' AND (t ->> 'count')::numeric > 0 AND t ->> 'name' IS NOT NULL
$$;
ALTER TABLE "calls" ADD COLUMN "tracker_names" text[];
UPDATE "calls" SET "tracker_names" = "callcoach_call_trackers"("raw");
ALTER TABLE "calls" ALTER COLUMN "tracker_names" SET NOT NULL;

CREATE FUNCTION "callcoach_calls_tracker_names"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.tracker_names := callcoach_call_trackers(NEW.raw);
  RETURN NEW;
END
$$;
CREATE TRIGGER "trg_calls_tracker_names" BEFORE INSERT OR UPDATE OF "raw" ON "calls"
  FOR EACH ROW EXECUTE FUNCTION "callcoach_calls_tracker_names"();
CREATE INDEX "idx_calls_tracker_names" ON "calls" USING gin ("tracker_names");

-- The customer's domain of a participant (the part of the email after the last "@"), for the
-- `participantDomain` filter; customer side only, as the filter is.
CREATE INDEX "idx_call_participants_external_domain" ON "call_participants" (lower(substring("email" from '@([^@]*)$')))
  WHERE "side" = 'EXTERNAL';
