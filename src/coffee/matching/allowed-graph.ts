// The "may meet" graph: everyone still in play who has not met within the window. Never built in full for big programmes.
import type { MetGraph } from './history';

/** Up to this many people we list each person's allowed partners; above it we walk "everyone but the few they met". */
const EXPLICIT_LIMIT = 1500;

export class AllowedGraph {
  readonly size: number;
  /** 1 = in play; callers switch people off to try a sitter or a trio. */
  readonly active: Uint8Array;
  private readonly listStart?: Int32Array;
  private readonly list?: Int32Array;

  constructor(readonly met: MetGraph) {
    this.size = met.size;
    this.active = new Uint8Array(this.size).fill(1);
    if (this.size <= EXPLICIT_LIMIT) {
      const start = new Int32Array(this.size + 1);
      const all: number[] = [];
      for (let v = 0; v < this.size; v++) {
        this.walkComplement(v, (u) => {
          all.push(u);
          return false;
        });
        start[v + 1] = all.length;
      }
      this.listStart = start;
      this.list = Int32Array.from(all);
    }
  }

  allowed(u: number, v: number): boolean {
    return u !== v && this.active[u] === 1 && this.active[v] === 1 && !this.met.met(u, v);
  }

  /** Visits v's allowed partners in index order until `visit` returns true; says whether it stopped early. */
  someNeighbour(v: number, visit: (u: number) => boolean): boolean {
    const { list, listStart, active } = this;
    if (list && listStart) {
      const to = listStart[v + 1] ?? 0;
      for (let i = listStart[v] ?? 0; i < to; i++) {
        const u = list[i] ?? 0;
        if (active[u] === 1 && visit(u)) return true;
      }
      return false;
    }
    return this.walkComplement(v, (u) => active[u] === 1 && visit(u));
  }

  /** Everyone except v and the people v met: a merge walk over v's sorted met list. */
  private walkComplement(v: number, visit: (u: number) => boolean): boolean {
    const metList = this.met.partners(v);
    let next = 0;
    for (let u = 0; u < this.size; u++) {
      if (next < metList.length && metList[next] === u) {
        next++;
        continue;
      }
      if (u !== v && visit(u)) return true;
    }
    return false;
  }
}
