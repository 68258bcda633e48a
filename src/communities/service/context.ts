// What every /cop handler gets, and the small helpers they share.
import type { Card } from '../../core/card';
import { whisperReply, type ServiceReply } from '../../core/command-service';
import type { Outgoing } from '../../core/flow';
import { samePerson, type Inbound, type Person } from '../../core/model';
import type { Sql } from '../../store/db';
import type { Community } from '../../store/communities';
import { channelRefusedCard, type CommunityInWords } from '../cards/replies';

export type CopEvent = Extract<Inbound, { kind: 'command' | 'action' }>;

export interface CopContext {
  tx: Sql;
  event: CopEvent;
  from: Person;
  now: Date;
}

export { channelKey, channelOf } from '../../core/model';

/** Only the person who asked sees it. */
export function whisper(ctx: CopContext, ...cards: Card[]): ServiceReply {
  return whisperReply(ctx.from, ...cards);
}

/** The lead owner or a co-owner: they have the same rights. */
export function isOwner(community: Community, person: Person): boolean {
  return samePerson(community.owner, person) || community.coOwners.some((co) => samePerson(co, person));
}

export function inWords(c: Community): CommunityInWords {
  return { name: c.name, tags: c.tags, owner: c.owner, coOwners: c.coOwners, digest: c.digest, channel: c.place.channel };
}

/** A post in the community's channel; if the channel refuses the bot, the owner is told how to fix it. */
export function toChannel(community: Pick<Community, 'place' | 'owner' | 'name'>, card: Card): Outgoing {
  return { kind: 'send', to: { place: community.place }, card, ifRefused: { to: community.owner, card: channelRefusedCard(community.place, community.name) } };
}
