// What a Markdown export reads beside each lesson, from the real database: its review's title, its history and actions.
import { lessonRecords } from '../../src/lessons/export-records';
import { recordLessonEvent } from '../../src/store/lesson-events';
import { listLessons } from '../../src/store/lessons';
import { dbKinds } from '../support/databases';
import { ALEX, NOW, oneOfEverything, type OneOfEverything } from '../support/one-of-everything';

describe.each(dbKinds)("a lessons export's records on %s Postgres", (kind) => {
  let world: OneOfEverything;
  beforeAll(async () => {
    world = await oneOfEverything(kind);
  });
  afterAll(() => world.t.drop());

  it("gives each lesson its review's title, its events oldest first and its actions, in three queries for them all", async () => {
    const { t, ids } = world;
    await t.db.query(`UPDATE lessons SET run_id = (SELECT id FROM flow_runs WHERE flow = 'after-action-review' LIMIT 1) WHERE id = $1`, [ids.lesson]);
    const [aar] = await t.db.query(`SELECT state->>'title' AS title FROM flow_runs WHERE flow = 'after-action-review' LIMIT 1`);
    await recordLessonEvent(t.db, 'T1', { lessonId: ids.lesson, kind: 'validated', actor: ALEX, detail: {}, at: NOW });
    await recordLessonEvent(t.db, 'T1', { lessonId: ids.lesson, kind: 'applied', actor: ALEX, detail: { evidence: 'Used it' }, at: new Date(NOW.getTime() + 1000) });

    const lessons = await listLessons(t.db, { tenant: 'T1' });
    const records = await lessonRecords(t.db, lessons);
    expect(records.get(ids.lesson)).toEqual({
      reviewTitle: aar?.title,
      events: [expect.objectContaining({ kind: 'validated' }), expect.objectContaining({ kind: 'applied', detail: { evidence: 'Used it' } })],
      actions: [expect.objectContaining({ id: ids.action, text: 'Buy labels' })],
    });
    expect(typeof aar?.title).toBe('string');
    // A lesson with none of these gets an empty record, not a missing one.
    const others = lessons.filter((l) => l.id !== ids.lesson);
    for (const l of others) expect(records.get(l.id)).toEqual({ events: [], actions: [] });
  });
});
