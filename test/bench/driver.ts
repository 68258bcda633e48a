// Drives load through the worker, one target and round at a time, and keeps the tallies the verdict needs.
import { performance } from 'node:perf_hooks';
import { loadAnswerSchema } from './messages';
import { failures, sent, type Measured } from './report';
import { BENCH_SIGNING_SECRET, type MobiliseTarget, type Target } from './targets';
import type { WorkerChannel } from './worker-channel';

export const ROUND_DEADLINE_MS = 60_000;
export const REQUEST_TIMEOUT_MS = 10_000;
export const SETTLE_TIMEOUT_MS = 60_000;

export class Bench {
  expectedRuns = 0;
  sentTotal = 0;
  failedTotal = 0;
  private seq = 1;
  private settled = true;

  constructor(
    private readonly load: WorkerChannel,
    private readonly mobilise: MobiliseTarget,
  ) {}

  async drive(target: Target, concurrency: number, requests: number): Promise<Measured> {
    const job = {
      url: target.url,
      concurrency,
      requests,
      seqStart: this.seq,
      signingSecret: BENCH_SIGNING_SECRET,
      deadlineMs: ROUND_DEADLINE_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      prime: true,
    };
    this.seq += requests + concurrency;
    const answer = await this.load.ask(job, loadAnswerSchema, ROUND_DEADLINE_MS + REQUEST_TIMEOUT_MS + 10_000);
    if ('error' in answer) throw new Error(`load worker: ${answer.error}`);
    const measured: Measured = { target: target.name, concurrency, ...answer };
    this.sentTotal += sent(measured);
    this.failedTotal += failures(measured);
    if (target.name === 'mobilise') {
      this.expectedRuns += answer.outcomes['200'] ?? 0;
      // Let Mobilise's follow-up work finish, so the next round (floor or not) starts on a quiet process.
      const t0 = performance.now();
      this.settled = (await this.mobilise.settle(this.expectedRuns, SETTLE_TIMEOUT_MS)) && this.settled;
      measured.drainMs = performance.now() - t0;
    }
    return measured;
  }

  async settle(): Promise<boolean> {
    return (await this.mobilise.settle(this.expectedRuns, SETTLE_TIMEOUT_MS)) && this.settled;
  }
}

export function emptyRow(target: Measured['target'], concurrency: number): Measured {
  return { target, concurrency, latenciesMs: [], outcomes: {}, primed: 0, wallMs: 0 };
}

export function merge(into: Measured, from: Measured): void {
  for (const v of from.latenciesMs) into.latenciesMs.push(v);
  for (const [outcome, n] of Object.entries(from.outcomes)) into.outcomes[outcome] = (into.outcomes[outcome] ?? 0) + n;
  into.primed += from.primed;
  into.wallMs += from.wallMs;
  if (from.drainMs !== undefined) into.drainMs = (into.drainMs ?? 0) + from.drainMs;
}

