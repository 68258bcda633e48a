// The journal against a real directory: recovery, group commit, segments, damage on disk, and the one-process lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, type Logger } from '../../src/log';
import { Journal, MARKS_WAIT_MS, type JournalOptions } from '../../src/spool/journal';

interface LogLine {
  level: string;
  msg: string;
  file?: string;
  line?: number;
  pid?: number;
}

function capture(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { log: createLogger('debug', (line) => lines.push(JSON.parse(line) as LogLine)), lines };
}

const warnings = (lines: LogLine[]): LogLine[] => lines.filter((l) => l.level === 'warn');

interface SegmentOnDisk {
  file: string;
  entries: number[];
  marks: number[];
}

/** What each segment file holds, oldest first, read straight from disk. */
function onDisk(dir: string): SegmentOnDisk[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.journal'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const records = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { s?: number; d?: number });
      return {
        file,
        entries: records.flatMap((r) => (r.s === undefined ? [] : [r.s])),
        marks: records.flatMap((r) => (r.d === undefined ? [] : [r.d])),
      };
    });
}

const holding = (dir: string, seq: number): string | undefined => onDisk(dir).find((s) => s.entries.includes(seq))?.file;
const markedIn = (dir: string, seq: number): string | undefined => onDisk(dir).find((s) => s.marks.includes(seq))?.file;
const bytesOnDisk = (dir: string): number => onDisk(dir).reduce((n, s) => n + statSync(s.file).size, 0);

describe('Journal', () => {
  let dir: string;
  const open: Journal[] = [];
  const children: ChildProcess[] = [];

  async function openJournal(opts: Partial<JournalOptions> = {}): Promise<Awaited<ReturnType<typeof Journal.open>>> {
    const opened = await Journal.open({ dir, log: capture().log, ...opts });
    open.push(opened.journal);
    return opened;
  }

  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'mobilise-journal-')), 'spool');
  });
  afterEach(async () => {
    for (const journal of open.splice(0)) await journal.close();
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('returns what was appended, oldest first, after close and reopen, and carries on numbering', async () => {
    const { journal, pending } = await openJournal();
    expect(pending).toEqual([]);
    expect(await journal.append({ kind: 'reply', text: 'first' })).toBe(1);
    expect(await journal.append('second')).toBe(2);
    expect(await journal.append([3, null, true])).toBe(3);
    expect(journal.outstanding).toBe(3);
    await journal.close();

    const again = await openJournal();
    expect(again.pending).toEqual([
      { seq: 1, value: { kind: 'reply', text: 'first' } },
      { seq: 2, value: 'second' },
      { seq: 3, value: [3, null, true] },
    ]);
    expect(again.journal.outstanding).toBe(3);
    expect(await again.journal.append('fourth')).toBe(4);
  });

  it('has the entry in its file by the time append resolves', async () => {
    const { journal } = await openJournal();
    const seq = await journal.append('on disk now');
    expect(journal.syncs).toBe(1);
    expect(holding(dir, seq)).toBeDefined();
  });

  it('does not return entries marked done, and ignores unknown and repeated done marks', async () => {
    const { journal } = await openJournal();
    for (let i = 1; i <= 5; i += 1) await journal.append(`entry ${i}`);
    journal.done(2);
    journal.done(4);
    journal.done(4);
    journal.done(99);
    expect(journal.outstanding).toBe(3);
    // close writes the marks still waiting
    await journal.close();

    const again = await openJournal();
    expect(again.pending.map((e) => e.seq)).toEqual([1, 3, 5]);
    expect(onDisk(dir).flatMap((s) => s.marks)).toEqual([2, 4]);
  });

  it('writes a done mark with the next append rather than on its own, so the next ack waits behind no extra sync', async () => {
    const { journal } = await openJournal();
    await journal.append('first');
    const syncs = journal.syncs;
    journal.done(1);
    await journal.idle();
    expect(journal.syncs).toBe(syncs);
    expect(onDisk(dir).flatMap((s) => s.marks)).toEqual([]);

    await journal.append('second');
    // Read before close: the mark went out with the entry, in one write.
    expect(journal.syncs).toBe(syncs + 1);
    expect(onDisk(dir).flatMap((s) => s.marks)).toEqual([1]);
  });

  it('writes done marks with no append to ride with once their wait is over', async () => {
    const { journal } = await openJournal();
    await journal.append('only');
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      journal.done(1);
      jest.advanceTimersByTime(MARKS_WAIT_MS - 1);
      await journal.idle();
      expect(onDisk(dir).flatMap((s) => s.marks)).toEqual([]);
      jest.advanceTimersByTime(1);
      await journal.idle();
      expect(onDisk(dir).flatMap((s) => s.marks)).toEqual([1]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('honours a done mark given before its append resolved', async () => {
    const { journal } = await openJournal();
    const appended = journal.append('quick');
    journal.done(1);
    expect(journal.outstanding).toBe(0);
    await expect(appended).resolves.toBe(1);
    await journal.close();
    expect((await openJournal()).pending).toEqual([]);
  });

  it('writes concurrent appends with one sync (group commit)', async () => {
    const { journal } = await openJournal();
    const seqs = await Promise.all(Array.from({ length: 500 }, (_, i) => journal.append({ i })));
    expect(seqs).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(journal.syncs).toBeLessThan(5);
    await journal.close();

    const again = await openJournal();
    expect(again.pending).toEqual(seqs.map((seq, i) => ({ seq, value: { i } })));
  });

  it('gathers appends that arrive while a sync is in flight into the next one', async () => {
    const { journal } = await openJournal();
    const first = journal.append('alone');
    // Two turns of the event loop: the first batch has been handed to the disk.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Array.from({ length: 100 }, (_, i) => journal.append(i));
    await Promise.all([first, ...rest]);
    expect(journal.syncs).toBeLessThanOrEqual(3);
  });

  it('starts new segments and deletes one once all its entries are done, keeping disk use to what is outstanding', async () => {
    const { journal } = await openJournal({ segmentBytes: 200 });
    // A drainer that keeps up: each entry is done soon after it is appended.
    for (let i = 0; i < 60; i += 1) {
      const seq = await journal.append({ text: `entry ${i}`.padEnd(40, '.') });
      journal.done(seq);
    }
    await journal.append('last');
    expect(onDisk(dir).length).toBeLessThanOrEqual(2);
    expect(onDisk(dir)[0]?.file).not.toMatch(/00000001\.journal$/);
    expect(journal.outstanding).toBe(1);
    expect(journal.bytes).toBe(bytesOnDisk(dir));
    expect(journal.bytes).toBeLessThan(600);
    await journal.close();

    const again = await openJournal({ segmentBytes: 200 });
    expect(again.pending).toEqual([{ seq: 61, value: 'last' }]);
  });

  it('honours done marks that live in later segments, and keeps such a segment while the entries it marks are still on disk', async () => {
    const opts = { segmentBytes: 150 };
    const { journal } = await openJournal(opts);
    const value = (i: number): string => `entry ${i}`.padEnd(40, '.');
    let next = 1;
    const newest = (): string | undefined => onDisk(dir).at(-1)?.file;
    const appendUntilNewSegment = async (): Promise<void> => {
      const before = newest();
      for (let i = 0; newest() === before; i += 1) {
        if (i === 20) throw new Error('20 appends did not start a new segment');
        next = (await journal.append(value(next))) + 1;
      }
    };
    await appendUntilNewSegment();
    const oldest = onDisk(dir)[0];
    if (!oldest) throw new Error('no segment');
    const [marked, ...stillOutstanding] = oldest.entries;
    if (marked === undefined || stillOutstanding.length === 0) throw new Error(`the oldest segment should hold two entries or more: ${oldest.entries}`);

    await appendUntilNewSegment();
    journal.done(marked);
    await journal.append(value(next)); // the mark is written with this batch or an earlier one
    next += 1;
    const markHolder = markedIn(dir, marked);
    expect(markHolder).toBeDefined();
    expect(markHolder).not.toBe(oldest.file);

    // Everything in the mark's segment and in between becomes done, but its mark for the oldest must survive.
    await appendUntilNewSegment();
    for (const segment of onDisk(dir).slice(1)) {
      if (segment.file > (markHolder ?? '')) break;
      for (const seq of segment.entries) journal.done(seq);
    }
    await journal.append(value(next));
    expect(existsSync(oldest.file)).toBe(true);
    expect(existsSync(markHolder ?? '')).toBe(true);
    await journal.close();

    const again = await openJournal(opts);
    const pendingSeqs = again.pending.map((e) => e.seq);
    expect(pendingSeqs).not.toContain(marked);
    expect(pendingSeqs.slice(0, stillOutstanding.length)).toEqual(stillOutstanding);

    // Once the oldest is all done, it and the segment holding its marks both go.
    for (const seq of stillOutstanding) again.journal.done(seq);
    await again.journal.append('flush');
    expect(existsSync(oldest.file)).toBe(false);
    expect(existsSync(markHolder ?? '')).toBe(false);
    expect(again.journal.bytes).toBe(bytesOnDisk(dir));
  });

  it('keeps seqs rising after every entry is done and the segments holding them are deleted', async () => {
    const { journal } = await openJournal();
    const kept = await journal.append('kept');
    const others = await Promise.all(['b', 'c', 'd', 'e'].map((v) => journal.append(v)));
    for (const seq of others) journal.done(seq);
    await journal.close();

    // One-byte segments: the last mark goes to a new segment, and the one holding every entry is deleted.
    const second = await openJournal({ segmentBytes: 1 });
    expect(second.pending.map((e) => e.seq)).toEqual([kept]);
    second.journal.done(kept);
    await second.journal.close();
    expect(onDisk(dir)).toEqual([expect.objectContaining({ entries: [], marks: [kept] })]);

    const third = await openJournal();
    expect(third.pending).toEqual([]);
    expect(await third.journal.append('next')).toBe(6);
  });

  it('ignores a torn last line with a warning and cuts it off, so later appends are read back whole', async () => {
    const { journal } = await openJournal();
    await journal.append('one');
    await journal.append('two');
    await journal.close();
    const [segment] = onDisk(dir);
    if (!segment) throw new Error('no segment');
    appendFileSync(segment.file, '{"s":3,"v":"never acknow');

    const first = capture();
    const reopened = await openJournal({ log: first.log });
    expect(reopened.pending.map((e) => e.value)).toEqual(['one', 'two']);
    expect(warnings(first.lines)).toEqual([expect.objectContaining({ msg: expect.stringContaining('torn last line'), file: segment.file, line: 4 })]);
    expect(readFileSync(segment.file, 'utf8')).not.toContain('never acknow');
    expect(await reopened.journal.append('three')).toBe(3);
    await reopened.journal.close();

    const second = capture();
    const again = await openJournal({ log: second.log });
    expect(again.pending.map((e) => e.value)).toEqual(['one', 'two', 'three']);
    expect(warnings(second.lines)).toEqual([]);
  });

  it('skips a corrupt line in the middle of a file with a warning naming the file and line', async () => {
    const { journal } = await openJournal();
    for (const value of ['one', 'two', 'three', 'four']) await journal.append(value);
    await journal.close();
    const [segment] = onDisk(dir);
    if (!segment) throw new Error('no segment');
    const lines = readFileSync(segment.file, 'utf8').split('\n');
    // line 1 is the start mark; lines 2-5 the entries
    lines[2] = '{"s":2,"v":"tw\u0000garbage';
    lines[3] = '{"x":3}';
    writeFileSync(segment.file, lines.join('\n'));

    const { log, lines: logged } = capture();
    const again = await openJournal({ log });
    expect(again.pending).toEqual([
      { seq: 1, value: 'one' },
      { seq: 4, value: 'four' },
    ]);
    expect(warnings(logged)).toEqual([
      expect.objectContaining({ msg: 'journal: skipping a corrupt line', file: segment.file, line: 3 }),
      expect.objectContaining({ msg: 'journal: skipping a corrupt line', file: segment.file, line: 4 }),
    ]);
  });

  it('round-trips NUL, line separators, lone surrogates and other unicode', async () => {
    const values = ['a\u0000b', 'line\nbreak\r\n', '\u2028\u2029', 'stethoscope 🩺 café ñ ü 北京 עברית', '\ud800 lone', { 'key\u0000🩺': ['\u0007', '\u{10ffff}'] }];
    const { journal } = await openJournal();
    for (const value of values) await journal.append(value);
    await journal.close();

    const again = await openJournal();
    expect(again.pending.map((e) => e.value)).toEqual(values);
  });

  it('refuses values JSON cannot hold, without using up a seq', async () => {
    const { journal } = await openJournal();
    await expect(journal.append(undefined)).rejects.toThrow('A journal entry must be a value JSON can hold');
    await expect(journal.append(() => 1)).rejects.toThrow('A journal entry must be a value JSON can hold');
    await expect(journal.append({ n: BigInt(1) })).rejects.toThrow('A journal entry must be a value JSON can hold');
    expect(await journal.append('fine')).toBe(1);
  });

  it('rejects appends after close, with an error naming the directory', async () => {
    const { journal } = await openJournal();
    await journal.append('before');
    await journal.close();
    await journal.close();
    await expect(journal.append('after')).rejects.toThrow(`The journal in ${dir} is closed`);
  });

  it('writes appends made before close, even when close is called straight after them', async () => {
    const { journal } = await openJournal();
    const appended = [journal.append('a'), journal.append('b')];
    await journal.close();
    await expect(Promise.all(appended)).resolves.toEqual([1, 2]);
    const again = await openJournal();
    expect(again.pending.map((e) => e.value)).toEqual(['a', 'b']);
  });

  describe('the lock', () => {
    async function liveChild(): Promise<ChildProcess> {
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      return child;
    }

    async function stopped(child: ChildProcess): Promise<void> {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }

    it('refuses a directory held by another live process, naming the directory and pid', async () => {
      const child = await liveChild();
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'LOCK'), `${child.pid}\n`);
      await expect(Journal.open({ dir, log: capture().log })).rejects.toThrow(`The journal in ${dir} is in use by process ${child.pid}`);
      expect(readFileSync(path.join(dir, 'LOCK'), 'utf8')).toBe(`${child.pid}\n`);
    });

    it('takes over a lock left by a process that has stopped, and removes it on close', async () => {
      const child = await liveChild();
      const { journal } = await openJournal();
      await journal.append('kept');
      await journal.close();
      writeFileSync(path.join(dir, 'LOCK'), `${child.pid}\n`);
      await stopped(child);

      const { log, lines } = capture();
      const again = await openJournal({ log });
      expect(again.pending.map((e) => e.value)).toEqual(['kept']);
      expect(warnings(lines)).toEqual([expect.objectContaining({ msg: expect.stringContaining('taking over a lock'), pid: child.pid })]);
      expect(readFileSync(path.join(dir, 'LOCK'), 'utf8')).toBe(`${process.pid}\n`);
      await again.journal.close();
      expect(existsSync(path.join(dir, 'LOCK'))).toBe(false);
    });

    it('refuses a second open of the same directory in this process', async () => {
      await openJournal();
      await expect(Journal.open({ dir, log: capture().log })).rejects.toThrow(`The journal in ${dir} is already open in this process`);
    });
  });
});
