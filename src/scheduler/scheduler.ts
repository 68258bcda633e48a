// Runs every feature's due steps once across all replicas: a step's claim and its writes commit together.
import { schedule, type ScheduledTask } from 'node-cron';
import type { Clock } from '../engine/clock';
import { errorText, type Logger } from '../log';
import type { Db } from '../store/db';
import { claimedSteps, claimStep, stepKey } from '../store/job-claims';
import { cronLogger } from './cron-logger';
import type { ScheduledStep, ScheduleSource } from './schedule-source';

export const DEFAULT_SCHEDULER_CRON = '* * * * *';

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  sources: ScheduleSource[];
  /** Names this process in job_claims.claimed_by, for whoever reads the table. */
  replica: string;
  /** Sends what a step wrote to the outbox, after its transaction committed. */
  deliver: (streams: string[]) => Promise<void>;
}

interface DueStep {
  source: ScheduleSource;
  step: ScheduledStep;
}

export class Scheduler {
  private task?: ScheduledTask;
  private running?: Promise<number>;

  constructor(private readonly deps: SchedulerDeps) {}

  /**
   * Runs the steps due at clock() that no one has claimed; returns how many this replica ran.
   * Never rejects: a failure is logged and the step, unclaimed, is retried by a later tick.
   */
  tick(): Promise<number> {
    // Skip rather than queue: the tick under way already runs what is due, and since sources report every
    // unclaimed past slot, whatever it misses the next tick finds; queued ticks would pile up behind a slow one.
    if (this.running) return Promise.resolve(0);
    const running = this.runDue()
      .catch((err: unknown) => {
        // Only the clock or a bug gets here: sources, claims and steps log their own failures.
        this.deps.log.error('scheduler tick failed', { error: errorText(err) });
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = running;
    return running;
  }

  /** Ticks on a cron expression (node-cron, seconds optional), and once at once to catch up after downtime. */
  start(cronExpression = DEFAULT_SCHEDULER_CRON): void {
    if (this.task) throw new Error('the scheduler is already started');
    this.task = schedule(cronExpression, () => this.tick(), {
      name: `mobilise-scheduler:${this.deps.replica}`,
      logger: cronLogger(this.deps.log),
    });
    void this.tick();
  }

  /** Stops ticking and waits for a tick under way to finish. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = undefined;
    // destroy() also drops the task from node-cron's process-wide registry.
    if (task) await task.destroy();
    await this.running;
  }

  private async runDue(): Promise<number> {
    const now = this.deps.clock();
    const due = await this.dueSteps(now);
    if (due.length === 0) return 0;
    let claimed: Set<string>;
    try {
      claimed = await claimedSteps(this.deps.db, due.map((d) => d.step));
    } catch (err) {
      this.deps.log.error('scheduler could not read claims', { error: errorText(err) });
      return 0;
    }
    let ran = 0;
    // One at a time, in slot order, so a round's earlier step commits before its later ones start.
    for (const d of due) {
      if (claimed.has(stepKey(d.step))) continue;
      if (await this.runStep(d, now)) ran += 1;
    }
    return ran;
  }

  /** Every source's due steps, each (job, slot) once, earliest slot first. */
  private async dueSteps(now: Date): Promise<DueStep[]> {
    const byKey = new Map<string, DueStep>();
    for (const source of this.deps.sources) {
      let steps: ScheduledStep[];
      try {
        steps = await source.due(this.deps.db, now);
      } catch (err) {
        this.deps.log.error('schedule source failed to list due steps', { source: source.name, error: errorText(err) });
        continue;
      }
      for (const step of steps) {
        const slot = step.slot.getTime();
        if (Number.isNaN(slot) || slot > now.getTime()) {
          // A source bug; running a future step early could never be undone.
          this.deps.log.warn('schedule source reported a step that is not due', { source: source.name, job: step.job });
          continue;
        }
        const key = stepKey(step);
        if (!byKey.has(key)) byKey.set(key, { source, step });
      }
    }
    return [...byKey.values()].sort((a, b) => a.step.slot.getTime() - b.step.slot.getTime());
  }

  /** True when this replica won the claim and the step committed. */
  private async runStep({ source, step }: DueStep, now: Date): Promise<boolean> {
    const fields = { source: source.name, job: step.job, slot: step.slot.toISOString() };
    let streams: string[] | undefined;
    try {
      streams = await this.deps.db.transaction(async (tx) => {
        // Waits while another replica holds an uncommitted claim on this step; loses if that one commits.
        if (!(await claimStep(tx, step, this.deps.replica, now))) return undefined;
        return source.run(tx, step, now);
      });
    } catch (err) {
      this.deps.log.error('scheduled step failed; a later tick retries it', { ...fields, error: errorText(err) });
      return false;
    }
    if (!streams) {
      this.deps.log.debug('scheduled step was run by another replica', fields);
      return false;
    }
    this.deps.log.info('scheduled step ran', fields);
    const unique = [...new Set(streams)];
    if (unique.length === 0) return true;
    try {
      await this.deps.deliver(unique);
    } catch (err) {
      // The messages are safe in the outbox; the delivery sweep sends them later.
      this.deps.log.warn('delivery after a scheduled step failed', { ...fields, error: errorText(err) });
    }
    return true;
  }
}
