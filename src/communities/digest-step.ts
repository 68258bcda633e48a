// A community's weekly step: build the week's digest, post it (or the quiet-week line) once, and after eight
// quiet weeks ask the owner the framework's reviewing questions.
import { DateTime } from 'luxon';
import type { Sql } from '../store/db';
import { markReviewAsked, type Community } from '../store/communities';
import { anyActivityIn, digestSections, type DigestScope } from '../store/digest';
import { enqueueOnce, type KeyedMessage } from '../store/outbox';
import { digestCard, quietWeekCard } from './cards/digest-card';
import { reviewCard } from './cards/review-card';
import { buildDigest, isQuietWeek, type Digest } from './digest-content';
import { daysOfWeekFrom, QUIET_WEEKS_BEFORE_REVIEW, weekEndingAt } from './digest-time';
import { communityStream } from './ids';
import { toChannel } from './service/context';

export function scopeOf(community: Community): DigestScope {
  return { tenant: community.tenant, tags: community.tags, channel: community.place.channel };
}

/** The digest of the week ending at `slot`: what the step posts, and what the benchmark times. */
export async function composeDigest(q: Sql, community: Community, slot: Date): Promise<Digest> {
  const { timeZone } = community.digest;
  const sections = await digestSections(q, scopeOf(community), weekEndingAt(slot, timeZone), daysOfWeekFrom(slot, timeZone).weekEnd);
  return buildDigest(sections);
}

/** Eight weeks old, eight weeks without activity, and not asked in the last eight weeks. */
async function reviewDue(q: Sql, community: Community, slot: Date): Promise<boolean> {
  const quietSince = DateTime.fromJSDate(slot, { zone: community.digest.timeZone }).minus({ weeks: QUIET_WEEKS_BEFORE_REVIEW }).toJSDate();
  if (community.createdAt > quietSince) return false;
  if (community.reviewAskedAt !== undefined && community.reviewAskedAt > quietSince) return false;
  return !(await anyActivityIn(q, scopeOf(community), { from: quietSince, to: slot }));
}

/** Writes the week's messages to the community's stream; true when there is something to deliver. */
export async function runDigest(tx: Sql, community: Community, slot: Date, now: Date): Promise<boolean> {
  const digest = await composeDigest(tx, community, slot);
  const quiet = isQuietWeek(digest);
  const about = { name: community.name, tags: community.tags, timeZone: community.digest.timeZone, slot };
  const stream = communityStream(community.id);
  const week = slot.toISOString();
  const messages: KeyedMessage[] = [
    { dedupeKey: `${stream}:digest:${week}`, message: toChannel(community, quiet ? quietWeekCard(about) : digestCard({ ...about, digest })) },
  ];
  if (quiet && (await reviewDue(tx, community, slot))) {
    const card = reviewCard({ id: community.id, name: community.name, tags: community.tags, channel: community.place.channel, weeks: QUIET_WEEKS_BEFORE_REVIEW });
    messages.push({ dedupeKey: `${stream}:review:${week}`, message: { kind: 'send', to: { person: community.owner }, card } });
    // The slot, not the clock: a step caught up late still asks again exactly eight weeks on.
    await markReviewAsked(tx, community.id, slot);
  }
  await enqueueOnce(tx, stream, messages, now);
  return true;
}
