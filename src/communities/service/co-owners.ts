// Co-owners: people who look after a community beside its lead, with the same rights (approving its lessons among them).
import type { ServiceReply } from '../../core/command-service';
import type { Person } from '../../core/model';
import { addCoOwner, removeCoOwner, type Community } from '../../store/communities';
import { enqueueOnce } from '../../store/outbox';
import { alreadyCoOwnerCard, coOwnerAddedCard, coOwnerRemovedCard, newCoOwnerCard, notCoOwnerCard } from '../cards/replies';
import { communityStream } from '../ids';
import { inWords, isOwner, whisper, type CopContext } from './context';

export async function addCoOwnerTo(ctx: CopContext, community: Community, personId: string): Promise<ServiceReply> {
  // The mention is read in the organisation the command came from, like /cop owner.
  const person: Person = { platform: ctx.from.platform, tenant: ctx.from.tenant, id: personId };
  if (isOwner(community, person)) return whisper(ctx, alreadyCoOwnerCard(person));
  await addCoOwner(ctx.tx, community.id, person, ctx.now);
  const added = inWords({ ...community, coOwners: [...community.coOwners, person] });
  const stream = communityStream(community.id);
  const message = { kind: 'send' as const, to: { person }, card: newCoOwnerCard(added, ctx.from) };
  await enqueueOnce(ctx.tx, stream, [{ dedupeKey: `${stream}:co-owner:${person.id}:${ctx.now.toISOString()}`, message }], ctx.now);
  return { ...whisper(ctx, coOwnerAddedCard(added, person)), streams: [stream] };
}

export async function removeCoOwnerOf(ctx: CopContext, community: Community, personId: string): Promise<ServiceReply> {
  const person: Person = { platform: ctx.from.platform, tenant: ctx.from.tenant, id: personId };
  if (!(await removeCoOwner(ctx.tx, community.id, personId))) return whisper(ctx, notCoOwnerCard(person, community.owner));
  return whisper(ctx, coOwnerRemovedCard(inWords({ ...community, coOwners: community.coOwners.filter((co) => co.id !== personId) }), person));
}
