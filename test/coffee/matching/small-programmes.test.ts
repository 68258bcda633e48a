// Tiny programmes and trios-only remainders: the shape of a round for every small count.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import { expectEveryoneOnce, input, named, people } from './support';

const sizes = (groups: string[][]): number[] => groups.map((g) => g.length).sort();

describe('fewer people than a group', () => {
  it.each([2, 3] as const)('one person (group size %i) sits out alone', (groupSize) => {
    for (const oddOneOut of ['trio', 'sit-out'] as const) {
      expect(matchGroups(input(people('A'), { groupSize, oddOneOut }))).toEqual({ groups: [], sittingOut: ['A'], repeats: 0 });
    }
  });

  it('nobody at all gives an empty round', () => {
    expect(matchGroups(input([]))).toEqual({ groups: [], sittingOut: [], repeats: 0 });
  });

  it('two people make a pair, in trios-only programmes too', () => {
    for (const groupSize of [2, 3] as const) {
      for (const oddOneOut of ['trio', 'sit-out'] as const) {
        const result = matchGroups(input(people('A', 'B'), { groupSize, oddOneOut }));
        expect(sizes(result.groups)).toEqual([2]);
        expect(result.sittingOut).toEqual([]);
      }
    }
  });

  it('three people make a trio, or a pair and a sitter', () => {
    expect(sizes(matchGroups(input(people('A', 'B', 'C'))).groups)).toEqual([3]);
    expect(sizes(matchGroups(input(people('A', 'B', 'C'), { groupSize: 3 })).groups)).toEqual([3]);
    const sitting = matchGroups(input(people('A', 'B', 'C'), { oddOneOut: 'sit-out' }));
    expect(sizes(sitting.groups)).toEqual([2]);
    expect(sitting.sittingOut).toHaveLength(1);
  });
});

describe('trios only', () => {
  it.each([
    [6, [3, 3]],
    [7, [2, 2, 3]],
    [8, [2, 3, 3]],
    [4, [2, 2]],
    [5, [2, 3]],
    [10, [2, 2, 3, 3]],
  ])('%i people make groups of %j', (n, expected) => {
    const ids = named(n);
    const result = matchGroups(input(people(...ids), { groupSize: 3 }));
    expectEveryoneOnce(result, ids);
    expect(sizes(result.groups)).toEqual(expected);
    expect(result.sittingOut).toEqual([]);
  });

  it.each([
    [7, 1],
    [8, 2],
    [4, 1],
    [9, 0],
  ])('with sit-out, %i people leave %i sitting out', (n, out) => {
    const ids = named(n);
    const result = matchGroups(input(people(...ids), { groupSize: 3, oddOneOut: 'sit-out' }));
    expectEveryoneOnce(result, ids);
    expect(result.sittingOut).toHaveLength(out);
    expect(result.groups.every((g) => g.length === 3)).toBe(true);
  });

  it('avoids repeats in trios when it can (9 people, 3 rounds fed back)', () => {
    const ids = named(9);
    const history: { round: number; groups: string[][] }[] = [];
    for (let round = 1; round <= 4; round++) {
      const result = matchGroups(input(people(...ids), { groupSize: 3, history, seed: round }));
      expect(result.repeats).toBe(0);
      history.push({ round, groups: result.groups });
    }
  });
});

describe('many people', () => {
  it('places 5,001 people once each with no repeats after 12 rounds of its own history', () => {
    const ids = named(5001);
    const history: { round: number; groups: string[][] }[] = [];
    for (let round = 1; round <= 13; round++) {
      const result = matchGroups(input(people(...ids), { history, seed: round, windowRounds: 12 }));
      expectEveryoneOnce(result, ids);
      expect(result.repeats).toBe(0);
      history.push({ round, groups: result.groups });
    }
  });
});
