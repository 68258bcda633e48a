// `mobilise org register | join | list` run as the real command, on both databases: what an administrator sees.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createServerDatabase, dbKinds, type DbKind } from '../support/databases';
import { mobilise } from '../support/run-cli';

// Each run starts tsx (about a second) and PGlite (a few more); a busy machine gets headroom.
jest.setTimeout(90_000);

const dir = mkdtempSync(path.join(tmpdir(), 'mobilise-org-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEAM = '19:pharmacy-general@thread.tacv2';

describe('mobilise org without a database', () => {
  it('--help answers with the commands and touches nothing', async () => {
    const out = await mobilise(['org', '--help'], { DATA_DIR: path.join(dir, 'never-created') });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(path.join(dir, 'never-created'))).toBe(false);
    expect(out.stdout).toContain('register --name "NAME" [--ods CODE]');
    expect(out.stdout).toContain('join ORG --teams-team 19:…@thread.tacv2');
    expect((await mobilise(['org', 'join', '--help'])).stdout).toContain('Usage: mobilise org join ORG');
  });

  it('a bad ODS code is a usage error (exit 2), named before any database is opened', async () => {
    const out = await mobilise(['org', 'register', '--name', 'Royal Example', '--ods', 'R-X'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(out).toEqual({ code: 2, stdout: '', stderr: 'an ODS code is 3 to 9 letters or digits, such as RXH (a trust) or A81001 (a GP practice)\n' });
  });
});

describe.each(dbKinds)('mobilise org on %s Postgres', (kind: DbKind) => {
  let env: Record<string, string>;
  let drop: () => Promise<void> = async () => undefined;
  let url: string | undefined;

  beforeAll(async () => {
    env = { DATA_DIR: mkdtempSync(path.join(dir, 'data-')) };
    if (kind === 'server') {
      const server = await createServerDatabase();
      env.DATABASE_URL = server.url;
      url = server.url;
      drop = server.dropDatabase;
    }
  });
  afterAll(() => drop());

  // The steps run in order, each on what the one before left.
  it('lists nothing at first, then registers an organisation once', async () => {
    expect(await mobilise(['org', 'list'], env)).toEqual({ code: 0, stderr: '', stdout: 'No organisations are registered: each Slack workspace and Teams team is its own.\n' });

    expect(await mobilise(['org', 'register', '--name', 'Royal Example NHS Trust', '--ods', 'rxh'], env)).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Registered Royal Example NHS Trust (ODS RXH) as org:RXH. Join its workspaces and teams with "mobilise org join org:RXH --slack-workspace T… | --teams-team 19:…".\n',
    });
    expect(await mobilise(['org', 'register', '--name', 'Another name', '--ods', 'RXH'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'An organisation with the ODS code RXH is registered already (key org:RXH). Run "mobilise org list" to see it.\n',
    });
  });

  it('refuses to join an organisation nobody registered, then joins a workspace and a team', async () => {
    expect(await mobilise(['org', 'join', 'RZZ', '--slack-workspace', 'T0PHARM'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'No organisation is registered as "RZZ". Run "mobilise org list" to see them, or "mobilise org register" to add it.\n',
    });
    expect(await mobilise(['org', 'join', 'RXH', '--slack-workspace', 'T0PHARM'], env)).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Slack workspace T0PHARM joined Royal Example NHS Trust (org:RXH). Rows moved: none.\n',
    });
    expect(await mobilise(['org', 'join', 'Royal Example NHS Trust', '--teams-team', TEAM], env)).toMatchObject({ code: 0 });
  });

  it('joining the same organisation twice changes nothing; joining another is refused', async () => {
    expect(await mobilise(['org', 'join', 'org:RXH', '--slack-workspace', 'T0PHARM'], env)).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Slack workspace T0PHARM is in Royal Example NHS Trust (org:RXH) already; nothing changed.\n',
    });

    expect(await mobilise(['org', 'register', '--name', 'Hospice at Home', '--holidays', 'scotland'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('as org:hospice-at-home. Dates Mobilise proposes there avoid bank holidays in Scotland.'),
    });
    expect(await mobilise(['org', 'join', 'org:hospice-at-home', '--teams-team', TEAM], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: `Teams team ${TEAM} has joined org:RXH already; moving it to another organisation is not supported yet.\n`,
    });
  });

  it('lists the organisations and what has joined each', async () => {
    expect(await mobilise(['org', 'list'], env)).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'org:hospice-at-home  Hospice at Home  (bank holidays in Scotland)',
        '  (nothing has joined yet)',
        'org:RXH  Royal Example NHS Trust  ODS RXH  (bank holidays in England and Wales)', `  Slack workspace T0PHARM`, `  Teams team ${TEAM}`, ''].join('\n'),
    });
  });

  if (kind === 'server') {
    it("a join moves the workspace's rows", async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO lessons (tenant, title, recommendation, technique, source_platform, source_channel, created_at)
           VALUES ('T0WARD', 'Label the trolley', 'Label it', 'import', 'import', 'lessons.csv', now())`,
        );
        expect(await mobilise(['org', 'join', 'RXH', '--slack-workspace', 'T0WARD'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('Rows moved: lessons 1.') });
        expect((await client.query('SELECT tenant FROM lessons')).rows).toEqual([{ tenant: 'org:RXH' }]);
      } finally {
        await client.end();
      }
    });
  }
});
