// SQL for who took part in a review: kept with the review (its run), not copied onto each of its lessons.
import { z } from 'zod';
import type { Person } from '../core/model';
import type { Contributor } from '../lessons/lesson';
import type { Sql } from './db';

/** Records the review's participants in the order given; a person already recorded for it is left as they are. */
export async function recordReviewParticipants(q: Sql, runId: string, tenant: string, people: readonly Person[], now: Date): Promise<void> {
  if (people.length === 0) return;
  const rows = people.map((p) => ({ id: p.id, name: p.name ?? null }));
  await q.query(
    `INSERT INTO review_participants (run_id, tenant, person_id, person_name, position, recorded_at)
     SELECT $1, $2, p.item->>'id', p.item->>'name', p.n, $4
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS p(item, n)
     ON CONFLICT (run_id, person_id) DO NOTHING`,
    [runId, tenant, JSON.stringify(rows), now],
  );
}

/** A lesson's review, and who took part in it. */
export interface LessonReview {
  lessonId: string;
  /** The run the lesson was saved from. */
  reviewId: string;
  participants: Contributor[];
}

const participantSchema = z.object({ id: z.string(), name: z.string().nullable() });
const lessonReviewRow = z.object({ lesson_id: z.string(), run_id: z.string(), participants: z.array(participantSchema) });

/** The review behind each of these lessons of one organisation, with its participants; imported lessons have none. */
export async function lessonReviews(q: Sql, tenant: string, lessonIds: readonly string[]): Promise<LessonReview[]> {
  if (lessonIds.length === 0) return [];
  const rows = await q.query(
    `SELECT l.id AS lesson_id, l.run_id,
            coalesce(jsonb_agg(jsonb_build_object('id', p.person_id, 'name', p.person_name) ORDER BY p.position)
                     FILTER (WHERE p.person_id IS NOT NULL), '[]') AS participants
       FROM lessons l LEFT JOIN review_participants p ON p.run_id = l.run_id AND p.tenant = l.tenant
      WHERE l.tenant = $1 AND l.id = ANY($2::uuid[]) AND l.run_id IS NOT NULL
      GROUP BY l.id, l.run_id`,
    [tenant, [...lessonIds]],
  );
  return rows.map((row) => {
    const r = lessonReviewRow.parse(row);
    const participants = r.participants.map((p) => (p.name === null ? { id: p.id } : { id: p.id, name: p.name }));
    return { lessonId: r.lesson_id, reviewId: r.run_id, participants };
  });
}
