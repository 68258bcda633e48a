// The search bench's table and its verdict against the aim.
import { summarise } from '../latency';
import type { KindResult } from './measure';

export const AIM_P95_MS = 50;

const ms = (n: number): string => (Number.isNaN(n) ? '-' : n.toFixed(1));
const ratio = (baseline: number, mobilise: number): string => (mobilise > 0 ? `${(baseline / mobilise).toFixed(1)}x` : '-');

export function formatTable(rows: KindResult[]): string {
  const header = ['query kind', 'matches', 'Mobilise p50', 'Mobilise p95', 'ILIKE p50', 'ILIKE p95', 'speed-up p50', 'speed-up p95'];
  const lines = rows.map((r) => {
    const m = summarise(r.mobiliseMs);
    const b = summarise(r.baselineMs);
    return [r.name, Math.round(r.meanMatches).toLocaleString('en-GB'), ms(m.p50), ms(m.p95), ms(b.p50), ms(b.p95), ratio(b.p50, m.p50), ratio(b.p95, m.p95)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const legend = [
    "Times in ms for one search of the largest organisation's lessons, top 5, from the client (nearest-rank percentiles).",
    "matches: mean number of that organisation's lessons that match the words (and tag).",
    'ILIKE: the same question as a substring scan of title, recommendation, observation and reason, newest first, unranked.',
  ];
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render), '', ...legend].join('\n');
}

/** Lines saying where the aim was missed, or Mobilise found nothing that the scan found; none when all is well. */
export function missedAims(rows: KindResult[]): string[] {
  const missed: string[] = [];
  for (const r of rows) {
    const p95 = summarise(r.mobiliseMs).p95;
    if (!(p95 < AIM_P95_MS)) missed.push(`${r.name}: Mobilise p95 ${ms(p95)} ms, aim under ${AIM_P95_MS} ms`);
    if (r.missed > 0) missed.push(`${r.name}: ${r.missed} search(es) where Mobilise found nothing and the ILIKE scan found lessons`);
  }
  return missed;
}
