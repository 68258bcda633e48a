// Stores, from each activity, how to reach its organisation, its conversation and its sender later.
import type { TeamsAddresses } from './addresses';
import type { TeamsActivity } from './activity';
import { isPersonalChat, isTeamChannel, splitConversationId, teamsPlace, tenantOf } from './inbound/place';

export async function rememberAddresses(addresses: TeamsAddresses, a: TeamsActivity): Promise<void> {
  const tenant = tenantOf(a);
  const service = {
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    bot: a.recipient.name ? { id: a.recipient.id, name: a.recipient.name } : { id: a.recipient.id },
  };
  await addresses.saveService(tenant, service);
  const place = teamsPlace(a);
  const channel = isTeamChannel(a);
  const groupId = a.channelData?.team?.aadGroupId;
  const teamId = channel ? a.channelData?.team?.id : undefined;
  const name = channel ? a.channelData?.channel?.name : undefined;
  const saved = await addresses.saveConversation(tenant, place.channel, {
    ...service,
    conversationId: channel ? splitConversationId(a.conversation.id).base : a.conversation.id,
    ...(channel ? { conversationType: 'channel' } : a.conversation.conversationType ? { conversationType: a.conversation.conversationType } : {}),
    ...(groupId ? { groupId } : {}),
    ...(teamId ? { teamId } : {}),
    ...(name ? { name } : {}),
  });
  if (a.from.id === a.recipient.id) return;
  if (a.from.aadObjectId) await addresses.saveEntraId(tenant, a.from.aadObjectId, a.from.id);
  await addresses.updatePerson(tenant, a.from.id, {
    ...(a.from.name ? { name: a.from.name } : {}),
    seenIn: a.conversation.id,
    ...(isPersonalChat(a) ? { personal: a.conversation.id } : {}),
    ...(channel && saved.teamId !== undefined ? { team: saved.teamId } : {}),
  });
  if (channel && saved.teamId !== undefined) await rememberMentionedTeam(addresses, a, tenant, saved.teamId);
}

/** Someone @mentioned in a team (an action's owner) gets that team until they speak anywhere, so their chat has an organisation. */
async function rememberMentionedTeam(addresses: TeamsAddresses, a: TeamsActivity, tenant: string, team: string): Promise<void> {
  for (const entity of a.entities ?? []) {
    const id = entity.type === 'mention' ? entity.mentioned?.id : undefined;
    if (id === undefined || id === a.recipient.id || id === a.from.id) continue;
    if ((await addresses.person(tenant, id))?.team === undefined) await addresses.updatePerson(tenant, id, { team });
  }
}
