/**
 * Backfill and reconciliation with Gong: users → reps (with manager links), and the calls of a
 * time window that call-coach does not have yet (or all of them with `force`). Gong publishes no
 * retry guarantee for webhooks, so a scheduled run over the last 48 hours catches missed calls.
 */
import type { App } from "../core/app";
import type { GongClient, GongUser } from "./client";
import { roleFromTitle } from "../modules/reps/rep-role";

export interface UserSyncResult {
  users: number;
  reps: number;
  managersLinked: number;
}

/** Upserts a rep for every active Gong user with an email; links managers by Gong user id. */
export async function syncGongUsers(app: App, gong: GongClient): Promise<UserSyncResult> {
  const users: GongUser[] = await gong.listUsers().collect();
  const ds = app.db.dataSource;
  let reps = 0;
  for (const u of users) {
    const email = (u.emailAddress ?? u.trustedEmailAddress)?.trim().toLowerCase();
    if (!email) continue;
    const name = [u.firstName, u.lastName].filter(Boolean).join(" ").trim() || email;
    const role = roleFromTitle(u.title) ?? app.config.defaultRole;
    await ds.query(
      `INSERT INTO reps (email, name, title, role, gong_user_id, active) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO UPDATE SET
         name = EXCLUDED.name, title = COALESCE(EXCLUDED.title, reps.title),
         role = CASE WHEN reps.role_overridden THEN reps.role ELSE EXCLUDED.role END,
         gong_user_id = EXCLUDED.gong_user_id, active = EXCLUDED.active, updated_at = now()`,
      [email, name, u.title ?? null, role, String(u.id), u.active ?? true],
    );
    reps++;
  }
  const links = users.filter((u) => u.managerId).map((u) => [String(u.id), String(u.managerId)]);
  let managersLinked = 0;
  if (links.length) {
    const rows: { id: string }[] = await ds.query(
      `WITH l AS (SELECT * FROM unnest($1::text[], $2::text[]) AS l(user_id, manager_id)),
            u AS (UPDATE reps r SET manager_id = m.id, updated_at = now()
                  FROM l JOIN reps m ON m.gong_user_id = l.manager_id
                  WHERE r.gong_user_id = l.user_id AND r.manager_id IS DISTINCT FROM m.id
                  RETURNING r.id)
       SELECT id FROM u`,
      [links.map((l) => l[0]), links.map((l) => l[1])],
    );
    managersLinked = rows.length;
  }
  return { users: users.length, reps, managersLinked };
}

/**
 * Gong ids of the calls in [from, to) that need ingesting: not stored yet and not already queued
 * (all calls of the window with `force`).
 */
export async function callsToIngest(app: App, gong: GongClient, from: Date, to: Date, force = false): Promise<string[]> {
  const ids: string[] = [];
  for await (const call of gong.listCalls({ fromDateTime: from, toDateTime: to }).items()) ids.push(String(call.id));
  if (force || ids.length === 0) return ids;
  await app.queue.start();
  const known: { id: string }[] = await app.db.dataSource.query(
    `SELECT gong_id AS id FROM calls WHERE gong_id = ANY($1)
     UNION SELECT data->>'gongCallId' FROM pgboss.job
       WHERE name = 'call.ingest' AND state IN ('created', 'retry', 'active') AND data->>'gongCallId' = ANY($1)`,
    [ids],
  );
  const skip = new Set(known.map((k) => k.id));
  return ids.filter((id) => !skip.has(id));
}
