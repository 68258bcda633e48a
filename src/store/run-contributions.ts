// SQL for a run's contributions (a review's answers): one row each, in the order they came.
import { z } from 'zod';
import type { Contribution } from '../core/flow';
import type { Sql } from './db';

const contributionRow = z.object({ key: z.string(), body: z.unknown() });

/** Adds one contribution; false when its key is already there (the same message seen twice). */
export async function addContribution(q: Sql, runId: string, c: Contribution, now: Date): Promise<boolean> {
  const rows = await q.query(
    'INSERT INTO run_contributions (run_id, key, body, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (run_id, key) DO NOTHING RETURNING id',
    [runId, c.key, JSON.stringify(c.item), now],
  );
  return rows.length === 1;
}

export async function listContributions(q: Sql, runId: string): Promise<Contribution[]> {
  const rows = await q.query('SELECT key, body FROM run_contributions WHERE run_id = $1 ORDER BY id', [runId]);
  return rows.map((row) => {
    const r = contributionRow.parse(row);
    return { key: r.key, item: r.body };
  });
}

/**
 * Writes what changed between two lists of a run's contributions: new keys are added at the end, changed ones
 * rewritten in place (keeping their order), missing ones removed. Untouched rows are not written.
 */
export async function syncContributions(q: Sql, runId: string, before: Contribution[], after: Contribution[], now: Date): Promise<void> {
  const old = new Map(before.map((c) => [c.key, JSON.stringify(c.item)]));
  const kept = new Set(after.map((c) => c.key));
  const gone = before.filter((c) => !kept.has(c.key)).map((c) => c.key);
  if (gone.length) await q.query('DELETE FROM run_contributions WHERE run_id = $1 AND key = ANY($2::text[])', [runId, gone]);
  const added: { key: string; body: string }[] = [];
  for (const c of after) {
    const body = JSON.stringify(c.item);
    const was = old.get(c.key);
    if (was === undefined) added.push({ key: c.key, body });
    else if (was !== body) await q.query('UPDATE run_contributions SET body = $3 WHERE run_id = $1 AND key = $2', [runId, c.key, body]);
  }
  if (added.length === 0) return;
  await q.query(
    `INSERT INTO run_contributions (run_id, key, body, created_at)
     SELECT $1, c.item->>'key', (c.item->>'body')::jsonb, $3
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS c(item, n) ORDER BY c.n
     ON CONFLICT (run_id, key) DO NOTHING`,
    [runId, JSON.stringify(added), now],
  );
}
