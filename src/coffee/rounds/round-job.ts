// The name of one step of one round, as the scheduler claims it: 'coffee:<programme>:<round>:<step>'.
import { z } from 'zod';
import type { RoundStepName } from '../schedule';

export type StepName = RoundStepName;

export interface RoundJob {
  programmeId: string;
  round: number;
  step: StepName;
}

const jobPattern = /^coffee:([0-9a-f-]{36}):(\d+):(match|reminder|feedback|summary)$/;
const stepSchema = z.enum(['match', 'reminder', 'feedback', 'summary']);

export function roundJobName(job: RoundJob): string {
  return `coffee:${job.programmeId}:${job.round}:${job.step}`;
}

export function readRoundJob(name: string): RoundJob | undefined {
  const m = jobPattern.exec(name);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { programmeId: m[1], round: Number(m[2]), step: stepSchema.parse(m[3]) };
}
