// --help and -h on every `mobilise` command: its own usage on stdout, exit 0, and nothing opened or run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MOBILISE } from '../../src/cli-commands';
import { asksForHelp, commandsIn, dispatch, type CommandGroup } from '../../src/cli-usage';
import { UsageError } from '../../src/usage-error';
import { mobilise } from '../support/run-cli';

// Each child process starts tsx (about a second); a busy machine gets headroom.
jest.setTimeout(60_000);

const dir = mkdtempSync(path.join(tmpdir(), 'mobilise-help-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a dispatch wrote, or the message of the UsageError it threw. */
async function written(group: CommandGroup, args: string[]): Promise<string> {
  let out = '';
  try {
    await dispatch(group, args, (text) => {
      out += text;
    });
  } catch (err) {
    if (err instanceof UsageError) return `UsageError: ${err.message}`;
    throw err;
  }
  return out;
}

describe('asking for help', () => {
  it('is --help or -h anywhere before --', () => {
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['file.csv', '--tenant', 'T1', '-h'])).toBe(true);
    expect(asksForHelp(['--', '--help'])).toBe(false);
    expect(asksForHelp(['--helpful', '-hx'])).toBe(false);
    expect(asksForHelp([])).toBe(false);
  });

  it('prints the usage instead of running the command', async () => {
    const ran: string[][] = [];
    const tree: CommandGroup = {
      usage: 'Usage: t <command>',
      commands: { a: { usage: 'Usage: t a <group>', commands: { b: { usage: 'Usage: t a b', run: (args) => void ran.push(args) } } } },
    };
    expect(await written(tree, ['a', 'b', 'x', '--help'])).toBe('Usage: t a b\n');
    expect(await written(tree, ['help', 'a', 'b'])).toBe('Usage: t a b\n');
    expect(await written(tree, ['a'])).toBe('Usage: t a <group>\n');
    expect(await written(tree, ['a', '-h'])).toBe('Usage: t a <group>\n');
    expect(await written(tree, [])).toBe('Usage: t <command>\n');
    expect(ran).toEqual([]);
    expect(await written(tree, ['a', 'b', '--', '--help'])).toBe('');
    expect(ran).toEqual([['--', '--help']]);
  });

  it('names an unknown command and where to find the list', async () => {
    expect(await written(MOBILISE, ['org', 'leave'])).toBe('UsageError: Unknown org command "leave". Run "mobilise org --help" for the list.');
    expect(await written(MOBILISE, ['frobnicate'])).toBe('UsageError: Unknown command "frobnicate". Run "mobilise --help" for the list.');
    expect(await written(MOBILISE, ['toString'])).toMatch(/Unknown command "toString"/);
  });
});

describe('every mobilise command', () => {
  const all = commandsIn(MOBILISE);

  it('is in the tree', () => {
    expect(all.map((c) => c.words.join(' '))).toEqual([
      'start', 'migrate', 'lessons export', 'lessons search', 'lessons import', 'who', 'coffee match', 'org register', 'org join', 'org list',
    ]);
  });

  it.each(all.map((c) => [c.words.join(' '), c] as const))('%s answers --help and -h with its own usage', async (name, { words, command }) => {
    expect(command.usage.startsWith(`Usage: mobilise ${name}`)).toBe(true);
    expect(await written(MOBILISE, [...words, '--help'])).toBe(`${command.usage}\n`);
    expect(await written(MOBILISE, [...words, '-h'])).toBe(`${command.usage}\n`);
    expect(await written(MOBILISE, ['help', ...words])).toBe(`${command.usage}\n`);
  });

  it.each(['lessons', 'coffee', 'org'])('%s alone, or with --help, lists its commands', async (group) => {
    const usage = await written(MOBILISE, [group]);
    expect(usage.startsWith(`Usage: mobilise ${group} <command>\n`)).toBe(true);
    expect(await written(MOBILISE, [group, '--help'])).toBe(usage);
  });
});

describe('mobilise --help as a real command', () => {
  it('exits 0 with the usage on stdout and never opens a database', async () => {
    const dataDir = path.join(dir, 'never-created');
    // A server nobody listens on: any attempt to connect would fail the command.
    const env = { DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const runs = [['lessons', 'import', '--help'], ['lessons', 'export', 'extra', '-h'], ['start', '--help'], ['migrate', '-h']];
    const outs = await Promise.all(runs.map((args) => mobilise(args, env)));
    runs.forEach((args, i) => {
      const words = args.filter((a) => !a.startsWith('-') && a !== 'extra').join(' ');
      expect(outs[i]).toMatchObject({ code: 0, stderr: '' });
      expect(outs[i]?.stdout.startsWith(`Usage: mobilise ${words}`)).toBe(true);
    });
    expect(existsSync(dataDir)).toBe(false);
  });
});
