// Who sits out: whoever sat out least recently (never last round's sitter), passing over anyone whose absence would force a repeat.
import type { AllowedGraph } from './allowed-graph';
import { FREE, Matching } from './blossom';
import type { MatchContext } from './context';
import { maximumMatching } from './pairs';
import { countRepeats } from './score';
import { EXACT_TRIOS_LIMIT, formGroups, TRIO_SEARCH_WORK } from './form-groups';
import type { PastRound } from './types';

/** Sets of two sitters we try (best-placed in the rotation first) before settling. */
const SITTER_SETS_LIMIT = 64;

export interface Rotation {
  /** Everyone, next to sit out first: never sat out, then longest since; ties in seeded order. */
  order: number[];
  /** How many at the front of `order` may sit out; the rest sat out in the latest round. */
  eligible: number;
}

export function sitOutRotation(indexOf: ReadonlyMap<string, number>, history: readonly PastRound[]): Rotation {
  const n = indexOf.size;
  const lastSatOut = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const latest = history.reduce((max, r) => Math.max(max, r.round), Number.NEGATIVE_INFINITY);
  const rested = new Uint8Array(n);
  for (const round of history) {
    for (const id of round.sittingOut ?? []) {
      const v = indexOf.get(id);
      if (v === undefined) continue;
      lastSatOut[v] = Math.max(lastSatOut[v] ?? Number.NEGATIVE_INFINITY, round.round);
      if (round.round === latest) rested[v] = 1;
    }
  }
  const order = Array.from({ length: n }, (_, v) => v).sort(
    (a, b) => (rested[a] ?? 0) - (rested[b] ?? 0) || (lastSatOut[a] ?? 0) - (lastSatOut[b] ?? 0) || a - b,
  );
  const eligible = order.filter((v) => rested[v] === 0).length;
  return { order, eligible: eligible > 0 ? eligible : n };
}

/**
 * Pairs with one sitter: the first eligible person in the rotation whose absence keeps the matching
 * as large (so no extra repeat); if nobody's does, simply the first eligible. Exact.
 */
export function chooseSitterForPairs(ctx: MatchContext, graph: AllowedGraph, rotation: Rotation): number {
  const matching = maximumMatching(ctx, graph);
  const work = new Matching(graph);
  const eligible = rotation.order.slice(0, rotation.eligible);
  for (const x of eligible) {
    if (matching.mate[x] === FREE) return x;
    work.copyFrom(matching);
    graph.active[x] = 0;
    try {
      // Only paths ending at x's old partner can be new, so one search settles it.
      if (work.augmentFrom(work.release(x))) return x;
    } finally {
      graph.active[x] = 1;
    }
  }
  return eligible[0] ?? FREE;
}

/**
 * Trios with one or two sitters: sets tried in rotation order (colex, so the front of the rotation
 * goes first); the first with the fewest repeats wins. Exact for small programmes when no more than
 * SITTER_SETS_LIMIT sets need trying; big programmes take the front of the rotation.
 */
export function chooseSittersForTrios(
  ctx: MatchContext,
  graph: AllowedGraph,
  rotation: Rotation,
  sitOut: number,
  trios: number,
): number[] {
  const eligible = rotation.order.slice(0, rotation.eligible);
  const front = rotation.order.slice(0, sitOut);
  if (eligible.length < sitOut || graph.size > EXACT_TRIOS_LIMIT) return front;
  const budget = { work: TRIO_SEARCH_WORK };
  let best = front;
  let bestRepeats = Number.POSITIVE_INFINITY;
  for (const set of sitterSets(eligible, sitOut)) {
    for (const v of set) graph.active[v] = 0;
    try {
      const repeats = countRepeats(ctx, formGroups(ctx, graph, trios, 0, budget));
      if (repeats < bestRepeats) {
        best = set;
        bestRepeats = repeats;
      }
    } finally {
      for (const v of set) graph.active[v] = 1;
    }
    if (bestRepeats === 0 || budget.work <= 0) break;
  }
  return best;
}

/** Sets of one or two from the list, those nearest its front first: {0}, {1}... or {0,1}, {0,2}, {1,2}, {0,3}... */
function sitterSets(list: readonly number[], size: number): number[][] {
  const sets: number[][] = [];
  for (let hi = size - 1; hi < list.length && sets.length < SITTER_SETS_LIMIT; hi++) {
    if (size === 1) sets.push([list[hi] ?? 0]);
    else for (let lo = 0; lo < hi && sets.length < SITTER_SETS_LIMIT; lo++) sets.push([list[lo] ?? 0, list[hi] ?? 0]);
  }
  return sets;
}
