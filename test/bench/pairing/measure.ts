// One bench row: time and avoidable repeats for Mobilise's matcher and for shuffle-then-greedy, over the same seeds.
import { performance } from 'node:perf_hooks';
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import { fewestPossibleRepeats } from '../../../src/coffee/matching/minimum';
import type { MatchInput, MatchResult } from '../../../src/coffee/matching/types';
import type { Programme } from './programmes';
import { shuffleThenGreedy } from './shuffle-then-greedy';

export interface Side {
  meanMs: number;
  maxMs: number;
  /** Repeats above the proven minimum, per seed. */
  avoidable: number[];
}

export interface Row {
  name: string;
  people: number;
  seeds: number;
  /** The proven fewest repeats, or undefined when the trio search could not prove it in its budget. */
  minimum: number | undefined;
  mobilise: Side;
  baseline: Side;
}

export function measure(programme: Programme): Row {
  const runs = (match: (input: MatchInput) => MatchResult): { ms: number[]; repeats: number[] } => {
    const ms: number[] = [];
    const repeats: number[] = [];
    for (const seed of programme.seeds) {
      const started = performance.now();
      const result = match({ ...programme.input, seed });
      ms.push(performance.now() - started);
      repeats.push(result.repeats);
    }
    return { ms, repeats };
  };
  const mobilise = runs(matchGroups);
  const baseline = runs(shuffleThenGreedy);
  const best = Math.min(...mobilise.repeats, ...baseline.repeats);
  const minimum = fewestPossibleRepeats({ ...programme.input, seed: 1 }, best);
  const side = (r: { ms: number[]; repeats: number[] }): Side => ({
    meanMs: r.ms.reduce((a, b) => a + b, 0) / r.ms.length,
    maxMs: Math.max(...r.ms),
    avoidable: r.repeats.map((x) => (minimum === undefined ? Number.NaN : x - minimum)),
  });
  return {
    name: programme.name,
    people: programme.input.participants.length,
    seeds: programme.seeds.length,
    minimum,
    mobilise: side(mobilise),
    baseline: side(baseline),
  };
}
