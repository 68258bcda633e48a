import { parse } from 'csv-parse/sync';
import type { LessonRecord } from '../../src/lessons/export-records';
import { EXPORT_FORMATS, exportLessons } from '../../src/lessons/export';
import type { Lesson } from '../../src/lessons/lesson';

const CSV_HEADER = [
  'id', 'title', 'recommendation', 'observation', 'reason', 'technique', 'tags', 'status', 'contributors',
  'platform', 'tenant', 'channel', 'thread', 'url', 'createdAt', 'archivedAt',
];

const full: Lesson = {
  id: '0b8f6c1e-4d1a-4b7e-9a55-0c2f4f7f1a01',
  title: 'Check the "crash" trolley, daily',
  recommendation: 'Sign the checklist at handover,\nnot at the end of the shift.',
  observation: 'The defibrillator pads were out of date.',
  reason: 'Nobody owned the check; "someone" did it.',
  technique: 'After Action Review',
  tags: ['resus', 'equipment'],
  status: 'validated',
  contributors: [{ id: 'U1', name: 'Asha Patel' }, { id: 'U2' }],
  source: {
    platform: 'slack',
    tenant: 'T1',
    channel: 'C1',
    thread: '1712345678.000100',
    url: 'https://example.slack.com/archives/C1/p1712345678000100',
  },
  createdAt: '2024-04-05T10:11:12.000Z',
};

const bare: Lesson = {
  id: '0b8f6c1e-4d1a-4b7e-9a55-0c2f4f7f1a02',
  title: 'Book interpreters ahead',
  recommendation: 'Book them when the appointment is made.',
  observation: '',
  reason: '',
  technique: 'After Action Review',
  tags: [],
  status: 'draft',
  contributors: [],
  source: { platform: 'console', tenant: 'local', channel: 'sandbox' },
  createdAt: '2024-04-06T23:59:59.000Z',
};

/** CSV text as records keyed by header, checking the header first. */
/** Checks the byte order mark Excel needs, then reads the rows as a spreadsheet program would. */
function csvRecords(text: string): Record<string, string>[] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = parse(text, { bom: true });
  expect(rows[0]).toEqual(CSV_HEADER);
  return parse(text, { bom: true, columns: true });
}

describe('exportLessons', () => {
  it('offers exactly json, csv and md', () => {
    expect([...EXPORT_FORMATS]).toEqual(['json', 'csv', 'md']);
  });

  it('keeps an archived lesson and says when it was archived, in every format', () => {
    const archived: Lesson = { ...bare, archivedAt: '2026-11-21T10:00:00.000Z' };
    expect(JSON.parse(exportLessons([archived], 'json'))).toEqual([expect.objectContaining({ archivedAt: '2026-11-21T10:00:00.000Z' })]);
    expect(csvRecords(exportLessons([archived], 'csv'))[0]?.archivedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(exportLessons([archived], 'md')).toMatch(/- Archived: 2026-11-21/);
  });

  it('defuses spreadsheet formulas in CSV cells', () => {
    const text = exportLessons([{ ...bare, title: '=HYPERLINK("http://x")' }], 'csv');
    expect(text).not.toMatch(/,"?=HYPERLINK/);
  });

  describe('json', () => {
    it('prints the lessons as they are, newline-terminated, with every source key', () => {
      const text = exportLessons([full, bare], 'json');
      expect(text.endsWith('}\n]\n')).toBe(true);
      expect(JSON.parse(text)).toEqual([
        { ...full, archivedAt: null },
        { ...bare, source: { ...bare.source, thread: null, url: null }, archivedAt: null },
      ]);
    });

    it('prints an empty array for an empty library', () => {
      expect(exportLessons([], 'json')).toBe('[]\n');
    });
  });

  describe('csv', () => {
    it('has a header row and one row per lesson that parses back', () => {
      const records = csvRecords(exportLessons([full, bare], 'csv'));
      expect(records).toEqual([
        {
          id: full.id,
          title: full.title,
          recommendation: full.recommendation,
          observation: full.observation,
          reason: full.reason,
          technique: full.technique,
          tags: 'resus equipment',
          status: 'validated',
          contributors: 'Asha Patel; U2',
          platform: 'slack',
          tenant: 'T1',
          channel: 'C1',
          thread: '1712345678.000100',
          url: 'https://example.slack.com/archives/C1/p1712345678000100',
          createdAt: '2024-04-05T10:11:12.000Z',
          archivedAt: '',
        },
        {
          id: bare.id,
          title: bare.title,
          recommendation: bare.recommendation,
          observation: '',
          reason: '',
          technique: bare.technique,
          tags: '',
          status: 'draft',
          contributors: '',
          platform: 'console',
          tenant: 'local',
          channel: 'sandbox',
          thread: '',
          url: '',
          createdAt: '2024-04-06T23:59:59.000Z',
          archivedAt: '',
        },
      ]);
    });

    it('round-trips commas, quotes, newlines and non-ASCII text in fields', () => {
      const awkward: Lesson = {
        ...bare,
        title: 'Commas, "quotes", and\r\nCRLF',
        recommendation: 'Line one\nline two, with a comma',
        observation: '"Quoted" from the start',
        reason: 'Naïve – café – 患者',
        contributors: [{ id: 'U3', name: 'O\'Brien, "Pat"' }],
      };
      const [record] = csvRecords(exportLessons([awkward], 'csv'));
      expect(record?.title).toBe(awkward.title);
      expect(record?.recommendation).toBe(awkward.recommendation);
      expect(record?.observation).toBe(awkward.observation);
      expect(record?.reason).toBe(awkward.reason);
      expect(record?.contributors).toBe('O\'Brien, "Pat"');
    });

    it('prints only the header row for an empty library', () => {
      const text = exportLessons([], 'csv');
      expect(text).toBe(`\ufeff${CSV_HEADER.join(',')}\n`);
      expect(csvRecords(text)).toEqual([]);
    });
  });

  describe('md', () => {
    it('has a title, a count and a heading per lesson', () => {
      const text = exportLessons([full, bare], 'md');
      expect(text.startsWith('# Lessons\n\n2 lessons.\n\n')).toBe(true);
      expect(text.match(/^## .*$/gm)).toEqual([`## ${full.title}`, `## ${bare.title}`]);
      expect(text.endsWith('\n')).toBe(true);
      expect(text.endsWith('\n\n')).toBe(false);
    });

    it('shows every part of a full lesson, linking the technique to its thread', () => {
      const text = exportLessons([full], 'md');
      expect(text).toContain('1 lesson.\n');
      // Each line of a multi-line field is its own paragraph, as Markdown would otherwise run them together.
      expect(text).toContain(`**Recommendation:** ${full.recommendation.split('\n').join('\n\n')}`);
      expect(text).toContain(`**What happened:** ${full.observation}`);
      expect(text).toContain(`**Why:** ${full.reason}`);
      expect(text).toContain('- Status: validated');
      expect(text).toContain(`- From: [After Action Review](${full.source.url}), 2024-04-05`);
      expect(text).toContain('- Contributors: Asha Patel, U2');
      expect(text).toContain('- Tags: #resus #equipment');
    });

    it('leaves out the empty parts of a bare lesson', () => {
      const text = exportLessons([bare], 'md');
      expect(text).toContain(`**Recommendation:** ${bare.recommendation}`);
      expect(text).not.toContain('What happened');
      expect(text).not.toContain('**Why:**');
      expect(text).not.toContain('Tags:');
      expect(text).toContain('- From: After Action Review, 2024-04-06');
      expect(text).toContain('- Contributors: none recorded');
    });

    it('says so for an empty library', () => {
      expect(exportLessons([], 'md')).toBe('# Lessons\n\nNo lessons have been saved yet.\n');
    });

    it("tells each lesson's review, who validated and approved it and when, how it was used, and its actions", () => {
      const priya = { platform: 'slack' as const, tenant: 'T-WARD', id: 'U7', name: 'Priya Shah' };
      const sam = { platform: 'slack' as const, tenant: 'T-WARD', id: 'U8', name: 'Sam Okafor' };
      const record: LessonRecord = {
        reviewTitle: 'Ward 7 go-live',
        events: [
          { lessonId: full.id, kind: 'validated', actor: priya, detail: {}, at: new Date('2026-03-03T10:00:00Z') },
          { lessonId: full.id, kind: 'approved', actor: sam, detail: { communityName: 'Resus leads' }, at: new Date('2026-03-05T10:00:00Z') },
          { lessonId: full.id, kind: 'applied', actor: priya, detail: { evidence: 'Used on Ward 9\nno stale pads' }, at: new Date('2026-04-01T10:00:00Z') },
        ],
        actions: [
          {
            id: 'a1', tenant: 'T-WARD', lessonId: full.id, text: 'Add the checklist to handover', owner: sam, dueOn: '2026-03-20',
            remindAt: new Date('2026-03-20T09:00:00Z'), timeZone: 'Europe/London', status: 'done', evidence: 'On the sheet now',
            createdBy: priya, createdAt: new Date('2026-03-05T10:00:00Z'), updatedAt: new Date('2026-03-19T10:00:00Z'),
          },
        ],
      };
      const text = exportLessons([{ ...full, recommendation: 'Sign the checklist at handover.\nEvery shift.' }], 'md', undefined, new Map([[full.id, record]]));
      expect(text).toContain('From the review *Ward 7 go-live*.');
      expect(text).toContain('**Recommendation:** Sign the checklist at handover.\n\nEvery shift.');
      expect(text).toContain('- Status: validated; validated by Priya Shah on 3 March 2026; approved by Sam Okafor for Resus leads on 5 March 2026');
      expect(text).toContain('### Evidence of use\n\n- Used on Ward 9 no stale pads (Priya Shah, 1 April 2026)');
      expect(text).toContain('### Actions\n\n- Add the checklist to handover (Sam Okafor, due 20 March 2026; done: On the sheet now)');
    });
  });
});
