// Moving a workspace's or team's rows to the organisation it joins: every table whose `tenant` holds an organisation key.
import type { Sql } from './db';
import type { Scope } from './organisations';

/** Every table with an organisation key; platform_addresses is left out on purpose: its tenant is the platform's. */
export const ORGANISATION_TABLES = [
  'flow_runs',
  'lessons',
  'lesson_events',
  'lesson_actions',
  'lesson_recalls',
  'lesson_feedback',
  'review_participants',
  'who_opt_outs',
  'communities',
  'coffee_programmes',
] as const;

export type OrganisationTable = (typeof ORGANISATION_TABLES)[number];

/** One lock per workspace or team: events in it share it for their transaction, a join takes it alone. */
function scopeLockKey(scope: Scope): string {
  return `mobilise:organisation-scope:${scope.platform}:${scope.id}`;
}

/** Taken by each event before it reads which organisation its workspace or team is in, so no row is written under the old key after a join. */
export async function shareScopeLock(q: Sql, scope: Scope): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [scopeLockKey(scope)]);
}

/** Taken by a join: waits for the events already under way in that workspace or team, and holds new ones back until it commits. */
export async function takeScopeLock(q: Sql, scope: Scope): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [scopeLockKey(scope)]);
}

/** Re-keys every row of `from` to `to`, table by table; returns how many rows each table moved. */
export async function moveOrganisationRows(q: Sql, from: string, to: string): Promise<{ table: OrganisationTable; rows: number }[]> {
  const moved: { table: OrganisationTable; rows: number }[] = [];
  for (const table of ORGANISATION_TABLES) {
    const rows = await q.query(`WITH m AS (UPDATE ${table} SET tenant = $2 WHERE tenant = $1 RETURNING 1) SELECT count(*)::int AS n FROM m`, [from, to]);
    moved.push({ table, rows: Number(rows[0]?.n ?? 0) });
  }
  return moved;
}
