// The fewest repeats any grouping could have, for judging a grouping (the bench's "avoidable repeats").
import { AllowedGraph } from './allowed-graph';
import type { MatchContext } from './context';
import { buildMetGraph } from './history';
import { fewestRepeatsWithOneTrio } from './pair-trio';
import { maximumMatching } from './pairs';
import { createRandom } from './random';
import { planShape } from './shape';
import { chooseSitterForPairs, sitOutRotation } from './sit-out';
import { teamNumbers } from './teams';
import { searchGroups } from './trio-search';
import type { MatchInput } from './types';

/**
 * Exact where it can be: pairs, pairs with one trio, and pairs with a sitter (all via maximum
 * matchings). Two or more trios: the exact search with `trioWork` to spend, given an upper bound
 * (`atMost`, e.g. a grouping in hand); undefined when it could not prove the minimum.
 */
export function fewestPossibleRepeats(input: MatchInput, atMost: number, trioWork = 50_000_000): number | undefined {
  const indexOf = new Map(input.participants.map((p, i) => [p.id, i]));
  const ctx: MatchContext = {
    met: buildMetGraph(indexOf, input.history, input.windowRounds),
    team: teamNumbers(input.participants),
    preferDifferentTeams: false,
    random: createRandom(input.seed),
  };
  const graph = new AllowedGraph(ctx.met);
  const n = input.participants.length;
  const shape = planShape(n, input.groupSize, input.oddOneOut ?? 'trio');
  if (n <= 1) return 0;
  if (shape.sitOut > 0 && shape.trios > 0) return undefined;
  if (shape.sitOut > 0) graph.active[chooseSitterForPairs(ctx, graph, sitOutRotation(indexOf, input.history))] = 0;
  if (shape.trios === 0) return shape.pairs - maximumMatching(ctx, graph).size();
  if (shape.trios === 1) return fewestRepeatsWithOneTrio(ctx, graph);
  if (atMost === 0) return 0;
  const everyone = Array.from({ length: n }, (_, v) => v);
  const budget = { work: trioWork };
  const better = searchGroups(graph, everyone, shape.trios, shape.pairs, atMost, budget);
  if (budget.work <= 0) return undefined;
  if (!better) return atMost;
  let repeats = 0;
  for (const g of better) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (ctx.met.met(g[i] ?? 0, g[j] ?? 0)) repeats++;
  return repeats;
}
