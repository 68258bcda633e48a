// What the journal remembers of each segment: its size, which of its entries are not done, and whose done marks it holds.

export interface SegmentState {
  id: number;
  bytes: number;
  /** Seqs of this segment's entries that are not done (seqs only: values stay on disk). */
  outstanding: Set<number>;
  /** Older segments with entries whose done marks live here: while one exists, deleting this would bring those entries back. */
  marksFor: Set<number>;
}

export class SegmentTable {
  // Map keeps insertion order, and segments are added oldest first.
  private readonly segments = new Map<number, SegmentState>();

  add(state: SegmentState): void {
    this.segments.set(state.id, state);
  }

  get(id: number): SegmentState | undefined {
    return this.segments.get(id);
  }

  markOutstanding(id: number, seq: number): void {
    this.segments.get(id)?.outstanding.add(seq);
  }

  remove(id: number): void {
    this.segments.delete(id);
  }

  /** Marks seq done; returns the id of the segment that holds its entry, or undefined when it is not outstanding. */
  markDone(seq: number): number | undefined {
    for (const segment of this.segments.values()) {
      if (segment.outstanding.delete(seq)) return segment.id;
    }
    return undefined;
  }

  /** Records that a done mark written to holder is for an entry in owner. */
  noteMark(holder: number, owner: number): void {
    if (holder === owner || !this.segments.has(owner)) return;
    this.segments.get(holder)?.marksFor.add(owner);
  }

  /** Segments that can go, oldest first: all entries done, not the current one, and no live older segment needing their marks. */
  finished(currentId: number): number[] {
    const going = new Set<number>();
    for (const s of this.segments.values()) {
      if (s.id === currentId || s.outstanding.size > 0) continue;
      if ([...s.marksFor].every((owner) => going.has(owner) || !this.segments.has(owner))) going.add(s.id);
    }
    return [...going];
  }

  get outstanding(): number {
    let n = 0;
    for (const s of this.segments.values()) n += s.outstanding.size;
    return n;
  }

  get bytes(): number {
    let n = 0;
    for (const s of this.segments.values()) n += s.bytes;
    return n;
  }

  get count(): number {
    return this.segments.size;
  }
}
