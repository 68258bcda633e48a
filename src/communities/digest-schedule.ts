// STUB (replaced by the communities work): each community's weekly digest, as a scheduled step.
import type { ScheduleSource } from '../scheduler/schedule-source';

export function communityDigests(): ScheduleSource {
  return { name: 'digests', due: () => Promise.resolve([]), run: () => Promise.resolve([]) };
}
