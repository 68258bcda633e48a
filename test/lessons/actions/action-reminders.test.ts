// The due-date DM to an action's owner, as a scheduled step driven by an injected clock: on time, once, caught up.
import { Delivery } from '../../../src/engine/delivery';
import { actionReminders } from '../../../src/lessons/actions/action-reminders';
import { createLogger } from '../../../src/log';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { Db } from '../../../src/store/db';
import { closeAction, redateAction } from '../../../src/store/lesson-actions';
import { migrate } from '../../../src/store/migrate';
import { openServerDb } from '../../../src/store/pg-db';
import { remindAt } from '../../../src/dates/day';
import { dbKinds, freshDatabase, type TestDatabase } from '../../support/databases';
import { RecordingChat, type Sent } from '../../support/recording-chat';
import { LONDON, person, seedAction, seedLesson } from './seed';

const created = new Date('2026-11-21T12:00:00Z');
const sam = person('sam');

describe.each(dbKinds)('action reminders on %s Postgres', (kind) => {
  let t: TestDatabase;
  let replicaDbs: Db[];
  let chat: RecordingChat;
  let now: Date;
  let schedulers: Scheduler[];
  let lessonId: string;

  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    ({ lessonId } = await seedLesson(t.db, created));
    chat = new RecordingChat();
    now = created;
    const clock = (): Date => now;
    const log = createLogger('silent');
    // Two replicas: on the server each has its own pool, as separate processes would.
    replicaDbs = kind === 'server' && t.url !== undefined ? [openServerDb(t.url, 3), openServerDb(t.url, 3)] : [t.db, t.db];
    schedulers = replicaDbs.map((db, i) => {
      const delivery = new Delivery(db, () => chat, clock, log);
      return new Scheduler({
        db,
        clock,
        log,
        sources: [actionReminders()],
        replica: `r${i}`,
        deliver: async (streams) => {
          for (const stream of streams) await delivery.deliverStream(stream);
        },
      });
    });
  });
  // The database is dropped even if closing a replica's pool throws; neither is there if beforeEach stopped early.
  afterEach(async () => {
    try {
      if (kind === 'server') await Promise.all((replicaDbs ?? []).map((db) => db.close()));
    } finally {
      await t?.drop();
    }
  });

  /** Moves the clock and ticks both replicas at once; returns how many reminders ran. */
  async function at(time: string): Promise<number> {
    now = new Date(time);
    const ran = await Promise.all(schedulers.map((s) => s.tick()));
    return ran.reduce((a, b) => a + b, 0);
  }
  const dms = (): Extract<Sent, { op: 'direct' }>[] => chat.sent.filter((s): s is Extract<Sent, { op: 'direct' }> => s.op === 'direct');

  it('asks the owner once at 09:00 on the due day, with the lesson and three answers', async () => {
    const id = await seedAction(t.db, lessonId, sam, '2026-12-01', created);
    expect(await at('2026-12-01T08:59:59Z')).toBe(0);
    expect(dms()).toEqual([]);

    expect(await at('2026-12-01T09:00:00Z')).toBe(1);
    expect(dms()).toHaveLength(1);
    const [dm] = dms();
    expect(dm?.to).toEqual(sam);
    expect(dm?.card.text).toBe(
      'Your action is due today: Name an owner for the printer queue. It comes from the lesson "Give the printer queue an owner". How is it going?',
    );
    const buttons = dm?.card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
    expect(buttons?.map((b) => [b.action, b.label, b.value])).toEqual([
      ['lessons:action:done', 'Done', id],
      ['lessons:action:later', 'Not yet', id],
      ['lessons:action:drop', 'No longer needed', id],
    ]);

    // Every replica ticks every minute; the reminder is never sent twice.
    expect(await at('2026-12-01T09:01:00Z')).toBe(0);
    expect(await at('2026-12-02T09:00:00Z')).toBe(0);
    expect(dms()).toHaveLength(1);
    const claims = await t.db.query('SELECT job, slot FROM job_claims');
    expect(claims).toEqual([{ job: `action:${id}:2026-12-01`, slot: new Date('2026-12-01T09:00:00Z') }]);
  });

  it('after downtime sends every missed reminder once, saying when each was due, and none that was answered', async () => {
    const first = await seedAction(t.db, lessonId, sam, '2026-12-01', created);
    const second = await seedAction(t.db, lessonId, person('kim'), '2026-12-03', created);
    const answered = await seedAction(t.db, lessonId, sam, '2026-12-02', created);
    await closeAction(t.db, 'T1', answered, { status: 'dropped' }, created);
    const future = await seedAction(t.db, lessonId, sam, '2026-12-20', created);

    // Nothing ran from 30 November until the 5th.
    expect(await at('2026-12-05T14:00:00Z')).toBe(2);
    expect(await at('2026-12-05T14:01:00Z')).toBe(0);
    expect(dms().map((d) => [d.to.id, d.card.text.split(':')[0]])).toEqual([
      ['sam', 'Your action was due on Tuesday 1 December'],
      ['kim', 'Your action was due on Thursday 3 December'],
    ]);
    const jobs = (await t.db.query('SELECT job FROM job_claims ORDER BY slot')).map((r) => r.job);
    expect(jobs).toEqual([`action:${first}:2026-12-01`, `action:${second}:2026-12-03`]);
    expect(jobs.join()).not.toContain(future);
  });

  it('asks again on the new date when the owner says "not yet", and not once the action is closed', async () => {
    const id = await seedAction(t.db, lessonId, sam, '2026-12-01', created);
    await at('2026-12-01T09:00:00Z');
    expect(dms()).toHaveLength(1);

    await redateAction(t.db, 'T1', id, { dueOn: '2026-12-08', remindAt: remindAt('2026-12-08', LONDON) }, now);
    expect(await at('2026-12-08T08:59:00Z')).toBe(0);
    expect(await at('2026-12-08T09:00:00Z')).toBe(1);
    expect(await at('2026-12-08T09:01:00Z')).toBe(0);
    expect(dms().map((d) => d.card.text.split(':')[0])).toEqual(['Your action is due today', 'Your action is due today']);

    await redateAction(t.db, 'T1', id, { dueOn: '2026-12-15', remindAt: remindAt('2026-12-15', LONDON) }, now);
    await closeAction(t.db, 'T1', id, { status: 'done', evidence: 'Rota updated' }, now);
    expect(await at('2026-12-15T09:00:00Z')).toBe(0);
    expect(dms()).toHaveLength(2);
  });

  it('does nothing for a reminder whose action changed after it was listed', async () => {
    const id = await seedAction(t.db, lessonId, sam, '2026-12-01', created);
    const source = actionReminders();
    now = new Date('2026-12-01T09:00:00Z');
    const [step] = await source.due(t.db, now);
    if (!step) throw new Error('no step');
    await redateAction(t.db, 'T1', id, { dueOn: '2026-12-04', remindAt: remindAt('2026-12-04', LONDON) }, now);
    // The old date's job runs (it was claimed) but asks nothing; the new date is its own job.
    expect(await t.db.transaction((tx) => source.run(tx, step, now))).toEqual([]);
    expect(await t.db.query('SELECT 1 FROM outbox')).toEqual([]);
    expect(await source.due(t.db, now)).toEqual([]);
  });
});
