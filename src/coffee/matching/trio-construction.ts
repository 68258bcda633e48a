// Trios for big programmes: a seeded greedy build (the caller then repairs it locally). A heuristic, not a proof.
import type { AllowedGraph } from './allowed-graph';
import type { MatchContext } from './context';
import { Pool } from './pool';
import { compareScores, scoreGroup } from './score';
import { sameTeam } from './teams';

/** How many people we look at for a group's next member before taking the best seen. */
const SCAN = 64;
/** Up to this many people, the most-met go first (they are the hardest to place). */
const MOST_MET_FIRST_LIMIT = 300;

/**
 * Builds `trios` trios then `pairs` pairs from the active people. Each group takes the first people
 * new to all its members (other teams first), else the least bad seen.
 */
export function constructGroups(ctx: MatchContext, graph: AllowedGraph, trios: number, pairs: number): number[][] {
  const people: number[] = [];
  graph.active.forEach((on, v) => {
    if (on === 1) people.push(v);
  });
  const order =
    people.length <= MOST_MET_FIRST_LIMIT ? [...people].sort((a, b) => ctx.met.degree(b) - ctx.met.degree(a) || a - b) : people;
  const pool = new Pool(graph.size, people);
  const groups: number[][] = [];
  for (const v of order) {
    if (groups.length >= trios + pairs) break;
    if (!pool.has(v)) continue;
    pool.remove(v);
    const group = [v];
    const size = groups.length < trios ? 3 : 2;
    while (group.length < size && pool.size > 0) {
      const u = pickMember(ctx, graph, pool, group);
      pool.remove(u);
      group.push(u);
    }
    groups.push(group);
  }
  return groups;
}

/** The first allowed newcomer from another team, else the first allowed anywhere, else the least bad of the nearest SCAN. */
function pickMember(ctx: MatchContext, graph: AllowedGraph, pool: Pool, group: readonly number[]): number {
  let firstAllowed = -1;
  let leastBad = -1;
  let leastBadScore = scoreGroup(ctx, group);
  for (let i = 0; i < pool.size; i++) {
    const u = pool.fromEnd(i);
    if (group.every((g) => graph.allowed(g, u))) {
      if (!ctx.preferDifferentTeams || group.every((g) => !sameTeam(ctx.team, g, u))) return u;
      if (firstAllowed < 0) firstAllowed = u;
    } else if (firstAllowed < 0 && i < SCAN) {
      const score = scoreGroup(ctx, [...group, u]);
      if (leastBad < 0 || compareScores(score, leastBadScore) < 0) {
        leastBad = u;
        leastBadScore = score;
      }
    }
    if (i >= SCAN && firstAllowed >= 0) break;
  }
  return firstAllowed >= 0 ? firstAllowed : leastBad;
}
