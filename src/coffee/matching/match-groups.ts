// Randomised Coffee Trials: who meets whom this round. Pure: same input and seed, same groups.
import { AllowedGraph } from './allowed-graph';
import type { MatchContext } from './context';
import { buildMetGraph } from './history';
import { createRandom } from './random';
import { countRepeats } from './score';
import { planShape } from './shape';
import { chooseSitterForPairs, chooseSittersForTrios, sitOutRotation } from './sit-out';
import { teamNumbers } from './teams';
import { formGroups } from './form-groups';
import type { MatchInput, MatchResult, Participant } from './types';

/**
 * Everyone ends up in exactly one group or sitting out. Repeats within the window are avoided
 * whenever possible (exactly for pairs; see form-groups.ts for trios), then the fewest, least frequent and
 * oldest repeats are kept, then teams are mixed if asked.
 */
export function matchGroups(input: MatchInput): MatchResult {
  const random = createRandom(input.seed);
  // The seeded shuffle is the matcher's own order: every "first" and every tie below follows it.
  const people: Participant[] = random.shuffle([...input.participants]);
  const indexOf = new Map<string, number>();
  people.forEach((p, i) => {
    if (indexOf.has(p.id)) throw new Error(`Participant ${p.id} appears more than once`);
    indexOf.set(p.id, i);
  });
  const ctx: MatchContext = {
    met: buildMetGraph(indexOf, input.history, input.windowRounds),
    team: teamNumbers(people),
    preferDifferentTeams: input.preferDifferentTeams ?? false,
    random,
  };
  const graph = new AllowedGraph(ctx.met);
  const shape = planShape(people.length, input.groupSize, input.oddOneOut ?? 'trio');

  let sittingOut: number[] = [];
  if (shape.sitOut > 0) {
    const rotation = sitOutRotation(indexOf, input.history);
    if (people.length === 1) sittingOut = [0];
    else if (shape.trios === 0) sittingOut = [chooseSitterForPairs(ctx, graph, rotation)];
    else sittingOut = chooseSittersForTrios(ctx, graph, rotation, shape.sitOut, shape.trios);
  }
  for (const v of sittingOut) graph.active[v] = 0;

  const groups = people.length > shape.sitOut ? formGroups(ctx, graph, shape.trios, shape.pairs) : [];
  for (const group of groups) group.sort((a, b) => a - b);
  random.shuffle(groups);

  const idOf = (v: number): string => people[v]?.id ?? '';
  return {
    groups: groups.map((g) => g.map(idOf)),
    sittingOut: sittingOut.map(idOf),
    repeats: countRepeats(ctx, groups),
  };
}
