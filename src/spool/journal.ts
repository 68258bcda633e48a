// A durable, append-only journal on local disk: an inbound event is acknowledged only once it is here, so Postgres may be down.
import { constants } from 'node:fs';
import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createLogger, errorText, type Logger } from '../log';
import { lockDir, type DirLock } from './dir-lock';
import { doneLine, entryLine, startLine } from './records';
import { recover, type JournalEntry } from './recover';
import { segmentPath, syncDir } from './segment-files';
import { SegmentTable } from './segment-table';

export type { JournalEntry } from './recover';

export interface JournalOptions {
  dir: string;
  /** A new segment starts once the current one passes this size; default 8 MiB. */
  segmentBytes?: number;
  log?: Logger;
}

interface Waiting {
  seq: number;
  line: string;
  resolve: (seq: number) => void;
  reject: (err: Error) => void;
}

/** A done mark waiting to be written, with the segment its entry is in. */
interface Mark {
  seq: number;
  owner: number | undefined;
}

const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;
/**
 * Done marks wait this long for a batch of entries to ride along with: written alone, each would cost a sync that the
 * next ack waits behind, and one lost in a crash only replays an entry the database already has (harmless).
 */
export const MARKS_WAIT_MS = 1_000;
/** Every write is durable when it returns: one thread-pool call per batch, where write then fdatasync takes two. */
const APPEND_SYNC = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;

export class Journal {
  /** What is appended survives a crash (the spool relies on it). */
  readonly durable = true;
  /** Synchronous writes so far, each one sync: with group commit, far fewer than appends under load. */
  syncs = 0;
  private queue: Waiting[] = [];
  private marks: Mark[] = [];
  /** Appended, not yet written: their segment is only known when their batch is. */
  private readonly unplaced = new Set<number>();
  /** Unplaced seqs already marked done (done before their append resolved). */
  private readonly doneEarly = new Set<number>();
  private writer: Promise<void> | undefined;
  private marksTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  /** Set once the last batch is written: done marks after this are not written (replaying a done entry is harmless). */
  private closed = false;
  private failure: Error | undefined;

  private constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    private readonly log: Logger,
    private readonly lock: DirLock,
    private readonly table: SegmentTable,
    private currentId: number,
    private handle: FileHandle,
    private nextSeq: number,
  ) {}

  /** Opens (creating) the directory, takes it for this process, and returns the entries not yet done, oldest first. */
  static async open(opts: JournalOptions): Promise<{ journal: Journal; pending: JournalEntry[] }> {
    const log = opts.log ?? createLogger('warn');
    const segmentBytes = opts.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    if (!Number.isSafeInteger(segmentBytes) || segmentBytes < 1) throw new Error(`journal segmentBytes must be a positive whole number, not ${segmentBytes}`);
    const created = await mkdir(opts.dir, { recursive: true });
    if (created !== undefined) await syncDir(path.dirname(created));
    const lock = await lockDir(opts.dir, log);
    let handle: FileHandle | undefined;
    try {
      const { pending, segments, nextSeq } = await recover(opts.dir, log);
      const table = new SegmentTable();
      for (const segment of segments) table.add(segment);
      const last = segments.at(-1);
      const currentId = last?.id ?? 1;
      handle = await open(segmentPath(opts.dir, currentId), APPEND_SYNC);
      if (!last) {
        await syncDir(opts.dir);
        table.add({ id: currentId, bytes: 0, outstanding: new Set(), marksFor: new Set() });
      }
      // The current segment is never deleted while open, so a start mark here keeps seqs rising after everything else is gone.
      const start = Buffer.from(startLine(nextSeq));
      await writeAll(handle, start);
      const journal = new Journal(opts.dir, segmentBytes, log, lock, table, currentId, handle, nextSeq);
      journal.addBytes(start.length);
      await journal.deleteFinished();
      log.info('journal: opened', { dir: opts.dir, pending: pending.length, segments: table.count, nextSeq });
      return { journal, pending };
    } catch (err) {
      await handle?.close().catch(() => undefined);
      await lock.release();
      throw err;
    }
  }

  /** Appends and resolves with the entry's seq once it is on disk, sharing one synchronous write with concurrent appends. */
  append(value: unknown): Promise<number> {
    if (this.closing) return Promise.reject(new Error(`The journal in ${this.dir} is closed`));
    if (this.failure) return Promise.reject(this.brokenError());
    let line: string | undefined;
    try {
      line = entryLine(this.nextSeq, value);
    } catch (err) {
      return Promise.reject(new TypeError(`A journal entry must be a value JSON can hold: ${errorText(err)}`));
    }
    if (line === undefined) return Promise.reject(new TypeError('A journal entry must be a value JSON can hold, not undefined, a function or a symbol'));
    const seq = this.nextSeq;
    this.nextSeq += 1;
    this.unplaced.add(seq);
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ seq, line, resolve, reject });
      this.kick();
    });
  }

  /** Marks an entry done; its mark is written with the next batch of entries, or within MARKS_WAIT_MS. Unknown and already-done seqs are ignored. */
  done(seq: number): void {
    if (this.unplaced.has(seq)) {
      this.doneEarly.add(seq);
      return;
    }
    const owner = this.table.markDone(seq);
    if (owner === undefined || this.closed || this.failure) return;
    this.marks.push({ seq, owner });
    this.armMarksTimer();
  }

  /** Entries appended and not yet done. */
  get outstanding(): number {
    return this.table.outstanding + this.unplaced.size - this.doneEarly.size;
  }

  /** Bytes on disk across segments. */
  get bytes(): number {
    return this.table.bytes;
  }

  /** Resolves once nothing is being written (tests). */
  async idle(): Promise<void> {
    while (this.writer) await this.writer;
  }

  /** Flushes pending appends and done marks, syncs, and releases the directory; later appends reject. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    // The last marks are written now rather than left to their timer.
    for (;;) {
      if (this.writer) await this.writer;
      else if (this.marks.length > 0 && !this.failure) this.kick(true);
      else break;
    }
    clearTimeout(this.marksTimer);
    this.closed = true;
    try {
      await this.handle.close();
    } finally {
      await this.lock.release();
    }
    this.log.info('journal: closed', { dir: this.dir, outstanding: this.outstanding });
  }

  /** Starts the writer unless it runs; done marks alone are written only when flushMarks says their wait is over. */
  private kick(flushMarks = false): void {
    if (this.writer) return;
    // setImmediate, not a microtask: every append arriving in this turn of the event loop joins the first batch.
    this.writer = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain(flushMarks))
      .finally(() => {
        this.writer = undefined;
        if (this.failure) return;
        if (this.queue.length > 0) this.kick();
        else if (this.marks.length > 0) this.armMarksTimer();
      });
  }

  private armMarksTimer(): void {
    if (this.marksTimer || this.closed || this.failure) return;
    this.marksTimer = setTimeout(() => {
      this.marksTimer = undefined;
      this.kick(true);
    }, MARKS_WAIT_MS).unref();
  }

  /** Writes batches until no entry waits: appends arriving while one batch is written gather for the next (group commit). */
  private async drain(flushMarks: boolean): Promise<void> {
    let marksDue = flushMarks;
    while (!this.failure && (this.queue.length > 0 || (marksDue && this.marks.length > 0))) {
      marksDue = false;
      const batch = this.queue;
      const marks = this.marks;
      this.queue = [];
      this.marks = [];
      try {
        let text = '';
        if (this.currentBytes() >= this.segmentBytes) text = await this.rotate();
        for (const waiting of batch) text += waiting.line;
        for (const mark of marks) text += doneLine(mark.seq);
        const data = Buffer.from(text);
        await writeAll(this.handle, data);
        this.syncs += 1;
        this.addBytes(data.length);
      } catch (err) {
        this.fail(err, batch);
        return;
      }
      this.place(batch, marks);
      // Before resolving, so a caller that saw its append resolve sees the disk as this batch left it (rare: once a segment).
      await this.deleteFinished();
      for (const waiting of batch) waiting.resolve(waiting.seq);
    }
  }

  /** Starts the next segment; returns its start mark, to be written with the batch. */
  private async rotate(): Promise<string> {
    const id = this.currentId + 1;
    const handle = await open(segmentPath(this.dir, id), APPEND_SYNC | constants.O_EXCL);
    try {
      await syncDir(this.dir);
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw err;
    }
    const previous = this.handle;
    this.handle = handle;
    this.currentId = id;
    this.table.add({ id, bytes: 0, outstanding: new Set(), marksFor: new Set() });
    await previous.close();
    return startLine(this.nextSeq);
  }

  /** Records where a written batch's entries and marks now live. */
  private place(batch: Waiting[], marks: Mark[]): void {
    const current = this.currentId;
    for (const { seq } of batch) {
      this.unplaced.delete(seq);
      if (this.doneEarly.delete(seq)) this.marks.push({ seq, owner: current });
      else this.table.markOutstanding(current, seq);
    }
    for (const mark of marks) {
      if (mark.owner !== undefined) this.table.noteMark(current, mark.owner);
    }
  }

  /** Deletes segments whose entries are all done, oldest first, each deletion made durable before the next. */
  private async deleteFinished(): Promise<void> {
    for (const id of this.table.finished(this.currentId)) {
      const file = segmentPath(this.dir, id);
      this.table.remove(id);
      try {
        await unlink(file);
        await syncDir(this.dir);
      } catch (err) {
        // Left on disk it is only replayed at the next open, and replaying a done entry is harmless.
        this.log.warn('journal: a finished segment could not be deleted', { file, error: errorText(err) });
      }
    }
  }

  /** After a failed write or sync the file's state is unknown (and a retried fsync can falsely succeed), so stop taking appends. */
  private fail(err: unknown, batch: Waiting[]): void {
    this.failure = err instanceof Error ? err : new Error(String(err));
    this.log.error('journal: a write failed; no more appends until restart', { dir: this.dir, error: errorText(err) });
    const broken = this.brokenError();
    for (const waiting of [...batch, ...this.queue]) {
      this.unplaced.delete(waiting.seq);
      this.doneEarly.delete(waiting.seq);
      waiting.reject(broken);
    }
    this.queue = [];
  }

  private brokenError(): Error {
    return new Error(`The journal in ${this.dir} cannot be written since a write failed (${errorText(this.failure)}); restart to recover`);
  }

  private currentBytes(): number {
    return this.table.get(this.currentId)?.bytes ?? 0;
  }

  private addBytes(n: number): void {
    const current = this.table.get(this.currentId);
    if (current) current.bytes += n;
  }
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}
