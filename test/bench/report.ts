// Results of the ack bench: the table, the failures and the verdict against the aim.
import { summarise, type LatencySummary } from './latency';

export interface Measured {
  target: 'floor' | 'mobilise';
  concurrency: number;
  latenciesMs: number[];
  outcomes: Record<string, number>;
  /** Untimed requests sent first to open every keep-alive socket (included in outcomes). */
  primed: number;
  wallMs: number;
  /** Mobilise only: time for its background work to finish after its rounds. */
  drainMs?: number;
}

export const AIM_CONCURRENCY = 100;
export const AIM_P99_MS = 100;
export const AIM_RATIO = 2;

export function sent(m: Measured): number {
  return Object.values(m.outcomes).reduce((a, b) => a + b, 0);
}

/** Requests whose time was measured. */
export function timed(m: Measured): number {
  return sent(m) - m.primed;
}

export function failures(m: Measured): number {
  return sent(m) - (m.outcomes['200'] ?? 0);
}

const ms = (n: number): string => (Number.isNaN(n) ? '-' : n.toFixed(1));

export function formatTable(rows: Measured[]): string {
  const floorP99 = new Map<number, number>();
  const summaries = new Map<Measured, LatencySummary>();
  for (const row of rows) {
    const s = summarise(row.latenciesMs);
    summaries.set(row, s);
    if (row.target === 'floor') floorP99.set(row.concurrency, s.p99);
  }
  const header = ['target', 'concurrency', 'requests', 'not 200', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'p99 / floor', 'drain s'];
  const lines = rows.map((row) => {
    const s = summaries.get(row) ?? summarise([]);
    const floor = floorP99.get(row.concurrency);
    const ratio = row.target !== 'mobilise' ? '' : floor !== undefined && floor > 0 && !Number.isNaN(s.p99) ? `${(s.p99 / floor).toFixed(2)}x` : '-';
    const perSecond = row.wallMs > 0 ? (timed(row) / (row.wallMs / 1000)).toFixed(0) : '-';
    const drain = row.drainMs === undefined ? '' : (row.drainMs / 1000).toFixed(1);
    return [row.target, String(row.concurrency), String(timed(row)), String(failures(row)), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), perSecond, ratio, drain];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const legend = 'requests: timed ones; not 200 also counts the untimed requests that open the connections; drain s: wait for follow-up work after the rounds';
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render), legend].join('\n');
}

/** Non-200 outcomes, one line per target and concurrency that had any. */
export function failureLines(rows: Measured[]): string[] {
  return rows
    .filter((row) => failures(row) > 0)
    .map((row) => {
      const other = Object.entries(row.outcomes)
        .filter(([outcome]) => outcome !== '200')
        .map(([outcome, n]) => `${n} x ${outcome}`)
        .join(', ');
      return `${row.target} at ${row.concurrency} concurrent: ${other}`;
    });
}

export function verdict(rows: Measured[]): string {
  const aim = `aim: p99 < ${AIM_P99_MS} ms at ${AIM_CONCURRENCY} concurrent and within ${AIM_RATIO}x of the floor`;
  const at = (target: Measured['target']): Measured | undefined =>
    rows.find((r) => r.target === target && r.concurrency === AIM_CONCURRENCY);
  const mobilise = at('mobilise');
  const floor = at('floor');
  if (!mobilise || !floor) return `${aim}: not measured (include ${AIM_CONCURRENCY} in --concurrency)`;
  const p99 = summarise(mobilise.latenciesMs).p99;
  const floorP99 = summarise(floor.latenciesMs).p99;
  const underLimit = p99 < AIM_P99_MS;
  const nearFloor = p99 <= AIM_RATIO * floorP99;
  const met = underLimit && nearFloor && failures(mobilise) === 0;
  const detail = `p99 ${ms(p99)} ms vs floor ${ms(floorP99)} ms (${(p99 / floorP99).toFixed(2)}x)`;
  return `${aim}: ${met ? 'met' : 'not met'} - ${detail}`;
}
