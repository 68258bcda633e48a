// SQL for searching an organisation's lessons: ranked full-text matches with a short snippet, or the newest.
import { z } from 'zod';
import type { Lesson } from '../lessons/lesson';
import type { LessonQuery } from '../lessons/search-query';
import type { Sql } from './db';
import { LESSON_COLUMNS, toLesson } from './lessons';

export interface LessonHit {
  lesson: Lesson;
  /** A sentence or so around the matched words, which are wrapped in * (bold in Slack and Teams markdown). */
  snippet: string;
  /** ts_rank_cd of the text match; 0 when the query has no text. */
  rank: number;
}

export const MAX_LESSON_HITS = 100;
/**
 * A search that matches at least COMMON_MATCHES of an organisation's newest RECENT_LESSONS lessons is ranked among
 * those only: ranking every match of a word found in most of 50,000 lessons reads them all (170 ms against 10 ms).
 */
export const RECENT_LESSONS = 3000;
export const COMMON_MATCHES = 100;

const SNIPPET_WORDS = 25;
export const HEADLINE_OPTIONS = `StartSel=*, StopSel=*, MaxWords=${SNIPPET_WORDS}, MinWords=8, ShortWord=3, MaxFragments=1`;
// The recommendation gets a full stop if it has none, so the snippet does not run it into the observation.
export const SNIPPET_SOURCE = `CASE WHEN recommendation ~ '[.!?]\\s*$' THEN recommendation ELSE recommendation || '.' END || ' ' || observation`;

const hitRow = z.object({ rank: z.coerce.number(), snippet: z.string(), snippet_source: z.string() });

/** The conditions of a search: the tenant's first, then whichever filters were given. */
function conditions(tenant: string, query: LessonQuery, params: unknown[]): { tenant: string; all: string } {
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const own = `tenant = ${param(tenant)}`;
  // An archived lesson is kept for the record but is never found.
  const where = [own, 'archived_at IS NULL'];
  if (query.tags.length > 0) where.push(`tags @> ${param(query.tags)}::text[]`);
  if (query.technique !== undefined) where.push(`technique = ${param(query.technique)}`);
  if (query.since !== undefined) where.push(`created_at >= ${param(query.since)}`);
  if (query.status !== undefined) where.push(`status = ${param(query.status)}`);
  return { tenant: own, all: where.join(' AND ') };
}

function flatten(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The opening sentence of a text, cut to a snippet's length. */
export function openingOf(text: string, maxWords = SNIPPET_WORDS): string {
  const flat = flatten(text);
  const sentence = /^.*?[.!?](?=\s|$)/u.exec(flat)?.[0] ?? flat;
  const words = sentence.split(' ');
  return words.length <= maxWords ? sentence : `${words.slice(0, maxWords).join(' ')}…`;
}

/** Marks a headline cut from the middle of its source with … at the cut ends. */
export function withEllipses(headline: string, source: string): string {
  const snippet = flatten(headline);
  const plain = snippet.replace(/\*/g, '');
  const whole = flatten(source);
  // A lesson that has its own asterisks cannot be compared; its headline is shown as it is.
  if (whole.includes('*') || !whole.includes(plain)) return snippet;
  return `${whole.startsWith(plain) ? '' : '…'}${snippet}${whole.endsWith(plain) ? '' : '…'}`;
}

/**
 * The best matches in one organisation's library: ranked by ts_rank_cd (title, then recommendation, then
 * observation and reason), newest first on a tie, a common word among the newest lessons only (see RECENT_LESSONS);
 * with no text, simply the newest. A text of stop words only finds nothing.
 */
export async function searchLessons(q: Sql, tenant: string, query: LessonQuery, limit = 5): Promise<LessonHit[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LESSON_HITS) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_LESSON_HITS}`);
  }
  const params: unknown[] = [];
  const where = conditions(tenant, query, params);

  if (query.text.trim() === '') {
    params.push(limit);
    const rows = await q.query(
      `SELECT ${LESSON_COLUMNS} FROM lessons WHERE ${where.all} ORDER BY created_at DESC, id LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => {
      const lesson = toLesson(row);
      return { lesson, snippet: openingOf(lesson.recommendation), rank: 0 };
    });
  }

  params.push(query.text, RECENT_LESSONS, COMMON_MATCHES, limit);
  const [text, recentLessons, commonMatches, top] = [3, 2, 1, 0].map((back) => `$${params.length - back}`);
  // Candidates come from one of two plans, chosen on the data rather than on the planner's guess: if the search is
  // common among the organisation's newest lessons (whose pages stay in memory), those matches; else every match,
  // through the text index. Ranking runs on the candidates, and ts_headline (slow) only on the few that are shown.
  const rows = await q.query(
    `WITH wanted AS (SELECT websearch_to_tsquery('english', ${text}) AS query),
          newest AS MATERIALIZED (
            SELECT id, tenant, tags, technique, status, created_at, archived_at, search FROM lessons
             WHERE ${where.tenant} AND (SELECT numnode(query) FROM wanted) > 0 ORDER BY created_at DESC LIMIT ${recentLessons}),
          recent AS MATERIALIZED (
            SELECT id, created_at, search FROM newest, wanted WHERE ${where.all} AND search @@ query),
          candidate AS (
            SELECT id, created_at, search FROM recent WHERE (SELECT count(*) FROM recent) >= ${commonMatches}
            UNION ALL
            SELECT id, created_at, search FROM lessons, wanted
             WHERE ${where.all} AND numnode(query) > 0 AND search @@ query AND (SELECT count(*) FROM recent) < ${commonMatches}),
          hit AS (
            SELECT id, ts_rank_cd(search, query) AS rank FROM candidate, wanted
             ORDER BY rank DESC, created_at DESC, id LIMIT ${top})
     SELECT ${LESSON_COLUMNS}, rank, ts_headline('english', snippet_source, query, '${HEADLINE_OPTIONS}') AS snippet, snippet_source
       FROM hit JOIN lessons USING (id) CROSS JOIN wanted,
            LATERAL (SELECT ${SNIPPET_SOURCE} AS snippet_source) AS source
      ORDER BY rank DESC, created_at DESC, id`,
    params,
  );
  return rows.map((row) => {
    const lesson = toLesson(row);
    const hit = hitRow.parse(row);
    return { lesson, rank: hit.rank, snippet: withEllipses(hit.snippet, hit.snippet_source) };
  });
}

/** How many lessons an organisation's library holds. */
export async function countLessons(q: Sql, tenant: string): Promise<number> {
  const rows = await q.query('SELECT count(*)::int AS n FROM lessons WHERE tenant = $1', [tenant]);
  return z.object({ n: z.number().int() }).parse(rows[0]).n;
}
