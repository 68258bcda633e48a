// /cop create: the channel becomes a community with a domain, an owner and a weekly digest.
import { randomUUID } from 'node:crypto';
import type { ServiceReply } from '../../core/command-service';
import { organisationOf } from '../../core/organisation';
import { activeCommunityAt, insertCommunity, type Community } from '../../store/communities';
import { enqueueOnce } from '../../store/outbox';
import { alreadyCommunityCard, announcementCard, createdCard } from '../cards/replies';
import { DEFAULT_DIGEST_TIME, nextSlot } from '../digest-time';
import { communityStream } from '../ids';
import { channelKey, channelOf, inWords, toChannel, whisper, type CopContext } from './context';

export async function create(ctx: CopContext, name: string, tags: string[]): Promise<ServiceReply> {
  const key = channelKey(ctx.event.place);
  const existing = await activeCommunityAt(ctx.tx, key);
  if (existing) return whisper(ctx, alreadyCommunityCard(inWords(existing)));
  const community: Community = {
    id: randomUUID(),
    tenant: organisationOf(ctx.event),
    place: channelOf(ctx.event.place),
    name,
    tags,
    owner: ctx.from,
    coOwners: [],
    digest: { ...DEFAULT_DIGEST_TIME, since: ctx.now.toISOString() },
    status: 'active',
    createdAt: ctx.now,
  };
  if (!(await insertCommunity(ctx.tx, { ...community, placeKey: key }, ctx.now))) {
    // Someone else created one a moment ago.
    const winner = await activeCommunityAt(ctx.tx, key);
    return winner ? whisper(ctx, alreadyCommunityCard(inWords(winner))) : whisper(ctx);
  }
  const next = nextSlot(community.digest, ctx.now);
  const stream = communityStream(community.id);
  await enqueueOnce(ctx.tx, stream, [{ dedupeKey: `${stream}:created`, message: toChannel(community, announcementCard(inWords(community), next)) }], ctx.now);
  return { ...whisper(ctx, createdCard(inWords(community), next)), streams: [stream] };
}
