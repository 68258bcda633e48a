// A tiny ScheduleSource for scheduler tests: its steps come from a list, and each run inserts a row into test_runs.
import { z } from 'zod';
import type { Logger } from '../../src/log';
import type { Sql } from '../../src/store/db';
import type { ScheduledStep, ScheduleSource } from '../../src/scheduler/schedule-source';

export const TEST_RUNS_TABLE = 'CREATE TABLE test_runs (id serial PRIMARY KEY, job text NOT NULL, slot timestamptz NOT NULL, replica text NOT NULL)';

const runRow = z.object({ job: z.string(), slot: z.date(), replica: z.string() });
export type TestRun = z.infer<typeof runRow>;

/** Every committed run, in the order the runs were inserted. */
export async function testRuns(q: Sql): Promise<TestRun[]> {
  const rows = await q.query('SELECT job, slot, replica FROM test_runs ORDER BY id');
  return rows.map((r) => runRow.parse(r));
}

export interface TestSourceOptions {
  name?: string;
  /** Recorded in test_runs, to tell which replica ran a step. */
  replica?: string;
  /** The whole schedule; due() reports the entries whose slot has come. Shared and mutable. */
  steps: ScheduledStep[];
  /** Jobs whose next run(s) throw after writing their row, so the row must roll back: job → times to fail. */
  failures?: Map<string, number>;
  /** Awaited inside run() after the row is written, to hold the transaction open. */
  hold?: (step: ScheduledStep) => Promise<void>;
}

export class TestSource implements ScheduleSource {
  readonly name: string;
  /** How many times run() was called (committed or not). */
  attempts = 0;

  constructor(private readonly opts: TestSourceOptions) {
    this.name = opts.name ?? 'test';
  }

  async due(_q: Sql, now: Date): Promise<ScheduledStep[]> {
    return this.opts.steps.filter((s) => s.slot.getTime() <= now.getTime());
  }

  async run(tx: Sql, step: ScheduledStep): Promise<string[]> {
    this.attempts += 1;
    await tx.query('INSERT INTO test_runs (job, slot, replica) VALUES ($1, $2, $3)', [step.job, step.slot, this.opts.replica ?? 'r1']);
    await this.opts.hold?.(step);
    const left = this.opts.failures?.get(step.job) ?? 0;
    if (left > 0) {
      this.opts.failures?.set(step.job, left - 1);
      throw new Error(`${step.job} failed on purpose`);
    }
    return [`stream:${step.job}`];
  }
}

export interface LogEntry {
  level: string;
  msg: string;
  fields?: Record<string, unknown>;
}

/** A Logger that keeps its entries for assertions. */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    entries.push({ level, msg, fields });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A promise with its resolve and reject exposed, to let a test decide when a step finishes. */
export function gate(): { promise: Promise<void>; open(): void; fail(err: Error): void } {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}
