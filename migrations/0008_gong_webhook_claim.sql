-- 0008: the claim of Gong webhook deliveries, so acknowledging them (record each delivery and
-- enqueue its `call.ingest` job) is one statement — one round trip and one implicit transaction for
-- one delivery or for several of distinct calls (src/modules/webhooks/webhook.service.ts).
--
-- Takes each call's transaction-scoped advisory lock (the key the transactional path takes), in
-- ascending key order so two claims never wait on each other in a cycle, then checks each call:
-- already ingested, or a `call.ingest` job still queued or running. The function is VOLATILE, so
-- each of its queries takes a fresh snapshot: the checks run after every lock is granted and see
-- each delivery committed meanwhile, although the calling statement's own snapshot is older. If any
-- call is a duplicate it raises SQLSTATE CCDUP with those call ids (comma-separated) as DETAIL,
-- which rolls back the whole calling statement, jobs it may already have inserted included.
--
-- The checks read by index (enable_seqscan off within the function): their plans are cached for
-- the session, and one made while the tables were small would otherwise keep scanning them whole
-- as they grow.
CREATE FUNCTION "callcoach_claim_gong_calls"(p_gong_call_ids text[]) RETURNS boolean
LANGUAGE plpgsql VOLATILE
SET enable_seqscan = off
AS $$
DECLARE
  v_key integer;
  v_call_id text;
  v_duplicates text[];
BEGIN
  FOR v_key IN SELECT DISTINCT hashtext('gong-call:' || u.call_id) FROM unnest(p_gong_call_ids) AS u(call_id) ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(v_key);
  END LOOP;
  FOREACH v_call_id IN ARRAY p_gong_call_ids LOOP
    IF EXISTS (SELECT 1 FROM calls c WHERE c.gong_id = v_call_id)
       OR EXISTS (SELECT 1 FROM webhook_deliveries d
                  JOIN pgboss.job j ON j.name = 'call.ingest' AND j.id = d.job_id::uuid -- (name, id): one partition
                  WHERE d.gong_call_id = v_call_id AND d.outcome = 'queued' AND j.state IN ('created', 'retry', 'active')) THEN
      v_duplicates := array_append(v_duplicates, v_call_id);
    END IF;
  END LOOP;
  IF v_duplicates IS NOT NULL THEN
    RAISE EXCEPTION 'Gong calls already ingested or queued: %', array_to_string(v_duplicates, ', ')
      USING ERRCODE = 'CCDUP', DETAIL = array_to_string(v_duplicates, ',');
  END IF;
  RETURN true;
END
$$;
