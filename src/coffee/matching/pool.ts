// People not yet placed, with O(1) removal (the last one moves into the gap), scanned from the end.
export class Pool {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  private count = 0;

  constructor(capacity: number, people: Iterable<number>) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
    for (const v of people) {
      this.items[this.count] = v;
      this.position[v] = this.count++;
    }
  }

  get size(): number {
    return this.count;
  }

  has(v: number): boolean {
    return (this.position[v] ?? -1) >= 0;
  }

  remove(v: number): void {
    const at = this.position[v] ?? -1;
    if (at < 0) return;
    const last = this.items[--this.count] ?? 0;
    this.items[at] = last;
    this.position[last] = at;
    this.position[v] = -1;
  }

  /** The i-th person counting back from the end (0 = last). */
  fromEnd(i: number): number {
    return this.items[this.count - 1 - i] ?? -1;
  }
}
