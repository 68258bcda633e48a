// Each active community's weekly digest as a scheduled step: run once across replicas, and after downtime only
// the newest missed week is posted (a burst of stale digests helps nobody).
import type { ScheduledStep, ScheduleSource } from '../scheduler/schedule-source';
import type { Sql } from '../store/db';
import { activeCommunities, communityForStep } from '../store/communities';
import { runDigest } from './digest-step';
import { dueSlot } from './digest-time';
import { communityOfDigestJob, communityStream, digestJob } from './ids';

export function communityDigests(): ScheduleSource {
  return {
    name: 'digests',
    async due(q: Sql, now: Date): Promise<ScheduledStep[]> {
      return (await activeCommunities(q)).flatMap((c) => {
        const slot = dueSlot(c.digest, c.createdAt, now);
        return slot === undefined ? [] : [{ job: digestJob(c.id), slot }];
      });
    },
    async run(tx: Sql, step: ScheduledStep, now: Date): Promise<string[]> {
      const id = communityOfDigestJob(step.job);
      if (id === undefined) return [];
      // Locked, so an archive or a change of time never interleaves with the digest.
      const community = await communityForStep(tx, id);
      if (community?.status !== 'active') return [];
      // The schedule changed since the step was listed: that slot is no longer the community's.
      if (dueSlot(community.digest, community.createdAt, now)?.getTime() !== step.slot.getTime()) return [];
      return (await runDigest(tx, community, step.slot, now)) ? [communityStream(community.id)] : [];
    },
  };
}
