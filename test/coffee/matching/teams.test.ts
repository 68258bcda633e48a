// "Prefer people from different teams": as many mixed groups as possible, never at the price of a repeat.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import type { MatchInput } from '../../../src/coffee/matching/types';
import { input, metOnce } from './support';

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 31 + 5);

function teamOf(participants: MatchInput['participants']): (id: string) => string | undefined {
  const teams = new Map(participants.map((p) => [p.id, p.team]));
  return (id) => teams.get(id);
}

describe('preferring different teams', () => {
  const twoTeams = ['Pharmacy', 'Theatres'].flatMap((team) => [1, 2, 3, 4].map((i) => ({ id: `${team[0]}${i}`, team })));

  it('mixes every pair when two teams of four meet', () => {
    const team = teamOf(twoTeams);
    for (const seed of SEEDS) {
      const result = matchGroups(input(twoTeams, { seed, preferDifferentTeams: true }));
      for (const [a = '', b = ''] of result.groups) expect(team(a)).not.toBe(team(b));
    }
  });

  it('does not care about teams unless asked (some seed pairs colleagues)', () => {
    const team = teamOf(twoTeams);
    const sameTeamPairs = SEEDS.map((seed) => matchGroups(input(twoTeams, { seed })).groups.filter(([a = '', b = '']) => team(a) === team(b)).length);
    expect(Math.max(...sameTeamPairs)).toBeGreaterThan(0);
  });

  it('keeps colleagues together rather than repeat a pairing', () => {
    // P1 has met both theatre staff, so P1 must pair with P2; mixing would cost a repeat.
    const participants = [
      { id: 'P1', team: 'Pharmacy' },
      { id: 'P2', team: 'Pharmacy' },
      { id: 'T1', team: 'Theatres' },
      { id: 'T2', team: 'Theatres' },
    ];
    const history = metOnce([
      ['P1', 'T1'],
      ['P1', 'T2'],
    ]);
    for (const seed of SEEDS) {
      const result = matchGroups(input(participants, { history, seed, preferDifferentTeams: true }));
      expect(result.repeats).toBe(0);
      expect(result.groups.map((g) => [...g].sort().join('+')).sort()).toEqual(['P1+P2', 'T1+T2']);
    }
  });

  it('mixes trios across three teams of three', () => {
    const participants = ['Estates', 'Finance', 'Maternity'].flatMap((team) => [1, 2, 3].map((i) => ({ id: `${team[0]}${i}`, team })));
    const team = teamOf(participants);
    for (const seed of SEEDS) {
      const result = matchGroups(input(participants, { seed, groupSize: 3, preferDifferentTeams: true }));
      for (const group of result.groups) expect(new Set(group.map(team)).size).toBe(3);
    }
  });
});
