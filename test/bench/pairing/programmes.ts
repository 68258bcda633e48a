// Bench programmes: people plus a history made the way production makes it, by the matcher itself, round after round.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import { createRandom } from '../../../src/coffee/matching/random';
import type { MatchInput, Participant, PastRound } from '../../../src/coffee/matching/types';

export interface Programme {
  name: string;
  /** Input for the round being measured, without its seed. */
  input: Omit<MatchInput, 'seed'>;
  /** Seeds to measure it with (more for small programmes, where one draw says little). */
  seeds: number[];
}

export interface ProgrammeSpec {
  name: string;
  people: number;
  rounds: number;
  groupSize: 2 | 3;
  /** 'own': each past round is Mobilise's own grouping; 'round-robin': the circle method (pairs, even only). */
  history: 'own' | 'round-robin';
  /** Share of past groups marked as not having met. */
  missed: number;
  seeds: number;
}

export function participants(count: number): Participant[] {
  return Array.from({ length: count }, (_, i) => ({ id: `U${String(i + 1).padStart(6, '0')}`, team: `Team ${i % 7}` }));
}

export function buildProgramme(spec: ProgrammeSpec): Programme {
  const people = participants(spec.people);
  const base = { participants: people, groupSize: spec.groupSize, windowRounds: null, oddOneOut: 'trio' as const };
  const random = createRandom(spec.people * 1000 + spec.rounds);
  const past = spec.history === 'round-robin' ? roundRobin(people.map((p) => p.id)).slice(0, spec.rounds) : [];
  const history: PastRound[] = [];
  for (let round = 1; round <= spec.rounds; round++) {
    const groups = past[round - 1] ?? matchGroups({ ...base, history, seed: 1_000_003 * round }).groups;
    history.push({ round, groups, met: groups.map(() => random.below(1000) >= spec.missed * 1000) });
  }
  return { name: spec.name, input: { ...base, history }, seeds: Array.from({ length: spec.seeds }, (_, i) => 7 + i * 7919) };
}

/** The circle method: 2k people, 2k-1 rounds, every pair exactly once, so later rounds always exist. */
function roundRobin(ids: readonly string[]): string[][][] {
  const [fixed = '', ...rest] = ids;
  return rest.map((_, r) => {
    const line = [fixed, ...rest.slice(r), ...rest.slice(0, r)];
    return Array.from({ length: line.length / 2 }, (_, i) => [line[i] ?? '', line[line.length - 1 - i] ?? '']);
  });
}
