// What every /cop handler gets, and the small helpers they share.
import type { Card } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import type { Outgoing } from '../../core/flow';
import { placeKey, type Inbound, type Person, type Place } from '../../core/model';
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

/** A community belongs to its channel, whatever thread the command came from. */
export function channelOf(place: Place): Place {
  return { platform: place.platform, tenant: place.tenant, channel: place.channel };
}

export function channelKey(place: Place): string {
  return placeKey(channelOf(place));
}

/** Only the person who asked sees it. */
export function whisper(ctx: CopContext, ...cards: Card[]): ServiceReply {
  return { say: cards.map((card) => ({ kind: 'whisper' as const, to: ctx.from, card })) };
}

export function isOwner(community: Community, person: Person): boolean {
  return community.owner.id === person.id && community.tenant === person.tenant;
}

export function inWords(c: Community): CommunityInWords {
  return { name: c.name, tags: c.tags, owner: c.owner, digest: c.digest, channel: c.place.channel };
}

/** A post in the community's channel; if the channel refuses the bot, the owner is told how to fix it. */
export function toChannel(community: Pick<Community, 'place' | 'owner' | 'name'>, card: Card): Outgoing {
  return { kind: 'send', to: { place: community.place }, card, ifRefused: { to: community.owner, card: channelRefusedCard(community.place, community.name) } };
}
