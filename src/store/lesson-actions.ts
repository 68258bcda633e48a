// SQL for actions with owners and due dates.
import { z } from 'zod';
import type { ActionDraft } from '../core/flow';
import type { Person, Place } from '../core/model';
import { personSchema, placeSchema } from '../core/schemas';
import { LESSON_STATUSES, type LessonStatus } from '../lessons/lesson';
import type { Sql } from './db';

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface LessonAction {
  id: string;
  tenant: string;
  lessonId?: string;
  runId?: string;
  draftKey?: string;
  place?: Place;
  text: string;
  owner: Person;
  /** YYYY-MM-DD in timeZone. */
  dueOn: string;
  remindAt: Date;
  timeZone: string;
  status: ActionStatus;
  evidence?: string;
  createdBy: Person;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
}

/** What a new action needs; the rest is filled in as it is stored. */
export type NewAction = Pick<LessonAction, 'tenant' | 'text' | 'owner' | 'dueOn' | 'remindAt' | 'timeZone' | 'createdBy'> &
  Partial<Pick<LessonAction, 'lessonId' | 'place'>>;

/** The lesson an action comes from, as much as an action needs of it. */
export interface ActionLesson {
  id: string;
  title: string;
  recommendation: string;
  status: LessonStatus;
  archived: boolean;
}

/** One open action whose reminder time has come. */
export interface DueAction {
  id: string;
  dueOn: string;
  remindAt: Date;
}

// due_on goes through to_char so neither driver turns a calendar day into a local midnight.
const ACTION_COLUMNS = `id, tenant, lesson_id, run_id, draft_key, place, text, owner, to_char(due_on, 'YYYY-MM-DD') AS due_on,
  remind_at, time_zone, status, evidence, created_by, created_at, updated_at, closed_at`;

const actionRow = z.object({
  id: z.string(),
  tenant: z.string(),
  lesson_id: z.string().nullable(),
  run_id: z.string().nullable(),
  draft_key: z.string().nullable(),
  place: placeSchema.nullable(),
  text: z.string(),
  owner: personSchema,
  due_on: z.string(),
  remind_at: z.coerce.date(),
  time_zone: z.string(),
  status: z.enum(ACTION_STATUSES),
  evidence: z.string().nullable(),
  created_by: personSchema,
  created_at: z.coerce.date(),
  updated_at: z.coerce.date(),
  closed_at: z.coerce.date().nullable(),
});

function toAction(row: unknown): LessonAction {
  const r = actionRow.parse(row);
  return {
    id: r.id,
    tenant: r.tenant,
    ...(r.lesson_id === null ? {} : { lessonId: r.lesson_id }),
    ...(r.run_id === null ? {} : { runId: r.run_id }),
    ...(r.draft_key === null ? {} : { draftKey: r.draft_key }),
    ...(r.place === null ? {} : { place: r.place }),
    text: r.text,
    owner: r.owner,
    dueOn: r.due_on,
    remindAt: r.remind_at,
    timeZone: r.time_zone,
    status: r.status,
    ...(r.evidence === null ? {} : { evidence: r.evidence }),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.closed_at === null ? {} : { closedAt: r.closed_at }),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come back from buttons and forms; anything not shaped like one is simply not found (Postgres would throw). */
export function isUuid(text: string | undefined): text is string {
  return text !== undefined && UUID.test(text);
}

/** A run's agreed actions; an action already saved for the run is skipped. Returns how many were new. */
export async function insertRunActions(
  q: Sql,
  run: { id: string; tenant: string; place: Place; startedBy: Person },
  drafts: ActionDraft[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  for (const d of drafts) {
    const rows = await q.query(
      `INSERT INTO lesson_actions (tenant, run_id, draft_key, place, text, owner, owner_id, due_on, remind_at, time_zone,
                                   created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (run_id, draft_key) DO NOTHING RETURNING id`,
      [
        run.tenant,
        run.id,
        d.key,
        JSON.stringify(run.place),
        d.text,
        JSON.stringify(d.owner),
        d.owner.id,
        d.dueOn,
        d.remindAt,
        d.timeZone,
        JSON.stringify(run.startedBy),
        now,
      ],
    );
    inserted += rows.length;
  }
  return inserted;
}

/** An action someone added by hand (from a lesson); returns its id. */
export async function insertAction(q: Sql, action: NewAction, now: Date): Promise<string> {
  const rows = await q.query(
    `INSERT INTO lesson_actions (tenant, lesson_id, place, text, owner, owner_id, due_on, remind_at, time_zone, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [
      action.tenant,
      action.lessonId ?? null,
      action.place ? JSON.stringify(action.place) : null,
      action.text,
      JSON.stringify(action.owner),
      action.owner.id,
      action.dueOn,
      action.remindAt,
      action.timeZone,
      JSON.stringify(action.createdBy),
      now,
    ],
  );
  return z.object({ id: z.string() }).parse(rows[0]).id;
}

/** One action of the organisation; `lock` holds it until the transaction ends, so two answers never interleave. */
export async function actionById(q: Sql, tenant: string, id: string, lock = false): Promise<LessonAction | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await q.query(`SELECT ${ACTION_COLUMNS} FROM lesson_actions WHERE id = $1 AND tenant = $2${lock ? ' FOR UPDATE' : ''}`, [id, tenant]);
  return rows[0] ? toAction(rows[0]) : undefined;
}

/** An action by id alone, locked: for its reminder, a scheduled step that belongs to no one organisation. */
export async function actionForReminder(q: Sql, id: string): Promise<LessonAction | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await q.query(`SELECT ${ACTION_COLUMNS} FROM lesson_actions WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toAction(rows[0]) : undefined;
}

/** The actions of many lessons (an export), oldest first, in one query. */
export async function actionsOfLessons(q: Sql, lessonIds: readonly string[]): Promise<LessonAction[]> {
  const rows = await q.query(`SELECT ${ACTION_COLUMNS} FROM lesson_actions WHERE lesson_id = ANY($1::uuid[]) ORDER BY created_at, id`, [[...lessonIds]]);
  return rows.map(toAction);
}

/** A lesson's actions, oldest first. */
export async function actionsOfLesson(q: Sql, tenant: string, lessonId: string): Promise<LessonAction[]> {
  if (!isUuid(lessonId)) return [];
  const rows = await q.query(`SELECT ${ACTION_COLUMNS} FROM lesson_actions WHERE lesson_id = $1 AND tenant = $2 ORDER BY created_at, id`, [
    lessonId,
    tenant,
  ]);
  return rows.map(toAction);
}

/**
 * Open actions, in every organisation, whose reminder time has come and whose reminder job (named
 * `${jobPrefix}<id>:<due_on>`) has not been claimed yet: a reminder already sent is not listed again.
 */
export async function dueActions(q: Sql, now: Date, jobPrefix: string): Promise<DueAction[]> {
  const rows = await q.query(
    `SELECT a.id, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.remind_at
       FROM lesson_actions a
      WHERE a.status = 'open' AND a.remind_at <= $1
        AND NOT EXISTS (SELECT 1 FROM job_claims c
                         WHERE c.job = $2 || a.id::text || ':' || to_char(a.due_on, 'YYYY-MM-DD') AND c.slot = a.remind_at)
      ORDER BY a.remind_at, a.id`,
    [now, jobPrefix],
  );
  return rows.map((row) => {
    const r = z.object({ id: z.string(), due_on: z.string(), remind_at: z.coerce.date() }).parse(row);
    return { id: r.id, dueOn: r.due_on, remindAt: r.remind_at };
  });
}

/** Closes an open action (done with its evidence, or dropped); false when it was not open. */
export async function closeAction(
  q: Sql,
  tenant: string,
  id: string,
  outcome: { status: 'done'; evidence: string } | { status: 'dropped' },
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE lesson_actions SET status = $3, evidence = $4, closed_at = $5, updated_at = $5
      WHERE id = $1 AND tenant = $2 AND status = 'open' RETURNING id`,
    [id, tenant, outcome.status, outcome.status === 'done' ? outcome.evidence : null, now],
  );
  return rows.length === 1;
}

/** Moves an open action's due date (and so its reminder); false when it was not open. */
export async function redateAction(q: Sql, tenant: string, id: string, due: { dueOn: string; remindAt: Date }, now: Date): Promise<boolean> {
  const rows = await q.query(
    `UPDATE lesson_actions SET due_on = $3, remind_at = $4, updated_at = $5
      WHERE id = $1 AND tenant = $2 AND status = 'open' RETURNING id`,
    [id, tenant, due.dueOn, due.remindAt, now],
  );
  return rows.length === 1;
}

const lessonRow = z.object({
  id: z.string(),
  title: z.string(),
  recommendation: z.string(),
  status: z.enum(LESSON_STATUSES),
  archived: z.boolean(),
});

const LESSON_FIELDS = 'id, title, recommendation, status, archived_at IS NOT NULL AS archived';

/** The lesson an action is for, by its id or by the run and draft it was saved from, in one organisation. */
export async function lessonForAction(
  q: Sql,
  tenant: string,
  which: { id: string } | { runId: string; draftKey: string },
): Promise<ActionLesson | undefined> {
  const rows =
    'id' in which
      ? isUuid(which.id)
        ? await q.query(`SELECT ${LESSON_FIELDS} FROM lessons WHERE id = $1 AND tenant = $2`, [which.id, tenant])
        : []
      : await q.query(`SELECT ${LESSON_FIELDS} FROM lessons WHERE run_id = $1 AND draft_key = $2 AND tenant = $3`, [
          which.runId,
          which.draftKey,
          tenant,
        ]);
  return rows[0] ? lessonRow.parse(rows[0]) : undefined;
}
