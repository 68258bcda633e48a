// Useful / Not relevant presses, handled against a real database: checked, kept per person, and thanked.
import type { Inbound } from '../../../src/core/model';
import { feedbackHandler } from '../../../src/lessons/recall/feedback-handler';
import { recallLessons } from '../../../src/lessons/recall/recall-lessons';
import type { LessonsEvent } from '../../../src/lessons/lessons-handler';
import { lessonsService } from '../../../src/lessons/search/lessons-service';
import type { ServiceReply } from '../../../src/core/command-service';
import { STALE_BUTTON_TEXT } from '../../../src/core/button-value';
import { recallCandidates } from '../../../src/store/lesson-recall';
import { migrate } from '../../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../../support/databases';
import { insertChatLessons, insertReviewRun, person } from './recall-library';

const now = new Date('2026-11-20T10:00:00Z');
let delivery = 0;

function press(action: string, value: string | undefined, tenant = 'T1', user = 'U5'): LessonsEvent {
  return {
    kind: 'action',
    action,
    ...(value === undefined ? {} : { value }),
    from: person(tenant, user),
    place: { platform: 'slack', tenant, channel: 'C7', thread: '1700000000.000100' },
    deliveryId: `d${++delivery}`,
  };
}

/** The one whisper a reply holds, as text, checking it goes only to the presser. */
function whispered(reply: ServiceReply, to = 'U5'): string {
  expect(reply.streams ?? []).toEqual([]);
  expect(reply.say).toHaveLength(1);
  const [say] = reply.say;
  if (say?.kind !== 'whisper') throw new Error(`expected a whisper, got ${JSON.stringify(say)}`);
  expect(say.to.id).toBe(to);
  return say.card.text;
}

describe.each(dbKinds)('feedback on recalled lessons (%s Postgres)', (kind) => {
  let t: TestDatabase;
  let runId: string;
  let trolley: string;
  let fridge: string;
  let theirs: string;

  const handle = (event: LessonsEvent): Promise<ServiceReply> => t.db.transaction((tx) => feedbackHandler.handle(tx, event, now));
  const opinions = async (): Promise<unknown[][]> =>
    (await t.db.query('SELECT person_id, useful, lesson_id, tenant FROM lesson_feedback ORDER BY person_id, lesson_id')).map((r) => [r.person_id, r.useful, r.lesson_id, r.tenant]);

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    const ids = await insertChatLessons(t.db, 'T1', [
      { title: 'Label the drug trolley', recommendation: 'Label every drawer of the drug trolley', contributors: ['U1'], at: '2026-01-01T09:00:00Z' },
      { title: 'Label the drug fridge', recommendation: 'Label the drug fridge shelves', contributors: ['U2'], at: '2026-01-02T09:00:00Z' },
      { title: 'Defrost the freezer', recommendation: 'Defrost it monthly', contributors: ['U2'], at: '2026-01-03T09:00:00Z' },
    ]);
    trolley = ids['Label the drug trolley'] as string;
    fridge = ids['Label the drug fridge'] as string;
    theirs = (await insertChatLessons(t.db, 'T2', [{ title: 'Their drug trolley', recommendation: 'Label the drug trolley', contributors: ['U1'], at: '2026-01-01T09:00:00Z' }]))['Their drug trolley'] as string;
    const review = await insertReviewRun(t.db, 'T1');
    runId = review.runId;
    await t.db.transaction((tx) => recallLessons(tx, { tenant: 'T1', runId, place: review.place, about: 'labels for the drug trolley', key: 'recall' }, now));
  });
  afterAll(() => t.drop());
  beforeEach(() => t.db.query('DELETE FROM lesson_feedback'));

  it('notes Useful for the presser and thanks them quietly', async () => {
    expect(whispered(await handle(press('lessons:recall:useful', `${runId}:${trolley}`)))).toBe('Noted: useful. It will rank higher for the next team.');
    expect(await opinions()).toEqual([['U5', true, trolley, 'T1']]);
  });

  it("does not count a contributor's vote on their own lesson, and says why", async () => {
    const reply = await handle(press('lessons:recall:useful', `${runId}:${trolley}`, 'T1', 'U1'));
    expect(whispered(reply, 'U1')).toBe("You contributed to this lesson, so your vote isn't counted: how it ranks comes from the teams who use it.");
    expect(await opinions()).toEqual([]);
    // Someone else's lesson is theirs to judge.
    await handle(press('lessons:recall:useful', `${runId}:${fridge}`, 'T1', 'U1'));
    expect(await opinions()).toEqual([['U1', true, fridge, 'T1']]);
  });

  it('notes Not relevant and says it will rank lower', async () => {
    expect(whispered(await handle(press('lessons:recall:not-relevant', `${runId}:${fridge}`)))).toBe('Noted: not relevant. It will rank lower next time.');
    expect(await opinions()).toEqual([['U5', false, fridge, 'T1']]);
  });

  it('keeps one opinion per person: a double press, or a change of mind, replaces it', async () => {
    await handle(press('lessons:recall:useful', `${runId}:${trolley}`));
    await handle(press('lessons:recall:useful', `${runId}:${trolley}`));
    expect(await opinions()).toEqual([['U5', true, trolley, 'T1']]);
    await handle(press('lessons:recall:not-relevant', `${runId}:${trolley}`));
    await handle(press('lessons:recall:useful', `${runId}:${trolley}`, 'T1', 'U6'));
    expect(await opinions()).toEqual([
      ['U5', false, trolley, 'T1'],
      ['U6', true, trolley, 'T1'],
    ]);
  });

  it('feeds the ranking of later recalls', async () => {
    const order = async (): Promise<string[]> => (await recallCandidates(t.db, 'T1', 'drug labels')).map((h) => h.lesson.title);
    expect(await order()).toEqual(['Label the drug fridge', 'Label the drug trolley']);
    await handle(press('lessons:recall:not-relevant', `${runId}:${fridge}`));
    expect(await order()).toEqual(['Label the drug trolley', 'Label the drug fridge']);
  });

  it('refuses a lesson this review was not shown, and notes nothing', async () => {
    const freezer = (await t.db.query("SELECT id FROM lessons WHERE title = 'Defrost the freezer'"))[0]?.id as string;
    const other = await insertReviewRun(t.db, 'T1');
    expect(whispered(await handle(press('lessons:recall:useful', `${runId}:${freezer}`)))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(whispered(await handle(press('lessons:recall:useful', `${other.runId}:${trolley}`)))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(await opinions()).toEqual([]);
  });

  it("refuses a press from another organisation, even on a lesson the review was shown, and notes nothing", async () => {
    expect(whispered(await handle(press('lessons:recall:useful', `${runId}:${trolley}`, 'T2')))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(whispered(await handle(press('lessons:recall:useful', `${runId}:${theirs}`, 'T2')))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(await opinions()).toEqual([]);
  });

  it.each([
    ['no value', 'lessons:recall:useful', undefined],
    ['a value that is not two ids', 'lessons:recall:useful', 'rubbish'],
    ['a run id that is not an id', 'lessons:recall:useful', `1; DROP TABLE lessons:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`],
    ['three parts', 'lessons:recall:useful', `${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}:${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}:x`],
    ['an unknown verb', 'lessons:recall:maybe', undefined],
  ])('answers %s with a clear whisper and notes nothing', async (_what, action, value) => {
    const v = value ?? (action === 'lessons:recall:maybe' ? `${runId}:${trolley}` : undefined);
    expect(whispered(await handle(press(action, v)))).toBe(STALE_BUTTON_TEXT);
    expect(await opinions()).toEqual([]);
  });

  it('is reached through the lessons service by its prefix, and ignores forms', async () => {
    const event: Inbound = press('lessons:recall:useful', `${runId}:${trolley}`);
    expect(whispered(await t.db.transaction((tx) => lessonsService.handle(tx, event, now)))).toMatch(/^Noted: useful/);
    const form: LessonsEvent = { kind: 'form', form: 'lessons:recall:anything', fields: {}, from: person('T1', 'U5'), place: { platform: 'slack', tenant: 'T1', channel: 'C7' }, deliveryId: 'form-1' };
    expect(await t.db.transaction((tx) => feedbackHandler.handle(tx, form, now))).toEqual({ say: [] });
  });
});
