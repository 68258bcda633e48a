// Where and who an activity is, in the neutral model: a channel's reply chain is a thread; a chat is one long thread.
import type { Person, Place } from '../../../src/core/model';
import type { TeamsActivity } from '../activity';

const MESSAGE_ID = ';messageid=';

/** A channel reply chain's conversation id is `<channel>;messageid=<root>`; a chat's has no suffix. */
export function splitConversationId(id: string): { base: string; root?: string } {
  const at = id.indexOf(MESSAGE_ID);
  if (at === -1) return { base: id };
  const root = id.slice(at + MESSAGE_ID.length);
  return root === '' ? { base: id.slice(0, at) } : { base: id.slice(0, at), root };
}

export function replyChainId(channel: string, root: string): string {
  return `${channel}${MESSAGE_ID}${root}`;
}

/** The organisation: Teams names it on the conversation and in channelData; the Emulator has none, so its channel stands in. */
export function tenantOf(a: TeamsActivity): string {
  return a.conversation.tenantId ?? a.channelData?.tenant?.id ?? a.channelId;
}

export function isTeamChannel(a: TeamsActivity): boolean {
  return a.conversation.conversationType === 'channel' || a.channelData?.channel !== undefined;
}

export function isPersonalChat(a: TeamsActivity): boolean {
  const type = a.conversation.conversationType;
  return type === 'personal' || (type === undefined && a.conversation.isGroup !== true && !isTeamChannel(a));
}

export function teamsPlace(a: TeamsActivity): Place {
  const tenant = tenantOf(a);
  if (isTeamChannel(a)) {
    const { base, root } = splitConversationId(a.conversation.id);
    const channel = a.channelData?.channel?.id ?? base;
    return root === undefined ? { platform: 'teams', tenant, channel } : { platform: 'teams', tenant, channel, thread: root };
  }
  return { platform: 'teams', tenant, channel: a.conversation.id, thread: a.conversation.id };
}

export function teamsPerson(a: TeamsActivity): Person {
  const tenant = tenantOf(a);
  const { id, name } = a.from;
  return name === undefined || name === '' ? { platform: 'teams', tenant, id } : { platform: 'teams', tenant, id, name };
}

/** Retries of one activity carry the same id; Teams gives ids per conversation. */
export function deliveryIdOf(a: TeamsActivity, suffix?: string): string {
  const base = `teams:${a.conversation.id}:${a.id ?? a.timestamp ?? ''}`;
  return suffix === undefined ? base : `${base}:${suffix}`;
}
