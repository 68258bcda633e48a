// SQL for flow runs and processed deliveries.
import { z } from 'zod';
import type { Person, Place } from '../core/model';
import { scopeOf, type Organisation } from '../core/organisation';
import { personSchema, placeSchema } from '../core/schemas';
import type { Sql } from './db';

const runRow = z.object({
  id: z.string(),
  flow: z.string(),
  version: z.number(),
  tenant: z.string(),
  place: placeSchema,
  place_key: z.string(),
  started_by: personSchema,
  state: z.unknown(),
  status: z.enum(['active', 'done', 'closed']),
  rev: z.number(),
  source_url: z.string().nullable(),
});

export type RunStatus = z.infer<typeof runRow>['status'];

export interface RunRecord {
  id: string;
  flow: string;
  version: number;
  tenant: string;
  place: Place;
  placeKey: string;
  startedBy: Person;
  state: unknown;
  status: RunStatus;
  rev: number;
  sourceUrl?: string;
}

function toRun(row: unknown): RunRecord {
  const r = runRow.parse(row);
  return {
    id: r.id,
    flow: r.flow,
    version: r.version,
    tenant: r.tenant,
    place: r.place,
    placeKey: r.place_key,
    startedBy: r.started_by,
    state: r.state,
    status: r.status,
    rev: r.rev,
    sourceUrl: r.source_url ?? undefined,
  };
}

const RUN_COLUMNS = 'id, flow, version, tenant, place, place_key, started_by, state, status, rev, source_url';

/** Records a delivery id; false when it was seen before (a platform retry). */
export async function claimDelivery(q: Sql, deliveryId: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    'INSERT INTO processed_deliveries (delivery_id, processed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING delivery_id',
    [deliveryId, now],
  );
  return rows.length === 1;
}

/** Retries come within minutes; a day of ids is plenty. */
export async function pruneDeliveries(q: Sql, olderThan: Date): Promise<void> {
  await q.query('DELETE FROM processed_deliveries WHERE processed_at < $1', [olderThan]);
}

export async function insertRun(
  q: Sql,
  // The engine always names the run's organisation; a fixture that does not gets its place's own.
  run: Omit<RunRecord, 'tenant' | 'rev' | 'sourceUrl'> & { tenant?: Organisation },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO flow_runs (id, flow, version, tenant, place, place_key, started_by, state, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [
      run.id,
      run.flow,
      run.version,
      run.tenant ?? scopeOf(run.place),
      JSON.stringify(run.place),
      run.placeKey,
      JSON.stringify(run.startedBy),
      JSON.stringify(run.state),
      run.status,
      now,
    ],
  );
}

/** The active run at a place, locked until the transaction ends, so events on one run serialise. */
export async function lockActiveRun(q: Sql, placeKey: string): Promise<RunRecord | undefined> {
  const rows = await q.query(
    `SELECT ${RUN_COLUMNS} FROM flow_runs WHERE place_key = $1 AND status = 'active' ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [placeKey],
  );
  return rows[0] ? toRun(rows[0]) : undefined;
}

export async function latestRun(q: Sql, placeKey: string): Promise<RunRecord | undefined> {
  const rows = await q.query(
    `SELECT ${RUN_COLUMNS} FROM flow_runs WHERE place_key = $1 ORDER BY created_at DESC LIMIT 1`,
    [placeKey],
  );
  return rows[0] ? toRun(rows[0]) : undefined;
}

export async function getRun(q: Sql, id: string): Promise<RunRecord | undefined> {
  const rows = await q.query(`SELECT ${RUN_COLUMNS} FROM flow_runs WHERE id = $1`, [id]);
  return rows[0] ? toRun(rows[0]) : undefined;
}

export async function saveRun(
  q: Sql,
  id: string,
  next: { state: unknown; status: RunStatus; wakeAt?: Date },
  now: Date,
): Promise<void> {
  await q.query(
    'UPDATE flow_runs SET state = $2, status = $3, wake_at = $4, rev = rev + 1, updated_at = $5 WHERE id = $1',
    [id, JSON.stringify(next.state), next.status, next.wakeAt ?? null, now],
  );
}

/** Ends a run without its flow's say-so (the platform refused it, or its version is gone). */
export async function closeRun(q: Sql, id: string, now: Date): Promise<void> {
  await q.query("UPDATE flow_runs SET status = 'closed', wake_at = NULL, rev = rev + 1, updated_at = $2 WHERE id = $1", [id, now]);
}

/** Moves a run into the thread its parent message opened. */
export async function anchorRun(q: Sql, id: string, place: Place, placeKey: string, url: string | undefined): Promise<void> {
  await q.query('UPDATE flow_runs SET place = $2, place_key = $3, source_url = $4 WHERE id = $1', [
    id,
    JSON.stringify(place),
    placeKey,
    url ?? null,
  ]);
}
