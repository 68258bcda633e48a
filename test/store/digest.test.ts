// The digest's SQL on both databases, on a hand-built week: each section finds exactly the domain's rows of
// this organisation and this week, and never an archived lesson.
import { anyActivityIn, digestSections, dueActionsOf, feedbackIn, lessonMovesIn, newLessonsIn, doneActionsIn } from '../../src/store/digest';
import { migrate } from '../../src/store/migrate';
import { buildWeek, SCOPE, WEEK } from '../communities/week-fixture';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

describe.each(dbKinds)('digest sections on %s Postgres', (kind) => {
  let t: TestDatabase;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    ids = await buildWeek(t.db);
  });
  afterAll(() => t.drop());

  it('lists the week’s new lessons in the domain only', async () => {
    const lessons = await newLessonsIn(t.db, SCOPE, WEEK);
    expect(lessons.map((l) => l.title)).toEqual(['Name a queue owner']);
    expect(lessons[0]).toMatchObject({
      id: ids.fresh,
      tags: ['eprescribing', 'handover'],
      status: 'draft',
      contributors: [{ id: 'U1', mentionable: true }, { id: 'U2', mentionable: true }],
      url: expect.stringContaining('https://example.slack.com/'),
    });
    // Another domain sees the off-topic one instead.
    expect((await newLessonsIn(t.db, { ...SCOPE, tags: ['pharmacy'] }, WEEK)).map((l) => l.id)).toEqual([ids.offTopic]);
    // The other trust's lesson is only ever its own.
    expect((await newLessonsIn(t.db, { ...SCOPE, tenant: 'T2' }, WEEK)).map((l) => l.id)).toEqual([ids.otherOrg]);
  });

  it('lists approvals and reports of use in the week, of domain lessons that are not archived', async () => {
    const moves = await lessonMovesIn(t.db, SCOPE, WEEK);
    expect(moves.map((m) => [m.kind, m.lesson.id, m.actor.id])).toEqual([
      ['approved', ids.justBefore, 'U3'],
      ['applied', ids.justBefore, 'U4'],
    ]);
  });

  it('lists open actions overdue or due within the week, from domain lessons or the channel, soonest first', async () => {
    const actions = await dueActionsOf(t.db, SCOPE, '2026-12-07');
    expect(actions).toEqual([
      { id: expect.any(String), text: 'Add bloods to the discharge checklist', owner: expect.objectContaining({ id: 'U5' }), dueOn: '2026-11-20', lessonTitle: 'Check bloods before discharge' },
      { id: expect.any(String), text: 'Book the handover training', owner: expect.objectContaining({ id: 'U6' }), dueOn: '2026-12-03' },
    ]);
    expect((await doneActionsIn(t.db, SCOPE, WEEK)).map((a) => a.owner.id)).toEqual(['U7']);
  });

  it('tallies the week’s feedback per domain lesson, most useful first', async () => {
    const tallies = await feedbackIn(t.db, SCOPE, WEEK);
    expect(tallies.map((f) => [f.lesson.id, f.useful, f.notUseful])).toEqual([
      [ids.justBefore, 2, 0],
      [ids.older, 2, 1],
      [ids.fresh, 1, 0],
      [ids.disliked, 0, 1],
    ]);
  });

  it('reads every section at once, and sees activity only where there was some', async () => {
    const sections = await digestSections(t.db, SCOPE, WEEK, '2026-12-07');
    expect([sections.newLessons.length, sections.moves.length, sections.dueActions.length, sections.doneActions.length, sections.feedback.length]).toEqual([1, 2, 2, 1, 4]);
    expect(await anyActivityIn(t.db, SCOPE, WEEK)).toBe(true);
    expect(await anyActivityIn(t.db, { ...SCOPE, tags: ['sepsis'], channel: 'C5' }, WEEK)).toBe(false);
    // An open action in the channel is not activity; only doing something is.
    expect(await anyActivityIn(t.db, { tenant: 'T1', tags: ['sepsis'], channel: 'C1' }, WEEK)).toBe(false);
    const before = { from: new Date('2026-11-01T00:00:00Z'), to: WEEK.from };
    // Only the approval of 22 November and the early vote fall before the week.
    expect(await anyActivityIn(t.db, { ...SCOPE, tags: ['discharge'] }, before)).toBe(true);
    expect(await anyActivityIn(t.db, { ...SCOPE, tags: ['handover'] }, before)).toBe(false);
  });
});
