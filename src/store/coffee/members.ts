// SQL for coffee members: opt-in rows with their team and any pause.
import { z } from 'zod';
import type { Person } from '../../core/model';
import { personSchema } from '../../core/schemas';
import type { Sql } from '../db';

export interface Member {
  person: Person;
  team?: string;
  status: 'active' | 'left';
  pausedUntil?: Date;
}

const memberRow = z.object({
  person: personSchema,
  team: z.string().nullable(),
  status: z.enum(['active', 'left']),
  paused_until: z.coerce.date().nullable(),
});

function toMember(row: unknown): Member {
  const r = memberRow.parse(row);
  return {
    person: r.person,
    status: r.status,
    ...(r.team === null ? {} : { team: r.team }),
    ...(r.paused_until === null ? {} : { pausedUntil: r.paused_until }),
  };
}

export async function memberOf(q: Sql, programmeId: string, personId: string): Promise<Member | undefined> {
  const rows = await q.query(
    'SELECT person, team, status, paused_until FROM coffee_members WHERE programme_id = $1 AND person_id = $2',
    [programmeId, personId],
  );
  return rows[0] ? toMember(rows[0]) : undefined;
}

/** Joining again after leaving keeps the team; a pause ends on joining. */
export async function joinProgramme(q: Sql, programmeId: string, person: Person, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO coffee_members (programme_id, person_id, person, status, joined_at, updated_at) VALUES ($1, $2, $3, 'active', $4, $4)
     ON CONFLICT (programme_id, person_id) DO UPDATE SET person = EXCLUDED.person, status = 'active', paused_until = NULL, updated_at = $4`,
    [programmeId, person.id, JSON.stringify(person), now],
  );
}

export async function leaveProgramme(q: Sql, programmeId: string, personId: string, now: Date): Promise<void> {
  await q.query("UPDATE coffee_members SET status = 'left', paused_until = NULL, updated_at = $3 WHERE programme_id = $1 AND person_id = $2", [
    programmeId,
    personId,
    now,
  ]);
}

/** `until` undefined resumes. */
export async function pauseMember(q: Sql, programmeId: string, personId: string, until: Date | undefined, now: Date): Promise<void> {
  await q.query('UPDATE coffee_members SET paused_until = $3, updated_at = $4 WHERE programme_id = $1 AND person_id = $2', [
    programmeId,
    personId,
    until ?? null,
    now,
  ]);
}

export async function setTeam(q: Sql, programmeId: string, personId: string, team: string | null, now: Date): Promise<void> {
  await q.query('UPDATE coffee_members SET team = $3, updated_at = $4 WHERE programme_id = $1 AND person_id = $2', [
    programmeId,
    personId,
    team,
    now,
  ]);
}

/** Who is in the next round: joined, not left, not paused at `at`; in a stable order. */
export async function availableMembers(q: Sql, programmeId: string, at: Date): Promise<Member[]> {
  const rows = await q.query(
    `SELECT person, team, status, paused_until FROM coffee_members
     WHERE programme_id = $1 AND status = 'active' AND (paused_until IS NULL OR paused_until <= $2) ORDER BY person_id`,
    [programmeId, at],
  );
  return rows.map(toMember);
}

export async function memberCounts(q: Sql, programmeId: string, at: Date): Promise<{ active: number; paused: number }> {
  const rows = await q.query(
    `SELECT count(*) FILTER (WHERE paused_until IS NULL OR paused_until <= $2)::int AS active,
            count(*) FILTER (WHERE paused_until > $2)::int AS paused
     FROM coffee_members WHERE programme_id = $1 AND status = 'active'`,
    [programmeId, at],
  );
  return z.object({ active: z.number(), paused: z.number() }).parse(rows[0]);
}

/** Everyone who ever joined, by id, for naming the people of past groups (including those who left since). */
export async function peopleOf(q: Sql, programmeId: string, ids: string[]): Promise<Map<string, Person>> {
  const rows = await q.query('SELECT person FROM coffee_members WHERE programme_id = $1 AND person_id = ANY ($2)', [programmeId, ids]);
  const people = new Map<string, Person>();
  for (const row of rows) {
    const { person } = z.object({ person: personSchema }).parse(row);
    people.set(person.id, person);
  }
  return people;
}
