// The real `mobilise` command, run as a child process the way npm scripts and Docker run it.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LessonDraft } from '../../src/core/flow';
import { placeKey, type Place } from '../../src/core/model';
import type { LessonSource } from '../../src/lessons/lesson';
import type { Db } from '../../src/store/db';
import { insertLessons } from '../../src/store/lessons';
import { migrate, readMigrations } from '../../src/store/migrate';
import { openServerDb } from '../../src/store/pg-db';
import { openEmbeddedDb } from '../../src/store/pglite-db';
import { insertRun } from '../../src/store/runs';
import { createServerDatabase, dbKinds, type DbKind } from '../support/databases';
import { mobilise } from '../support/run-cli';

// Each run starts tsx (about a second) and PGlite (a few more); a busy machine gets headroom.
jest.setTimeout(60_000);

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobilise-cli-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('mobilise without a database', () => {
  it('prints its usage for help and exits 0', async () => {
    const out = await mobilise(['help'], {});
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout.startsWith('Usage: mobilise <command>\n')).toBe(true);
    for (const command of ['start', 'migrate', 'lessons export', 'lessons search', 'help']) expect(out.stdout).toContain(`  ${command} `);
  });

  it('ends quietly, exit 0, when what reads its output stops early (as `| head` does)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'help'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before tsx has even started, so the first write finds no reader.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('rejects an unknown command with exit 2 and one line naming it', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const out = await mobilise(['frobnicate'], { DATA_DIR: dataDir });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^[^\n]*"frobnicate"[^\n]*\n$/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('will not start with a bad PORT: exit 2 and exactly one line on stderr naming it', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const out = await mobilise(['start'], { PORT: 'abc', DATA_DIR: dataDir });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Configuration error: PORT [^\n]+\n$/);
    // It stopped before opening a database.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('rejects an unknown export format with exit 2, naming --format, before opening a database', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const out = await mobilise(['lessons', 'export', '--format', 'xml'], { DATA_DIR: dataDir });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^[^\n]*--format[^\n]*\n$/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('names the flag, not the chat syntax, for a bad --since or --status, before opening a database', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const [impossible, unreadable, status] = await Promise.all([
      mobilise(['lessons', 'export', '--since', '2024-02-30'], { DATA_DIR: dataDir }),
      mobilise(['lessons', 'export', '--since', '1 March'], { DATA_DIR: dataDir }),
      mobilise(['lessons', 'export', '--status', 'done'], { DATA_DIR: dataDir }),
    ]);
    expect(impossible).toEqual({ code: 2, stdout: '', stderr: '--since must be a date like 2026-03-01, not "2024-02-30"\n' });
    expect(unreadable).toEqual({ code: 2, stdout: '', stderr: '--since must be a date like 2026-03-01, not "1 March"\n' });
    expect(status).toEqual({ code: 2, stdout: '', stderr: '--status must be draft, validated, approved or applied\n' });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('rejects an empty --tenant with exit 2, naming --tenant', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const out = await mobilise(['lessons', 'export', '--tenant='], { DATA_DIR: dataDir });
    expect(out).toEqual({ code: 2, stdout: '', stderr: '--tenant needs a tenant id\n' });
    expect(existsSync(dataDir)).toBe(false);
  });
});

/** Where the CLI's database lives: env to run it with, and a way to open the same database in this process. */
interface Target {
  env: Record<string, string>;
  /** DATA_DIR, which must stay untouched when DATABASE_URL is set. */
  dataDir: string;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

async function target(kind: DbKind): Promise<Target> {
  const dataDir = tempDir();
  if (kind === 'embedded') {
    return { env: { DATA_DIR: dataDir }, dataDir, open: () => openEmbeddedDb(dataDir), drop: async () => undefined };
  }
  const { url, dropDatabase } = await createServerDatabase();
  return { env: { DATA_DIR: dataDir, DATABASE_URL: url }, dataDir, open: async () => openServerDb(url), drop: dropDatabase };
}

// Fields with commas, quotes, newlines and non-ASCII text, to see them survive CSV.
const awkward = {
  title: 'Check the "crash" trolley, daily',
  recommendation: 'Sign the checklist at handover,\nnot at the end of the shift.',
  observation: 'Pads were out of date; "someone" was meant to check.',
  reason: 'Naïve rota – nobody owned it',
};

const wardSource: LessonSource = {
  platform: 'slack',
  tenant: 'T-WARD',
  channel: 'C-RESUS',
  thread: '1712345678.000100',
  url: 'https://ward.slack.com/archives/C-RESUS/p1712345678000100',
};
const clinicSource: LessonSource = { platform: 'console', tenant: 'T-CLINIC', channel: 'sandbox' };

function draft(key: string, fields: Partial<LessonDraft>): LessonDraft {
  return {
    key,
    title: 'Untitled',
    recommendation: '',
    observation: '',
    reason: '',
    technique: 'After Action Review',
    tags: [],
    contributors: [],
    ...fields,
  };
}

/** Two lessons in two tenants, each saved by its own run the way the engine saves them. */
async function seed(db: Db): Promise<void> {
  await migrate(db);
  const saves: [LessonSource, LessonDraft, Date][] = [
    [
      wardSource,
      draft('lesson-1', {
        ...awkward,
        tags: ['resus', 'equipment'],
        contributors: [
          { platform: 'slack', tenant: 'T-WARD', id: 'U1', name: 'Asha Patel' },
          { platform: 'slack', tenant: 'T-WARD', id: 'U2' },
        ],
      }),
      new Date('2024-04-05T10:11:12.000Z'),
    ],
    [
      clinicSource,
      draft('lesson-1', { title: 'Book interpreters ahead', recommendation: 'Book them when the appointment is made.' }),
      new Date('2024-04-06T09:00:00.000Z'),
    ],
  ];
  for (const [source, lesson, at] of saves) {
    const place: Place = { platform: source.platform, tenant: source.tenant, channel: source.channel, thread: source.thread };
    const runId = randomUUID();
    const startedBy = { platform: source.platform, tenant: source.tenant, id: 'U1' };
    await insertRun(db, { id: runId, flow: 'after-action-review', version: 1, place, placeKey: placeKey(place), startedBy, state: {}, status: 'done' }, at);
    expect(await insertLessons(db, runId, source, [lesson], at)).toBe(1);
  }
}

const LESSON_KEYS = [
  'id', 'title', 'recommendation', 'observation', 'reason', 'technique', 'tags', 'status', 'contributors', 'source',
  'createdAt', 'archivedAt',
].sort();
const CSV_HEADER = [
  'id', 'title', 'recommendation', 'observation', 'reason', 'technique', 'tags', 'status', 'contributors',
  'platform', 'tenant', 'channel', 'thread', 'url', 'createdAt', 'archivedAt',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON export, checked to be an array of lesson-shaped objects. */
function lessonsIn(stdout: string): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(stdout);
  if (!Array.isArray(parsed)) throw new Error(`Expected a JSON array, got: ${stdout.slice(0, 200)}`);
  return parsed.map((item: unknown) => {
    if (!isRecord(item)) throw new Error(`Expected an object, got ${JSON.stringify(item)}`);
    expect(Object.keys(item).sort()).toEqual(LESSON_KEYS);
    expect(item.id).toMatch(UUID);
    expect(Array.isArray(item.tags)).toBe(true);
    expect(Array.isArray(item.contributors)).toBe(true);
    expect(isRecord(item.source)).toBe(true);
    expect(new Date(String(item.createdAt)).toISOString()).toBe(item.createdAt);
    return item;
  });
}

/** Checks the byte order mark Excel needs, then reads the rows as a spreadsheet program would. */
function csvRecords(text: string): Record<string, string>[] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = parse(text, { bom: true });
  expect(rows[0]).toEqual(CSV_HEADER);
  return parse(text, { bom: true, columns: true });
}

describe.each(dbKinds)('mobilise on %s Postgres', (kind) => {
  it('migrate applies the migrations, then says the database is up to date', async () => {
    const t = await target(kind);
    try {
      const first = await mobilise(['migrate'], t.env);
      expect(first).toEqual({ code: 0, stdout: `Applied ${readMigrations().map((m) => m.name).join(', ')}\n`, stderr: '' });
      const second = await mobilise(['migrate'], t.env);
      expect(second).toEqual({ code: 0, stdout: 'The database is up to date.\n', stderr: '' });
      // DATABASE_URL, when set, wins over DATA_DIR.
      if (kind === 'server') expect(readdirSync(t.dataDir)).toEqual([]);
      else expect(readdirSync(t.dataDir)).not.toEqual([]);
    } finally {
      await t.drop();
    }
  });

  describe('lessons export on a library of two lessons', () => {
    let t: Target;
    beforeAll(async () => {
      t = await target(kind);
      // Seed in this process, then let go of the database before the CLI opens it (PGlite is one process at a time).
      const db = await t.open();
      try {
        await seed(db);
      } finally {
        await db.close();
      }
    });
    afterAll(() => t?.drop()); // unset if target() failed

    it('prints JSON by default: every lesson, oldest first, with the documented keys', async () => {
      const out = await mobilise(['lessons', 'export'], t.env);
      expect(out).toMatchObject({ code: 0, stderr: '' });
      const [ward, clinic, ...more] = lessonsIn(out.stdout);
      expect(more).toEqual([]);
      expect(ward).toMatchObject({
        ...awkward,
        technique: 'After Action Review',
        tags: ['resus', 'equipment'],
        status: 'draft',
        contributors: [{ id: 'U1', name: 'Asha Patel' }, { id: 'U2' }],
        source: wardSource,
        createdAt: '2024-04-05T10:11:12.000Z',
      });
      expect(Object.keys(ward?.source ?? {}).sort()).toEqual(['channel', 'platform', 'tenant', 'thread', 'url']);
      expect(clinic).toMatchObject({
        title: 'Book interpreters ahead',
        recommendation: 'Book them when the appointment is made.',
        observation: '',
        reason: '',
        tags: [],
        status: 'draft',
        contributors: [],
        createdAt: '2024-04-06T09:00:00.000Z',
      });
      // A source with no thread or link still has those keys, as null.
      expect(clinic?.source).toEqual({ thread: null, url: null, ...clinicSource });
    });

    it('prints CSV with a header row that parses back, awkward text intact', async () => {
      const out = await mobilise(['lessons', 'export', '--format', 'csv'], t.env);
      expect(out).toMatchObject({ code: 0, stderr: '' });
      const records = csvRecords(out.stdout);
      expect(records).toHaveLength(2);
      expect(records[0]).toMatchObject({
        ...awkward,
        tags: 'resus equipment',
        contributors: 'Asha Patel; U2',
        platform: 'slack',
        tenant: 'T-WARD',
        channel: 'C-RESUS',
        thread: wardSource.thread,
        url: wardSource.url,
        createdAt: '2024-04-05T10:11:12.000Z',
      });
      expect(records[0]?.id).toMatch(UUID);
      expect(records[1]).toMatchObject({ title: 'Book interpreters ahead', tenant: 'T-CLINIC', thread: '', url: '' });
    });

    it('prints Markdown with a heading per lesson', async () => {
      const out = await mobilise(['lessons', 'export', '--format', 'md'], t.env);
      expect(out).toMatchObject({ code: 0, stderr: '' });
      expect(out.stdout.startsWith('# Lessons\n\n2 lessons.\n')).toBe(true);
      expect(out.stdout.match(/^## .*$/gm)).toEqual([`## ${awkward.title}`, '## Book interpreters ahead']);
    });

    it('--tenant keeps only that tenant’s lessons', async () => {
      const out = await mobilise(['lessons', 'export', '--tenant', 'T-CLINIC'], t.env);
      expect(out).toMatchObject({ code: 0, stderr: '' });
      const lessons = lessonsIn(out.stdout);
      expect(lessons.map((l) => l.title)).toEqual(['Book interpreters ahead']);
    });

    it('--tenant naming an organisation with no lessons says so, and names those that have some', async () => {
      const said = 'No lessons for organisation T-NOWHERE. Organisations with lessons: T-CLINIC and T-WARD.';
      // JSON stays JSON for a script; the sentence goes to stderr, where the person running it sees it.
      expect(await mobilise(['lessons', 'export', '--tenant', 'T-NOWHERE'], t.env)).toEqual({ code: 0, stdout: '[]\n', stderr: `${said}\n` });
      expect(await mobilise(['lessons', 'export', '--tenant', 'T-NOWHERE', '--format', 'md'], t.env)).toEqual({ code: 0, stdout: `# Lessons\n\n${said}\n`, stderr: '' });
      // An organisation that has lessons, none of them matching, is not a mistake.
      expect(await mobilise(['lessons', 'export', '--tenant', 'T-CLINIC', '--status', 'approved', '--format', 'md'], t.env)).toEqual({
        code: 0,
        stdout: '# Lessons\n\nNo lessons in organisation T-CLINIC match these filters.\n',
        stderr: '',
      });
    });

    it('--output writes the export to a file and nothing to stdout', async () => {
      const file = path.join(tempDir(), 'lessons.csv');
      const out = await mobilise(['lessons', 'export', '--format', 'csv', '--output', file], t.env);
      expect(out).toEqual({ code: 0, stdout: '', stderr: '' });
      const records = csvRecords(readFileSync(file, 'utf8'));
      expect(records.map((r) => r.title)).toEqual([awkward.title, 'Book interpreters ahead']);
    });

    it('export filters by tag, date and status, and names a wrong filter', async () => {
      const titles = async (...args: string[]): Promise<string[]> => {
        const out = await mobilise(['lessons', 'export', ...args], t.env);
        expect(out).toMatchObject({ code: 0, stderr: '' });
        return lessonsIn(out.stdout).map((l) => String(l.title));
      };
      expect(await titles('--tag', 'resus', '--tag', '#equipment')).toEqual([awkward.title]);
      expect(await titles('--since', '2024-04-06')).toEqual(['Book interpreters ahead']);
      expect(await titles('--status', 'approved')).toEqual([]);
      const wrong = await mobilise(['lessons', 'export', '--since', '2024-02-30'], t.env);
      expect(wrong).toEqual({ code: 2, stdout: '', stderr: '--since must be a date like 2026-03-01, not "2024-02-30"\n' });
    });

    it('lessons search finds a lesson in its own organisation only, as text or JSON', async () => {
      const text = await mobilise(['lessons', 'search', 'interpreters', '--tenant', 'T-CLINIC'], t.env);
      expect(text).toMatchObject({ code: 0, stderr: '' });
      expect(text.stdout).toMatch(/^1\. Book interpreters ahead {2}\[draft, 2024-04-06\]/);
      // Output to a pipe: the matched words are plain, not wrapped in the stars the snippet marks them with.
      expect(text.stdout).toMatch(/\binterpreters\b/);
      expect(text.stdout).not.toContain('*');
      const json = await mobilise(['lessons', 'search', 'interpreters', '--tenant', 'T-WARD', '--format', 'json'], t.env);
      expect(JSON.parse(json.stdout)).toEqual([]);
    });

    it('lessons search names what is wrong: no tenant, a bad filter', async () => {
      const noTenant = await mobilise(['lessons', 'search', 'interpreters'], t.env);
      expect(noTenant).toMatchObject({ code: 2, stdout: '' });
      expect(noTenant.stderr).toMatch(/--tenant/);
      const badDate = await mobilise(['lessons', 'search', 'since:2024-13-01', '--tenant', 'T-CLINIC'], t.env);
      expect(badDate).toMatchObject({ code: 2, stdout: '' });
      expect(badDate.stderr).toMatch(/2024-13-01/);
    });
  });
});

