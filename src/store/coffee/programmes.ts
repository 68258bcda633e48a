// SQL for coffee programmes: one per channel, with its organiser, settings and schedule anchor.
import { z } from 'zod';
import type { Person, Place } from '../../core/model';
import { personSchema, placeSchema } from '../../core/schemas';
import { programmeSettingsSchema, type ProgrammeSettings } from '../../coffee/settings';
import type { Sql } from '../db';

export interface Programme {
  id: string;
  tenant: string;
  place: Place;
  organiser: Person;
  settings: ProgrammeSettings;
  anchor: { round: number; at: Date };
  status: 'active' | 'stopped';
}

const programmeRow = z.object({
  id: z.string(),
  tenant: z.string(),
  place: placeSchema,
  organiser: personSchema,
  settings: programmeSettingsSchema,
  anchor_round: z.number(),
  anchor_at: z.coerce.date(),
  status: z.enum(['active', 'stopped']),
});

const COLUMNS = 'id, tenant, place, organiser, settings, anchor_round, anchor_at, status';

function toProgramme(row: unknown): Programme {
  const r = programmeRow.parse(row);
  return {
    id: r.id,
    tenant: r.tenant,
    place: r.place,
    organiser: r.organiser,
    settings: r.settings,
    anchor: { round: r.anchor_round, at: r.anchor_at },
    status: r.status,
  };
}

/** Creates the channel's programme; false when the channel already has one. */
export async function insertProgramme(q: Sql, p: Programme & { placeKey: string }, now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO coffee_programmes (id, tenant, place, place_key, organiser, settings, anchor_round, anchor_at, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) ON CONFLICT (place_key) DO NOTHING RETURNING id`,
    [p.id, p.tenant, JSON.stringify(p.place), p.placeKey, JSON.stringify(p.organiser), JSON.stringify(p.settings), p.anchor.round, p.anchor.at, p.status, now],
  );
  return rows.length === 1;
}

/** The channel's programme, locked for the rest of the transaction when `lock` is set. */
export async function programmeAt(q: Sql, placeKey: string, lock = false): Promise<Programme | undefined> {
  const rows = await q.query(`SELECT ${COLUMNS} FROM coffee_programmes WHERE place_key = $1${lock ? ' FOR UPDATE' : ''}`, [placeKey]);
  return rows[0] ? toProgramme(rows[0]) : undefined;
}

/** A programme named by a button or form, only if it belongs to `organisation`: another's reads as not found. */
export async function programmeOf(q: Sql, organisation: string, id: string): Promise<Programme | undefined> {
  const rows = await q.query(`SELECT ${COLUMNS} FROM coffee_programmes WHERE id = $1 AND tenant = $2`, [id, organisation]);
  return rows[0] ? toProgramme(rows[0]) : undefined;
}

/** By id alone: for scheduled steps, which belong to no one request. */
export async function programmeById(q: Sql, id: string, lock = false): Promise<Programme | undefined> {
  const rows = await q.query(`SELECT ${COLUMNS} FROM coffee_programmes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toProgramme(rows[0]) : undefined;
}

export async function activeProgrammes(q: Sql): Promise<Programme[]> {
  const rows = await q.query(`SELECT ${COLUMNS} FROM coffee_programmes WHERE status = 'active' ORDER BY created_at`);
  return rows.map(toProgramme);
}

/** New settings (and the schedule anchor they imply); also restarts a stopped programme. */
export async function updateProgramme(
  q: Sql,
  id: string,
  next: { settings: ProgrammeSettings; anchor: { round: number; at: Date }; organiser: Person },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE coffee_programmes SET settings = $2, anchor_round = $3, anchor_at = $4, organiser = $5, status = 'active', updated_at = $6 WHERE id = $1`,
    [id, JSON.stringify(next.settings), next.anchor.round, next.anchor.at, JSON.stringify(next.organiser), now],
  );
}

export async function stopProgramme(q: Sql, id: string, now: Date): Promise<void> {
  await q.query("UPDATE coffee_programmes SET status = 'stopped', updated_at = $2 WHERE id = $1", [id, now]);
}
