import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import { MAX_RECALLED, recallCandidates, recordFeedback, recordRecalls, wasRecalled } from '../../src/store/lesson-recall';
import { insertLessons } from '../../src/store/lessons';
import { migrate } from '../../src/store/migrate';
import { insertRun } from '../../src/store/runs';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

type Entry = Pick<LessonDraft, 'title' | 'recommendation'> & { observation?: string; at: string };

const BAR = 'Rolling out e-prescribing on ward 7: the go-live needs pharmacy cover and a plan for the night shift';

describe.each(dbKinds)('recalling past lessons on %s Postgres', (kind) => {
  let t: TestDatabase;

  async function run(tenant: string): Promise<string> {
    const id = randomUUID();
    const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: `${id}.1` };
    const alex: Person = { platform: 'slack', tenant, id: 'U1' };
    await insertRun(t.db, { id, flow: 'before-action-review', version: 1, place, placeKey: `k-${id}`, startedBy: alex, state: {}, status: 'active' }, new Date());
    return id;
  }

  /** Saves lessons in a tenant's library; returns their ids by title. */
  async function library(tenant: string, entries: Entry[]): Promise<Record<string, string>> {
    const runId = await run(tenant);
    const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: '1.1' };
    for (const [i, e] of entries.entries()) {
      const draft: LessonDraft = { key: `d${i}`, observation: '', reason: '', technique: 'after-action-review', tags: [], contributors: [{ platform: 'slack', tenant, id: 'U1' }], ...e };
      await insertLessons(t.db, runId, place, [draft], new Date(e.at));
    }
    const rows = await t.db.query('SELECT id, title FROM lessons WHERE tenant = $1', [tenant]);
    return Object.fromEntries(rows.map((r) => [String(r.title), String(r.id)]));
  }

  const titles = async (tenant: string, about: string, limit?: number): Promise<string[]> =>
    (await recallCandidates(t.db, tenant, about, limit)).map((h) => h.lesson.title);

  async function vote(tenant: string, lessonId: string, useful: boolean, personId = 'U2'): Promise<void> {
    const runId = await run(tenant);
    await recordRecalls(t.db, runId, tenant, [lessonId], new Date());
    await recordFeedback(t.db, { lessonId, runId, personId, tenant, useful, at: new Date() });
  }

  // Two lessons saying the same thing: the newer comes first until feedback says otherwise.
  const twins = (tenant: string): Promise<Record<string, string>> =>
    library(tenant, [
      { title: 'Label the drug trolley (older)', recommendation: 'Label every drawer of the drug trolley', at: '2026-01-01T09:00:00Z' },
      { title: 'Label the drug trolley (newer)', recommendation: 'Label every drawer of the drug trolley', at: '2026-02-01T09:00:00Z' },
    ]);

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterAll(() => t.drop());

  it('puts a lesson about the work above one sharing only a common word, even a newer one', async () => {
    await library('rank', [
      {
        title: 'Plan the e-prescribing go-live with pharmacy',
        recommendation: 'Agree pharmacy cover for the first week of e-prescribing',
        observation: 'The night shift had no pharmacist on the go-live',
        at: '2026-01-10T09:00:00Z',
      },
      { title: 'Book the away day early', recommendation: 'Send the plan for the away day a month ahead', at: '2026-05-01T09:00:00Z' },
      { title: 'Check falls risk after a transfer', recommendation: 'Repeat the falls assessment within six hours', at: '2026-03-01T09:00:00Z' },
    ]);
    const hits = await recallCandidates(t.db, 'rank', BAR);
    expect(hits.map((h) => h.lesson.title)).toEqual(['Plan the e-prescribing go-live with pharmacy', 'Book the away day early']);
    expect(hits[0]?.score).toBeGreaterThan(2 * (hits[1]?.score ?? 0));
    expect(hits[0]?.snippet).toMatch(/\*pharmacy\*/);
  });

  it('matches any significant word, not all of them', async () => {
    await library('any', [{ title: 'Keep spare printer paper', recommendation: 'Stock a spare box at the nurses station', at: '2026-01-01T09:00:00Z' }]);
    expect(await titles('any', 'printer rollout for the renal unit next spring')).toEqual(['Keep spare printer paper']);
  });

  it('lifts a lesson marked Useful above an otherwise equal one', async () => {
    const ids = await twins('useful');
    expect(await titles('useful', 'drug trolley')).toEqual(['Label the drug trolley (newer)', 'Label the drug trolley (older)']);
    await vote('useful', ids['Label the drug trolley (older)'] as string, true);
    expect(await titles('useful', 'drug trolley')).toEqual(['Label the drug trolley (older)', 'Label the drug trolley (newer)']);
  });

  it('lowers a lesson marked Not relevant below an otherwise equal one', async () => {
    const ids = await twins('not-relevant');
    await vote('not-relevant', ids['Label the drug trolley (newer)'] as string, false);
    expect(await titles('not-relevant', 'drug trolley')).toEqual(['Label the drug trolley (older)', 'Label the drug trolley (newer)']);
  });

  it('counts the feedback of every run, and a changed mind only once', async () => {
    const ids = await twins('many');
    const newer = ids['Label the drug trolley (newer)'] as string;
    const older = ids['Label the drug trolley (older)'] as string;
    // Two runs find the newer useful; in a third, one person presses Useful on the older three times.
    await vote('many', newer, true);
    await vote('many', newer, true);
    const runId = await run('many');
    await recordRecalls(t.db, runId, 'many', [older], new Date());
    for (let i = 0; i < 3; i++) await recordFeedback(t.db, { lessonId: older, runId, personId: 'U3', tenant: 'many', useful: true, at: new Date() });
    const hits = await recallCandidates(t.db, 'many', 'drug trolley');
    // Newer: 2 useful (4/2 = 2); older: 1 useful (3/2): the repeated press counted once.
    expect(hits.map((h) => h.lesson.title)).toEqual(['Label the drug trolley (newer)', 'Label the drug trolley (older)']);
    expect((hits[0]?.score ?? 0) / (hits[1]?.score ?? 1)).toBeCloseTo(2 / 1.5, 5);
  });

  it('does not let one Not relevant bury a strong match, and bounds the effect of many', async () => {
    const ids = await library('bounded', [
      { title: 'Pharmacy cover for the e-prescribing go-live', recommendation: 'Agree pharmacy cover for the e-prescribing go-live and the night shift', at: '2026-01-01T09:00:00Z' },
      { title: 'Night shift handover', recommendation: 'Brief the night shift in person', at: '2026-02-01T09:00:00Z' },
    ]);
    const strong = ids['Pharmacy cover for the e-prescribing go-live'] as string;
    const before = await recallCandidates(t.db, 'bounded', BAR);
    await vote('bounded', strong, false);
    const after = await recallCandidates(t.db, 'bounded', BAR);
    expect(after.map((h) => h.lesson.title)).toEqual(['Pharmacy cover for the e-prescribing go-live', 'Night shift handover']);
    expect((after[0]?.score ?? 0) / (before[0]?.score ?? 1)).toBeCloseTo(2 / 3, 5);
    for (const person of ['U4', 'U5', 'U6', 'U7', 'U8', 'U9']) await vote('bounded', strong, false, person);
    const buried = await recallCandidates(t.db, 'bounded', BAR);
    expect((buried.find((h) => h.lesson.id === strong)?.score ?? 0) / (before[0]?.score ?? 1)).toBeCloseTo(1 / 3, 5);
  });

  it('leaves archived lessons out', async () => {
    await library('archive', [
      { title: 'Old trolley lesson', recommendation: 'Label the drug trolley', at: '2026-01-01T09:00:00Z' },
      { title: 'Current trolley lesson', recommendation: 'Label the drug trolley drawers', at: '2026-01-02T09:00:00Z' },
    ]);
    await t.db.query("UPDATE lessons SET archived_at = now() WHERE title = 'Old trolley lesson'");
    expect(await titles('archive', 'drug trolley')).toEqual(['Current trolley lesson']);
  });

  it("never recalls another organisation's lesson, however alike", async () => {
    const entry: Entry = { title: 'Label the insulin fridge', recommendation: 'Label the insulin fridge shelves', at: '2026-01-01T09:00:00Z' };
    await library('ours', [entry]);
    await library('theirs', [{ ...entry, title: 'Secret insulin fridge lesson of another trust' }]);
    const hits = await recallCandidates(t.db, 'ours', 'insulin fridge');
    expect(hits.map((h) => h.lesson.title)).toEqual(['Label the insulin fridge']);
    expect(hits.every((h) => h.lesson.source.tenant === 'ours')).toBe(true);
  });

  it('finds nothing, without an error, for stop words only or nothing at all', async () => {
    await library('stop', [{ title: 'The one that is about it', recommendation: 'Do it when it is there', at: '2026-01-01T09:00:00Z' }]);
    expect(await titles('stop', 'the and of it was to be there')).toEqual([]);
    expect(await titles('stop', '')).toEqual([]);
    expect(await titles('stop', '  !?  ')).toEqual([]);
  });

  it('returns at most the limit, and refuses a limit out of range', async () => {
    await library('limit', Array.from({ length: 7 }, (_, i) => ({ title: `Sharps bin lesson ${i}`, recommendation: 'Empty the sharps bin', at: `2026-01-0${i + 1}T09:00:00Z` })));
    expect(await titles('limit', 'sharps', 3)).toEqual(['Sharps bin lesson 6', 'Sharps bin lesson 5', 'Sharps bin lesson 4']);
    await expect(recallCandidates(t.db, 'limit', 'sharps', 0)).rejects.toThrow(RangeError);
    await expect(recallCandidates(t.db, 'limit', 'sharps', MAX_RECALLED + 1)).rejects.toThrow(RangeError);
  });

  it('records a recall once, in order, and knows which run saw which lesson in which organisation', async () => {
    const ids = Object.values(await library('recall', [
      { title: 'First', recommendation: 'One', at: '2026-01-01T09:00:00Z' },
      { title: 'Second', recommendation: 'Two', at: '2026-01-02T09:00:00Z' },
    ]));
    const [a, b] = ids as [string, string];
    const runId = await run('recall');
    await recordRecalls(t.db, runId, 'recall', [b, a], new Date('2026-03-01T09:00:00Z'));
    await recordRecalls(t.db, runId, 'recall', [b, a], new Date('2026-03-02T09:00:00Z'));
    await recordRecalls(t.db, runId, 'recall', [], new Date());
    const rows = await t.db.query('SELECT lesson_id, position, recalled_at FROM lesson_recalls WHERE run_id = $1 ORDER BY position', [runId]);
    expect(rows.map((r) => [r.lesson_id, Number(r.position)])).toEqual([[b, 1], [a, 2]]);
    expect(new Date(String(rows[0]?.recalled_at)).toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(await wasRecalled(t.db, runId, a, 'recall')).toBe(true);
    expect(await wasRecalled(t.db, runId, a, 'someone-else')).toBe(false);
    expect(await wasRecalled(t.db, await run('recall'), a, 'recall')).toBe(false);
  });

  it('keeps one opinion per person per recall: a changed mind replaces the old one', async () => {
    const [lessonId] = Object.values(await library('upsert', [{ title: 'Only', recommendation: 'One', at: '2026-01-01T09:00:00Z' }])) as [string];
    const runId = await run('upsert');
    await recordRecalls(t.db, runId, 'upsert', [lessonId], new Date());
    await recordFeedback(t.db, { lessonId, runId, personId: 'U2', tenant: 'upsert', useful: true, at: new Date('2026-03-01T09:00:00Z') });
    await recordFeedback(t.db, { lessonId, runId, personId: 'U2', tenant: 'upsert', useful: false, at: new Date('2026-03-01T09:05:00Z') });
    await recordFeedback(t.db, { lessonId, runId, personId: 'U3', tenant: 'upsert', useful: true, at: new Date('2026-03-01T09:06:00Z') });
    const rows = await t.db.query('SELECT person_id, useful, at FROM lesson_feedback WHERE run_id = $1 ORDER BY person_id', [runId]);
    expect(rows.map((r) => [r.person_id, r.useful, new Date(String(r.at)).toISOString()])).toEqual([
      ['U2', false, '2026-03-01T09:05:00.000Z'],
      ['U3', true, '2026-03-01T09:06:00.000Z'],
    ]);
  });
});
