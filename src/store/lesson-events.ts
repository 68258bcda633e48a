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

export async function recordLessonEvent(q: Sql, tenant: string, event: LessonEvent): Promise<void> {
  await q.query('INSERT INTO lesson_events (lesson_id, tenant, kind, actor, detail, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    event.lessonId,
    tenant,
    event.kind,
    JSON.stringify(event.actor),
    JSON.stringify(event.detail),
    event.at,
  ]);
}

/** Moves a lesson to `status` and records who did it, in one transaction with the caller's other writes. */
export async function moveLesson(
  q: Sql,
  tenant: string,
  lessonId: string,
  status: Extract<LessonStatus, LessonEventKind>,
  actor: Person,
  detail: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await q.query('UPDATE lessons SET status = $3 WHERE id = $1 AND tenant = $2', [lessonId, tenant, status]);
  await recordLessonEvent(q, tenant, { lessonId, kind: status, actor, detail, at });
}

/** A lesson's history, oldest first. */
export async function lessonEvents(q: Sql, tenant: string, lessonId: string): Promise<LessonEvent[]> {
  const rows = await q.query(
    'SELECT lesson_id, kind, actor, detail, at FROM lesson_events WHERE lesson_id = $1 AND tenant = $2 ORDER BY at, id',
    [lessonId, tenant],
  );
  return rows.map((row) => {
    const r = eventRow.parse(row);
    return { lessonId: r.lesson_id, kind: r.kind, actor: r.actor, detail: r.detail, at: r.at };
  });
}
