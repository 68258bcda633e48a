import { randomUUID } from 'node:crypto';
import type { ActionDraft } from '../../src/core/flow';
import type { Person, Place } from '../../src/core/model';
import { remindAt } from '../../src/dates/day';
import {
  actionById,
  actionForReminder,
  actionsOfLesson,
  closeAction,
  dueActions,
  insertAction,
  insertRunActions,
  lessonForAction,
  redateAction,
} from '../../src/store/lesson-actions';
import { claimStep } from '../../src/store/job-claims';
import { insertLessons } from '../../src/store/lessons';
import { migrate } from '../../src/store/migrate';
import { insertRun } from '../../src/store/runs';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const at = new Date('2026-11-20T16:30:00.000Z');
const LONDON = 'Europe/London';
const alex: Person = { platform: 'slack', tenant: 'T1', id: 'U1', name: 'alex' };
const sam: Person = { platform: 'slack', tenant: 'T1', id: 'U2' };
const place: Place = { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000000.000100' };

describe.each(dbKinds)('actions with owners on %s Postgres', (kind) => {
  let t: TestDatabase;
  let runId: string;
  let lessonId: string;

  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    runId = randomUUID();
    await insertRun(t.db, { id: runId, flow: 'after-action-review', version: 1, place, placeKey: 'k', startedBy: alex, state: {}, status: 'done' }, at);
    const draft = { key: 'm5', title: 'Name a queue owner', recommendation: 'Name a printer-queue owner', observation: '', reason: '', technique: 'after-action-review', tags: [], contributors: [alex] };
    await insertLessons(t.db, runId, { platform: 'slack', tenant: 'T1', channel: 'C1' }, [draft], at);
    const [row] = await t.db.query('SELECT id FROM lessons');
    lessonId = String(row?.id);
  });
  afterEach(() => t.drop());

  const newAction = (dueOn: string, owner = sam, tenant = 'T1'): Parameters<typeof insertAction>[1] => ({
    tenant,
    lessonId,
    place,
    text: 'Name an owner for the queue',
    owner,
    dueOn,
    remindAt: remindAt(dueOn, LONDON),
    timeZone: LONDON,
    createdBy: alex,
  });

  it('gives back exactly what was stored, open, in its own organisation only', async () => {
    const id = await insertAction(t.db, newAction('2026-12-12'), at);
    expect(await actionById(t.db, 'T1', id)).toEqual({
      id,
      tenant: 'T1',
      lessonId,
      place,
      text: 'Name an owner for the queue',
      owner: sam,
      dueOn: '2026-12-12',
      remindAt: new Date('2026-12-12T09:00:00.000Z'),
      timeZone: LONDON,
      status: 'open',
      createdBy: alex,
      createdAt: at,
      updatedAt: at,
    });
    expect(await actionById(t.db, 'T2', id)).toBeUndefined();
    expect(await actionById(t.db, 'T1', 'not-a-uuid')).toBeUndefined();
    expect((await actionsOfLesson(t.db, 'T1', lessonId)).map((a) => a.id)).toEqual([id]);
    expect(await actionsOfLesson(t.db, 'T2', lessonId)).toEqual([]);
  });

  it("adds a run's actions once, however often the run is saved", async () => {
    const draft = (key: string): ActionDraft => ({ key, text: `Do ${key}`, owner: sam, dueOn: '2026-12-01', timeZone: LONDON, remindAt: remindAt('2026-12-01', LONDON) });
    const run = { id: runId, tenant: 'T1', place, startedBy: alex };
    expect(await insertRunActions(t.db, run, [draft('a'), draft('b')], at)).toBe(2);
    expect(await insertRunActions(t.db, run, [draft('a'), draft('b'), draft('c')], at)).toBe(1);
    const rows = await t.db.query('SELECT draft_key, owner_id FROM lesson_actions ORDER BY draft_key');
    expect(rows).toEqual([
      { draft_key: 'a', owner_id: 'U2' },
      { draft_key: 'b', owner_id: 'U2' },
      { draft_key: 'c', owner_id: 'U2' },
    ]);
  });

  it('lists open actions whose time has come and whose reminder was not yet claimed', async () => {
    const first = await insertAction(t.db, newAction('2026-12-01'), at);
    const second = await insertAction(t.db, newAction('2026-12-03'), at);
    const closed = await insertAction(t.db, newAction('2026-12-01'), at);
    await closeAction(t.db, 'T1', closed, { status: 'dropped' }, at);

    // 08:59 in London on the day: not yet.
    expect(await dueActions(t.db, new Date('2026-12-01T08:59:00Z'), 'action:')).toEqual([]);
    const due = await dueActions(t.db, new Date('2026-12-03T09:00:00Z'), 'action:');
    expect(due).toEqual([
      { id: first, dueOn: '2026-12-01', remindAt: new Date('2026-12-01T09:00:00Z') },
      { id: second, dueOn: '2026-12-03', remindAt: new Date('2026-12-03T09:00:00Z') },
    ]);
    // Once its job is claimed, a reminder is not listed again; a new date is a new job.
    await claimStep(t.db, { job: `action:${first}:2026-12-01`, slot: new Date('2026-12-01T09:00:00Z') }, 'r1', at);
    expect((await dueActions(t.db, new Date('2026-12-03T09:00:00Z'), 'action:')).map((a) => a.id)).toEqual([second]);
    expect(await redateAction(t.db, 'T1', first, { dueOn: '2026-12-02', remindAt: remindAt('2026-12-02', LONDON) }, at)).toBe(true);
    expect((await dueActions(t.db, new Date('2026-12-03T09:00:00Z'), 'action:')).map((a) => a.dueOn)).toEqual(['2026-12-02', '2026-12-03']);
  });

  it('closes an action once, with its evidence, and never from another organisation', async () => {
    const id = await insertAction(t.db, newAction('2026-12-12'), at);
    const later = new Date('2026-12-12T10:00:00Z');
    expect(await closeAction(t.db, 'T2', id, { status: 'done', evidence: 'x' }, later)).toBe(false);
    expect(await closeAction(t.db, 'T1', id, { status: 'done', evidence: 'Owner named on the rota' }, later)).toBe(true);
    expect(await closeAction(t.db, 'T1', id, { status: 'dropped' }, later)).toBe(false);
    expect(await redateAction(t.db, 'T1', id, { dueOn: '2026-12-20', remindAt: remindAt('2026-12-20', LONDON) }, later)).toBe(false);
    expect(await actionForReminder(t.db, id)).toMatchObject({ status: 'done', evidence: 'Owner named on the rota', closedAt: later, updatedAt: later, dueOn: '2026-12-12' });
  });

  it('finds the lesson of an action by id or by the run and draft it came from, in one organisation', async () => {
    const lesson = { id: lessonId, title: 'Name a queue owner', recommendation: 'Name a printer-queue owner', status: 'draft', archived: false };
    expect(await lessonForAction(t.db, 'T1', { id: lessonId })).toEqual(lesson);
    expect(await lessonForAction(t.db, 'T1', { runId, draftKey: 'm5' })).toEqual(lesson);
    expect(await lessonForAction(t.db, 'T2', { id: lessonId })).toBeUndefined();
    expect(await lessonForAction(t.db, 'T2', { runId, draftKey: 'm5' })).toBeUndefined();
    expect(await lessonForAction(t.db, 'T1', { runId, draftKey: 'm6' })).toBeUndefined();
    expect(await lessonForAction(t.db, 'T1', { id: 'draft:m5' })).toBeUndefined();
    await t.db.query('UPDATE lessons SET archived_at = $1', [at]);
    expect(await lessonForAction(t.db, 'T1', { id: lessonId })).toMatchObject({ archived: true });
  });
});
