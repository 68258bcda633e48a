// SQL for the outbox: what flows said, written with their state, sent after commit.
import { z } from 'zod';
import type { Outgoing } from '../core/flow';
import type { PostedRef } from '../core/ports';
import { placeSchema } from '../core/schemas';
import type { Sql } from './db';

export interface OutboxItem {
  id: number;
  message: Outgoing;
  attempts: number;
}

const itemRow = z.object({ id: z.coerce.number(), message: z.unknown(), attempts: z.number() });
const postedRow = z.object({ posted: z.object({ id: z.string(), url: z.string().optional(), place: placeSchema }) });

/** One statement for all of a step's messages; ids follow the array's order. */
export async function enqueue(q: Sql, runId: string, messages: Outgoing[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await q.query(
    `INSERT INTO outbox (run_id, message, key, created_at)
     SELECT $1, m.message, CASE WHEN m.message->>'kind' = 'post' THEN m.message->>'key' END, $3 FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS m(message, n) ORDER BY m.n`,
    [runId, JSON.stringify(messages), now],
  );
}

/** Outgoing is our own JSON written above, so it is trusted once its envelope parses. */
export async function pendingFor(q: Sql, runId: string): Promise<OutboxItem[]> {
  const rows = await q.query(
    'SELECT id, message, attempts FROM outbox WHERE run_id = $1 AND delivered_at IS NULL ORDER BY id',
    [runId],
  );
  return rows.map((row) => {
    const r = itemRow.parse(row);
    return { id: r.id, message: r.message as Outgoing, attempts: r.attempts };
  });
}

export async function runsWithPending(q: Sql): Promise<string[]> {
  const rows = await q.query('SELECT DISTINCT run_id FROM outbox WHERE delivered_at IS NULL');
  return rows.map((r) => String(r.run_id));
}

export async function markDelivered(q: Sql, id: number, now: Date, posted?: PostedRef): Promise<void> {
  await q.query('UPDATE outbox SET delivered_at = $2, posted = $3, attempts = attempts + 1 WHERE id = $1', [
    id,
    now,
    posted ? JSON.stringify(posted) : null,
  ]);
}

/** Records a failed attempt; after `giveUp` attempts the item is closed so later ones can go. */
export async function markFailed(q: Sql, id: number, error: string, now: Date, giveUp: boolean): Promise<void> {
  await q.query(
    'UPDATE outbox SET attempts = attempts + 1, last_error = $2, delivered_at = CASE WHEN $4 THEN $3::timestamptz END WHERE id = $1',
    [id, error.slice(0, 500), now, giveUp],
  );
}

/** Abandons whatever a run still had to send (the place refused it). */
export async function abandonPending(q: Sql, runId: string, reason: string, now: Date): Promise<void> {
  await q.query('UPDATE outbox SET delivered_at = $2, last_error = $3 WHERE run_id = $1 AND delivered_at IS NULL', [runId, now, reason]);
}

/** The newest delivered post of a run under a key, to update it in place. */
export async function findPosted(q: Sql, runId: string, key: string): Promise<PostedRef | undefined> {
  const rows = await q.query(
    'SELECT posted FROM outbox WHERE run_id = $1 AND key = $2 AND posted IS NOT NULL ORDER BY id DESC LIMIT 1',
    [runId, key],
  );
  if (!rows[0]) return undefined;
  return postedRow.parse(rows[0]).posted;
}
