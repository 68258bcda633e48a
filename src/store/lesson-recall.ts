// SQL for recalling past lessons into a Before Action Review, and for what participants thought of them.
import { z } from 'zod';
import type { Lesson } from '../lessons/lesson';
import type { Sql } from './db';
import { HEADLINE_OPTIONS, SNIPPET_SOURCE, withEllipses } from './lesson-search';
import { LESSON_COLUMNS, toLesson } from './lessons';

export interface RecallHit {
  lesson: Lesson;
  /** A sentence or so around the matched words, which are wrapped in * (bold in Slack and Teams markdown). */
  snippet: string;
  /** The text match (ts_rank_cd) times the feedback factor (see FEEDBACK_FACTOR). */
  score: number;
}

export const MAX_RECALLED = 20;

/**
 * How feedback moves a lesson: (2 + useful) / (2 + not relevant) over every recall in the organisation, kept
 * between 1/3 and 3. One "Not relevant" scales a match by 2/3 (one "Useful" by 3/2), so a single vote reorders
 * near-equal matches but cannot bury a strong one; a steady verdict of four or more net votes counts threefold.
 */
const FEEDBACK_FACTOR = `GREATEST(1.0 / 3, LEAST(3.0, (2.0 + coalesce(opinion.useful, 0)) / (2.0 + coalesce(opinion.not_relevant, 0))))`;

// plainto_tsquery stems and drops stop words; its ANDs become ORs, and the cast keeps the stems as they are
// (to_tsquery would stem and split them again). Only stop words give an empty query, which matches nothing.
const ANY_WORD = `replace(plainto_tsquery('english', $2)::text, ' & ', ' | ')::tsquery`;

const hitRow = z.object({ score: z.coerce.number(), snippet: z.string(), snippet_source: z.string() });

/**
 * The lessons of one organisation most like `about`: not archived, sharing any of its significant words, ranked by
 * text match times feedback, newest first on a tie.
 */
export async function recallCandidates(q: Sql, tenant: string, about: string, limit = 5): Promise<RecallHit[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECALLED) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_RECALLED}`);
  }
  const rows = await q.query(
    `WITH wanted AS (SELECT ${ANY_WORD} AS query),
          matched AS (
            SELECT id, created_at, ts_rank_cd(search, query) AS rank FROM lessons, wanted
             WHERE tenant = $1 AND archived_at IS NULL AND numnode(query) > 0 AND search @@ query),
          opinion AS (
            SELECT lesson_id, count(*) FILTER (WHERE useful) AS useful, count(*) FILTER (WHERE NOT useful) AS not_relevant
              FROM lesson_feedback WHERE tenant = $1 AND lesson_id IN (SELECT id FROM matched) GROUP BY lesson_id),
          hit AS (
            SELECT matched.id, (matched.rank * ${FEEDBACK_FACTOR})::float8 AS score
              FROM matched LEFT JOIN opinion ON opinion.lesson_id = matched.id
             ORDER BY score DESC, matched.created_at DESC, matched.id LIMIT $3)
     SELECT ${LESSON_COLUMNS}, score, ts_headline('english', snippet_source, query, '${HEADLINE_OPTIONS}') AS snippet, snippet_source
       FROM hit JOIN lessons USING (id) CROSS JOIN wanted,
            LATERAL (SELECT ${SNIPPET_SOURCE} AS snippet_source) AS source
      ORDER BY score DESC, created_at DESC, id`,
    [tenant, about, limit],
  );
  return rows.map((row) => {
    const hit = hitRow.parse(row);
    return { lesson: toLesson(row), score: hit.score, snippet: withEllipses(hit.snippet, hit.snippet_source) };
  });
}

/** Notes which lessons a run was shown, in order; recording the same recall again adds nothing. */
export async function recordRecalls(q: Sql, runId: string, tenant: string, lessonIds: readonly string[], now: Date): Promise<void> {
  if (lessonIds.length === 0) return;
  await q.query(
    `INSERT INTO lesson_recalls (run_id, lesson_id, tenant, position, recalled_at)
     SELECT $1, recalled.id, $2, recalled.position, $4
       FROM unnest($3::uuid[]) WITH ORDINALITY AS recalled (id, position)
     ON CONFLICT (run_id, lesson_id) DO NOTHING`,
    [runId, tenant, lessonIds, now],
  );
}

/** Whether the run was shown that lesson, within the organisation. */
export async function wasRecalled(q: Sql, runId: string, lessonId: string, tenant: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM lesson_recalls WHERE run_id = $1 AND lesson_id = $2 AND tenant = $3', [runId, lessonId, tenant]);
  return rows.length > 0;
}

export interface RecallFeedback {
  lessonId: string;
  runId: string;
  personId: string;
  tenant: string;
  useful: boolean;
  at: Date;
}

/** One opinion per person per recalled lesson: pressing again, or the other button, replaces it. */
export async function recordFeedback(q: Sql, f: RecallFeedback): Promise<void> {
  await q.query(
    `INSERT INTO lesson_feedback (lesson_id, run_id, person_id, tenant, useful, at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (lesson_id, run_id, person_id) DO UPDATE SET useful = excluded.useful, at = excluded.at`,
    [f.lessonId, f.runId, f.personId, f.tenant, f.useful, f.at],
  );
}
