// Groups for a given shape (trios and pairs) among the people in play, by the best method for its size.
import type { AllowedGraph } from './allowed-graph';
import type { MatchContext } from './context';
import { improveGroups } from './improve';
import { pairsWithOneTrio } from './pair-trio';
import { maximumMatching, pairsFromMatching } from './pairs';
import { countRepeats } from './score';
import { constructGroups } from './trio-construction';
import { searchGroups, type Budget } from './trio-search';

/** Up to this many people, two or more trios get the exact search (within its work budget). */
export const EXACT_TRIOS_LIMIT = 150;
export const TRIO_SEARCH_WORK = 2_000_000;

/**
 * Pairs only: exact (maximum matching). One trio: exact, see pair-trio.ts. Two or more trios: exact
 * when the programme is small and the search finishes within its budget; otherwise the seeded build
 * and local repair, which is a heuristic. Every result is then polished by swaps that never add a repeat.
 */
export function formGroups(
  ctx: MatchContext,
  graph: AllowedGraph,
  trios: number,
  pairs: number,
  budget: Budget = { work: TRIO_SEARCH_WORK },
): number[][] {
  const groups = rawGroups(ctx, graph, trios, pairs, budget);
  improveGroups(ctx, groups);
  return groups;
}

function rawGroups(ctx: MatchContext, graph: AllowedGraph, trios: number, pairs: number, budget: Budget): number[][] {
  if (trios === 0) return pairsFromMatching(ctx, maximumMatching(ctx, graph));
  if (trios === 1) return pairsWithOneTrio(ctx, graph);
  const built = constructGroups(ctx, graph, trios, pairs);
  const people: number[] = [];
  graph.active.forEach((on, v) => {
    if (on === 1) people.push(v);
  });
  if (people.length > EXACT_TRIOS_LIMIT) return built;
  improveGroups(ctx, built);
  const repeats = countRepeats(ctx, built);
  if (repeats === 0) return built;
  return searchGroups(graph, people, trios, pairs, repeats, budget) ?? built;
}
