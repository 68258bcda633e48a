// Exact search for trios (plus any remainder pairs) in small programmes: branch and bound within a work budget.
import type { AllowedGraph } from './allowed-graph';

/** Work the search may do (a unit per node and per option weighed), shared so several searches can share one. */
export interface Budget {
  work: number;
}

class OutOfBudget extends Error {}

/**
 * Looks for a grouping with fewer than `beat` repeats. Branch and bound, downwards: each grouping
 * found sets a lower target, so a good one turns up early even when the budget runs out. Returns the
 * best found (the proven minimum when `budget.work` is still positive), or undefined when none beats
 * `beat` (proven only if the budget lasted).
 */
export function searchGroups(
  graph: AllowedGraph,
  people: readonly number[],
  trios: number,
  pairs: number,
  beat: number,
  budget: Budget,
): number[][] | undefined {
  const search = new TrioSearch(graph, people, budget);
  const floor = search.lowerBound(trios, pairs);
  let best: number[][] | undefined;
  let limit = beat - 1;
  try {
    while (limit >= floor) {
      const found = search.run(limit, trios, pairs);
      if (!found) break;
      best = found.groups;
      limit = found.repeats - 1;
    }
  } catch (err) {
    if (!(err instanceof OutOfBudget)) throw err;
  }
  return best;
}

/** Repeats a person in a group must be in when they may still meet only d of the unplaced. */
const shortfall = (need: number, d: number): number => (d < need ? need - d : 0);

class TrioSearch {
  private readonly m: number;
  /** 1 when two people (local numbers) have met within the window. */
  private readonly metMatrix: Uint8Array;
  /** Each person's allowed partners (local numbers), for the repeat-free options. */
  private readonly allowedLists: Int32Array[];
  /** How many unplaced people each person may still meet. */
  private readonly freeDegree: Int32Array;
  private readonly placed: Uint8Array;
  /** Sums of shortfall(1, d) and shortfall(2, d) over the unplaced, kept up to date for the bound. */
  private short1 = 0;
  private short2 = 0;
  private readonly groups: number[][] = [];
  private solution: { groups: number[][]; repeats: number } | undefined;
  private repeatsSoFar = 0;

  constructor(
    graph: AllowedGraph,
    private readonly people: readonly number[],
    private readonly budget: Budget,
  ) {
    const m = people.length;
    this.m = m;
    this.metMatrix = new Uint8Array(m * m);
    this.freeDegree = new Int32Array(m);
    this.placed = new Uint8Array(m);
    const lists: number[][] = people.map(() => []);
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        if (graph.met.met(people[i] ?? 0, people[j] ?? 0)) {
          this.metMatrix[i * m + j] = 1;
          this.metMatrix[j * m + i] = 1;
        } else {
          lists[i]?.push(j);
          lists[j]?.push(i);
        }
      }
    }
    this.allowedLists = lists.map((l) => Int32Array.from(l));
    lists.forEach((l, i) => {
      this.freeDegree[i] = l.length;
      this.short1 += shortfall(1, l.length);
      this.short2 += shortfall(2, l.length);
    });
  }

  run(limit: number, trios: number, pairs: number): { groups: number[][]; repeats: number } | undefined {
    this.solution = undefined;
    this.repeatsSoFar = 0;
    this.place(limit, trios, pairs);
    return this.solution;
  }

  /**
   * A person in a trio who may meet only d < 2 of the unplaced is in at least 2 - d repeated pairs
   * (1 - d when a pair is still possible); each repeated pair has two ends.
   */
  lowerBound(trios: number, pairs: number): number {
    return Math.ceil((trios > 0 && pairs === 0 ? this.short2 : this.short1) / 2);
  }

  private met(i: number, j: number): number {
    return this.metMatrix[i * this.m + j] ?? 0;
  }

  /** Places everyone left with at most `slack` more repeats; true when it did. Always leaves the state as it found it. */
  private place(slack: number, trios: number, pairs: number): boolean {
    if (trios === 0 && pairs === 0) {
      this.solution = { groups: this.groups.map((g) => g.map((i) => this.people[i] ?? 0)), repeats: this.repeatsSoFar };
      return true;
    }
    if (--this.budget.work < 0) throw new OutOfBudget();
    if (this.lowerBound(trios, pairs) > slack) return false;
    const v = this.mostConstrained();
    const options = this.options(v, slack, trios > 0, pairs > 0);
    this.budget.work -= options.length / 3;
    for (let k = 0; k < options.length; k += 3) {
      const u = options[k] ?? 0;
      const w = options[k + 1] ?? -1;
      const repeats = options[k + 2] ?? 0;
      const members = w < 0 ? [v, u] : [v, u, w];
      for (const i of members) this.setPlaced(i);
      this.groups.push(members);
      this.repeatsSoFar += repeats;
      const ok = this.place(slack - repeats, trios - (w < 0 ? 0 : 1), pairs - (w < 0 ? 1 : 0));
      this.repeatsSoFar -= repeats;
      this.groups.pop();
      for (let i = members.length - 1; i >= 0; i--) this.setUnplaced(members[i] ?? 0);
      if (ok) return true;
    }
    return false;
  }

  /** The unplaced person with the fewest unplaced people they may meet (lowest number on a tie). */
  private mostConstrained(): number {
    let best = -1;
    for (let i = 0; i < this.m; i++) {
      if (this.placed[i] === 1) continue;
      if (best < 0 || (this.freeDegree[i] ?? 0) < (this.freeDegree[best] ?? 0)) best = i;
    }
    return best;
  }

  /**
   * Every group v could join within the slack, fewest repeats first, as flat triples
   * [partner, second partner or -1, repeats]: flat numbers, because this runs millions of times.
   */
  private options(v: number, slack: number, trio: boolean, pair: boolean): number[] {
    if (slack === 0) return this.repeatFreeOptions(v, trio, pair);
    const byRepeats: number[][] = [[], [], [], []];
    for (let u = 0; u < this.m; u++) {
      if (u === v || this.placed[u] === 1) continue;
      const vu = this.met(v, u);
      if (vu > slack) continue;
      if (pair) byRepeats[vu]?.push(u, -1, vu);
      if (!trio) continue;
      for (let w = u + 1; w < this.m; w++) {
        if (w === v || this.placed[w] === 1) continue;
        const repeats = vu + this.met(v, w) + this.met(u, w);
        if (repeats <= slack) byRepeats[repeats]?.push(u, w, repeats);
      }
    }
    const [options = [], ...rest] = byRepeats;
    for (const more of rest) for (const x of more) options.push(x);
    return options;
  }

  /** With no slack only allowed partners count, so walk v's short allowed list instead of everyone. */
  private repeatFreeOptions(v: number, trio: boolean, pair: boolean): number[] {
    const options: number[] = [];
    const list = this.allowedLists[v] ?? new Int32Array(0);
    for (let a = 0; a < list.length; a++) {
      const u = list[a] ?? 0;
      if (this.placed[u] === 1) continue;
      if (pair) options.push(u, -1, 0);
      if (!trio) continue;
      for (let b = a + 1; b < list.length; b++) {
        const w = list[b] ?? 0;
        if (this.placed[w] === 0 && this.met(u, w) === 0) options.push(u, w, 0);
      }
    }
    return options;
  }

  private setPlaced(i: number): void {
    const own = this.freeDegree[i] ?? 0;
    this.short1 -= shortfall(1, own);
    this.short2 -= shortfall(2, own);
    this.placed[i] = 1;
    this.shiftDegrees(i, -1);
  }

  /** Exactly undoes setPlaced(i), provided everyone placed after i has been unplaced first. */
  private setUnplaced(i: number): void {
    this.shiftDegrees(i, 1);
    this.placed[i] = 0;
    const own = this.freeDegree[i] ?? 0;
    this.short1 += shortfall(1, own);
    this.short2 += shortfall(2, own);
  }

  private shiftDegrees(i: number, change: 1 | -1): void {
    for (const j of this.allowedLists[i] ?? []) {
      const before = this.freeDegree[j] ?? 0;
      const after = before + change;
      this.freeDegree[j] = after;
      if (this.placed[j] === 1) continue;
      this.short1 += shortfall(1, after) - shortfall(1, before);
      this.short2 += shortfall(2, after) - shortfall(2, before);
    }
  }
}
