// The pairing bench's table and its verdict against the aims.
import type { Row, Side } from './measure';

export const AIMS = { avoidable: 0, ms10k: 1_000, ms100k: 10_000 };

const time = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

function avoidable(side: Side): string {
  if (side.avoidable.some(Number.isNaN)) return '?';
  const total = side.avoidable.reduce((a, b) => a + b, 0);
  return `${(total / side.avoidable.length).toFixed(2)} (max ${Math.max(...side.avoidable)})`;
}

export function formatTable(rows: Row[]): string {
  const header = ['programme', 'people', 'seeds', 'fewest', 'Mobilise time', 'Mobilise avoidable', 'shuffle+greedy time', 'shuffle+greedy avoidable'];
  const lines = rows.map((r) => [
    r.name,
    r.people.toLocaleString('en-GB'),
    String(r.seeds),
    r.minimum === undefined ? '?' : String(r.minimum),
    `${time(r.mobilise.meanMs)} (max ${time(r.mobilise.maxMs)})`,
    avoidable(r.mobilise),
    `${time(r.baseline.meanMs)} (max ${time(r.baseline.maxMs)})`,
    avoidable(r.baseline),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const legend = [
    'fewest: the proven minimum number of repeated pairs for that round (maximum matching; trio search for trios).',
    'avoidable: repeats above that minimum, mean over the seeds (and the worst seed). time: mean (and worst) per round.',
  ];
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render), '', ...legend].join('\n');
}

/** Lines saying which aims were missed; empty when all were met. */
export function missedAims(rows: Row[]): string[] {
  const missed: string[] = [];
  for (const r of rows) {
    const worst = Math.max(...r.mobilise.avoidable);
    if (Number.isNaN(worst)) missed.push(`${r.name}: the minimum could not be proven, so avoidable repeats are unknown`);
    else if (worst > AIMS.avoidable) missed.push(`${r.name}: Mobilise made ${worst} avoidable repeat(s) on its worst seed`);
    if (r.people >= 100_000 && r.mobilise.maxMs > AIMS.ms100k) missed.push(`${r.name}: took ${time(r.mobilise.maxMs)}, aim under 10 s`);
    else if (r.people >= 10_000 && r.people < 100_000 && r.mobilise.maxMs > AIMS.ms10k) missed.push(`${r.name}: took ${time(r.mobilise.maxMs)}, aim under 1 s`);
  }
  return missed;
}
