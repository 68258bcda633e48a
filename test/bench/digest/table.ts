// The bench's results as a table, and the verdict against the aim.
import type { Digest } from '../../../src/communities/digest-content';
import { percentile, type Timing } from './measure';

export const AIM_TOTAL_MS = 30_000;

const s = (ms: number): string => (ms / 1000).toFixed(2);
const ms = (n: number): string => n.toFixed(1);

export function formatTable(rows: Timing[]): string {
  const header = ['approach', 'all digests s', 'p50 ms', 'p95 ms', 'max ms'];
  const lines = rows.map((r) => [r.name, s(r.totalMs), ms(percentile(r.perDigestMs, 50)), ms(percentile(r.perDigestMs, 95)), ms(Math.max(...r.perDigestMs))]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

/** What an average digest held, so the figures can be judged against real content. */
export function contentLine(digests: Digest[]): string {
  const mean = (pick: (d: Digest) => number): string => (digests.reduce((n, d) => n + pick(d), 0) / Math.max(1, digests.length)).toFixed(1);
  return (
    `An average digest: ${mean((d) => d.counts.newLessons)} new lessons, ${mean((d) => d.counts.approvals)} approvals, ` +
    `${mean((d) => d.dueActions.length)} actions due or overdue, ${mean((d) => d.counts.feedback)} pieces of feedback, ` +
    `${mean((d) => d.contributors.length)} contributors.`
  );
}

export function verdict(mobilise: Timing, baseline: Timing): string {
  const aim = `aim: all ${mobilise.perDigestMs.length.toLocaleString('en-GB')} digests in under ${AIM_TOTAL_MS / 1000} s`;
  const ratio = mobilise.totalMs > 0 ? (baseline.totalMs / mobilise.totalMs).toFixed(1) : '-';
  return `${aim}: ${mobilise.totalMs < AIM_TOTAL_MS ? 'met' : 'not met'} - Mobilise ${s(mobilise.totalMs)} s, baseline ${s(baseline.totalMs)} s (${ratio}x)`;
}
