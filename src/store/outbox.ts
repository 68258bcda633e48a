// SQL for the outbox: what flows and scheduled steps said, written with their state, sent after commit.
// Each row belongs to a stream (a run id, or e.g. 'coffee:<programme>'), delivered in order.
import { z } from 'zod';
import type { Outgoing } from '../core/flow';
import type { PostedRef } from '../core/ports';
import { placeSchema } from '../core/schemas';
import type { Sql } from './db';

export interface OutboxItem {
  id: number;
  runId?: string;
  message: Outgoing;
  attempts: number;
  notBefore?: Date;
  dedupeKey?: string;
  /** When an earlier attempt began; it may have reached the platform even if it was never recorded. */
  sendingAt?: Date;
}

/** A message that must be sent at most once per key, however often the step that wrote it is retried. */
export interface KeyedMessage {
  dedupeKey: string;
  message: Outgoing;
}

const itemRow = z.object({
  id: z.coerce.number(),
  run_id: z.string().nullable(),
  message: z.unknown(),
  attempts: z.number(),
  not_before: z.coerce.date().nullable(),
  dedupe_key: z.string().nullable(),
  sending_at: z.coerce.date().nullable(),
});
const postedRow = z.object({ posted: z.object({ id: z.string().optional(), url: z.string().optional(), place: placeSchema }) });

/** Posts keep their key so a later update can find them. */
const keyOfPost = (message: string): string => `CASE WHEN ${message}->>'kind' IN ('post', 'send') THEN ${message}->>'key' END`;

/** A run's messages, in one statement; ids follow the array's order. */
export async function enqueue(q: Sql, runId: string, messages: Outgoing[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await q.query(
    `INSERT INTO outbox (run_id, stream, message, key, created_at)
     SELECT $1::uuid, $1::text, m.message, ${keyOfPost('m.message')}, $3
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS m(message, n) ORDER BY m.n`,
    [runId, JSON.stringify(messages), now],
  );
}

/** Messages of a stream with no run; a dedupe key already present adds nothing. */
export async function enqueueOnce(q: Sql, stream: string, items: KeyedMessage[], now: Date): Promise<void> {
  if (items.length === 0) return;
  await q.query(
    `INSERT INTO outbox (stream, message, key, dedupe_key, created_at)
     SELECT $1, m.item->'message', ${keyOfPost("m.item->'message'")}, m.item->>'dedupeKey', $3
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS m(item, n) ORDER BY m.n
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [stream, JSON.stringify(items), now],
  );
}

/** Outgoing is our own JSON written above, so it is trusted once its envelope parses. */
export async function pendingFor(q: Sql, stream: string): Promise<OutboxItem[]> {
  const rows = await q.query(
    'SELECT id, run_id, message, attempts, not_before, dedupe_key, sending_at FROM outbox WHERE stream = $1 AND delivered_at IS NULL ORDER BY id',
    [stream],
  );
  return rows.map((row) => {
    const r = itemRow.parse(row);
    return {
      id: r.id,
      ...(r.run_id === null ? {} : { runId: r.run_id }),
      message: r.message as Outgoing,
      attempts: r.attempts,
      ...(r.not_before === null ? {} : { notBefore: r.not_before }),
      ...(r.dedupe_key === null ? {} : { dedupeKey: r.dedupe_key }),
      ...(r.sending_at === null ? {} : { sendingAt: r.sending_at }),
    };
  });
}

/** Streams with something to send now (deferred rows wait for their time). */
export async function streamsWithPending(q: Sql, now: Date): Promise<string[]> {
  const rows = await q.query(
    'SELECT DISTINCT stream FROM outbox WHERE delivered_at IS NULL AND (not_before IS NULL OR not_before <= $1)',
    [now],
  );
  return rows.map((r) => String(r.stream));
}

export async function markDelivered(q: Sql, id: number, now: Date, posted?: PostedRef): Promise<void> {
  await q.query('UPDATE outbox SET delivered_at = $2, posted = $3, attempts = attempts + 1, not_before = NULL WHERE id = $1', [
    id,
    now,
    posted ? JSON.stringify(posted) : null,
  ]);
}

/** Records a failed attempt: closed when `retryAt` is absent (so later ones can go), else tried again from then. */
export async function markFailed(q: Sql, id: number, error: string, now: Date, retryAt?: Date): Promise<void> {
  await q.query(
    'UPDATE outbox SET attempts = attempts + 1, last_error = $2, delivered_at = CASE WHEN $4::timestamptz IS NULL THEN $3::timestamptz END, not_before = $4 WHERE id = $1',
    [id, error.slice(0, 500), now, retryAt ?? null],
  );
}

/** Committed before the platform is called, so a crash leaves a trace that the message may have gone. */
export async function markSending(q: Sql, id: number, now: Date): Promise<void> {
  await q.query('UPDATE outbox SET sending_at = coalesce(sending_at, $2) WHERE id = $1', [id, now]);
}

/** Abandons whatever a stream still had to send (the place refused it). */
export async function abandonPending(q: Sql, stream: string, reason: string, now: Date): Promise<void> {
  await q.query('UPDATE outbox SET delivered_at = $2, last_error = $3 WHERE stream = $1 AND delivered_at IS NULL', [stream, now, reason]);
}

/** The newest delivered post of a stream under a key, to update it in place. */
export async function findPosted(q: Sql, stream: string, key: string): Promise<PostedRef | undefined> {
  const rows = await q.query(
    'SELECT posted FROM outbox WHERE stream = $1 AND key = $2 AND posted IS NOT NULL ORDER BY id DESC LIMIT 1',
    [stream, key],
  );
  if (!rows[0]) return undefined;
  return postedRow.parse(rows[0]).posted;
}
