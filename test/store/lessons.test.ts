import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../src/core/flow';
import { insertLessons, listLessons } from '../../src/store/lessons';
import { migrate } from '../../src/store/migrate';
import { insertRun } from '../../src/store/runs';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const at = new Date('2026-11-20T16:30:00.000Z');
const source = { platform: 'slack' as const, tenant: 'T1', channel: 'C1', thread: '1700000000.000100', url: 'https://example.slack.com/archives/C1/p1700000000000100' };
const alex = { platform: 'slack' as const, tenant: 'T1', id: 'U1', name: 'alex' };

const draft = (key: string, title: string): LessonDraft => ({
  key,
  title,
  recommendation: `${title}, every time`,
  observation: 'Orders were late\nThe printer queue stalled',
  reason: 'Nobody owned the queue',
  technique: 'after-action-review',
  tags: ['eprescribing', 'handover'],
  contributors: [{ platform: 'slack', tenant: 'T1', id: 'U2' }, alex],
});

describe.each(dbKinds)('the lessons library on %s Postgres', (kind) => {
  let t: TestDatabase;
  let runId: string;
  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    runId = randomUUID();
    const place = { platform: 'slack' as const, tenant: 'T1', channel: 'C1', thread: source.thread };
    await insertRun(t.db, { id: runId, flow: 'after-action-review', version: 1, place, placeKey: 'k', startedBy: alex, state: {}, status: 'done' }, at);
  });
  afterEach(() => t.drop());

  it('gives back exactly what was saved', async () => {
    expect(await insertLessons(t.db, runId, source, [draft('m1', 'Name a queue owner')], at)).toBe(1);
    const [lesson, ...rest] = await listLessons(t.db, { tenant: 'T1' });
    expect(rest).toEqual([]);
    expect(lesson).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Name a queue owner',
      recommendation: 'Name a queue owner, every time',
      observation: 'Orders were late\nThe printer queue stalled',
      reason: 'Nobody owned the queue',
      technique: 'after-action-review',
      tags: ['eprescribing', 'handover'],
      status: 'draft',
      contributors: [{ id: 'U2' }, { id: 'U1', name: 'alex' }],
      source,
      createdAt: at.toISOString(),
    });
  });

  it('adds nothing when the same review is saved twice', async () => {
    await insertLessons(t.db, runId, source, [draft('m1', 'One'), draft('m2', 'Two')], at);
    expect(await insertLessons(t.db, runId, source, [draft('m1', 'One'), draft('m2', 'Two')], at)).toBe(0);
    expect(await listLessons(t.db)).toHaveLength(2);
  });

  it('keeps each organisation to its own lessons', async () => {
    await insertLessons(t.db, runId, source, [draft('m1', 'Ours')], at);
    await insertLessons(t.db, runId, { ...source, tenant: 'T2' }, [draft('m2', 'Theirs')], at);
    expect((await listLessons(t.db, { tenant: 'T1' })).map((l) => l.title)).toEqual(['Ours']);
    expect((await listLessons(t.db, { tenant: 'T2' })).map((l) => l.title)).toEqual(['Theirs']);
  });

  it('indexes the words of a lesson for search', async () => {
    await insertLessons(t.db, runId, source, [draft('m1', 'Name a queue owner')], at);
    const hits = await t.db.query("SELECT title FROM lessons WHERE search @@ websearch_to_tsquery('english', 'printer queues')");
    expect(hits).toEqual([{ title: 'Name a queue owner' }]);
  });
});
