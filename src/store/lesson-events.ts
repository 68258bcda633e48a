// SQL for a lesson's history: each change of status, edit, archive or restore, with who and when.
import { z } from 'zod';
import type { Person } from '../core/model';
import { personSchema } from '../core/schemas';
import type { LessonStatus } from '../lessons/lesson';
import type { Sql } from './db';

export const LESSON_EVENT_KINDS = ['validated', 'approved', 'applied', 'edited', 'archived', 'restored'] as const;
export type LessonEventKind = (typeof LESSON_EVENT_KINDS)[number];

export interface LessonEvent {
  lessonId: string;
  kind: LessonEventKind;
  actor: Person;
  /** edited: { before, after }; applied: { evidence }; approved: { community }. */
  detail: Record<string, unknown>;
  at: Date;
}

const eventRow = z.object({
  lesson_id: z.string(),
  kind: z.enum(LESSON_EVENT_KINDS),
  actor: personSchema,
  detail: z.record(z.string(), z.unknown()),
  at: z.coerce.date(),
});

/** Records an event on a lesson of this organisation; false (nothing recorded) when the organisation has no such lesson. */
export async function recordLessonEvent(q: Sql, tenant: string, event: LessonEvent): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO lesson_events (lesson_id, tenant, kind, actor, detail, at)
     SELECT id, tenant, $3::text, $4::jsonb, $5::jsonb, $6::timestamptz FROM lessons WHERE id = $1 AND tenant = $2 RETURNING id`,
    [event.lessonId, tenant, event.kind, JSON.stringify(event.actor), JSON.stringify(event.detail), event.at],
  );
  return rows.length > 0;
}

/**
 * Moves a lesson to `status` and records who did it, in one transaction with the caller's other writes;
 * false (nothing changed) when the organisation has no such lesson.
 */
export async function moveLesson(
  q: Sql,
  tenant: string,
  lessonId: string,
  status: Extract<LessonStatus, LessonEventKind>,
  actor: Person,
  detail: Record<string, unknown>,
  at: Date,
): Promise<boolean> {
  const moved = await q.query('UPDATE lessons SET status = $3 WHERE id = $1 AND tenant = $2 RETURNING id', [lessonId, tenant, status]);
  if (moved.length === 0) return false;
  return recordLessonEvent(q, tenant, { lessonId, kind: status, actor, detail, at });
}

function toEvent(row: unknown): LessonEvent {
  const r = eventRow.parse(row);
  return { lessonId: r.lesson_id, kind: r.kind, actor: r.actor, detail: r.detail, at: r.at };
}

/** A lesson's history, oldest first. */
export async function lessonEvents(q: Sql, tenant: string, lessonId: string): Promise<LessonEvent[]> {
  const rows = await q.query(
    'SELECT lesson_id, kind, actor, detail, at FROM lesson_events WHERE lesson_id = $1 AND tenant = $2 ORDER BY at, id',
    [lessonId, tenant],
  );
  return rows.map(toEvent);
}

/** The histories of many lessons (an export), oldest first, in one query. */
export async function eventsOfLessons(q: Sql, lessonIds: readonly string[]): Promise<LessonEvent[]> {
  const rows = await q.query('SELECT lesson_id, kind, actor, detail, at FROM lesson_events WHERE lesson_id = ANY($1::uuid[]) ORDER BY at, id', [
    [...lessonIds],
  ]);
  return rows.map(toEvent);
}
