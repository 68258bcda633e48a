// Who has already met whom within the window: the "met" graph the matcher must avoid repeating.
import type { PastRound } from './types';

/**
 * Compressed adjacency: for each person, the sorted list of people they met within the window,
 * with how many times and the latest round. A plain array per person would cost ~100,000 objects.
 */
export class MetGraph {
  constructor(
    readonly size: number,
    private readonly start: Int32Array,
    private readonly end: Int32Array,
    private readonly partner: Int32Array,
    private readonly times: Int32Array,
    private readonly lastRound: Float64Array,
  ) {}

  /** Position of v in u's list, or -1 when they have not met. */
  find(u: number, v: number): number {
    let lo = this.start[u] ?? 0;
    let hi = (this.end[u] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.partner[mid] ?? -1;
      if (p === v) return mid;
      if (p < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  met(u: number, v: number): boolean {
    return this.find(u, v) >= 0;
  }

  degree(u: number): number {
    return (this.end[u] ?? 0) - (this.start[u] ?? 0);
  }

  /** The people u met, in ascending order; a view, not a copy. */
  partners(u: number): Int32Array {
    return this.partner.subarray(this.start[u] ?? 0, this.end[u] ?? 0);
  }

  timesAt(position: number): number {
    return this.times[position] ?? 0;
  }

  lastRoundAt(position: number): number {
    return this.lastRound[position] ?? 0;
  }
}

/** The rounds that count: rounds > latest - windowRounds, or all of them when the window is null. */
function roundsInWindow(history: readonly PastRound[], windowRounds: number | null): PastRound[] {
  if (windowRounds === null || history.length === 0) return [...history];
  const latest = Math.max(...history.map((r) => r.round));
  return history.filter((r) => r.round > latest - windowRounds);
}

/** Builds the met graph over current participants; people in history who have left are ignored. */
export function buildMetGraph(
  indexOf: ReadonlyMap<string, number>,
  history: readonly PastRound[],
  windowRounds: number | null,
): MetGraph {
  const n = indexOf.size;
  const { first, second, round } = metPairs(roundsInWindow(history, windowRounds), indexOf);
  // Count, then fill: a few typed arrays instead of 100,000 little lists.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < first.length; i++) {
    const u = (first[i] ?? 0) + 1;
    const v = (second[i] ?? 0) + 1;
    start[u] = (start[u] ?? 0) + 1;
    start[v] = (start[v] ?? 0) + 1;
  }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const total = start[n] ?? 0;
  const partner = new Int32Array(total);
  const roundOf = new Float64Array(total);
  const fill = start.slice(0, n);
  for (let i = 0; i < first.length; i++) {
    const u = first[i] ?? 0;
    const v = second[i] ?? 0;
    const r = round[i] ?? 0;
    const atU = fill[u] ?? 0;
    partner[atU] = v;
    roundOf[atU] = r;
    fill[u] = atU + 1;
    const atV = fill[v] ?? 0;
    partner[atV] = u;
    roundOf[atV] = r;
    fill[v] = atV + 1;
  }
  return compact(n, start, partner, roundOf);
}

/** Every pair of current participants who shared a group that met, once per round, as parallel arrays. */
function metPairs(rounds: readonly PastRound[], indexOf: ReadonlyMap<string, number>): { first: number[]; second: number[]; round: number[] } {
  const first: number[] = [];
  const second: number[] = [];
  const round: number[] = [];
  const members: number[] = [];
  // Which group last took each person in, so big groups drop duplicate ids without a quadratic search.
  const lastGroup = new Int32Array(indexOf.size).fill(-1);
  let groupNumber = 0;
  for (const past of rounds) {
    const { groups, met } = past;
    for (let g = 0; g < groups.length; g++) {
      if (met?.[g] === false) continue;
      members.length = 0;
      groupNumber++;
      for (const id of groups[g] ?? []) {
        const i = indexOf.get(id);
        if (i === undefined || lastGroup[i] === groupNumber) continue;
        lastGroup[i] = groupNumber;
        members.push(i);
      }
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          first.push(members[x] ?? 0);
          second.push(members[y] ?? 0);
          round.push(past.round);
        }
      }
    }
  }
  return { first, second, round };
}

/** Sorts each person's list and merges repeated meetings into one entry with a count and the latest round. */
function compact(n: number, start: Int32Array, partner: Int32Array, roundOf: Float64Array): MetGraph {
  const end = new Int32Array(n);
  const times = new Int32Array(partner.length);
  const last = new Float64Array(partner.length);
  const long = new LongListMerger(n);
  for (let v = 0; v < n; v++) {
    const from = start[v] ?? 0;
    const to = start[v + 1] ?? 0;
    if (to - from > 32) {
      end[v] = long.merge(v, from, to, partner, roundOf, times, last);
      continue;
    }
    insertionSort(partner, roundOf, from, to);
    let out = from - 1;
    for (let i = from; i < to; i++) {
      const p = partner[i] ?? 0;
      const round = roundOf[i] ?? 0;
      if (out >= from && partner[out] === p) {
        times[out] = (times[out] ?? 0) + 1;
        last[out] = Math.max(last[out] ?? 0, round);
      } else {
        out++;
        partner[out] = p;
        times[out] = 1;
        last[out] = round;
      }
    }
    end[v] = out + 1;
  }
  return new MetGraph(n, start, end, partner, times, last);
}

/** The usual short lists (about two partners a round): insertion sort beats allocating. */
function insertionSort(keys: Int32Array, values: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const key = keys[i] ?? 0;
    const value = values[i] ?? 0;
    let j = i - 1;
    while (j >= from && (keys[j] ?? 0) > key) {
      keys[j + 1] = keys[j] ?? 0;
      values[j + 1] = values[j] ?? 0;
      j--;
    }
    keys[j + 1] = key;
    values[j + 1] = value;
  }
}

/** Long lists (big groups in history, or many rounds): merge by partner first, then a native numeric sort. */
class LongListMerger {
  private readonly owner: Int32Array;
  private readonly count: Int32Array;
  private readonly latest: Float64Array;

  constructor(n: number) {
    this.owner = new Int32Array(n).fill(-1);
    this.count = new Int32Array(n);
    this.latest = new Float64Array(n);
  }

  /** Rewrites v's list in place as sorted unique partners with counts and latest rounds; returns its new end. */
  merge(v: number, from: number, to: number, partner: Int32Array, roundOf: Float64Array, times: Int32Array, last: Float64Array): number {
    const unique: number[] = [];
    for (let i = from; i < to; i++) {
      const p = partner[i] ?? 0;
      const round = roundOf[i] ?? 0;
      if (this.owner[p] !== v) {
        this.owner[p] = v;
        this.count[p] = 0;
        this.latest[p] = round;
        unique.push(p);
      }
      this.count[p] = (this.count[p] ?? 0) + 1;
      this.latest[p] = Math.max(this.latest[p] ?? round, round);
    }
    const sorted = Int32Array.from(unique).sort();
    sorted.forEach((p, k) => {
      partner[from + k] = p;
      times[from + k] = this.count[p] ?? 0;
      last[from + k] = this.latest[p] ?? 0;
    });
    return from + sorted.length;
  }
}
