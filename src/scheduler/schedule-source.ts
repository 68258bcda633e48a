// What a feature gives the scheduler: which steps are due, and how to run one.
import type { Sql } from '../store/db';

/** One run of one step: `job` names it (e.g. 'coffee:<programme>:3:intro'), `slot` is when it was due. */
export interface ScheduledStep {
  job: string;
  slot: Date;
}

export interface ScheduleSource {
  name: string;
  /** Steps whose time has come (slot <= now), claimed or not; the scheduler skips the claimed ones. */
  due(q: Sql, now: Date): Promise<ScheduledStep[]>;
  /**
   * Runs a step inside the transaction that claimed it, so the claim and the step's writes commit together.
   * Returns the outbox streams it wrote to, delivered after commit.
   */
  run(tx: Sql, step: ScheduledStep, now: Date): Promise<string[]>;
}
