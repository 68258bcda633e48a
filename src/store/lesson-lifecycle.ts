// SQL for one lesson's life after it is saved: reading it, editing it and archiving it.
import type { Lesson } from '../lessons/lesson';
import type { Sql } from './db';
import { LESSON_COLUMNS, toLesson } from './lessons';

// A button's value comes from outside; Postgres would abort the transaction on a malformed uuid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One lesson of one organisation, or undefined (unknown id, or another organisation's). `lock` holds it for a change. */
export async function lessonInTenant(q: Sql, tenant: string, id: string, lock = false): Promise<Lesson | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await q.query(`SELECT ${LESSON_COLUMNS} FROM lessons WHERE id = $1 AND tenant = $2${lock ? ' FOR UPDATE' : ''}`, [id, tenant]);
  return rows[0] === undefined ? undefined : toLesson(rows[0]);
}

/** What an edit may change. */
export type LessonText = Pick<Lesson, 'title' | 'recommendation' | 'observation' | 'reason' | 'tags'>;

export async function updateLessonText(q: Sql, tenant: string, id: string, text: LessonText): Promise<void> {
  await q.query(
    'UPDATE lessons SET title = $3, recommendation = $4, observation = $5, reason = $6, tags = $7 WHERE id = $1 AND tenant = $2',
    [id, tenant, text.title, text.recommendation, text.observation, text.reason, text.tags],
  );
}

/** Archives a lesson at `at`, or restores it with null. */
export async function setLessonArchived(q: Sql, tenant: string, id: string, at: Date | null): Promise<void> {
  await q.query('UPDATE lessons SET archived_at = $3 WHERE id = $1 AND tenant = $2', [id, tenant, at]);
}
