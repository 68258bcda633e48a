// Same input and seed, same output: groups, their order and the order within them.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import type { MatchInput, PastRound } from '../../../src/coffee/matching/types';
import { named } from './support';

function programme(seed: number, groupSize: 2 | 3): MatchInput {
  const ids = named(61);
  const history: PastRound[] = [1, 2, 3].map((round) => ({
    round,
    groups: Array.from({ length: 30 }, (_, i) => [ids[(i * round) % 61] ?? '', ids[(i * round + 7) % 61] ?? '']),
    sittingOut: [ids[round] ?? ''],
  }));
  return {
    participants: ids.map((id, i) => ({ id, team: `T${i % 4}` })),
    history,
    groupSize,
    windowRounds: 2,
    seed,
    oddOneOut: 'sit-out',
    preferDifferentTeams: true,
  };
}

describe('determinism', () => {
  it.each([2, 3] as const)('gives identical results for the same seed (group size %i)', (groupSize) => {
    for (const seed of [0, 1, 42, 2 ** 40 + 3]) {
      const first = matchGroups(programme(seed, groupSize));
      const again = matchGroups(structuredClone(programme(seed, groupSize)));
      expect(again).toEqual(first);
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    }
  });

  it('gives different draws for different seeds', () => {
    const draws = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(matchGroups(programme(seed, 2)).groups)));
    expect(draws.size).toBe(5);
  });
});
