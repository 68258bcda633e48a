// Pairs plus exactly one trio (an odd number of people): which three should share a group.
import type { AllowedGraph } from './allowed-graph';
import { FREE, Matching } from './blossom';
import type { MatchContext } from './context';
import { maximumMatching, pairsFromMatching } from './pairs';

/** Candidate pairs {b, c} the exact trio choice may weigh (each costs about one matching repair). */
const PAIR_EVALUATIONS = 200_000;

interface TrioChoice {
  trio: number[];
  /** Repeats of the whole grouping: the trio's own plus the unavoidable ones among the pairs. */
  cost: number;
  /** Whether no other trio could do better. */
  proven: boolean;
}

/**
 * Groups an odd number of active people into pairs and one trio with the fewest repeats. Exact
 * (proven) unless the candidate pairs run past PAIR_EVALUATIONS, which takes a programme of
 * several hundred people who have nearly all met; then it is the best trio found so far.
 */
export function pairsWithOneTrio(ctx: MatchContext, graph: AllowedGraph): number[][] {
  const matching = maximumMatching(ctx, graph);
  const { trio } = chooseTrio(graph, matching, PAIR_EVALUATIONS);
  return [trio, ...pairsWithout(ctx, matching, trio)];
}

/** Fewest repeats for pairs plus one trio, or undefined if not proven within `evaluations` (for the bench). */
export function fewestRepeatsWithOneTrio(ctx: MatchContext, graph: AllowedGraph, evaluations = 10 * PAIR_EVALUATIONS): number | undefined {
  const choice = chooseTrio(graph, maximumMatching(ctx, graph), evaluations);
  return choice.proven ? choice.cost : undefined;
}

function chooseTrio(graph: AllowedGraph, matching: Matching, evaluations: number): TrioChoice {
  const active = activeList(graph);
  const half = (active.length - 3) / 2;
  const nu = matching.size();
  const floor = (active.length - 1) / 2 - nu;
  if (floor === 0) {
    const quick = quickTrio(graph, matching);
    if (quick) return { trio: quick, cost: 0, proven: true };
  }
  // Every trio costs at least its own repeats plus what the matching must lose: r(T) + half - ν.
  const bound = Math.max(floor, fewestTrioRepeats(graph, active) + half - nu);
  const seed = seedTrio(graph, matching);
  const seeded = { trio: seed, cost: repeatsIn(graph, seed) + half - matchedWithout(matching, seed), proven: false };
  if (seeded.cost <= bound) return { ...seeded, proven: true };
  return exactTrio(graph, matching, active, seeded, bound, evaluations);
}

/** The free person joins a matched pair both of whom are new to them: no repeats at all. */
function quickTrio(graph: AllowedGraph, matching: Matching): number[] | undefined {
  for (const f of matching.freeVertices()) {
    let found: number[] | undefined;
    graph.someNeighbour(f, (b) => {
      const c = matching.mate[b] ?? FREE;
      if (c === FREE || !graph.allowed(f, c)) return false;
      found = [f, b, c];
      return true;
    });
    if (found) return found;
  }
  return undefined;
}

/** A good first trio: a free person with the matched pair (or two other free people) they repeat least with. */
function seedTrio(graph: AllowedGraph, matching: Matching): number[] {
  const free = matching.freeVertices();
  let best: number[] = [];
  let bestRepeats = Number.POSITIVE_INFINITY;
  const consider = (trio: number[]): void => {
    const repeats = repeatsIn(graph, trio);
    if (repeats < bestRepeats) {
      best = trio;
      bestRepeats = repeats;
    }
  };
  for (const f of free.slice(0, 8)) {
    for (let b = 0; b < graph.size && bestRepeats > 0; b++) {
      const c = matching.mate[b] ?? FREE;
      if (c > b && graph.active[b] === 1) consider([f, b, c]);
    }
    const others = free.filter((g) => g !== f).slice(0, 16);
    for (let i = 0; i < others.length && bestRepeats > 0; i++) {
      for (let j = i + 1; j < others.length; j++) consider([f, others[i] ?? 0, others[j] ?? 0]);
    }
  }
  return best;
}

/**
 * For each pair {b, c} of the trio: the rest of the matching is ν(G-b-c) if the third member a can be
 * left free by some maximum matching of G-b-c (a is "even" in a Hungarian tree), else one less.
 * So repeats(T) = r(T) + half - ν(G-T) for every trio T, from one matching repair per pair.
 */
function exactTrio(
  graph: AllowedGraph,
  matching: Matching,
  active: readonly number[],
  seeded: TrioChoice,
  bound: number,
  evaluations: number,
): TrioChoice {
  const half = (active.length - 3) / 2;
  const nu = matching.size();
  const freeInM = matching.freeVertices();
  const work = new Matching(graph);
  const evenMark = new Int32Array(graph.size);
  let stamp = 0;
  let best = seeded.cost;
  let bestTrio = seeded.trio;
  let left = evaluations;
  for (const [b, c] of pairsAllowedFirst(graph, active)) {
    if (best <= bound) return { trio: bestTrio, cost: best, proven: true };
    const metBC = graph.met.met(b, c) ? 1 : 0;
    if (metBC + half - nu >= best) continue;
    if (--left < 0) return { trio: bestTrio, cost: best, proven: false };
    work.copyFrom(matching);
    graph.active[b] = 0;
    graph.active[c] = 0;
    try {
      const freed = [work.release(b), work.release(c)].filter((v) => v !== FREE && v !== b && v !== c);
      const free = freeInM.filter((v) => v !== b && v !== c).concat(freed);
      work.augmentFromEach(freed, free);
      const base = metBC + half - work.size();
      if (base >= best) continue;
      stamp++;
      const even: number[] = [];
      for (const r of free) {
        if (work.mate[r] !== FREE || evenMark[r] === stamp) continue;
        for (const v of work.evenFrom(r)) {
          if (evenMark[v] !== stamp) even.push(v);
          evenMark[v] = stamp;
        }
      }
      // a left free by some maximum matching costs nothing more; anyone else costs one more pair repeat.
      const costFor = (a: number): number => base + (graph.met.met(a, b) ? 1 : 0) + (graph.met.met(a, c) ? 1 : 0) + (evenMark[a] === stamp ? 0 : 1);
      for (const a of even) {
        const cost = costFor(a);
        if (cost < best) {
          best = cost;
          bestTrio = [a, b, c];
        }
      }
      if (base + 1 >= best) continue;
      for (const a of active) {
        if (a === b || a === c || evenMark[a] === stamp) continue;
        const cost = costFor(a);
        if (cost < best) {
          best = cost;
          bestTrio = [a, b, c];
        }
        if (cost === base + 1) break;
      }
    } finally {
      graph.active[b] = 1;
      graph.active[c] = 1;
    }
  }
  return { trio: bestTrio, cost: best, proven: true };
}

/** The fewest repeats any trio must have: 0 if someone may meet two people, 2 if only single pairs are allowed, else 3. */
function fewestTrioRepeats(graph: AllowedGraph, active: readonly number[]): number {
  let most = 0;
  for (const v of active) {
    let degree = 0;
    graph.someNeighbour(v, () => ++degree >= 2);
    most = Math.max(most, degree);
    if (most >= 2) return 0;
  }
  return most === 1 ? 2 : 3;
}

/** Size of a maximum matching of everyone but the trio, repaired from the given maximum matching. */
function matchedWithout(matching: Matching, trio: readonly number[]): number {
  const graph = matching.graph;
  const rest = new Matching(graph);
  rest.copyFrom(matching);
  for (const v of trio) graph.active[v] = 0;
  try {
    rest.augmentFromEach(trio.map((v) => rest.release(v)).filter((v) => v !== FREE && !trio.includes(v)));
    return rest.size();
  } finally {
    for (const v of trio) graph.active[v] = 1;
  }
}

/** Pairs for everyone but the trio: the given maximum matching, repaired around the three removed. */
function pairsWithout(ctx: MatchContext, matching: Matching, trio: readonly number[]): number[][] {
  const graph = matching.graph;
  const rest = new Matching(graph);
  rest.copyFrom(matching);
  for (const v of trio) graph.active[v] = 0;
  try {
    rest.augmentFromEach(trio.map((v) => rest.release(v)).filter((v) => v !== FREE && !trio.includes(v)));
    return pairsFromMatching(ctx, rest);
  } finally {
    for (const v of trio) graph.active[v] = 1;
  }
}

/** Allowed pairs first: a trio with no repeats must contain one. */
function* pairsAllowedFirst(graph: AllowedGraph, active: readonly number[]): Generator<[number, number]> {
  for (const wanted of [true, false]) {
    for (let i = 0; i < active.length; i++) {
      const b = active[i] ?? 0;
      for (let j = i + 1; j < active.length; j++) {
        const c = active[j] ?? 0;
        if (graph.allowed(b, c) === wanted) yield [b, c];
      }
    }
  }
}

function activeList(graph: AllowedGraph): number[] {
  const list: number[] = [];
  graph.active.forEach((on, v) => {
    if (on === 1) list.push(v);
  });
  return list;
}

function repeatsIn(graph: AllowedGraph, group: readonly number[]): number {
  let repeats = 0;
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) if (graph.met.met(group[i] ?? 0, group[j] ?? 0)) repeats++;
  }
  return repeats;
}
