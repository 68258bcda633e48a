// Which team an event counts in, for its organisation: Teams shares one Entra tenant among most NHS organisations.
import type { Inbound } from '../../../src/core/model';
import type { TeamsActivity } from '../activity';
import type { TeamsAddresses } from '../addresses';
import { isTeamChannel, teamsPlace } from './place';

/**
 * A channel's team, as the activity names it (channelData.team.id) or the address book learnt it; a channel whose team
 * is not known yet counts as its own, never as the whole tenant. A chat has no team, so it counts in the team its
 * speaker was last seen in: the private cards Mobilise sends to someone's chat come from there. Someone never seen in a
 * team gets no scope, so their chats count in the Entra tenant's own organisation.
 */
async function scopeOf(addresses: TeamsAddresses, a: TeamsActivity, event: Inbound & { from: { id: string } }): Promise<string | undefined> {
  const { tenant, channel } = event.place;
  const named = a.channelData?.team?.id;
  // A form moved to where it was asked for is not in the activity's own conversation.
  if (named !== undefined && isTeamChannel(a) && teamsPlace(a).channel === channel) return named;
  const conversation = await addresses.conversation(tenant, channel);
  if (conversation?.teamId !== undefined) return conversation.teamId;
  if (conversation?.conversationType === 'channel') return channel;
  return (await addresses.person(tenant, event.from.id))?.team;
}

/**
 * The event with its place's scope set, for commands, buttons and forms (run it after a form has been moved to where
 * it was asked for). Replies only ever reach a run, whose row carries its organisation, so they need no lookup.
 */
export async function withScope(addresses: TeamsAddresses, a: TeamsActivity, event: Inbound | undefined): Promise<Inbound | undefined> {
  if (event === undefined || (event.kind !== 'command' && event.kind !== 'action' && event.kind !== 'form')) return event;
  const scope = await scopeOf(addresses, a, event);
  return scope === undefined ? event : { ...event, place: { ...event.place, scope } };
}
