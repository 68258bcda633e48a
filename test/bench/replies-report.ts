// Results of bench:replies: the table, the commit series and one verdict line per aim.
import type { CommitFigures, SettleOutcome } from './commit-counter';
import { summarise } from './latency';
import type { ReplyResult } from './reply-messages';

export const AIM_COMMITTED_PER_SECOND = 500;
export const AIM_FLAT_WITHIN = 0.25;
export const AIM_P99_MS = 100;
export const AIM_RSS_MB = 300;

export interface Commits extends CommitFigures {
  outcome: SettleOutcome;
  /** Acked but not committed when the bench stopped waiting (and, if it had to, restarted Mobilise). */
  notCommitted: number;
}

export interface ReplyRow {
  target: 'floor' | 'mobilise';
  phase: 'small' | 'large';
  /** Answers each review held when the window started, and about how many when it ended. */
  answersFrom: number;
  answersTo: number;
  concurrency: number;
  result: ReplyResult;
  commits?: Commits;
  maxRssMb?: number;
}

export const acked = (r: ReplyResult): number => r.outcomes['200'] ?? 0;
export const notAcked = (r: ReplyResult): number => Object.values(r.outcomes).reduce((a, b) => a + b, 0) - acked(r);

const fixed = (n: number | undefined, digits = 0): string => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));
const grouped = (n: number): string => Math.round(n).toLocaleString('en-GB');

export function ackedPerSecond(r: ReplyResult): number | undefined {
  const ms = r.endedAt - r.startedAt;
  return ms > 0 ? acked(r) / (ms / 1000) : undefined;
}

/** How many answers each review held as the window started and ended (the floor stores none). */
const answers = (row: ReplyRow): string => `${grouped(row.answersFrom)} -> ${grouped(row.answersTo)}`;

const p99Of = (row: ReplyRow): number => summarise(row.result.latenciesMs).p99;

function floorFor(rows: readonly ReplyRow[], row: ReplyRow): ReplyRow | undefined {
  return rows.find((r) => r.target === 'floor' && r.phase === row.phase);
}

export function formatTable(rows: readonly ReplyRow[]): string {
  const header = [
    'target', 'phase', 'answers/review', 'conc', 'acked', 'not 200', 'acked/s', 'committed', 'committed/s sending',
    'committed/s to last', 'p50 ms', 'p99 ms', 'p99/floor', 'lag s', 'max RSS MB',
  ];
  const lines = rows.map((row) => {
    const s = summarise(row.result.latenciesMs);
    const floor = row.target === 'mobilise' ? floorFor(rows, row) : undefined;
    const floorP99 = floor ? p99Of(floor) : Number.NaN;
    const c = row.commits;
    return [
      row.target,
      row.phase,
      row.target === 'mobilise' ? answers(row) : '',
      String(row.concurrency),
      grouped(acked(row.result)),
      grouped(notAcked(row.result)),
      fixed(ackedPerSecond(row.result)),
      c ? grouped(c.committed) : '',
      c ? fixed(c.whileSendingPerSecond) : '',
      c ? fixed(c.overallPerSecond) : '',
      fixed(s.p50, 1),
      fixed(s.p99, 1),
      row.target === 'mobilise' && floorP99 > 0 ? `${(s.p99 / floorP99).toFixed(2)}x` : '',
      c ? fixed(c.lagMs === undefined ? undefined : c.lagMs / 1000, 2) : '',
      row.maxRssMb === undefined ? '' : fixed(row.maxRssMb),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]): string =>
    cells.map((c, i) => (i <= 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

export const LEGEND = [
  'acked/s: 200s per second of sending; committed: replies whose delivery id Mobilise recorded (processed_deliveries);',
  'committed/s sending: committed by the last poll before the last ack, per second from the first send;',
  'committed/s to last: all committed, per second from the first send to the poll that saw the last commit;',
  'lag s: last ack to the poll that saw the last commit (polled every 0.25 s); max RSS: Mobilise, sampled every 0.25 s;',
  'answers/review: what each review held when the window started -> ended (about: committed / reviews).',
].join('\n');

/** One line per Mobilise row: how committed/s went, per 5 s from the first send, and what was left. */
export function seriesLines(rows: readonly ReplyRow[], bucketSeconds: number): string[] {
  return rows.flatMap((row) => {
    const c = row.commits;
    if (!c) return [];
    const series = c.series.map((n) => n.toFixed(0)).join(' ');
    const left = c.notCommitted > 0 ? `; ${grouped(c.notCommitted)} acked but never committed (the wait ended: ${c.outcome})` : '';
    return [`${row.phase} phase, committed/s per ${bucketSeconds} s: ${series || '-'}${left}`];
  });
}

function mobiliseRow(rows: readonly ReplyRow[], phase: ReplyRow['phase']): ReplyRow | undefined {
  return rows.find((r) => r.target === 'mobilise' && r.phase === phase);
}

export function verdictLines(rows: readonly ReplyRow[], peakRssMb: number, idleRssMb: number | undefined): string[] {
  const small = mobiliseRow(rows, 'small');
  const large = mobiliseRow(rows, 'large');
  const met = (ok: boolean): string => (ok ? 'met' : 'not met');
  const rate = (row: ReplyRow | undefined): number => row?.commits?.overallPerSecond ?? 0;
  const allIn = (row: ReplyRow | undefined): boolean => row?.commits?.notCommitted === 0 && notAcked(row.result) === 0;
  const label = (row: ReplyRow | undefined): string => (row ? `${row.phase} (${answers(row)} answers)` : 'not measured');

  const lines: string[] = [];
  const fast = rate(small) >= AIM_COMMITTED_PER_SECOND && rate(large) >= AIM_COMMITTED_PER_SECOND && allIn(small) && allIn(large);
  lines.push(
    `aim: >= ${AIM_COMMITTED_PER_SECOND} committed answers/s in both phases, every acked answer committed: ${met(fast)} - ` +
      `${label(small)}: ${fixed(rate(small))}/s, ${label(large)}: ${fixed(rate(large))}/s`,
  );
  const ratio = rate(small) > 0 ? rate(large) / rate(small) : Number.NaN;
  lines.push(
    `aim: committed/s flat as reviews grow (within +/-${AIM_FLAT_WITHIN * 100}%): ${met(Math.abs(ratio - 1) <= AIM_FLAT_WITHIN)} - ` +
      `large / small = ${fixed(ratio, 2)}`,
  );
  const p99s = [small, large].map((row) => (row ? p99Of(row) : Number.NaN));
  const detail = [small, large]
    .map((row, i) => {
      const floor = row && floorFor(rows, row);
      const floorP99 = floor ? p99Of(floor) : Number.NaN;
      return `${label(row)}: ${fixed(p99s[i], 1)} ms vs floor ${fixed(floorP99, 1)} ms (${fixed((p99s[i] ?? Number.NaN) / floorP99, 2)}x)`;
    })
    .join(', ');
  lines.push(`aim: p99 ack < ${AIM_P99_MS} ms in both phases: ${met(p99s.every((p) => p < AIM_P99_MS))} - ${detail}`);
  lines.push(
    `aim: Mobilise RSS < ${AIM_RSS_MB} MB throughout: ${met(peakRssMb > 0 && peakRssMb < AIM_RSS_MB)} - ` +
      `peak ${fixed(peakRssMb)} MB, idle ${fixed(idleRssMb)} MB`,
  );
  return lines;
}
