// Teams as numbers, so "from different teams" is one comparison in the hot loops.
import type { Participant } from './types';

export const NO_TEAM = -1;

/** Each person's team as a small number (NO_TEAM when unknown), in the matcher's order. */
export function teamNumbers(people: readonly Participant[]): Int32Array {
  const numbers = new Map<string, number>();
  return Int32Array.from(people, (p) => {
    if (p.team === undefined) return NO_TEAM;
    const known = numbers.get(p.team);
    if (known !== undefined) return known;
    numbers.set(p.team, numbers.size);
    return numbers.size - 1;
  });
}

/** Two people count as the same team only when both teams are known and equal. */
export function sameTeam(team: Int32Array, u: number, v: number): boolean {
  const t = team[u] ?? NO_TEAM;
  return t !== NO_TEAM && t === team[v];
}
