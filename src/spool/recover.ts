// Rebuilds a journal's state from its segment files at open: the entries not yet done, and each segment's bookkeeping.
import type { Logger } from '../log';
import { listSegments, readSegment, segmentPath } from './segment-files';
import type { SegmentState } from './segment-table';

export interface JournalEntry {
  seq: number;
  value: unknown;
}

export interface Recovered {
  pending: JournalEntry[];
  segments: SegmentState[];
  /** The first seq never issued: above every entry, done mark and start mark on disk. */
  nextSeq: number;
}

export async function recover(dir: string, log: Logger): Promise<Recovered> {
  const values = new Map<number, unknown>(); // insertion order is seq order, as entries must ascend
  const ownerOf = new Map<number, SegmentState>();
  const segments: SegmentState[] = [];
  let lastEntry = 0;
  let highest = 0;
  let marksForMissing = 0;
  for (const id of await listSegments(dir)) {
    const file = segmentPath(dir, id);
    const { records, bytes } = await readSegment(file, log);
    const segment: SegmentState = { id, bytes, outstanding: new Set(), marksFor: new Set() };
    segments.push(segment);
    for (const record of records) {
      if (record.kind === 'start') {
        highest = Math.max(highest, record.next - 1);
      } else if (record.kind === 'entry') {
        highest = Math.max(highest, record.seq);
        // Appends are written in seq order, so a seq at or below the last one is a copy or damage.
        if (record.seq <= lastEntry) {
          log.warn('journal: skipping an entry out of order', { file, seq: record.seq, after: lastEntry });
          continue;
        }
        lastEntry = record.seq;
        values.set(record.seq, record.value);
        ownerOf.set(record.seq, segment);
        segment.outstanding.add(record.seq);
      } else {
        highest = Math.max(highest, record.seq);
        const owner = ownerOf.get(record.seq);
        // Its entry's segment was deleted once all its entries were done: nothing to do.
        if (!owner) {
          marksForMissing += 1;
          continue;
        }
        ownerOf.delete(record.seq);
        values.delete(record.seq);
        owner.outstanding.delete(record.seq);
        if (owner !== segment) segment.marksFor.add(owner.id);
      }
    }
  }
  const pending = [...values].map(([seq, value]) => ({ seq, value }));
  log.debug('journal: recovered', { dir, segments: segments.length, pending: pending.length, marksForMissing });
  return { pending, segments, nextSeq: highest + 1 };
}
