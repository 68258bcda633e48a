// npx tsx test/bench/journal.bench.ts: the spool journal's appends/s and latency, beside a bare append + fdatasync per write.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { createLogger } from '../../src/log';
import { Journal } from '../../src/spool/journal';
import { ArgsError, parseFlags, whole } from './args';
import { summarise } from './latency';

const CONCURRENCY = [1, 10, 100];
const AIM_PER_SECOND = 5000;
const AIM_P99_MS = 50;

const flagsSchema = z.object({
  seconds: whole('--seconds', 2, 600, 4),
  dir: z.string().min(1).optional(),
});

// About the size of a Slack thread reply once it is a neutral event.
const EVENT = {
  kind: 'reply',
  deliveryId: 'Ev0123456789ABCDEF',
  text: 'The printer queue on ward 7 stopped at 10:40; we moved the labels to the pharmacy printer until IT came. 🩺',
  from: { platform: 'slack', tenant: 'T0123456789', id: 'U0123456789', name: 'Sam Patel' },
  place: { platform: 'slack', tenant: 'T0123456789', channel: 'C0123456789', thread: '1764672000.123456' },
};

interface Row {
  target: 'append + fdatasync' | 'journal';
  concurrency: number;
  latencies: number[];
  wallMs: number;
  syncs?: number;
}

/** Runs `concurrency` callers, each doing one operation after another, for `seconds`. */
async function closedLoop(concurrency: number, seconds: number, op: (i: number) => Promise<void>): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let n = 0;
  const caller = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const t = performance.now();
      await op(n++);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { latencies, wallMs: performance.now() - started };
}

async function baseline(dir: string, concurrency: number, seconds: number): Promise<Row> {
  const handle = await open(path.join(dir, 'baseline.ndjson'), 'a');
  try {
    const run = await closedLoop(concurrency, seconds, async (i) => {
      await handle.appendFile(`${JSON.stringify({ s: i, v: EVENT })}\n`);
      await handle.datasync();
    });
    return { target: 'append + fdatasync', concurrency, ...run };
  } finally {
    await handle.close();
  }
}

async function journal(dir: string, concurrency: number, seconds: number): Promise<Row> {
  const { journal: j } = await Journal.open({ dir: path.join(dir, 'journal'), log: createLogger('warn') });
  try {
    // A drainer that keeps up: each entry is marked done as soon as it is on disk.
    const run = await closedLoop(concurrency, seconds, async () => {
      j.done(await j.append(EVENT));
    });
    return { target: 'journal', concurrency, ...run, syncs: j.syncs };
  } finally {
    await j.close();
  }
}

function merge(a: Row | undefined, b: Row | undefined): Row {
  if (!a || !b) throw new Error('a round is missing');
  const syncs = a.syncs === undefined || b.syncs === undefined ? undefined : a.syncs + b.syncs;
  return { ...a, latencies: [...a.latencies, ...b.latencies], wallMs: a.wallMs + b.wallMs, syncs };
}

const ms = (n: number): string => (Number.isNaN(n) ? '-' : n.toFixed(2));

function table(rows: Row[]): string {
  const header = ['target', 'concurrent', 'appends', 'appends/s', 'p50 ms', 'p99 ms', 'max ms', 'appends per sync'];
  const lines = rows.map((r) => {
    const s = summarise(r.latencies);
    const perSync = r.syncs === undefined ? '1' : r.syncs > 0 ? (s.count / r.syncs).toFixed(1) : '-';
    return [r.target, String(r.concurrency), String(s.count), (s.count / (r.wallMs / 1000)).toFixed(0), ms(s.p50), ms(s.p99), ms(s.max), perSync];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

function verdict(rows: Row[]): { met: boolean; line: string } {
  const aim = `aim: at least ${AIM_PER_SECOND} appends/s at 100 concurrent, p99 under ${AIM_P99_MS} ms`;
  const row = rows.find((r) => r.target === 'journal' && r.concurrency === 100);
  if (!row) return { met: false, line: `${aim}: not measured` };
  const s = summarise(row.latencies);
  const perSecond = s.count / (row.wallMs / 1000);
  const met = perSecond >= AIM_PER_SECOND && s.p99 < AIM_P99_MS;
  return { met, line: `${aim}: ${met ? 'met' : 'not met'} - ${perSecond.toFixed(0)} appends/s, p99 ${ms(s.p99)} ms` };
}

async function main(): Promise<number> {
  let flags: z.output<typeof flagsSchema>;
  try {
    flags = parseFlags(process.argv.slice(2), flagsSchema);
  } catch (err) {
    if (!(err instanceof ArgsError)) throw err;
    process.stderr.write(`bench:journal: ${err.message}\n`);
    return 2;
  }
  const base = await mkdtemp(path.join(flags.dir ?? tmpdir(), 'mobilise-journal-bench-'));
  process.stderr.write(`bench:journal: ${flags.seconds} s per target and level (two rounds), in ${base}\n`);
  const rows: Row[] = [];
  try {
    for (const concurrency of CONCURRENCY) {
      // Baseline, journal, journal, baseline: a machine that slows down mid-run hurts both alike.
      const halves: Row[] = [];
      for (const measure of [baseline, journal, journal, baseline]) {
        halves.push(await measure(await mkdtemp(path.join(base, `${concurrency}-`)), concurrency, flags.seconds / 2));
      }
      rows.push(merge(halves[0], halves[3]), merge(halves[1], halves[2]));
    }
  } finally {
    await rm(base, { recursive: true, force: true });
  }
  const { met, line } = verdict(rows);
  process.stdout.write(`${table(rows)}\n\n${line}\n`);
  return met ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench:journal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
