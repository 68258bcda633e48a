// Which history counts: only the window's rounds, and only groups that actually met.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import type { PastRound } from '../../../src/coffee/matching/types';
import { groupKeys, input, people } from './support';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 7);
const everyone = people('A', 'B', 'C', 'D');

// Round 1: A-B and C-D. Rounds 2-5: the other two pairings, twice each.
const history: PastRound[] = [
  { round: 1, groups: [['A', 'B'], ['C', 'D']] },
  { round: 2, groups: [['A', 'C'], ['B', 'D']] },
  { round: 3, groups: [['A', 'D'], ['B', 'C']] },
  { round: 4, groups: [['A', 'C'], ['B', 'D']] },
  { round: 5, groups: [['A', 'D'], ['B', 'C']] },
];

describe('the history window', () => {
  it('forgets rounds older than the window (4 rounds: only rounds 2-5 count)', () => {
    for (const seed of SEEDS) {
      const result = matchGroups(input(everyone, { history, windowRounds: 4, seed }));
      expect(result.repeats).toBe(0);
      expect(groupKeys(result)).toEqual(['A+B', 'C+D']);
    }
  });

  it('counts every round when the window is null, and repeats the pairs met least often and longest ago', () => {
    for (const seed of SEEDS) {
      const result = matchGroups(input(everyone, { history, windowRounds: null, seed }));
      expect(result.repeats).toBe(2);
      expect(groupKeys(result)).toEqual(['A+B', 'C+D']);
    }
  });

  it('counts round 1 once the window reaches it', () => {
    expect(matchGroups(input(everyone, { history, windowRounds: 5 })).repeats).toBe(2);
  });

  it('prefers the repeat from longest ago when counts tie', () => {
    const recent: PastRound[] = [
      { round: 1, groups: [['A', 'B'], ['C', 'D']] },
      { round: 2, groups: [['A', 'C'], ['B', 'D']] },
      { round: 3, groups: [['A', 'D'], ['B', 'C']] },
    ];
    for (const seed of SEEDS) expect(groupKeys(matchGroups(input(everyone, { history: recent, seed })))).toEqual(['A+B', 'C+D']);
  });
});

describe('groups that did not meet', () => {
  it('lets a pair marked met:false meet again, and still counts the pair that did meet', () => {
    const missed: PastRound[] = [
      { round: 1, groups: [['A', 'B'], ['C', 'D']], met: [false, true] },
      { round: 2, groups: [['A', 'C'], ['B', 'D']] },
      { round: 3, groups: [['A', 'D'], ['B', 'C']] },
    ];
    for (const seed of SEEDS) {
      const result = matchGroups(input(everyone, { history: missed, seed }));
      expect(groupKeys(result)).toEqual(['A+B', 'C+D']);
      expect(result.repeats).toBe(1);
    }
  });

  it('frees every pair of a trio that did not meet', () => {
    const missed: PastRound[] = [{ round: 1, groups: [['A', 'B', 'C']], met: [false] }];
    const result = matchGroups(input(people('A', 'B', 'C'), { history: missed }));
    expect(result.repeats).toBe(0);
    const counted: PastRound[] = [{ round: 1, groups: [['A', 'B', 'C']] }];
    expect(matchGroups(input(people('A', 'B', 'C'), { history: counted })).repeats).toBe(3);
  });

  it('ignores people in history who have since left', () => {
    const gone: PastRound[] = [{ round: 1, groups: [['A', 'Z'], ['B', 'Y']] }];
    expect(matchGroups(input(people('A', 'B'), { history: gone })).repeats).toBe(0);
  });
});
