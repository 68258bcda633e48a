// Who took part in a review, kept with the review (not copied onto each lesson), and found from its lessons.
import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import type { Sql } from '../../src/store/db';
import { insertImportedLesson } from '../../src/store/lesson-import';
import { insertLessons, listLessons } from '../../src/store/lessons';
import { migrate, readMigrations } from '../../src/store/migrate';
import { lessonReviews, recordReviewParticipants } from '../../src/store/review-participants';
import { insertRun } from '../../src/store/runs';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const at = new Date('2026-11-20T16:30:00.000Z');
const slack = (tenant: string, id: string, name?: string): Person => ({ platform: 'slack', tenant, id, ...(name ? { name } : {}) });

async function review(q: Sql, tenant: string): Promise<string> {
  const id = randomUUID();
  const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: `1700.${id.slice(0, 6)}` };
  await insertRun(q, { id, flow: 'after-action-review', version: 1, place, placeKey: `k-${id}`, startedBy: slack(tenant, 'U9'), state: {}, status: 'done' }, at);
  return id;
}

const draft = (key: string, contributors: Person[]): LessonDraft => ({
  key, title: `Lesson ${key}`, recommendation: 'Do it', observation: '', reason: '', technique: 'after-action-review', tags: [], contributors,
});

async function lessonIn(q: Sql, runId: string, tenant: string, key: string, contributors: Person[]): Promise<string> {
  await insertLessons(q, runId, { platform: 'slack', tenant, channel: 'C1' }, [draft(key, contributors)], at);
  const lesson = (await listLessons(q, { tenant })).find((l) => l.title === `Lesson ${key}`);
  if (!lesson) throw new Error('lesson not saved');
  return lesson.id;
}

describe.each(dbKinds)("a review's participants on %s Postgres", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(kind);
  });
  afterEach(() => t.drop());

  it('are kept in the order given, once each, and found from any of the review’s lessons', async () => {
    await migrate(t.db);
    const runId = await review(t.db, 'T1');
    const one = await lessonIn(t.db, runId, 'T1', 'm1', [slack('T1', 'U2')]);
    const two = await lessonIn(t.db, runId, 'T1', 'm2', []);
    const people = [slack('T1', 'U9', 'Fran'), slack('T1', 'U2'), slack('T1', 'U3', 'Sam')];
    await recordReviewParticipants(t.db, runId, 'T1', people, at);
    // Saving twice (a retried event) adds nobody.
    await recordReviewParticipants(t.db, runId, 'T1', [...people, slack('T1', 'U2')], at);
    const participants = [{ id: 'U9', name: 'Fran' }, { id: 'U2' }, { id: 'U3', name: 'Sam' }];
    expect(await lessonReviews(t.db, 'T1', [two, one])).toEqual(
      expect.arrayContaining([
        { lessonId: one, reviewId: runId, participants },
        { lessonId: two, reviewId: runId, participants },
      ]),
    );
  });

  it("are only ever read within the lesson's own organisation; an imported lesson has no review", async () => {
    await migrate(t.db);
    const runId = await review(t.db, 'T1');
    const lesson = await lessonIn(t.db, runId, 'T1', 'm1', [slack('T1', 'U2')]);
    await recordReviewParticipants(t.db, runId, 'T1', [slack('T1', 'U2')], at);
    await insertImportedLesson(t.db, {
      tenant: 'T1', importKey: 'k', title: 'Imported', recommendation: 'r', observation: '', reason: '', technique: 'retrospect', tags: [],
      status: 'approved', contributorNames: ['Priya Shah'], fileName: 'f.xlsx', createdAt: at,
    });
    const imported = (await listLessons(t.db, { tenant: 'T1' })).find((l) => l.title === 'Imported')?.id ?? '';
    expect(await lessonReviews(t.db, 'T2', [lesson])).toEqual([]);
    expect(await lessonReviews(t.db, 'T1', [imported])).toEqual([]);
    expect(await lessonReviews(t.db, 'T1', [])).toEqual([]);
  });

  it('are taken, by migration 012, from the lessons saved before it, which named everyone in their review', async () => {
    await migrate(t.db, readMigrations().filter((m) => m.version < '012'));
    const runId = await review(t.db, 'T1');
    // The old rule: the lesson's author first, then the facilitator, then everyone who answered.
    const one = await lessonIn(t.db, runId, 'T1', 'm1', [slack('T1', 'U2'), slack('T1', 'U9', 'Fran'), slack('T1', 'U3')]);
    await lessonIn(t.db, runId, 'T1', 'm2', [slack('T1', 'U3'), slack('T1', 'U9', 'Fran'), slack('T1', 'U2')]);
    const other = await review(t.db, 'T2');
    const theirs = await lessonIn(t.db, other, 'T2', 'm1', [slack('T2', 'U5')]);
    await migrate(t.db);
    expect(await lessonReviews(t.db, 'T1', [one])).toEqual([
      { lessonId: one, reviewId: runId, participants: [{ id: 'U2' }, { id: 'U9', name: 'Fran' }, { id: 'U3' }] },
    ]);
    expect(await lessonReviews(t.db, 'T2', [theirs])).toEqual([{ lessonId: theirs, reviewId: other, participants: [{ id: 'U5' }] }]);
  });
});
