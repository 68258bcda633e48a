// MOBILISE_CLOCK_FILE's clock: every call reads the file, so a test moves time for every process at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileClock } from '../../src/engine/file-clock';

describe('fileClock', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobilise-clock-'));
    file = path.join(dir, 'now');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the instant in the file on every call', () => {
    const clock = fileClock(file);
    writeFileSync(file, '2026-11-20T09:00:00Z\n');
    expect(clock()).toEqual(new Date('2026-11-20T09:00:00.000Z'));
    writeFileSync(file, '2026-11-20T10:30:00.250+01:00');
    expect(clock()).toEqual(new Date('2026-11-20T09:30:00.250Z'));
  });

  it('names the file when it is missing', () => {
    expect(() => fileClock(file)()).toThrow(`clock file ${file} cannot be read`);
  });

  it.each(['', 'tomorrow', '2026-11-20', '2026-11-20T09:00:00', '2026-02-30T09:00:00Z'])(
    'names the file when it does not hold an ISO-8601 instant: %j',
    (text) => {
      writeFileSync(file, text);
      expect(() => fileClock(file)()).toThrow(`clock file ${file} must hold an ISO-8601 instant`);
    },
  );
});
