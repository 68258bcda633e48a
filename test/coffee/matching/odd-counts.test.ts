// Odd numbers: one trio that respects history, or one person sitting out in a fair rotation.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import type { MatchInput, PastRound } from '../../../src/coffee/matching/types';
import { expectEveryoneOnce, groupKeys, input, metOnce, named, people } from './support';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 100);

describe('an odd one out makes a trio', () => {
  it('puts three people who are all new to each other together (the only such trio)', () => {
    // Allowed: the triangle E-F-G, A-B, C-D, and A-E. A maximum matching may leave B free, whose only new partner is A.
    const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const allowed = new Set(['A|B', 'C|D', 'E|F', 'F|G', 'E|G', 'A|E']);
    const met: string[][] = [];
    ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => allowed.has(`${a}|${b}`) || met.push([a, b])));
    for (const seed of SEEDS) {
      const result = matchGroups(input(people(...ids), { history: metOnce(met), seed }));
      expect(result.repeats).toBe(0);
      expect(groupKeys(result)).toEqual(['A+B', 'C+D', 'E+F+G']);
    }
  });

  it('makes exactly one trio with 3, 5 and 9 people and no history', () => {
    for (const n of [3, 5, 9]) {
      const ids = named(n);
      const result = matchGroups(input(people(...ids)));
      expectEveryoneOnce(result, ids);
      expect(result.sittingOut).toEqual([]);
      expect(result.groups.filter((g) => g.length === 3)).toHaveLength(1);
      expect(result.groups.filter((g) => g.length === 2)).toHaveLength((n - 3) / 2);
    }
  });
});

describe('an odd one out sits out, in rotation', () => {
  const sitOut = (ids: string[], history: PastRound[], seed: number, extra: Partial<MatchInput> = {}): ReturnType<typeof matchGroups> =>
    matchGroups(input(people(...ids), { history, seed, oddOneOut: 'sit-out', ...extra }));

  it('sits everyone out once before anyone twice, and never last round’s sitter', () => {
    const ids = named(9);
    const history: PastRound[] = [];
    for (let round = 1; round <= 18; round++) {
      const result = sitOut(ids, history, round, { windowRounds: 3 });
      expectEveryoneOnce(result, ids);
      expect(result.sittingOut).toHaveLength(1);
      expect(result.repeats).toBe(0);
      history.push({ round, groups: result.groups, sittingOut: result.sittingOut });
    }
    const sitters = history.map((r) => r.sittingOut?.[0] ?? '');
    expect(new Set(sitters.slice(0, 9)).size).toBe(9);
    expect(new Set(sitters.slice(9, 18)).size).toBe(9);
    for (let i = 1; i < sitters.length; i++) expect(sitters[i]).not.toBe(sitters[i - 1]);
  });

  it('picks whoever sat out longest ago, never the latest sitter', () => {
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const history: PastRound[] = ['A', 'B', 'C', 'D', 'E'].map((id, i) => ({ round: i + 1, groups: [], sittingOut: [id] }));
    for (const seed of SEEDS) expect(sitOut(ids, history, seed).sittingOut).toEqual(['A']);
    const withNewcomer = [...ids, 'F', 'G'];
    for (const seed of SEEDS) expect(sitOut(withNewcomer, history, seed).sittingOut[0]).toMatch(/^[FG]$/);
  });

  it('lets last round’s sitter in even when they sat out least often', () => {
    // C sat out in the latest round (3); A and B never have, so one of them goes, whatever the seed.
    const history: PastRound[] = [{ round: 3, groups: [['A', 'B']], sittingOut: ['C'] }];
    for (const seed of SEEDS) {
      const result = sitOut(['A', 'B', 'C'], history, seed);
      expect(result.sittingOut).not.toContain('C');
    }
  });

  it('never sits out last round’s sitter again, even when that would have avoided a repeat', () => {
    // C has met A and B; A and B did not manage to meet in round 3, while C sat out. C still plays.
    const history: PastRound[] = [
      { round: 1, groups: [['A', 'C']], sittingOut: ['B'] },
      { round: 2, groups: [['B', 'C']], sittingOut: ['A'] },
      { round: 3, groups: [['A', 'B']], met: [false], sittingOut: ['C'] },
    ];
    for (const seed of SEEDS) {
      const result = sitOut(['A', 'B', 'C'], history, seed);
      expect(result.sittingOut).not.toContain('C');
      expect(result.repeats).toBe(1);
    }
  });

  it('passes over someone in the rotation when their sitting out would force a repeat', () => {
    // A and B have met: if C sat out, A and B would repeat, so A or B sits out, for every seed.
    const history = metOnce([['A', 'B']]);
    const sitters = new Set<string>();
    for (const seed of SEEDS) {
      const result = sitOut(['A', 'B', 'C'], history, seed);
      expect(result.repeats).toBe(0);
      sitters.add(result.sittingOut[0] ?? '');
    }
    expect([...sitters].sort()).toEqual(['A', 'B']);
  });

  it('rotates sitters in trios-only programmes too, leaving the latest sitters in', () => {
    const history: PastRound[] = [
      { round: 1, groups: [['C', 'D', 'E']], sittingOut: ['A', 'B'] },
      { round: 2, groups: [['A', 'B', 'E']], sittingOut: ['C', 'D'] },
    ];
    for (const seed of SEEDS) {
      const result = sitOut(['A', 'B', 'C', 'D', 'E'], history, seed, { groupSize: 3, windowRounds: 1 });
      expect(result.sittingOut).toHaveLength(2);
      expect(result.sittingOut).toContain('E');
      expect(result.sittingOut.filter((id) => id === 'C' || id === 'D')).toEqual([]);
    }
  });
});
