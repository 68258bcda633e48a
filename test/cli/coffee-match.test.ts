// `mobilise coffee match --input FILE`, run as a real child process: JSON out, or one line naming the bad field and exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { mobilise, type Outcome } from '../support/run-cli';

// Each run starts tsx (about a second); a busy machine gets headroom.
jest.setTimeout(60_000);

const dir = mkdtempSync(path.join(tmpdir(), 'mobilise-coffee-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(content: unknown): string {
  const name = path.join(dir, `input-${++files}.json`);
  writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}

const resultSchema = z.strictObject({
  groups: z.array(z.array(z.string())),
  sittingOut: z.array(z.string()),
  repeats: z.number().int(),
});

const goodInput = {
  participants: [
    { id: 'U1', team: 'Pharmacy' },
    { id: 'U2', team: 'Pharmacy' },
    { id: 'U3', team: 'Theatres' },
    { id: 'U4', team: 'Theatres' },
    { id: 'U5' },
  ],
  history: [
    { round: 1, groups: [['U1', 'U3'], ['U2', 'U4', 'U9']], met: [true, false] },
    { round: 2, groups: [['U1', 'U4'], ['U2', 'U3']], sittingOut: ['U5'] },
  ],
  groupSize: 2,
  windowRounds: null,
  seed: 42,
  oddOneOut: 'sit-out',
};

/** Exactly one line on stderr, nothing on stdout, exit 2. */
function expectUsageError(out: Outcome, line: RegExp): void {
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr).toMatch(/^[^\n]+\n$/);
  expect(out.stderr).toMatch(line);
}

describe('mobilise coffee match', () => {
  it('prints the groups as one line of JSON, the same for the same seed', async () => {
    const input = file(goodInput);
    const [first, again] = await Promise.all([mobilise(['coffee', 'match', '--input', input]), mobilise(['coffee', 'match', '-i', input])]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^\{"groups":\[\[.*\]\],"sittingOut":\["U\d"\],"repeats":0\}\n$/);
    expect(again.stdout).toBe(first.stdout);
    const result = resultSchema.parse(JSON.parse(first.stdout));
    expect([...result.groups.flat(), ...result.sittingOut].sort()).toEqual(['U1', 'U2', 'U3', 'U4', 'U5']);
    // U5 sat out in the latest round, so plays now.
    expect(result.sittingOut).not.toContain('U5');
  });

  it('draws a seed itself when the file has none, and needs only participants', async () => {
    const out = await mobilise(['coffee', 'match', '--input', file({ participants: [{ id: 'A' }, { id: 'B' }, { id: 'C' }] })]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const result = resultSchema.parse(JSON.parse(out.stdout));
    expect(result.groups).toHaveLength(1);
    expect([...(result.groups[0] ?? [])].sort()).toEqual(['A', 'B', 'C']);
  });

  it('rejects a bad field with exit 2 and one line naming it', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...goodInput, participants: [{ id: 'U1' }, { id: 'U2' }, { id: '' }] }, /^participants\[2\]\.id: /],
      [{ ...goodInput, participants: [{ id: 'U1' }, { id: 'U1' }] }, /^participants\[1\]\.id: "U1" appears more than once$/m],
      [{ ...goodInput, history: [{ round: 1, groups: [['U1', 'U2']], met: [true, false] }] }, /^history\[0\]\.met: /],
      [{ ...goodInput, groupSize: 4 }, /^groupSize: must be 2 \(pairs\) or 3 \(trios\)$/m],
      [{ ...goodInput, windowRound: 3 }, /^windowRound: /],
      [{ ...goodInput, windowRounds: 0 }, /^windowRounds: /],
    ];
    const outcomes = await Promise.all(cases.map(([input]) => mobilise(['coffee', 'match', '--input', file(input)])));
    outcomes.forEach((out, i) => expectUsageError(out, cases[i]?.[1] ?? /never/));
  });

  it('rejects a file that is not JSON, or not there, or no --input at all', async () => {
    const [notJson, missing, noInput, unknown] = await Promise.all([
      mobilise(['coffee', 'match', '--input', file('{"participants": [')]),
      mobilise(['coffee', 'match', '--input', path.join(dir, 'nowhere.json')]),
      mobilise(['coffee', 'match']),
      mobilise(['coffee', 'brew']),
    ]);
    expectUsageError(notJson, /is not valid JSON/);
    expectUsageError(missing, /nowhere\.json cannot be read/);
    expectUsageError(noInput, /--input FILE/);
    expectUsageError(unknown, /"brew"/);
  });

  it('is listed in the usage text', async () => {
    const out = await mobilise(['help']);
    expect(out.stdout).toContain('  coffee match --input FILE ');
  });
});
