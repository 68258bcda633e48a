// Small builders and checks shared by the matcher tests.
import type { MatchInput, MatchResult, PastRound } from '../../../src/coffee/matching/types';

export function people(...ids: string[]): MatchInput['participants'] {
  return ids.map((id) => ({ id }));
}

export function named(count: number, prefix = 'P'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

/** One past round per listed group, numbered from 1, so every listed pair "has met". */
export function metOnce(groups: string[][]): PastRound[] {
  return groups.map((group, i) => ({ round: i + 1, groups: [group] }));
}

export function input(participants: MatchInput['participants'], extra: Partial<MatchInput> = {}): MatchInput {
  return { participants, history: [], groupSize: 2, windowRounds: null, seed: 1, ...extra };
}

/** Everyone appears exactly once, in a group or sitting out, and nobody else does. */
export function expectEveryoneOnce(result: MatchResult, ids: readonly string[]): void {
  const placed = [...result.groups.flat(), ...result.sittingOut];
  expect([...placed].sort()).toEqual([...ids].sort());
}

/** Pairs as sorted "a+b" strings, sorted, for order-free comparison. */
export function groupKeys(result: MatchResult): string[] {
  return result.groups.map((g) => [...g].sort().join('+')).sort();
}

/** The circle method: 2k people, 2k-1 rounds, every pair exactly once. */
export function roundRobin(ids: readonly string[]): string[][][] {
  const [fixed, ...rest] = ids;
  const rounds: string[][][] = [];
  for (let r = 0; r < rest.length; r++) {
    const spun = [...rest.slice(r), ...rest.slice(0, r)];
    const line = [fixed ?? '', ...spun];
    const round: string[][] = [];
    for (let i = 0; i < line.length / 2; i++) round.push([line[i] ?? '', line[line.length - 1 - i] ?? '']);
    rounds.push(round);
  }
  return rounds;
}
