// How good a group is, compared in order: repeats, then how often and how recently, then team mixing.
import type { MatchContext } from './context';
import { sameTeam } from './teams';

/** [repeated pairs, times those pairs met, sum of their latest rounds, 1 if one team only, same-team pairs]. */
export type Score = [number, number, number, number, number];

/** A group with nothing to improve. */
export const ZERO: Score = [0, 0, 0, 0, 0];

export function scoreGroup(ctx: MatchContext, group: readonly number[]): Score {
  let repeats = 0;
  let times = 0;
  let recency = 0;
  let sameTeamPairs = 0;
  for (let i = 0; i < group.length; i++) {
    const u = group[i] ?? 0;
    for (let j = i + 1; j < group.length; j++) {
      const v = group[j] ?? 0;
      const at = ctx.met.find(u, v);
      if (at >= 0) {
        repeats++;
        times += ctx.met.timesAt(at);
        recency += ctx.met.lastRoundAt(at);
      }
      if (ctx.preferDifferentTeams && sameTeam(ctx.team, u, v)) sameTeamPairs++;
    }
  }
  const pairs = (group.length * (group.length - 1)) / 2;
  const oneTeam = pairs > 0 && sameTeamPairs === pairs ? 1 : 0;
  return [repeats, times, recency, oneTeam, sameTeamPairs];
}

export function addScores(a: Score, b: Score): Score {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]];
}

/** Negative when a is better (lower) than b, in the order the fields are listed. */
export function compareScores(a: Score, b: Score): number {
  for (let i = 0; i < 5; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether a swap could still make this group better. */
export function canImprove(score: Score): boolean {
  return score[0] > 0 || score[3] > 0 || score[4] > 0;
}

/** Repeated pairs in a list of groups. */
export function countRepeats(ctx: MatchContext, groups: readonly (readonly number[])[]): number {
  return groups.reduce((sum, g) => sum + scoreGroup(ctx, g)[0], 0);
}
