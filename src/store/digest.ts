// SQL for a community's weekly digest: each section in one statement, filtered in Postgres by tenant, time and
// domain (lessons whose tags overlap the community's, never archived ones), so a week costs the same whatever
// the size of the library. The time indexes pick the week; the tag test runs on those few rows.
import { z } from 'zod';
import type { Person } from '../core/model';
import { personSchema, platformSchema } from '../core/schemas';
import { LESSON_STATUSES, type LessonStatus } from '../lessons/lesson';
import type { Sql } from './db';

/** Whose digest: an organisation, a domain of tags, and the channel whose own actions count too. */
export interface DigestScope {
  tenant: string;
  tags: string[];
  channel: string;
}

/** From (inclusive) to (exclusive). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface DigestContributor {
  id: string;
  name?: string;
  /** Chat people can be mentioned; names from an imported spreadsheet or the console sandbox are only words. */
  mentionable: boolean;
}

export interface DigestLesson {
  id: string;
  title: string;
  tags: string[];
  status: LessonStatus;
  contributors: DigestContributor[];
  url?: string;
  createdAt: Date;
}

export interface LessonMove {
  kind: 'approved' | 'applied';
  lesson: DigestLesson;
  actor: Person;
  at: Date;
}

export interface DueAction {
  id: string;
  text: string;
  owner: Person;
  /** YYYY-MM-DD. */
  dueOn: string;
  lessonTitle?: string;
}

export interface LessonFeedbackTally {
  lesson: DigestLesson;
  useful: number;
  notUseful: number;
}

export interface DoneAction {
  owner: Person;
}

/** Everything the digest is made of, as stored. */
export interface DigestSections {
  newLessons: DigestLesson[];
  moves: LessonMove[];
  dueActions: DueAction[];
  doneActions: DoneAction[];
  feedback: LessonFeedbackTally[];
}

const contributorSchema = z.object({ id: z.string(), name: z.string().optional() });

const lessonColumns = (l: string): string =>
  `${l}.id AS lesson_id, ${l}.title, ${l}.tags, ${l}.status, ${l}.contributors, ${l}.source_platform, ${l}.source_url, ${l}.created_at`;

const lessonRow = z.object({
  lesson_id: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  status: z.enum(LESSON_STATUSES),
  contributors: z.array(contributorSchema),
  source_platform: z.union([platformSchema, z.literal('import')]),
  source_url: z.string().nullable(),
  created_at: z.coerce.date(),
});

function toLesson(row: unknown): DigestLesson {
  const r = lessonRow.parse(row);
  const mentionable = r.source_platform === 'slack' || r.source_platform === 'teams';
  return {
    id: r.lesson_id,
    title: r.title,
    tags: r.tags,
    status: r.status,
    contributors: r.contributors.map((c) => ({ ...c, mentionable })),
    ...(r.source_url === null ? {} : { url: r.source_url }),
    createdAt: r.created_at,
  };
}

/** A lesson in the domain: shares a tag with it and is not archived. */
const IN_DOMAIN = (l: string): string => `${l}.tenant = $1 AND ${l}.tags && $2::text[] AND ${l}.archived_at IS NULL`;

/** New lessons of the week in the domain, oldest first. */
export async function newLessonsIn(q: Sql, scope: DigestScope, week: TimeWindow): Promise<DigestLesson[]> {
  const rows = await q.query(
    `SELECT ${lessonColumns('l')} FROM lessons l
      WHERE ${IN_DOMAIN('l')} AND l.created_at >= $3 AND l.created_at < $4
      ORDER BY l.created_at, l.id`,
    [scope.tenant, scope.tags, week.from, week.to],
  );
  return rows.map(toLesson);
}

const moveRow = z.object({ kind: z.enum(['approved', 'applied']), actor: personSchema, at: z.coerce.date() });

/** Approvals and reports of use in the week, of lessons in the domain, in time order. */
export async function lessonMovesIn(q: Sql, scope: DigestScope, week: TimeWindow): Promise<LessonMove[]> {
  const rows = await q.query(
    `SELECT e.kind, e.actor, e.at, ${lessonColumns('l')}
       FROM lesson_events e JOIN lessons l ON l.id = e.lesson_id
      WHERE e.tenant = $1 AND e.at >= $3 AND e.at < $4 AND e.kind IN ('approved', 'applied') AND ${IN_DOMAIN('l')}
      ORDER BY e.at, e.id`,
    [scope.tenant, scope.tags, week.from, week.to],
  );
  return rows.map((row) => ({ ...moveRow.parse(row), lesson: toLesson(row) }));
}

/** An action is the community's when its lesson is in the domain, or when it was agreed in the community's channel. */
const COMMUNITY_ACTION = `a.tenant = $1 AND ((l.id IS NOT NULL AND ${IN_DOMAIN('l')}) OR a.place->>'channel' = $3)`;

const dueRow = z.object({
  id: z.string(),
  text: z.string(),
  owner: personSchema,
  due_on: z.string(),
  lesson_title: z.string().nullable(),
});

/** Open actions due before `before` (YYYY-MM-DD): overdue ones and those due in the coming week, soonest first. */
export async function dueActionsOf(q: Sql, scope: DigestScope, before: string): Promise<DueAction[]> {
  const rows = await q.query(
    // As text: node-postgres would read a date as local midnight, and the day itself is what we want.
    `SELECT a.id, a.text, a.owner, a.due_on::text AS due_on, l.title AS lesson_title
       FROM lesson_actions a LEFT JOIN lessons l ON l.id = a.lesson_id
      WHERE a.status = 'open' AND a.due_on < $4::date AND ${COMMUNITY_ACTION}
      ORDER BY a.due_on, a.created_at, a.id`,
    [scope.tenant, scope.tags, scope.channel, before],
  );
  return rows.map((row) => {
    const r = dueRow.parse(row);
    return { id: r.id, text: r.text, owner: r.owner, dueOn: r.due_on, ...(r.lesson_title === null ? {} : { lessonTitle: r.lesson_title }) };
  });
}

/** Actions of the community marked done in the week. */
export async function doneActionsIn(q: Sql, scope: DigestScope, week: TimeWindow): Promise<DoneAction[]> {
  const rows = await q.query(
    `SELECT a.owner FROM lesson_actions a LEFT JOIN lessons l ON l.id = a.lesson_id
      WHERE a.status = 'done' AND a.closed_at >= $4 AND a.closed_at < $5 AND ${COMMUNITY_ACTION}
      ORDER BY a.closed_at, a.id`,
    [scope.tenant, scope.tags, scope.channel, week.from, week.to],
  );
  return rows.map((row) => ({ owner: z.object({ owner: personSchema }).parse(row).owner }));
}

const tallyRow = z.object({ useful: z.coerce.number(), not_useful: z.coerce.number() });

/** What people said of recalled lessons in the domain this week, one tally per lesson, most useful first. */
export async function feedbackIn(q: Sql, scope: DigestScope, week: TimeWindow): Promise<LessonFeedbackTally[]> {
  const rows = await q.query(
    `SELECT ${lessonColumns('l')}, f.useful, f.not_useful
       FROM (SELECT lesson_id, count(*) FILTER (WHERE useful) AS useful, count(*) FILTER (WHERE NOT useful) AS not_useful
               FROM lesson_feedback WHERE tenant = $1 AND at >= $3 AND at < $4 GROUP BY lesson_id) f
       JOIN lessons l ON l.id = f.lesson_id
      WHERE ${IN_DOMAIN('l')}
      ORDER BY f.useful - f.not_useful DESC, f.useful DESC, l.created_at DESC, l.id`,
    [scope.tenant, scope.tags, week.from, week.to],
  );
  return rows.map((row) => {
    const r = tallyRow.parse(row);
    return { lesson: toLesson(row), useful: r.useful, notUseful: r.not_useful };
  });
}

/** Every section of one community's week. */
export async function digestSections(q: Sql, scope: DigestScope, week: TimeWindow, dueBefore: string): Promise<DigestSections> {
  return {
    newLessons: await newLessonsIn(q, scope, week),
    moves: await lessonMovesIn(q, scope, week),
    dueActions: await dueActionsOf(q, scope, dueBefore),
    doneActions: await doneActionsIn(q, scope, week),
    feedback: await feedbackIn(q, scope, week),
  };
}

/**
 * Whether anything happened in the domain in the window: a new lesson, an approval or report of use, an action
 * done, or feedback. One statement; each test stops at its first row.
 */
export async function anyActivityIn(q: Sql, scope: DigestScope, window: TimeWindow): Promise<boolean> {
  const rows = await q.query(
    `SELECT EXISTS (SELECT 1 FROM lessons l WHERE ${IN_DOMAIN('l')} AND l.created_at >= $4 AND l.created_at < $5)
         OR EXISTS (SELECT 1 FROM lesson_events e JOIN lessons l ON l.id = e.lesson_id
                     WHERE e.tenant = $1 AND e.at >= $4 AND e.at < $5 AND e.kind IN ('approved', 'applied') AND ${IN_DOMAIN('l')})
         OR EXISTS (SELECT 1 FROM lesson_actions a LEFT JOIN lessons l ON l.id = a.lesson_id
                     WHERE a.status = 'done' AND a.closed_at >= $4 AND a.closed_at < $5 AND ${COMMUNITY_ACTION})
         OR EXISTS (SELECT 1 FROM lesson_feedback f JOIN lessons l ON l.id = f.lesson_id
                     WHERE f.tenant = $1 AND f.at >= $4 AND f.at < $5 AND ${IN_DOMAIN('l')}) AS active`,
    [scope.tenant, scope.tags, scope.channel, window.from, window.to],
  );
  return z.object({ active: z.boolean() }).parse(rows[0]).active;
}
