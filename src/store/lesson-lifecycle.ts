// SQL for one lesson's life after it is saved: reading it, editing it, archiving it, and who may approve it.
import { z } from 'zod';
import type { Person } from '../core/model';
import { personSchema } from '../core/schemas';
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

export interface CommunityOfLesson {
  id: string;
  name: string;
  owner: Person;
}

const communityRow = z.object({ id: z.string(), name: z.string(), owner: personSchema });

/**
 * The organisation's active communities whose tags overlap `tags` (any of them when the lesson has none),
 * oldest first; with `ownerId`, only those that person owns.
 */
export async function communitiesForTags(q: Sql, tenant: string, tags: readonly string[], ownerId?: string): Promise<CommunityOfLesson[]> {
  const rows = await q.query(
    `SELECT id, name, owner FROM communities
      WHERE tenant = $1 AND status = 'active' AND (cardinality($2::text[]) = 0 OR tags && $2::text[])
        AND ($3::text IS NULL OR owner_id = $3)
      ORDER BY created_at, id`,
    [tenant, [...tags], ownerId ?? null],
  );
  return rows.map((row) => communityRow.parse(row));
}

/** The community through which this person may approve (or look after) a lesson with these tags, if any. */
export async function communityOwnedBy(q: Sql, tenant: string, personId: string, tags: readonly string[]): Promise<CommunityOfLesson | undefined> {
  const [first] = await communitiesForTags(q, tenant, tags, personId);
  return first;
}
