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
  await addresses.saveConversation(tenant, place.channel, {
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
  });
}
