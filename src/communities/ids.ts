// Action ids of the communities' buttons; the 'cop:' prefix routes them to copService.

export const COP_PREFIX = 'cop:';

export const REVIEW_ACTIONS = {
  keep: 'cop:review:keep',
  evolve: 'cop:review:evolve',
  archive: 'cop:review:archive',
} as const;

/** The outbox stream of a community: its channel posts and its owner's messages, in order. */
export function communityStream(communityId: string): string {
  return `cop:${communityId}`;
}

/** The scheduled step of a community's weekly digest; its slot is the digest time. */
export function digestJob(communityId: string): string {
  return `cop:${communityId}:digest`;
}

const DIGEST_JOB = /^cop:([0-9a-f-]{36}):digest$/;

export function communityOfDigestJob(job: string): string | undefined {
  return DIGEST_JOB.exec(job)?.[1];
}
