// Exactness: when a grouping with no repeats exists, the matcher finds it, even where greedy pairing gets stuck.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import type { PastRound } from '../../../src/coffee/matching/types';
import { shuffleThenGreedy } from '../../bench/pairing/shuffle-then-greedy';
import { expectEveryoneOnce, groupKeys, input, metOnce, named, people, roundRobin } from './support';

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 3);

/** History in which every pair of `ids` has met except the listed ones. */
function allMetExcept(ids: readonly string[], allowed: readonly string[][]): PastRound[] {
  const free = new Set(allowed.map((p) => [...p].sort().join('|')));
  const met: string[][] = [];
  ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => free.has([a, b].sort().join('|')) || met.push([a, b])));
  return metOnce(met);
}

describe('no repeats whenever a repeat-free grouping exists', () => {
  it('follows the only way through a path A-B-C-D-E-F (greedy often pairs B with C and is stuck)', () => {
    const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
    const history = allMetExcept(ids, [['A', 'B'], ['B', 'C'], ['C', 'D'], ['D', 'E'], ['E', 'F']]);
    const baselineRepeats = SEEDS.map((seed) => shuffleThenGreedy(input(people(...ids), { history, seed })).repeats);
    expect(Math.max(...baselineRepeats)).toBeGreaterThan(0);
    for (const seed of SEEDS) {
      const result = matchGroups(input(people(...ids), { history, seed }));
      expect(result.repeats).toBe(0);
      expect(groupKeys(result)).toEqual(['A+B', 'C+D', 'E+F']);
    }
  });

  it('gets through an odd cycle (a blossom): two triangles joined by one edge', () => {
    const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
    const history = allMetExcept(ids, [['A', 'B'], ['B', 'C'], ['A', 'C'], ['C', 'D'], ['D', 'E'], ['E', 'F'], ['D', 'F']]);
    for (const seed of SEEDS) {
      const result = matchGroups(input(people(...ids), { history, seed }));
      expect(result.repeats).toBe(0);
      expect(groupKeys(result)).toEqual(['A+B', 'C+D', 'E+F']);
    }
  });

  it('finds a tenth round for 12 people after 9 rounds of a round robin (two repeat-free rounds are left)', () => {
    const ids = named(12);
    const history = roundRobin(ids)
      .slice(0, 9)
      .map((groups, i) => ({ round: i + 1, groups }));
    for (const seed of SEEDS) {
      const result = matchGroups(input(people(...ids), { history, seed }));
      expectEveryoneOnce(result, ids);
      expect(result.repeats).toBe(0);
    }
  });

  it('finds round 31 for 40 people after 30 rounds of a round robin', () => {
    const ids = named(40);
    const history = roundRobin(ids)
      .slice(0, 30)
      .map((groups, i) => ({ round: i + 1, groups }));
    const baselineRepeats = SEEDS.map((seed) => shuffleThenGreedy(input(people(...ids), { history, seed })).repeats);
    expect(Math.max(...baselineRepeats)).toBeGreaterThan(0);
    for (const seed of SEEDS) expect(matchGroups(input(people(...ids), { history, seed })).repeats).toBe(0);
  });
});
