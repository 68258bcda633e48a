// What only a community's owner may do: change its tags, owner or digest time, and archive it.
import type { ServiceReply } from '../../core/command-service';
import type { Person } from '../../core/model';
import { archiveCommunity, setCommunityOwner, setCommunityTags, setDigestTime, type Community } from '../../store/communities';
import { enqueueOnce } from '../../store/outbox';
import {
  archivedCard,
  archivedNoteCard,
  digestTimeChangedCard,
  newOwnerCard,
  ownerChangedCard,
  sameOwnerCard,
  tagsChangedCard,
} from '../cards/replies';
import { nextSlot, type DigestTime } from '../digest-time';
import { communityStream } from '../ids';
import { inWords, toChannel, whisper, type CopContext } from './context';

export async function changeTags(ctx: CopContext, community: Community, tags: string[]): Promise<ServiceReply> {
  await setCommunityTags(ctx.tx, community.id, tags, ctx.now);
  return whisper(ctx, tagsChangedCard(inWords({ ...community, tags })));
}

export async function changeOwner(ctx: CopContext, community: Community, ownerId: string): Promise<ServiceReply> {
  const owner: Person = { platform: ctx.from.platform, tenant: ctx.from.tenant, id: ownerId };
  if (owner.id === community.owner.id) return whisper(ctx, sameOwnerCard(community.owner));
  await setCommunityOwner(ctx.tx, community.id, owner, ctx.now);
  const changed = inWords({ ...community, owner });
  const stream = communityStream(community.id);
  const message = { kind: 'send' as const, to: { person: owner }, card: newOwnerCard(changed, ctx.from) };
  await enqueueOnce(ctx.tx, stream, [{ dedupeKey: `${stream}:owner:${owner.id}:${ctx.now.toISOString()}`, message }], ctx.now);
  return { ...whisper(ctx, ownerChangedCard(changed)), streams: [stream] };
}

export async function changeDigestTime(
  ctx: CopContext,
  community: Community,
  chosen: { weekday: number; time: string; timeZone?: string },
): Promise<ServiceReply> {
  // Slots count from now, so moving the day never sends a digest for a week already past.
  const digest: DigestTime = {
    weekday: chosen.weekday,
    time: chosen.time,
    timeZone: chosen.timeZone ?? community.digest.timeZone,
    since: ctx.now.toISOString(),
  };
  await setDigestTime(ctx.tx, community.id, digest, ctx.now);
  return whisper(ctx, digestTimeChangedCard(inWords({ ...community, digest }), nextSlot(digest, ctx.now)));
}

export async function archive(ctx: CopContext, community: Community): Promise<ServiceReply> {
  await archiveCommunity(ctx.tx, community.id, ctx.now);
  const stream = communityStream(community.id);
  const note = toChannel(community, archivedNoteCard(community.name, ctx.from, community.tags));
  await enqueueOnce(ctx.tx, stream, [{ dedupeKey: `${stream}:archived`, message: note }], ctx.now);
  return { ...whisper(ctx, archivedCard(community.name)), streams: [stream] };
}
