// Rows for a hand-built week: lessons, their events, actions and feedback, written straight into the tables.
import { randomUUID } from 'node:crypto';
import type { Person } from '../../src/core/model';
import type { Sql } from '../../src/store/db';
import { insertRun } from '../../src/store/runs';

export const person = (id: string, tenant = 'T1'): Person => ({ platform: 'slack', tenant, id });

export interface LessonRow {
  tenant?: string;
  title: string;
  tags: string[];
  at: Date;
  contributors?: { id: string; name?: string }[];
  archived?: boolean;
  platform?: 'slack' | 'import';
}

export async function addLesson(q: Sql, l: LessonRow): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO lessons (id, tenant, title, recommendation, technique, tags, contributors, source_platform, source_channel, source_url, created_at, archived_at)
     VALUES ($1, $2, $3, $3, 'after-action-review', $4, $5, $6, 'C9', $7, $8, $9)`,
    [
      id,
      l.tenant ?? 'T1',
      l.title,
      l.tags,
      JSON.stringify(l.contributors ?? [{ id: 'U1' }]),
      l.platform ?? 'slack',
      l.platform === 'import' ? null : `https://example.slack.com/archives/C9/p${id.slice(0, 8)}`,
      l.at,
      l.archived ? l.at : null,
    ],
  );
  return id;
}

export async function addEvent(q: Sql, e: { tenant?: string; lessonId: string; kind: 'approved' | 'applied' | 'validated'; actor: Person; at: Date }): Promise<void> {
  await q.query('INSERT INTO lesson_events (lesson_id, tenant, kind, actor, at) VALUES ($1, $2, $3, $4, $5)', [
    e.lessonId,
    e.tenant ?? 'T1',
    e.kind,
    JSON.stringify(e.actor),
    e.at,
  ]);
}

/** A finished run, for feedback rows to hang on. */
export async function addRun(q: Sql, tenant = 'T1', at = new Date('2026-01-01T00:00:00Z')): Promise<string> {
  const id = randomUUID();
  const place = { platform: 'slack' as const, tenant, channel: 'C9', thread: id };
  await insertRun(q, { id, flow: 'before-action-review', version: 1, place, placeKey: `slack:${tenant}:C9:${id}`, startedBy: person('U1', tenant), state: {}, status: 'done' }, at);
  return id;
}

export async function addFeedback(q: Sql, f: { tenant?: string; lessonId: string; runId: string; personId: string; useful: boolean; at: Date }): Promise<void> {
  await q.query('INSERT INTO lesson_feedback (lesson_id, run_id, person_id, tenant, useful, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    f.lessonId,
    f.runId,
    f.personId,
    f.tenant ?? 'T1',
    f.useful,
    f.at,
  ]);
}

export interface ActionRow {
  tenant?: string;
  lessonId?: string;
  channel?: string;
  text: string;
  owner: Person;
  dueOn: string;
  status?: 'open' | 'done' | 'dropped';
  closedAt?: Date;
  createdAt?: Date;
}

export async function addAction(q: Sql, a: ActionRow): Promise<void> {
  const tenant = a.tenant ?? 'T1';
  const created = a.createdAt ?? new Date('2026-01-01T00:00:00Z');
  await q.query(
    `INSERT INTO lesson_actions (tenant, lesson_id, place, text, owner, owner_id, due_on, remind_at, time_zone, status, created_by, created_at, updated_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $7::date + time '09:00', 'Europe/London', $8, $5, $9, $9, $10)`,
    [
      tenant,
      a.lessonId ?? null,
      a.channel === undefined ? null : JSON.stringify({ platform: 'slack', tenant, channel: a.channel }),
      a.text,
      JSON.stringify(a.owner),
      a.owner.id,
      a.dueOn,
      a.status ?? 'open',
      created,
      a.closedAt ?? null,
    ],
  );
}

/** The week ending Monday 30 November 2026, 09:00 in London (GMT), and a community of #handover #discharge in C1. */
export const SLOT = new Date('2026-11-30T09:00:00Z');
export const WEEK = { from: new Date('2026-11-23T09:00:00Z'), to: SLOT };
export const SCOPE = { tenant: 'T1', tags: ['handover', 'discharge'], channel: 'C1' };
const inWeek = (day: number, hour = 12): Date => new Date(Date.UTC(2026, 10, day, hour));

/** Everything the digest should find, and plenty it should not; returns the ids the tests name. */
export async function buildWeek(q: Sql): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  ids.fresh = await addLesson(q, { title: 'Name a queue owner', tags: ['eprescribing', 'handover'], at: inWeek(24), contributors: [{ id: 'U1' }, { id: 'U2' }] });
  ids.offTopic = await addLesson(q, { title: 'Print the drug chart', tags: ['pharmacy'], at: inWeek(24) });
  ids.otherOrg = await addLesson(q, { tenant: 'T2', title: 'Another trust’s handover', tags: ['handover'], at: inWeek(25) });
  ids.archived = await addLesson(q, { title: 'Withdrawn handover tip', tags: ['handover'], at: inWeek(25), archived: true });
  ids.justBefore = await addLesson(q, { title: 'Phone ahead before discharge', tags: ['discharge'], at: new Date('2026-11-23T08:59:00Z') });
  ids.older = await addLesson(q, { title: 'Check bloods before discharge', tags: ['discharge'], at: new Date('2026-10-01T10:00:00Z') });
  ids.atSlot = await addLesson(q, { title: 'Next week’s lesson', tags: ['handover'], at: SLOT });
  ids.disliked = await addLesson(q, { title: 'A handover idea nobody liked', tags: ['handover'], at: new Date('2026-09-01T10:00:00Z') });
  ids.otherOrgOld = await addLesson(q, { tenant: 'T2', title: 'Old handover, other trust', tags: ['handover'], at: new Date('2026-09-01T10:00:00Z') });

  // Moves: approved and applied in the week; one approval the week before; the other trust's approval.
  await addEvent(q, { lessonId: ids.justBefore, kind: 'approved', actor: person('U3'), at: inWeek(26) });
  await addEvent(q, { lessonId: ids.justBefore, kind: 'applied', actor: person('U4'), at: inWeek(27) });
  await addEvent(q, { lessonId: ids.older, kind: 'approved', actor: person('U3'), at: new Date('2026-11-22T10:00:00Z') });
  await addEvent(q, { lessonId: ids.offTopic, kind: 'approved', actor: person('U3'), at: inWeek(26) });
  await addEvent(q, { lessonId: ids.archived, kind: 'approved', actor: person('U3'), at: inWeek(26) });
  await addEvent(q, { tenant: 'T2', lessonId: ids.otherOrg, kind: 'approved', actor: person('V1', 'T2'), at: inWeek(26) });
  await addEvent(q, { lessonId: ids.older, kind: 'validated', actor: person('U8'), at: inWeek(26) });

  // Actions: overdue on a domain lesson; due this week in the channel; off-domain; too far off; done; another trust's.
  await addAction(q, { lessonId: ids.older, text: 'Add bloods to the discharge checklist', owner: person('U5'), dueOn: '2026-11-20' });
  await addAction(q, { channel: 'C1', text: 'Book the handover training', owner: person('U6'), dueOn: '2026-12-03' });
  await addAction(q, { lessonId: ids.offTopic, channel: 'C7', text: 'Reprint the charts', owner: person('U6'), dueOn: '2026-11-25' });
  await addAction(q, { lessonId: ids.older, text: 'Review the checklist in January', owner: person('U5'), dueOn: '2026-12-07' });
  await addAction(q, { lessonId: ids.justBefore, text: 'Ring the district nurses', owner: person('U7'), dueOn: '2026-11-25', status: 'done', closedAt: inWeek(25) });
  await addAction(q, { lessonId: ids.justBefore, text: 'Dropped idea', owner: person('U9'), dueOn: '2026-11-25', status: 'dropped', closedAt: inWeek(25) });
  await addAction(q, { tenant: 'T2', channel: 'C1', text: 'Their action', owner: person('V1', 'T2'), dueOn: '2026-11-25' });

  // Feedback: net 2, net 1 (two votes), net 1 (one vote), net -1, before the week, off-domain, archived, other trust.
  const run = await addRun(q);
  const runT2 = await addRun(q, 'T2');
  const vote = (lessonId: string, personId: string, useful: boolean, at = inWeek(26), tenant = 'T1', runId = run) =>
    addFeedback(q, { tenant, lessonId, runId, personId, useful, at });
  await vote(ids.justBefore, 'U1', true);
  await vote(ids.justBefore, 'U2', true);
  await vote(ids.older, 'U1', true);
  await vote(ids.older, 'U2', true);
  await vote(ids.older, 'U3', false);
  await vote(ids.fresh, 'U3', true);
  await vote(ids.disliked, 'U1', false);
  await vote(ids.older, 'U4', true, new Date('2026-11-20T10:00:00Z'));
  await vote(ids.offTopic, 'U1', true);
  await vote(ids.archived, 'U1', true);
  await vote(ids.otherOrgOld, 'V1', true, inWeek(26), 'T2', runT2);
  return ids;
}
