// SQL for scheduled-step claims: the replica whose insert wins a (job, slot) runs that step, once.
import { z } from 'zod';
import type { ScheduledStep } from '../scheduler/schedule-source';
import type { Sql } from './db';

const claimRow = z.object({ job: z.string(), slot: z.date() });

/** One string per (job, slot), to compare steps in a Set. */
export function stepKey(step: ScheduledStep): string {
  return `${step.job}\u0000${step.slot.toISOString()}`;
}

/**
 * Claims a step inside the caller's transaction; true when this caller won. A rival's insert waits on an
 * uncommitted claim, then does nothing if it commits, or wins if it rolls back.
 */
export async function claimStep(tx: Sql, step: ScheduledStep, replica: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    'INSERT INTO job_claims (job, slot, claimed_by, claimed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING job',
    [step.job, step.slot, replica, now],
  );
  return rows.length === 1;
}

/** The keys (see stepKey) of those steps already claimed by a committed transaction, in one query. */
export async function claimedSteps(q: Sql, steps: readonly ScheduledStep[]): Promise<Set<string>> {
  if (steps.length === 0) return new Set();
  const rows = await q.query(
    `SELECT c.job, c.slot FROM job_claims c
     JOIN unnest($1::text[], $2::timestamptz[]) AS s(job, slot) ON c.job = s.job AND c.slot = s.slot`,
    [steps.map((s) => s.job), steps.map((s) => s.slot)],
  );
  return new Set(rows.map((row) => stepKey(claimRow.parse(row))));
}

/**
 * Forgets claims of slots before `olderThan`. Only safe for slots no source reports as due any more,
 * or those steps would run again.
 */
export async function pruneClaims(q: Sql, olderThan: Date): Promise<number> {
  const rows = await q.query('DELETE FROM job_claims WHERE slot < $1 RETURNING job', [olderThan]);
  return rows.length;
}
