// `mobilise lessons import` run as the real command, on a messy spreadsheet, on both databases.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServerDatabase, dbKinds, type DbKind } from '../support/databases';
import { mobilise } from '../support/run-cli';

// Each run starts tsx (about a second) and PGlite (a few more); a busy machine gets headroom.
jest.setTimeout(60_000);

const dir = mkdtempSync(path.join(tmpdir(), 'mobilise-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NHS_NUMBER = /943\D{0,3}476\D{0,3}5919/;

// A BOM, CRLF line ends, an unknown column, a quoted field with a comma and a new line, and one bad row of each kind.
const MESSY = `\ufeff${[
  'Title,Lesson learned,What happened,Root cause,Tags,Date,Status,Contributors,Ward',
  'Check the resus trolley,"Sign the checklist at handover, every shift\r\nnot at the end of the day",Pads were out of date,Nobody owned it,#Resus; equipment,28/02/2024,approved,Asha Patel; Ben Jones,5A',
  ',Book interpreters early,,,,,,,',
  'Order bloods early,Order them on the ward round,,,,31/02/2024,,,',
  'Wristbands,Check every wristband,Patient 943 476 5919 had none,,,,,,',
  'Book interpreters ahead,Book them when the appointment is made,,,handover,2024-03-01,,,6B',
  'check the RESUS trolley ,"Sign the checklist at handover,  every shift\r\nnot at the end of the day",,,,,,,',
  'Label the fridge,Label every shelf,,,,,,,',
].join('\r\n')}\r\n`;

const REJECTED = [
  'row 3, column Title: empty, but every lesson needs a title',
  'row 4, column Date: "31/02/2024" is not a date (use 2024-02-28 or 28/02/2024)',
  'row 5, column What happened: contains an NHS number; rephrase it without the number',
];

describe.each(dbKinds)('mobilise lessons import on %s Postgres', (kind: DbKind) => {
  const file = path.join(dir, `lessons-${kind}.csv`);
  let env: Record<string, string>;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    writeFileSync(file, MESSY);
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    env = { DATA_DIR: dataDir };
    if (kind === 'server') {
      const server = await createServerDatabase();
      env.DATABASE_URL = server.url;
      drop = server.dropDatabase;
    }
  });
  afterAll(() => drop());

  const exported = async (): Promise<{ stdout: string; lessons: Record<string, unknown>[] }> => {
    const out = await mobilise(['lessons', 'export', '--tenant', 'T-WARD'], env);
    // Before anything is imported the organisation has no lessons, and the export says so beside the JSON.
    const note = out.stdout === '[]\n' ? 'No lessons for organisation T-WARD. No organisation has any lessons yet.\n' : '';
    expect(out).toMatchObject({ code: 0, stderr: note });
    return { stdout: out.stdout, lessons: JSON.parse(out.stdout) };
  };

  it('--dry-run reports what it would do and saves nothing', async () => {
    const out = await mobilise(['lessons', 'import', file, '--tenant', 'T-WARD', '--dry-run'], env);
    expect(out).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Ignored column: "Ward".',
        ...REJECTED,
        'row 7: the same lesson as row 2',
        'Would import 3 of 7 rows (3 rejected, 1 repeated in the file). Nothing was saved: this was a dry run.',
        '',
      ].join('\n'),
    });
    expect((await exported()).lessons).toEqual([]);
  });

  it('imports the good rows and names each bad one by row and column, never printing the NHS number', async () => {
    const out = await mobilise(['lessons', 'import', file, '--tenant', 'T-WARD'], env);
    expect(out).toEqual({
      code: 0,
      stderr: '',
      stdout: ['Ignored column: "Ward".', ...REJECTED, 'row 7: the same lesson as row 2', 'Imported 3 of 7 rows (3 rejected, 1 repeated in the file).', ''].join('\n'),
    });
    const { stdout, lessons } = await exported();
    expect(stdout).not.toMatch(NHS_NUMBER);
    expect(stdout).not.toMatch(/Wristbands/);
    expect(lessons.map((l) => l.title)).toEqual(['Check the resus trolley', 'Book interpreters ahead', 'Label the fridge']);
    expect(lessons[0]).toMatchObject({
      recommendation: 'Sign the checklist at handover, every shift\nnot at the end of the day',
      observation: 'Pads were out of date',
      reason: 'Nobody owned it',
      technique: 'imported',
      tags: ['resus', 'equipment'],
      status: 'approved',
      contributors: [{ id: 'Asha Patel', name: 'Asha Patel' }, { id: 'Ben Jones', name: 'Ben Jones' }],
      source: { platform: 'import', tenant: 'T-WARD', channel: path.basename(file), thread: null, url: null },
      createdAt: '2024-02-28T00:00:00.000Z',
    });
    expect(lessons[1]).toMatchObject({ tags: ['handover'], status: 'draft', createdAt: '2024-03-01T00:00:00.000Z' });
  });

  it('importing the same file again adds nothing: every good row is already in the library', async () => {
    const out = await mobilise(['lessons', 'import', file, '--tenant', 'T-WARD'], env);
    expect(out).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Ignored column: "Ward".',
        'row 2: already in the library',
        ...REJECTED.slice(0, 3),
        'row 6: already in the library',
        'row 7: the same lesson as row 2',
        'row 8: already in the library',
        'Imported 0 of 7 rows (3 rejected, 1 repeated in the file, 3 already in the library).',
        '',
      ].join('\n'),
    });
    expect((await exported()).lessons).toHaveLength(3);
  });

  it("Mobilise's own CSV export imports into another organisation with its dates and text intact", async () => {
    const csv = await mobilise(['lessons', 'export', '--tenant', 'T-WARD', '--format', 'csv'], env);
    expect(csv.stdout.startsWith('\ufeff')).toBe(true);
    const exportFile = path.join(dir, `export-${kind}.csv`);
    writeFileSync(exportFile, csv.stdout);
    const out = await mobilise(['lessons', 'import', exportFile, '--tenant', 'T-CLINIC'], env);
    expect(out).toMatchObject({ code: 0, stdout: expect.stringContaining('Imported 3 of 3 rows') });
    const fields = (l: Record<string, unknown>): unknown[] => [l.title, l.recommendation, l.observation, l.reason, l.tags, l.status, l.createdAt];
    const back = await mobilise(['lessons', 'export', '--tenant', 'T-CLINIC'], env);
    const original = (await exported()).lessons;
    expect((JSON.parse(back.stdout) as Record<string, unknown>[]).map(fields)).toEqual(original.map(fields));
  });

  it('a file without a recommendation column exits 2 naming it, and imports nothing', async () => {
    const bad = path.join(dir, `no-recommendation-${kind}.csv`);
    writeFileSync(bad, 'Title,What happened\r\nA new lesson,Something\r\n');
    const out = await mobilise(['lessons', 'import', bad, '--tenant', 'T-WARD'], env);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^[^\n]*no recommendation column[^\n]*\n$/);
    expect((await exported()).lessons).toHaveLength(3);
  });
});

describe('mobilise lessons import without a database', () => {
  it('is in the usage text', async () => {
    const out = await mobilise(['help'], {});
    expect(out.stdout).toContain('  lessons import <file.csv> --tenant ID ');
  });

  it('refuses a missing file, or no --tenant, with exit 2 and one line, before opening a database', async () => {
    const dataDir = path.join(dir, 'untouched');
    const missing = await mobilise(['lessons', 'import', path.join(dir, 'nope.csv'), '--tenant', 'T'], { DATA_DIR: dataDir });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^[^\n]*nope\.csv does not exist\.\n$/);
    const noTenant = await mobilise(['lessons', 'import', path.join(dir, 'nope.csv')], { DATA_DIR: dataDir });
    expect(noTenant).toMatchObject({ code: 2, stdout: '' });
    expect(noTenant.stderr).toMatch(/^--tenant[^\n]*\n$/);
    expect(existsSync(dataDir)).toBe(false);
  });
});
