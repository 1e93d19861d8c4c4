-- 0010: the aggregate behind repInsights and trends (src/modules/insights/, docs/graphql-api.md).
--
-- dimension_daily holds, per (rep, rubric role, product, dimension, call day), the sum and the count of
-- the scores of CURRENT analyses (superseded_by_id IS NULL) of that rep. The day is the call's date
-- (calls.started_at, not the analysis date) in the zone stored in insight_settings (REVIEW_TZ; the
-- insights service re-keys the aggregate when the configured zone differs). Weeks (Monday) and months
-- are built from days, so bucket boundaries are exact across daylight-saving changes.
-- dimension_rollup holds the same sums per (rep, dimension, WEEK or MONTH) over all roles and products:
-- trends read whole buckets from it and only the partial buckets at the ends of a range from the days,
-- so a year of one team is a few thousand rows whatever the number of results behind them.
--
-- Triggers keep it exact whatever changes: a dimension result stored, re-scored or deleted; an analysis
-- superseded (or un-superseded), moved to another rep or role, or deleted; a call whose date or product
-- changes, or that is deleted. Statement-level triggers with transition tables make bulk writes one
-- set-based upsert. Deletions cascade parent → child, and a child row's trigger can no longer see its
-- deleted parent, so parents subtract their contribution in BEFORE DELETE row triggers and children
-- whose parent is gone add nothing. Rows whose count drops to 0 are removed. (TRUNCATE is not tracked:
-- run `SELECT callcoach_dimension_daily_rebuild()` after truncating analyses, results or calls.)

CREATE TABLE "insight_settings" (
  "id" boolean NOT NULL DEFAULT true,
  "time_zone" text NOT NULL,
  "rebuilt_at" TIMESTAMP WITH TIME ZONE,
  CONSTRAINT "ck_insight_settings_one_row" CHECK ("id"),
  CONSTRAINT "pk_insight_settings" PRIMARY KEY ("id")
);
INSERT INTO "insight_settings" ("id", "time_zone") VALUES (true, 'America/Los_Angeles');

CREATE TABLE "dimension_daily" (
  "rep_id" uuid NOT NULL,
  "dimension" text NOT NULL,
  "day" date NOT NULL,
  "rubric_role" text NOT NULL,
  "product" text NOT NULL,
  "score_sum" bigint NOT NULL,
  "score_count" integer NOT NULL,
  CONSTRAINT "pk_dimension_daily" PRIMARY KEY ("rep_id", "dimension", "day", "rubric_role", "product")
);
-- trends over all dimensions of some reps; the same-role team of repInsights; empty rows to remove.
CREATE INDEX "idx_dimension_daily_rep_day" ON "dimension_daily" ("rep_id", "day");
CREATE INDEX "idx_dimension_daily_role_day" ON "dimension_daily" ("rubric_role", "day");
CREATE INDEX "idx_dimension_daily_empty" ON "dimension_daily" ("rep_id") WHERE "score_count" = 0;

CREATE TABLE "dimension_rollup" (
  "rep_id" uuid NOT NULL,
  "dimension" text NOT NULL,
  "granularity" text NOT NULL,
  "start" date NOT NULL,
  "score_sum" bigint NOT NULL,
  "score_count" integer NOT NULL,
  CONSTRAINT "ck_dimension_rollup_granularity" CHECK ("granularity" IN ('WEEK', 'MONTH')),
  CONSTRAINT "pk_dimension_rollup" PRIMARY KEY ("rep_id", "dimension", "granularity", "start")
);
-- trends over all dimensions of some reps; empty rows to remove.
CREATE INDEX "idx_dimension_rollup_rep_start" ON "dimension_rollup" ("rep_id", "granularity", "start");
CREATE INDEX "idx_dimension_rollup_empty" ON "dimension_rollup" ("rep_id") WHERE "score_count" = 0;

-- Adds signed deltas to the day rows and to their week and month rollups. The caller passes one row per
-- day key (already grouped, in key order).
CREATE FUNCTION "callcoach_dimension_daily_add"(
  p_rep uuid[], p_dimension text[], p_day date[], p_role text[], p_product text[], p_sum bigint[], p_count integer[]
) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF coalesce(array_length(p_rep, 1), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO dimension_daily AS d (rep_id, dimension, day, rubric_role, product, score_sum, score_count)
  SELECT * FROM unnest(p_rep, p_dimension, p_day, p_role, p_product, p_sum, p_count)
  ON CONFLICT (rep_id, dimension, day, rubric_role, product)
  DO UPDATE SET score_sum = d.score_sum + EXCLUDED.score_sum, score_count = d.score_count + EXCLUDED.score_count;
  DELETE FROM dimension_daily WHERE score_count = 0;
  INSERT INTO dimension_rollup AS d (rep_id, dimension, granularity, start, score_sum, score_count)
  SELECT u.rep, u.dim, g.granularity, date_trunc(lower(g.granularity), u.day::timestamp)::date, sum(u.s), sum(u.n)
    FROM unnest(p_rep, p_dimension, p_day, p_sum, p_count) AS u(rep, dim, day, s, n)
   CROSS JOIN (VALUES ('WEEK'), ('MONTH')) AS g(granularity)
   GROUP BY 1, 2, 3, 4
  HAVING sum(u.n) <> 0 OR sum(u.s) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (rep_id, dimension, granularity, start)
  DO UPDATE SET score_sum = d.score_sum + EXCLUDED.score_sum, score_count = d.score_count + EXCLUDED.score_count;
  DELETE FROM dimension_rollup WHERE score_count = 0;
END $$;

-- The zone days are keyed in. Takes the aggregate's write lock first, so a writer waits for a running
-- re-key (callcoach_dimension_daily_use_zone) and then reads the new zone.
CREATE FUNCTION "callcoach_dimension_daily_zone"() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE tz text;
BEGIN
  LOCK TABLE dimension_daily IN ROW EXCLUSIVE MODE;
  SELECT time_zone INTO tz FROM insight_settings WHERE id;
  RETURN coalesce(tz, 'America/Los_Angeles');
END $$;

-- dimension_results: INSERT, UPDATE (scores re-stored), DELETE.
CREATE FUNCTION "callcoach_dimension_results_added"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text; k record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows WHERE score IS NOT NULL) THEN RETURN NULL; END IF;
  tz := callcoach_dimension_daily_zone();
  SELECT array_agg(rep_id) AS rep, array_agg(dimension) AS dim, array_agg(day) AS day, array_agg(rubric_role) AS role,
         array_agg(product) AS product, array_agg(s) AS s, array_agg(n) AS n INTO k
    FROM (SELECT a.rep_id, r.dimension, (c.started_at AT TIME ZONE tz)::date AS day, a.rubric_role, c.product,
                 sum(r.score)::bigint AS s, count(*)::integer AS n
            FROM new_rows r
            JOIN analyses a ON a.id = r.analysis_id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL
            JOIN calls c ON c.id = a.call_id
           WHERE r.score IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5) x;
  PERFORM callcoach_dimension_daily_add(k.rep, k.dim, k.day, k.role, k.product, k.s, k.n);
  RETURN NULL;
END $$;

CREATE FUNCTION "callcoach_dimension_results_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text; k record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE n.score IS DISTINCT FROM o.score OR n.dimension <> o.dimension OR n.analysis_id <> o.analysis_id) THEN
    RETURN NULL;
  END IF;
  tz := callcoach_dimension_daily_zone();
  SELECT array_agg(rep_id) AS rep, array_agg(dimension) AS dim, array_agg(day) AS day, array_agg(rubric_role) AS role,
         array_agg(product) AS product, array_agg(s) AS s, array_agg(n) AS n INTO k
    FROM (SELECT a.rep_id, r.dimension, (c.started_at AT TIME ZONE tz)::date AS day, a.rubric_role, c.product,
                 sum(r.sign * r.score)::bigint AS s, sum(r.sign)::integer AS n
            FROM (SELECT analysis_id, dimension, score, -1 AS sign FROM old_rows
                  UNION ALL SELECT analysis_id, dimension, score, 1 FROM new_rows) r
            JOIN analyses a ON a.id = r.analysis_id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL
            JOIN calls c ON c.id = a.call_id
           WHERE r.score IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5
          HAVING sum(r.sign) <> 0 OR sum(r.sign * r.score) <> 0 ORDER BY 1, 2, 3, 4, 5) x;
  PERFORM callcoach_dimension_daily_add(k.rep, k.dim, k.day, k.role, k.product, k.s, k.n);
  RETURN NULL;
END $$;

CREATE FUNCTION "callcoach_dimension_results_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text; k record;
BEGIN
  -- Rows deleted by a cascade from their analysis or call find no current analysis here: the parent's
  -- BEFORE DELETE trigger already subtracted them.
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN analyses a ON a.id = o.analysis_id
                  WHERE o.score IS NOT NULL AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  tz := callcoach_dimension_daily_zone();
  SELECT array_agg(rep_id) AS rep, array_agg(dimension) AS dim, array_agg(day) AS day, array_agg(rubric_role) AS role,
         array_agg(product) AS product, array_agg(s) AS s, array_agg(n) AS n INTO k
    FROM (SELECT a.rep_id, r.dimension, (c.started_at AT TIME ZONE tz)::date AS day, a.rubric_role, c.product,
                 -sum(r.score)::bigint AS s, -count(*)::integer AS n
            FROM old_rows r
            JOIN analyses a ON a.id = r.analysis_id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL
            JOIN calls c ON c.id = a.call_id
           WHERE r.score IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5) x;
  PERFORM callcoach_dimension_daily_add(k.rep, k.dim, k.day, k.role, k.product, k.s, k.n);
  RETURN NULL;
END $$;

CREATE TRIGGER "trg_dimension_results_daily_insert" AFTER INSERT ON "dimension_results"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callcoach_dimension_results_added();
CREATE TRIGGER "trg_dimension_results_daily_update" AFTER UPDATE ON "dimension_results"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callcoach_dimension_results_changed();
CREATE TRIGGER "trg_dimension_results_daily_delete" AFTER DELETE ON "dimension_results"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callcoach_dimension_results_removed();

-- analyses: superseded / un-superseded, rep or role or call changed; deleted.
CREATE FUNCTION "callcoach_analyses_daily_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text; k record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE (o.superseded_by_id IS NULL) <> (n.superseded_by_id IS NULL) OR n.rep_id IS DISTINCT FROM o.rep_id
                     OR n.rubric_role <> o.rubric_role OR n.call_id <> o.call_id) THEN
    RETURN NULL;
  END IF;
  tz := callcoach_dimension_daily_zone();
  SELECT array_agg(rep_id) AS rep, array_agg(dimension) AS dim, array_agg(day) AS day, array_agg(rubric_role) AS role,
         array_agg(product) AS product, array_agg(s) AS s, array_agg(n) AS n INTO k
    FROM (SELECT a.rep_id, r.dimension, (c.started_at AT TIME ZONE tz)::date AS day, a.rubric_role, c.product,
                 sum(a.sign * r.score)::bigint AS s, sum(a.sign)::integer AS n
            FROM (SELECT o.id, o.rep_id, o.rubric_role, o.call_id, -1 AS sign FROM old_rows o
                   WHERE o.superseded_by_id IS NULL AND o.rep_id IS NOT NULL
                  UNION ALL
                  SELECT n.id, n.rep_id, n.rubric_role, n.call_id, 1 FROM new_rows n
                   WHERE n.superseded_by_id IS NULL AND n.rep_id IS NOT NULL) a
            JOIN dimension_results r ON r.analysis_id = a.id AND r.score IS NOT NULL
            JOIN calls c ON c.id = a.call_id
           GROUP BY 1, 2, 3, 4, 5
          HAVING sum(a.sign) <> 0 OR sum(a.sign * r.score) <> 0 ORDER BY 1, 2, 3, 4, 5) x;
  PERFORM callcoach_dimension_daily_add(k.rep, k.dim, k.day, k.role, k.product, k.s, k.n);
  RETURN NULL;
END $$;

CREATE FUNCTION "callcoach_analyses_daily_deleting"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text; k record;
BEGIN
  IF OLD.superseded_by_id IS NOT NULL OR OLD.rep_id IS NULL THEN RETURN OLD; END IF;
  IF NOT EXISTS (SELECT 1 FROM dimension_results WHERE analysis_id = OLD.id AND score IS NOT NULL) THEN RETURN OLD; END IF;
  tz := callcoach_dimension_daily_zone();
  -- A call being deleted is no longer visible here; its own BEFORE DELETE trigger subtracted this.
  SELECT array_agg(OLD.rep_id) AS rep, array_agg(dimension) AS dim, array_agg(day) AS day, array_agg(OLD.rubric_role) AS role,
         array_agg(product) AS product, array_agg(s) AS s, array_agg(n) AS n INTO k
    FROM (SELECT r.dimension, (c.started_at AT TIME ZONE tz)::date AS day, c.product, -sum(r.score)::bigint AS s, -count(*)::integer AS n
            FROM dimension_results r JOIN calls c ON c.id = OLD.call_id
           WHERE r.analysis_id = OLD.id AND r.score IS NOT NULL
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) x;
  PERFORM callcoach_dimension_daily_add(k.rep, k.dim, k.day, k.role, k.product, k.s, k.n);
  RETURN OLD;
END $$;

CREATE TRIGGER "trg_analyses_daily_update" AFTER UPDATE ON "analyses"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callcoach_analyses_daily_changed();
CREATE TRIGGER "trg_analyses_daily_delete" BEFORE DELETE ON "analyses"
  FOR EACH ROW EXECUTE FUNCTION callcoach_analyses_daily_deleting();

-- calls: date or product changed (re-import, override); deleted.
CREATE FUNCTION "callcoach_calls_daily_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text; k record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE n.started_at <> o.started_at OR n.product <> o.product) THEN
    RETURN NULL;
  END IF;
  tz := callcoach_dimension_daily_zone();
  SELECT array_agg(rep_id) AS rep, array_agg(dimension) AS dim, array_agg(day) AS day, array_agg(rubric_role) AS role,
         array_agg(product) AS product, array_agg(s) AS s, array_agg(n) AS n INTO k
    FROM (SELECT a.rep_id, r.dimension, (c.started_at AT TIME ZONE tz)::date AS day, a.rubric_role, c.product,
                 sum(c.sign * r.score)::bigint AS s, sum(c.sign)::integer AS n
            FROM (SELECT o.id, o.started_at, o.product, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE n.started_at <> o.started_at OR n.product <> o.product
                  UNION ALL
                  SELECT n.id, n.started_at, n.product, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE n.started_at <> o.started_at OR n.product <> o.product) c
            JOIN analyses a ON a.call_id = c.id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL
            JOIN dimension_results r ON r.analysis_id = a.id AND r.score IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5
          HAVING sum(c.sign) <> 0 OR sum(c.sign * r.score) <> 0 ORDER BY 1, 2, 3, 4, 5) x;
  PERFORM callcoach_dimension_daily_add(k.rep, k.dim, k.day, k.role, k.product, k.s, k.n);
  RETURN NULL;
END $$;

CREATE FUNCTION "callcoach_calls_daily_deleting"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text; k record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM analyses a JOIN dimension_results r ON r.analysis_id = a.id
                  WHERE a.call_id = OLD.id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL AND r.score IS NOT NULL) THEN
    RETURN OLD;
  END IF;
  tz := callcoach_dimension_daily_zone();
  SELECT array_agg(rep_id) AS rep, array_agg(dimension) AS dim, array_agg((OLD.started_at AT TIME ZONE tz)::date) AS day,
         array_agg(rubric_role) AS role, array_agg(OLD.product) AS product, array_agg(s) AS s, array_agg(n) AS n INTO k
    FROM (SELECT a.rep_id, r.dimension, a.rubric_role, -sum(r.score)::bigint AS s, -count(*)::integer AS n
            FROM analyses a JOIN dimension_results r ON r.analysis_id = a.id AND r.score IS NOT NULL
           WHERE a.call_id = OLD.id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) x;
  PERFORM callcoach_dimension_daily_add(k.rep, k.dim, k.day, k.role, k.product, k.s, k.n);
  RETURN OLD;
END $$;

CREATE TRIGGER "trg_calls_daily_update" AFTER UPDATE ON "calls"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callcoach_calls_daily_changed();
CREATE TRIGGER "trg_calls_daily_delete" BEFORE DELETE ON "calls"
  FOR EACH ROW EXECUTE FUNCTION callcoach_calls_daily_deleting();

-- Recomputes the whole aggregate (days and rollups) from the base tables in the stored zone; returns the
-- number of day rows.
CREATE FUNCTION "callcoach_dimension_daily_rebuild"() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE tz text; n bigint;
BEGIN
  LOCK TABLE dimension_daily IN EXCLUSIVE MODE;
  SELECT time_zone INTO tz FROM insight_settings WHERE id;
  DELETE FROM dimension_daily;
  DELETE FROM dimension_rollup;
  INSERT INTO dimension_daily (rep_id, dimension, day, rubric_role, product, score_sum, score_count)
  SELECT a.rep_id, r.dimension, (c.started_at AT TIME ZONE tz)::date, a.rubric_role, c.product, sum(r.score), count(*)
    FROM dimension_results r
    JOIN analyses a ON a.id = r.analysis_id AND a.superseded_by_id IS NULL AND a.rep_id IS NOT NULL
    JOIN calls c ON c.id = a.call_id
   WHERE r.score IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS n = ROW_COUNT;
  INSERT INTO dimension_rollup (rep_id, dimension, granularity, start, score_sum, score_count)
  SELECT rep_id, dimension, g.granularity, date_trunc(lower(g.granularity), day::timestamp)::date, sum(score_sum), sum(score_count)
    FROM dimension_daily CROSS JOIN (VALUES ('WEEK'), ('MONTH')) AS g(granularity)
   GROUP BY 1, 2, 3, 4;
  UPDATE insight_settings SET rebuilt_at = now() WHERE id;
  RETURN n;
END $$;

-- Keys the aggregate to `p_zone` (REVIEW_TZ): when it differs from the stored zone, stores it and
-- rebuilds. Returns true when it rebuilt. Writers wait meanwhile (the lock above), then use the new zone.
CREATE FUNCTION "callcoach_dimension_daily_use_zone"(p_zone text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM now() AT TIME ZONE p_zone; -- an unknown zone fails here, before anything changes
  IF EXISTS (SELECT 1 FROM insight_settings WHERE id AND time_zone = p_zone) THEN RETURN false; END IF;
  LOCK TABLE dimension_daily IN EXCLUSIVE MODE;
  -- another process may have re-keyed while this one waited for the lock
  IF EXISTS (SELECT 1 FROM insight_settings WHERE id AND time_zone = p_zone) THEN RETURN false; END IF;
  UPDATE insight_settings SET time_zone = p_zone WHERE id;
  PERFORM callcoach_dimension_daily_rebuild();
  RETURN true;
END $$;

SELECT callcoach_dimension_daily_rebuild();
