import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { outlineIcon } from '../../manifest/teams/make-icons';
import { buildTeamsPackage, fillManifest, PackageError, run, schemaProblems } from '../../manifest/teams/package-teams';
import { readPngHeader } from '../../manifest/teams/png';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = path.join(ROOT, 'manifest', 'teams');
const APP_ID = '2f1c9a1e-5b7d-4c3a-9e8f-1a2b3c4d5e6f';
const DOMAIN = 'mobilise.example.nhs.uk';
const VERSION = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))).version;
// Teams lists only a few commands per scope; the umbrella /learn keeps room for the techniques to come.
const COMMANDS = ['aar', 'bar', 'lessons', 'cop', 'coffee', 'learn'];

const template = readFileSync(path.join(SOURCE, 'manifest.json'), 'utf8');

// Only the parts of the manifest these tests look at; the official schema checks the rest.
const manifestSchema = z
  .object({
    $schema: z.string(),
    id: z.string(),
    version: z.string(),
    manifestVersion: z.string(),
    validDomains: z.array(z.string()),
    webApplicationInfo: z.object({ id: z.string(), resource: z.string().min(1) }),
    bots: z.array(
      z
        .object({
          botId: z.string(),
          scopes: z.array(z.string()),
          commandLists: z.array(z.object({ scopes: z.array(z.string()), commands: z.array(z.object({ title: z.string(), description: z.string() })) })),
        })
        .loose(),
    ),
    authorization: z.object({ permissions: z.object({ resourceSpecific: z.array(z.object({ name: z.string(), type: z.string() })) }) }),
  })
  .loose();

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'mobilise-teams-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A copy of manifest/teams to spoil, with the manifest changed by `edit`. */
function spoiltSource(edit: (manifest: string) => string): string {
  const dir = path.join(work, 'source');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'manifest.json'), edit(template));
  copyFileSync(path.join(SOURCE, 'color.png'), path.join(dir, 'color.png'));
  copyFileSync(path.join(SOURCE, 'outline.png'), path.join(dir, 'outline.png'));
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** The real script as a child process, the way `npm run package:teams` runs it. */
function packageTeams(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'manifest/teams/package-teams.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr });
        if (typeof err.code !== 'number' || err.killed) return reject(new Error(`package:teams did not finish: ${err.message}\n${stderr}`));
        resolve({ code: err.code, stdout, stderr });
      },
    );
  });
}

// Schema checks run in a child process: @microsoft/app-manifest requires an ES-module-only package that Jest cannot load.
describe('the committed Teams manifest', () => {
  const manifest = manifestSchema.parse(fillManifest(template, { appId: APP_ID, domain: DOMAIN, version: VERSION }));

  it('is written for the 1.30 schema, which @microsoft/app-manifest bundles', () => {
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(existsSync(path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas/teams/v1.30/MicrosoftTeams.schema.json'))).toBe(true);
  });

  it('uses the one app id for the app, the bot and resource-specific consent, and the domain as its only valid domain', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots.map((b) => b.botId)).toEqual([APP_ID]);
    expect(manifest.webApplicationInfo.id).toBe(APP_ID);
    expect(manifest.validDomains).toEqual([DOMAIN]);
    expect(manifest.version).toBe(VERSION);
  });

  it('installs the bot in personal chats, team channels and group chats, with the six commands listed in each', () => {
    const [bot] = manifest.bots;
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.commandLists.map((list) => list.scopes)).toEqual([['team'], ['groupChat'], ['personal']]);
    for (const list of bot?.commandLists ?? []) {
      expect(list.commands.map((c) => c.title)).toEqual(COMMANDS);
      for (const command of list.commands) expect(command.description.length).toBeGreaterThan(10);
    }
  });

  // Teams ignores webApplicationInfo.resource for resource-specific consent but refuses the app without one.
  it('asks to receive every message in the channels and chats it is added to, and nothing more', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
      { name: 'ChatMessage.Read.Chat', type: 'Application' },
    ]);
  });

  it('has icons of the sizes Teams asks for, the outline with transparency', () => {
    expect(readPngHeader(readFileSync(path.join(SOURCE, 'color.png')))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(readFileSync(path.join(SOURCE, 'outline.png')))).toEqual({ width: 32, height: 32, colourType: 6 });
  });
});

describe('npm run package:teams', () => {
  it('validates the manifest and writes a zip holding exactly it, filled in, and the two icons', async () => {
    const outFile = path.join(work, 'out', 'mobilise-teams.zip');
    const result = await packageTeams(['--app-id', APP_ID.toUpperCase(), '--domain', 'Mobilise.Example.NHS.uk', '--out', outFile]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining(`Wrote ${outFile}`) });

    const files = unzipSync(readFileSync(outFile));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(Buffer.from(files['manifest.json'] ?? new Uint8Array()).toString('utf8'))).toEqual(
      fillManifest(template, { appId: APP_ID, domain: DOMAIN, version: VERSION }),
    );
    expect(Buffer.from(files['color.png'] ?? new Uint8Array()).equals(readFileSync(path.join(SOURCE, 'color.png')))).toBe(true);
    expect(Buffer.from(files['outline.png'] ?? new Uint8Array()).equals(readFileSync(path.join(SOURCE, 'outline.png')))).toBe(true);
  });

  it('takes the app id and domain from MICROSOFT_APP_ID and TEAMS_APP_DOMAIN', async () => {
    const outFile = path.join(work, 'env.zip');
    const result = await packageTeams(['--out', outFile], { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_DOMAIN: DOMAIN });
    expect(result.code).toBe(0);
    const manifest = manifestSchema.parse(JSON.parse(Buffer.from(unzipSync(readFileSync(outFile))['manifest.json'] ?? new Uint8Array()).toString('utf8')));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.validDomains).toEqual([DOMAIN]);
  });

  it('rejects an app id that is not a GUID with exit code 2, saying so, and writes nothing', async () => {
    const outFile = path.join(work, 'bad.zip');
    const result = await packageTeams(['--app-id', 'my-bot', '--domain', DOMAIN, '--out', outFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The app id "my-bot" is not a GUID');
    expect(existsSync(outFile)).toBe(false);
  });

  it('rejects a manifest the schema does not allow with exit code 2, naming each problem, and writes nothing', async () => {
    const source = spoiltSource((m) =>
      m.replace('"short": "Mobilise"', '"short": "Mobilise, the knowledge mobilisation bot"').replace('"groupChat"]', '"chat"]'),
    );
    const outFile = path.join(work, 'bad.zip');
    const result = await packageTeams(['--app-id', APP_ID, '--domain', DOMAIN, '--source', source, '--out', outFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('manifest.json does not match the Teams manifest schema');
    expect(result.stderr).toContain('/name/short must NOT have more than 30 characters');
    expect(result.stderr).toContain('/bots/0/scopes/2 must be equal to one of the allowed values');
    expect(existsSync(outFile)).toBe(false);
  });

  it.each([
    [[], 'No app id'],
    [['--app-id', APP_ID], 'No domain'],
    [['--app-id', APP_ID, '--domain', `https://${DOMAIN}/api/messages`], 'should be a host name only'],
    [['--app-id', APP_ID, '--domain', 'localhost'], 'is not a host name'],
    [['--app-id', APP_ID, '--domain', DOMAIN, '--colour', 'blue'], "Unknown option '--colour'"],
  ])('exits with 2 for %j, naming the problem', async (args, message) => {
    const { io, err } = capture();
    const outFile = path.join(work, 'bad.zip');
    await expect(run([...args, '--out', outFile], {}, io)).resolves.toBe(2);
    expect(err.join('\n')).toContain(message);
    expect(existsSync(outFile)).toBe(false);
  });

  it('rejects a $schema that does not match the manifest version', async () => {
    const spoilt = fillManifest(template.replace('/v1.30/', '/v1.22/'), { appId: APP_ID, domain: DOMAIN, version: VERSION });
    await expect(schemaProblems(spoilt)).resolves.toEqual([expect.stringMatching(/^\$schema is ".*v1\.22.*" but manifestVersion 1\.30 needs/)]);
  });

  it('rejects a manifest version whose schema is not bundled, rather than fetch it', async () => {
    const spoilt = fillManifest(template.replaceAll('1.30', '1.99'), { appId: APP_ID, domain: DOMAIN, version: VERSION });
    await expect(schemaProblems(spoilt)).resolves.toEqual([expect.stringContaining('manifestVersion 1.99 has no schema bundled')]);
  });

  it('rejects a placeholder it does not know how to fill', () => {
    expect(() => fillManifest(template.replace('"name": "Mobilise"', '"name": "{{TRUST_NAME}}"'), { appId: APP_ID, domain: DOMAIN, version: VERSION })).toThrow(
      new PackageError('manifest.json has placeholders this script does not fill: {{TRUST_NAME}}.'),
    );
  });

  it('rejects a colour icon of the wrong size as bad input (exit code 2), and writes nothing', async () => {
    const sourceDir = spoiltSource((m) => m);
    writeFileSync(path.join(sourceDir, 'color.png'), outlineIcon());
    const outFile = path.join(work, 'bad.zip');
    const attempt = buildTeamsPackage({ appId: APP_ID, domain: DOMAIN, sourceDir, outFile });
    await expect(attempt).rejects.toThrow('The color icon color.png is 32x32 pixels; Teams needs 192x192.');
    await expect(attempt).rejects.toBeInstanceOf(PackageError);
    expect(existsSync(outFile)).toBe(false);
  });

  it('rejects an outline icon that is not a PNG', async () => {
    const sourceDir = spoiltSource((m) => m);
    writeFileSync(path.join(sourceDir, 'outline.png'), 'not a picture');
    await expect(buildTeamsPackage({ appId: APP_ID, domain: DOMAIN, sourceDir, outFile: path.join(work, 'bad.zip') })).rejects.toThrow(
      'The outline icon outline.png is not a PNG file.',
    );
  });

  it('rejects an outline icon with no transparency', async () => {
    const sourceDir = spoiltSource((m) => m);
    // Colour type 2 (RGB, no alpha) in an otherwise well-formed header.
    const rgb = Buffer.from(readFileSync(path.join(SOURCE, 'outline.png')));
    rgb[25] = 2;
    writeFileSync(path.join(sourceDir, 'outline.png'), rgb);
    await expect(buildTeamsPackage({ appId: APP_ID, domain: DOMAIN, sourceDir, outFile: path.join(work, 'bad.zip') })).rejects.toThrow(
      'The outline icon outline.png has no transparency',
    );
  });
});
