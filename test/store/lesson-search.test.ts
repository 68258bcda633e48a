import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../src/core/flow';
import type { LessonQuery } from '../../src/lessons/search-query';
import { COMMON_MATCHES, RECENT_LESSONS, countLessons, searchLessons } from '../../src/store/lesson-search';
import { insertLessons } from '../../src/store/lessons';
import { migrate } from '../../src/store/migrate';
import { insertRun } from '../../src/store/runs';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

type Entry = Pick<LessonDraft, 'title' | 'recommendation' | 'observation' | 'technique' | 'tags'> & { at: string; reason?: string };

// A small library for one trust; created_at decides "newest first".
const LIBRARY: Entry[] = [
  {
    title: 'Name a printer queue owner',
    recommendation: 'Give the printer queue a named owner on every shift',
    observation: 'Prescriptions sat in the printer queue for an hour',
    reason: 'Nobody owned the queue',
    technique: 'after-action-review',
    tags: ['eprescribing', 'handover'],
    at: '2026-01-10T09:00:00Z',
  },
  {
    title: 'Brief the night shift in person',
    recommendation: 'Hand over the go-live plan face to face',
    observation: 'The night team had not read the email, and the owner of the plan was on leave',
    technique: 'after-action-review',
    tags: ['handover'],
    at: '2026-03-01T09:00:00Z',
  },
  {
    title: 'Screen for sepsis at triage',
    recommendation: 'Use the sepsis screening tool at triage for every adult',
    observation: 'Two patients waited too long for antibiotics',
    technique: 'retrospect',
    tags: ['sepsis'],
    at: '2025-11-05T09:00:00Z',
  },
  {
    title: 'Check falls risk after a transfer',
    recommendation: 'Repeat the falls risk assessment within six hours of moving wards',
    observation: 'A patient fell on the first night on a new ward',
    technique: 'after-action-review',
    tags: ['falls'],
    at: '2026-02-14T09:00:00Z',
  },
  {
    title: 'Publish the theatre list the day before',
    recommendation: 'Lock the theatre list by 4pm the day before surgery',
    observation: 'Late changes confused the porters',
    technique: 'peer-assist',
    tags: ['theatres'],
    at: '2025-09-20T09:00:00Z',
  },
  {
    title: 'Fill rota gaps early',
    recommendation: 'Share rota gaps with the bank office two weeks ahead',
    observation: 'Locum shifts were booked at short notice',
    technique: 'retrospect',
    tags: ['rota', 'staffing'],
    at: '2026-04-01T09:00:00Z',
  },
  {
    title: 'Keep spare printer paper on the ward',
    recommendation: 'Stock a spare box of printer paper at the nurses station',
    observation: 'Discharge letters could not be printed when the paper ran out',
    technique: 'after-action-review',
    tags: ['discharge'],
    at: '2026-01-20T09:00:00Z',
  },
  {
    title: 'Start discharge planning on admission',
    recommendation: 'Set an expected discharge date on the day of admission',
    observation: 'Patients stayed longer waiting for transport',
    technique: 'after-action-review',
    tags: ['discharge'],
    at: '2025-12-01T09:00:00Z',
  },
  {
    title: 'Double check insulin doses',
    recommendation: 'Two nurses check every insulin dose on the drug chart',
    observation: 'A tenfold error was caught at the bedside',
    technique: 'after-action-review',
    tags: ['prescribing', 'eprescribing'],
    at: '2026-05-05T09:00:00Z',
  },
  {
    title: 'Agree who calls the family',
    recommendation: 'Name one person to call the family after a death',
    observation: 'Two relatives were called twice',
    technique: 'retrospect',
    tags: ['handover'],
    // Exactly midnight, to show since: includes the whole of its day.
    at: '2026-02-01T00:00:00Z',
  },
];

// Another trust's lesson using the very same words.
const THEIRS: Entry = {
  title: 'Secret printer queue owner lesson of another trust',
  recommendation: 'Printer queue owner for sepsis, falls, rota and discharge, every shift',
  observation: 'Patients and the family waited',
  technique: 'retrospect',
  tags: ['handover', 'discharge', 'sepsis', 'falls', 'rota'],
  at: '2026-06-01T09:00:00Z',
};

const query = (text: string, extra: Partial<LessonQuery> = {}): LessonQuery => ({ text, tags: [], ...extra });

describe.each(dbKinds)('searching the lessons library on %s Postgres', (kind) => {
  let t: TestDatabase;

  async function save(tenant: string, entries: Entry[]): Promise<void> {
    const runId = randomUUID();
    const alex = { platform: 'slack' as const, tenant, id: 'U1', name: 'alex' };
    const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: '1.1' };
    await insertRun(t.db, { id: runId, flow: 'after-action-review', version: 1, place, placeKey: `k-${runId}`, startedBy: alex, state: {}, status: 'done' }, new Date());
    for (const [i, e] of entries.entries()) {
      const draft: LessonDraft = { key: `d${i}`, reason: '', ...e, contributors: [alex] };
      await insertLessons(t.db, runId, place, [draft], new Date(e.at));
    }
  }

  const titles = async (q: LessonQuery, limit?: number, tenant = 'T1'): Promise<string[]> =>
    (await searchLessons(t.db, tenant, q, limit)).map((h) => h.lesson.title);

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    await save('T1', LIBRARY);
    await save('T2', [THEIRS]);
    await t.db.query("UPDATE lessons SET status = 'approved' WHERE title = 'Name a printer queue owner'");
  });
  afterAll(() => t.drop());

  it('puts a lesson about the words above one that mentions a word in passing, even a newer one', async () => {
    expect(await titles(query('owner'))).toEqual(['Name a printer queue owner', 'Brief the night shift in person']);
  });

  it('ranks the title above the recommendation above the observation', async () => {
    const hits = await searchLessons(t.db, 'T1', query('discharge'));
    expect(hits.map((h) => h.lesson.title)).toEqual(['Start discharge planning on admission', 'Keep spare printer paper on the ward']);
    expect(hits[0]?.rank).toBeGreaterThan(hits[1]?.rank ?? Infinity);
  });

  it('breaks a tie in rank with the newest first', async () => {
    expect(await titles(query('patients'))).toEqual([
      'Check falls risk after a transfer',
      'Start discharge planning on admission',
      'Screen for sepsis at triage',
    ]);
  });

  it('matches a quoted phrase only where the words are together', async () => {
    expect(await titles(query('"printer queue"'))).toEqual(['Name a printer queue owner']);
    expect(await titles(query('printer'))).toHaveLength(2);
  });

  it('leaves out lessons with a -word', async () => {
    expect(await titles(query('printer -paper'))).toEqual(['Name a printer queue owner']);
  });

  it('finds either word with or', async () => {
    expect((await titles(query('sepsis or falls'))).sort()).toEqual(['Check falls risk after a transfer', 'Screen for sepsis at triage']);
  });

  it('keeps to lessons carrying every #tag', async () => {
    expect(await titles(query('', { tags: ['handover'] }))).toEqual([
      'Brief the night shift in person',
      'Agree who calls the family',
      'Name a printer queue owner',
    ]);
    expect(await titles(query('', { tags: ['handover', 'eprescribing'] }))).toEqual(['Name a printer queue owner']);
    expect(await titles(query('printer', { tags: ['discharge'] }))).toEqual(['Keep spare printer paper on the ward']);
  });

  it('filters by technique, status and since', async () => {
    expect(await titles(query('', { technique: 'retrospect' }))).toEqual(['Fill rota gaps early', 'Agree who calls the family', 'Screen for sepsis at triage']);
    expect(await titles(query('', { status: 'approved' }))).toEqual(['Name a printer queue owner']);
    expect(await titles(query('', { status: 'applied' }))).toEqual([]);
    expect(await titles(query('', { since: new Date('2026-02-01T00:00:00Z') }), 10)).toEqual([
      'Double check insulin doses',
      'Fill rota gaps early',
      'Brief the night shift in person',
      'Check falls risk after a transfer',
      'Agree who calls the family',
    ]);
    expect(await titles(query('check', { since: new Date('2026-03-01T00:00:00Z'), technique: 'after-action-review' }))).toEqual(['Double check insulin doses']);
  });

  it('gives the newest first when there is no text, up to the limit', async () => {
    const hits = await searchLessons(t.db, 'T1', query(''), 3);
    expect(hits.map((h) => h.lesson.title)).toEqual(['Double check insulin doses', 'Fill rota gaps early', 'Brief the night shift in person']);
    expect(hits.map((h) => h.rank)).toEqual([0, 0, 0]);
    expect(hits[0]?.snippet).toBe('Two nurses check every insulin dose on the drug chart');
  });

  it('marks the matched words in a short snippet', async () => {
    const [hit, ...rest] = await searchLessons(t.db, 'T1', query('"printer queue"'));
    expect(rest).toEqual([]);
    expect(hit?.snippet).toMatch(/\*printer\* \*queue\*/);
    expect(hit?.snippet.split(' ').length).toBeLessThanOrEqual(30);
    expect(hit?.rank).toBeGreaterThan(0);
    expect(hit?.lesson).toMatchObject({ title: 'Name a printer queue owner', status: 'approved', tags: ['eprescribing', 'handover'] });
  });

  it('finds nothing, without an error, for stop words only', async () => {
    expect(await searchLessons(t.db, 'T1', query('the'))).toEqual([]);
    expect(await searchLessons(t.db, 'T1', query('"and the" of'))).toEqual([]);
    expect(await searchLessons(t.db, 'T1', query('!!!', { tags: ['handover'] }))).toEqual([]);
  });

  it('never gives back another organisation’s lessons, however well they match', async () => {
    for (const q of [query('printer queue owner'), query('sepsis or falls or rota or discharge or family'), query('', { tags: ['handover'] }), query('')]) {
      const hits = await searchLessons(t.db, 'T1', q, 100);
      expect(hits.every((h) => h.lesson.source.tenant === 'T1')).toBe(true);
      expect(hits.map((h) => h.lesson.title)).not.toContain(THEIRS.title);
    }
    expect(await titles(query('printer queue owner'), 5, 'T2')).toEqual([THEIRS.title]);
    expect(await titles(query(''), 5, 'T2')).toEqual([THEIRS.title]);
    expect(await titles(query('printer'), 5, 'T3')).toEqual([]);
  });

  describe('with more lessons than are ranked', () => {
    // An old lesson about the printer, behind RECENT_LESSONS newer ones of which `mentioning` name the printer in passing.
    async function crowd(tenant: string, mentioning: number): Promise<void> {
      await t.db.query(
        `INSERT INTO lessons (tenant, title, recommendation, technique, source_platform, source_channel, created_at)
         VALUES ($1, 'Printer queue owner', 'Name a printer queue owner', 'retrospect', 'slack', 'C1', '2020-01-01Z')`,
        [tenant],
      );
      await t.db.query(
        `INSERT INTO lessons (tenant, title, recommendation, observation, technique, source_platform, source_channel, created_at)
         SELECT $1, 'Routine lesson ' || i, 'Keep going', CASE WHEN i <= $2 THEN 'The printer jammed' ELSE 'All fine' END,
                'retrospect', 'slack', 'C1', timestamptz '2026-01-01Z' + i * interval '1 minute'
           FROM generate_series(1, $3::int) AS i`,
        [tenant, mentioning, RECENT_LESSONS],
      );
    }

    it('ranks a word common among the newest lessons among those only', async () => {
      await crowd('T8', COMMON_MATCHES);
      const hits = await titles(query('printer'), 5, 'T8');
      expect(hits).toHaveLength(5);
      expect(hits).not.toContain('Printer queue owner');
    });

    it('ranks a rarer word among every match, however old', async () => {
      await crowd('T9', COMMON_MATCHES - 1);
      expect((await titles(query('printer'), 5, 'T9'))[0]).toBe('Printer queue owner');
    });
  });

  it('counts an organisation’s lessons', async () => {
    expect(await countLessons(t.db, 'T1')).toBe(LIBRARY.length);
    expect(await countLessons(t.db, 'T2')).toBe(1);
    expect(await countLessons(t.db, 'T3')).toBe(0);
  });

  it('refuses a limit it cannot honour', async () => {
    await expect(searchLessons(t.db, 'T1', query('printer'), 0)).rejects.toThrow(RangeError);
    await expect(searchLessons(t.db, 'T1', query('printer'), 101)).rejects.toThrow(RangeError);
  });
});
