// npm run bench:pairing: Mobilise's coffee matcher vs shuffle-then-greedy, on big programmes and small dense ones.
import { performance } from 'node:perf_hooks';
import { measure, type Row } from './pairing/measure';
import { buildProgramme, type ProgrammeSpec } from './pairing/programmes';
import { formatTable, missedAims } from './pairing/table';

const SPECS: ProgrammeSpec[] = [
  { name: '1,000 pairs after 12 rounds', people: 1_000, rounds: 12, groupSize: 2, history: 'own', missed: 0.05, seeds: 10 },
  { name: '10,000 pairs after 12 rounds', people: 10_000, rounds: 12, groupSize: 2, history: 'own', missed: 0.05, seeds: 5 },
  { name: '100,000 pairs after 12 rounds', people: 100_000, rounds: 12, groupSize: 2, history: 'own', missed: 0.05, seeds: 3 },
  { name: '100,001 (one trio) after 12 rounds', people: 100_001, rounds: 12, groupSize: 2, history: 'own', missed: 0.05, seeds: 1 },
  { name: '40 pairs after 30 rounds', people: 40, rounds: 30, groupSize: 2, history: 'own', missed: 0, seeds: 50 },
  { name: '40 pairs after 30 rounds (round robin)', people: 40, rounds: 30, groupSize: 2, history: 'round-robin', missed: 0, seeds: 50 },
  { name: '40 pairs after 36 rounds', people: 40, rounds: 36, groupSize: 2, history: 'own', missed: 0, seeds: 50 },
  { name: '12 pairs after 9 rounds', people: 12, rounds: 9, groupSize: 2, history: 'own', missed: 0, seeds: 50 },
  { name: '12 pairs after 9 rounds (round robin)', people: 12, rounds: 9, groupSize: 2, history: 'round-robin', missed: 0, seeds: 50 },
  { name: '41 (one trio) after 30 rounds', people: 41, rounds: 30, groupSize: 2, history: 'own', missed: 0, seeds: 50 },
  { name: '41 (one trio) after 36 rounds', people: 41, rounds: 36, groupSize: 2, history: 'own', missed: 0, seeds: 50 },
  { name: '36 trios after 10 rounds', people: 36, rounds: 10, groupSize: 3, history: 'own', missed: 0, seeds: 20 },
  { name: '36 trios after 14 rounds', people: 36, rounds: 14, groupSize: 3, history: 'own', missed: 0, seeds: 20 },
  { name: '38 trios and pairs after 10 rounds', people: 38, rounds: 10, groupSize: 3, history: 'own', missed: 0, seeds: 20 },
  { name: '10,000 trios after 12 rounds', people: 10_000, rounds: 12, groupSize: 3, history: 'own', missed: 0.05, seeds: 3 },
];

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function main(): number {
  const started = performance.now();
  const rows: Row[] = [];
  for (const spec of SPECS) {
    const built = performance.now();
    const programme = buildProgramme(spec);
    progress(`bench:pairing: ${spec.name}: history built in ${((performance.now() - built) / 1000).toFixed(1)} s; measuring ${spec.seeds} seed(s)`);
    rows.push(measure(programme));
  }
  process.stdout.write(`${formatTable(rows)}\n`);
  const missed = missedAims(rows);
  process.stdout.write(
    missed.length === 0
      ? `\nAll aims met: no avoidable repeats; 10,000 people under 1 s; 100,000 under 10 s. (${((performance.now() - started) / 1000).toFixed(0)} s in all)\n`
      : `\nAims missed:\n${missed.map((m) => `  - ${m}`).join('\n')}\n`,
  );
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = main();
