// A saved AAR lesson to hang actions on, and actions stored the way "Add action" stores them.
import { randomUUID } from 'node:crypto';
import type { Person, Place } from '../../../src/core/model';
import { remindAt } from '../../../src/dates/day';
import type { Sql } from '../../../src/store/db';
import { insertAction } from '../../../src/store/lesson-actions';
import { insertLessons } from '../../../src/store/lessons';
import { insertRun } from '../../../src/store/runs';

export const LONDON = 'Europe/London';
export const person = (id: string, tenant = 'T1'): Person => ({ platform: 'console', tenant, id, name: id });
export const thread = (tenant = 'T1'): Place => ({ platform: 'console', tenant, channel: 'C1', thread: 'm1' });

/** A finished review at `thread()` with one saved lesson (draft key 'm5'); returns the run and lesson ids. */
export async function seedLesson(q: Sql, at: Date, tenant = 'T1'): Promise<{ runId: string; lessonId: string }> {
  const runId = randomUUID();
  const place = thread(tenant);
  const facilitator = person('alex', tenant);
  await insertRun(q, { id: runId, flow: 'after-action-review', version: 1, place, placeKey: `console:${tenant}:C1:m1`, startedBy: facilitator, state: {}, status: 'done' }, at);
  const draft = {
    key: 'm5',
    title: 'Give the printer queue an owner',
    recommendation: 'Name a printer-queue owner for every go-live',
    observation: '',
    reason: '',
    technique: 'after-action-review',
    tags: [],
    contributors: [facilitator],
  };
  await insertLessons(q, runId, { platform: 'console', tenant, channel: 'C1', thread: 'm1' }, [draft], at);
  const [row] = await q.query('SELECT id FROM lessons WHERE run_id = $1', [runId]);
  return { runId, lessonId: String(row?.id) };
}

export function seedAction(q: Sql, lessonId: string, owner: Person, dueOn: string, at: Date): Promise<string> {
  return insertAction(
    q,
    { tenant: owner.tenant, lessonId, text: 'Name an owner for the printer queue', owner, dueOn, remindAt: remindAt(dueOn, LONDON), timeZone: LONDON, createdBy: person('alex', owner.tenant) },
    at,
  );
}
