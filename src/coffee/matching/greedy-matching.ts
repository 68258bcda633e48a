// A quick first matching, so the exact search only has to fix the few people it leaves out.
import type { AllowedGraph } from './allowed-graph';
import { FREE, type Matching } from './blossom';
import type { MatchContext } from './context';
import { Pool } from './pool';
import { sameTeam } from './teams';

/** How far back in the pool we look for someone from another team before settling for anyone allowed. */
const TEAM_SCAN = 64;

/**
 * Matches people in index order (already a seeded shuffle) with an allowed partner from the end of
 * the pool, preferring another team. Not maximum: the blossom search finishes the job.
 */
export function greedyMatching(ctx: MatchContext, graph: AllowedGraph, matching: Matching): void {
  const people: number[] = [];
  graph.active.forEach((on, v) => {
    if (on === 1) people.push(v);
  });
  const pool = new Pool(graph.size, people);
  for (const v of people) {
    if (!pool.has(v)) continue;
    pool.remove(v);
    let fallback = FREE;
    for (let i = 0; i < pool.size; i++) {
      const u = pool.fromEnd(i);
      if (!graph.allowed(v, u)) continue;
      if (!ctx.preferDifferentTeams || !sameTeam(ctx.team, v, u)) {
        fallback = u;
        break;
      }
      if (fallback === FREE) fallback = u;
      if (i >= TEAM_SCAN) break;
    }
    if (fallback === FREE) continue;
    pool.remove(fallback);
    matching.pair(v, fallback);
  }
}
