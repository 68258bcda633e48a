// Edmonds' blossom algorithm over the allowed graph: a maximum matching, which proves how few repeats are possible.
import type { AllowedGraph } from './allowed-graph';

export const FREE = -1;
const UNLABELLED = 0;
const OUTER = 1;
const INNER = 2;
/** Free people tried as a shortcut at each new outer vertex; any more would cost more than it saves. */
const HINTS_PER_VERTEX = 8;

/**
 * A matching that grows by augmenting paths (BFS with blossoms shrunk through a union-find of bases,
 * O(V·E·α) overall). Neighbours come from the graph lazily, so a nearly complete graph is never built.
 */
export class Matching {
  readonly mate: Int32Array;
  private readonly label: Uint8Array;
  private readonly parent: Int32Array;
  private readonly base: Int32Array;
  private readonly mark: Int32Array;
  private readonly seen: Int32Array;
  private searchId = 0;
  private readonly queue: Int32Array;
  private queued = 0;
  private tick = 0;
  private touched: number[] = [];
  private root = FREE;
  private hints: readonly number[] = [];
  private hintFrom = 0;

  constructor(readonly graph: AllowedGraph) {
    const n = graph.size;
    this.mate = new Int32Array(n).fill(FREE);
    this.label = new Uint8Array(n);
    this.parent = new Int32Array(n).fill(FREE);
    this.base = Int32Array.from({ length: n }, (_, i) => i);
    this.mark = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  /** Matched pairs among active people. */
  size(): number {
    let pairs = 0;
    this.mate.forEach((m, v) => {
      if (m > v && this.graph.active[v] === 1 && this.graph.active[m] === 1) pairs++;
    });
    return pairs;
  }

  pair(u: number, v: number): void {
    this.mate[u] = v;
    this.mate[v] = u;
  }

  /** Unmatches v (and its mate); returns the former mate or FREE. */
  release(v: number): number {
    const m = this.mate[v] ?? FREE;
    this.mate[v] = FREE;
    if (m !== FREE) this.mate[m] = FREE;
    return m;
  }

  copyFrom(other: Matching): void {
    this.mate.set(other.mate);
  }

  /** Active people nobody is matched with, in index order. */
  freeVertices(): number[] {
    const free: number[] = [];
    this.mate.forEach((m, v) => {
      if (m === FREE && this.graph.active[v] === 1) free.push(v);
    });
    return free;
  }

  /**
   * Makes the matching maximum. One search per free vertex is enough: a vertex with no augmenting
   * path never gets one after other augmentations (Edmonds), so failed roots are not retried.
   */
  maximise(): number {
    this.augmentFromEach(this.freeVertices());
    return this.size();
  }

  /**
   * Searches once from each listed vertex that is still free. `others` must list every free active
   * vertex (callers who know them save a scan); they double as shortcuts for the search.
   */
  augmentFromEach(roots: readonly number[], others: readonly number[] = this.freeVertices()): void {
    // An augmenting path joins two free people, so a root is hopeless once nobody else free is left.
    let live = others.length;
    let firstFree = 0;
    for (const root of roots) {
      if (this.mate[root] !== FREE || this.graph.active[root] !== 1) continue;
      while (firstFree < others.length && this.mate[others[firstFree] ?? 0] !== FREE) firstFree++;
      if (live >= 2 && this.search(root, others, firstFree)) live -= 2;
      else live -= 1;
    }
  }

  /** Grows the matching by one if an augmenting path starts at root. */
  augmentFrom(root: number): boolean {
    return this.search(root, this.freeVertices(), 0);
  }

  /**
   * Everyone reachable from a free root by an even alternating path (the root's Hungarian tree).
   * With a maximum matching, these are exactly the people some maximum matching leaves free.
   */
  evenFrom(root: number): number[] {
    if (this.search(root, [], 0)) throw new Error('evenFrom needs a maximum matching');
    return this.touched.filter((v) => this.label[v] === OUTER);
  }

  private search(root: number, hints: readonly number[], hintFrom: number): boolean {
    this.reset();
    this.root = root;
    this.hints = hints;
    this.hintFrom = hintFrom;
    this.labelOuter(root);
    if (this.tryHints(root)) return true;
    let current = root;
    const visit = (u: number): boolean => this.step(current, u);
    for (let head = 0; head < this.queued; head++) {
      current = this.queue[head] ?? 0;
      if (this.graph.someNeighbour(current, visit)) return true;
    }
    return false;
  }

  /** Looks at edge v-u while v is outer; true once the matching has grown. */
  private step(v: number, u: number): boolean {
    if (this.label[u] === INNER || this.find(u) === this.find(v)) return false;
    if (this.label[u] === UNLABELLED) {
      this.touch(u);
      this.parent[u] = v;
      const w = this.mate[u] ?? FREE;
      if (w === FREE) {
        this.augment(u);
        return true;
      }
      this.label[u] = INNER;
      this.labelOuter(w);
      return this.tryHints(w);
    }
    const lca = this.commonBase(v, u);
    this.shrink(v, u, lca);
    this.shrink(u, v, lca);
    return false;
  }

  /** A shortcut that makes big programmes fast: is this new outer vertex allowed to meet someone still free? */
  private tryHints(w: number): boolean {
    const { hints, mate, label, graph } = this;
    let tried = 0;
    for (let i = this.hintFrom; i < hints.length && tried < HINTS_PER_VERTEX; i++) {
      const f = hints[i] ?? FREE;
      if (f === this.root || mate[f] !== FREE || label[f] !== UNLABELLED) continue;
      tried++;
      if (!graph.allowed(w, f)) continue;
      this.touch(f);
      this.parent[f] = w;
      this.augment(f);
      return true;
    }
    return false;
  }

  /** Flips the path from the newly reached free vertex back to the root. */
  private augment(end: number): void {
    let x = end;
    while (x !== FREE) {
      const p = this.parent[x] ?? FREE;
      const next = this.mate[p] ?? FREE;
      this.pair(x, p);
      x = next;
    }
  }

  private commonBase(a: number, b: number): number {
    this.tick++;
    let x = this.find(a);
    let y = this.find(b);
    for (;;) {
      if (x !== FREE) {
        if (this.mark[x] === this.tick) return x;
        this.mark[x] = this.tick;
        const m = this.mate[x] ?? FREE;
        x = m === FREE ? FREE : this.find(this.parent[m] ?? FREE);
      }
      const t = x;
      x = y;
      y = t;
    }
  }

  /** Shrinks the odd cycle from x up to its base into one outer pseudo-vertex. */
  private shrink(from: number, towards: number, lca: number): void {
    let x = from;
    let y = towards;
    while (this.find(x) !== lca) {
      this.parent[x] = y;
      y = this.mate[x] ?? FREE;
      if (this.label[y] === INNER) {
        this.label[y] = OUTER;
        this.enqueue(y);
      }
      if (this.find(x) === x) this.base[x] = lca;
      if (this.find(y) === y) this.base[y] = lca;
      x = this.parent[y] ?? FREE;
    }
  }

  private find(v: number): number {
    let r = v;
    while (this.base[r] !== r) r = this.base[r] ?? r;
    let x = v;
    while (x !== r) {
      const next = this.base[x] ?? r;
      this.base[x] = r;
      x = next;
    }
    return r;
  }

  private labelOuter(v: number): void {
    this.touch(v);
    this.label[v] = OUTER;
    this.enqueue(v);
  }

  private enqueue(v: number): void {
    this.queue[this.queued++] = v;
  }

  private touch(v: number): void {
    if (this.seen[v] === this.searchId) return;
    this.seen[v] = this.searchId;
    this.touched.push(v);
  }

  /** Clears only what the last search touched, so a quick search on a huge graph stays quick. */
  private reset(): void {
    for (const v of this.touched) {
      this.label[v] = UNLABELLED;
      this.parent[v] = FREE;
      this.base[v] = v;
    }
    this.touched = [];
    this.queued = 0;
    if (this.tick > 1 << 30 || this.searchId > 1 << 30) {
      this.mark.fill(0);
      this.seen.fill(0);
      this.tick = 0;
      this.searchId = 0;
    }
    this.searchId++;
  }
}
