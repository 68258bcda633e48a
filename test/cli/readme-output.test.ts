// README examples whose output goes to a file or a pipe must run mobilise so that npm's banner stays out of it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// npm starts, then tsx; a busy machine gets headroom.
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The lines of the README's sh blocks, and the commands in its inline code, that run mobilise. */
function mobiliseExamples(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n'));
  const inline = [...README.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return [...blocks, ...inline].filter((line) => /\bmobilise\b/.test(line) && /^(npm|npx|mobilise)\b/.test(line.trim()));
}

/** Output sent on to a file or another program: `> file`, `>> file` or `| program` (not `\|` in a table, nor in quotes or a # comment). */
function redirects(line: string): boolean {
  const bare = line.replace(/"[^"]*"|'[^']*'/g, '""').replace(/\s#.*$/, '');
  return /(^|[^\\])(>|\|)\s*[\w./'"-]/.test(bare);
}

describe('README examples that send output to a file or a pipe', () => {
  it('exist, and each runs npm silently or the built binary', () => {
    const sent = mobiliseExamples().filter(redirects);
    expect(sent.length).toBeGreaterThan(0);
    for (const line of sent) expect(line).toMatch(/npm run -s mobilise -- |npx mobilise /);
  });

  it('are right that npm run -s leaves only mobilise on stdout', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('npm', ['run', '-s', 'mobilise', '--', 'lessons', '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 }, (err, out) =>
        err ? reject(err) : resolve(out),
      );
    });
    expect(stdout.startsWith('Usage: mobilise lessons <command>\n')).toBe(true);
  });
});
