// Teams deep links: start a chat, schedule a meeting, open a message.
import type { Place } from '../../src/core/model';

const TEAMS = 'https://teams.microsoft.com/l';

export function chatLink(upns: string[], topic: string): string {
  return `${TEAMS}/chat/0/0?${query({ users: upns.join(','), topicName: topic })}`;
}

export function meetingLink(upns: string[], subject: string, start?: string, end?: string): string {
  return `${TEAMS}/meeting/new?${query({ subject, attendees: upns.join(','), startTime: start, endTime: end })}`;
}

/** A link to a posted message: in a channel it needs the team's group id; in a chat, only the chat. */
export function messageLink(place: Place, messageId: string, groupId: string | undefined, isChat: boolean): string | undefined {
  const target = `${TEAMS}/message/${encodeURIComponent(place.channel)}/${encodeURIComponent(messageId)}`;
  if (isChat) return `${target}?${query({ context: JSON.stringify({ contextType: 'chat' }) })}`;
  if (groupId === undefined) return undefined;
  return `${target}?${query({ tenantId: place.tenant, groupId, parentMessageId: place.thread ?? messageId })}`;
}

function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}
