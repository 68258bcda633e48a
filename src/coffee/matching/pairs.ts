// Pairs with as few repeats as possible: a maximum matching of the allowed graph, then the rest paired least badly.
import type { AllowedGraph } from './allowed-graph';
import { FREE, Matching } from './blossom';
import type { MatchContext } from './context';
import { greedyMatching } from './greedy-matching';
import { compareScores, scoreGroup } from './score';

/** Beyond this many people left over, we pair them in order rather than weigh every pair. */
const WEIGH_LEFTOVERS_LIMIT = 400;

/** A maximum matching of the allowed graph among active people: seeded greedy, then Edmonds. */
export function maximumMatching(ctx: MatchContext, graph: AllowedGraph): Matching {
  const matching = new Matching(graph);
  greedyMatching(ctx, graph, matching);
  matching.maximise();
  return matching;
}

/**
 * Turns a maximum matching into pairs. Everyone it leaves free has already met everyone else left
 * free (else the matching would be bigger), so each leftover pair is one unavoidable repeat: we pick
 * those pairs by fewest meetings, then longest ago.
 */
export function pairsFromMatching(ctx: MatchContext, matching: Matching): number[][] {
  const pairs: number[][] = [];
  matching.mate.forEach((m, v) => {
    if (m > v && matching.graph.active[v] === 1) pairs.push([v, m]);
  });
  return pairs.concat(pairLeftovers(ctx, matching.freeVertices()));
}

/** Pairs people who cannot avoid a repeat, cheapest repeats first; an odd one out is dropped for the caller. */
export function pairLeftovers(ctx: MatchContext, people: readonly number[]): number[][] {
  if (people.length > WEIGH_LEFTOVERS_LIMIT) {
    const pairs: number[][] = [];
    for (let i = 0; i + 1 < people.length; i += 2) pairs.push([people[i] ?? 0, people[i + 1] ?? 0]);
    return pairs;
  }
  const candidates: number[][] = [];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) candidates.push([people[i] ?? 0, people[j] ?? 0]);
  }
  const scored = candidates.map((pair) => ({ pair, score: scoreGroup(ctx, pair) }));
  scored.sort((a, b) => compareScores(a.score, b.score));
  const used = new Set<number>();
  const pairs: number[][] = [];
  for (const { pair } of scored) {
    const [u = FREE, v = FREE] = pair;
    if (used.has(u) || used.has(v)) continue;
    used.add(u);
    used.add(v);
    pairs.push(pair);
  }
  return pairs;
}
