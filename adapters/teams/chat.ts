// ChatPort for Teams: every message is proactive, sent through the Bot Connector to an address stored when people spoke.
// Teams has no only-you messages in channels and no bot-made group chats, so whispers and groups go to each person directly;
// nor can a bot search what it sent, so there is no findSent.
import { randomUUID } from 'node:crypto';
import type { Card, FormSpec } from '../../src/core/card';
import type { Person, Place } from '../../src/core/model';
import { PlaceUnavailable, type ChatPort, type NamedRef, type PostedRef } from '../../src/core/ports';
import type { ConversationAddress, TeamsAddresses } from './addresses';
import type { TeamsMessage } from './cards';
import type { Conversation, TeamsConnector } from './connector';
import { messageLink } from './deep-links';
import { replyChainId } from './inbound/place';
import type { TeamsRenderer } from './render';

export interface TeamsChat extends ChatPort {
  openForm(trigger: string, place: Place, form: FormSpec): Promise<void>;
  link(ref: NamedRef): Promise<string | undefined>;
}

export interface TeamsChatDeps {
  addresses: TeamsAddresses;
  connector: TeamsConnector;
  renderer: TeamsRenderer;
}

export function createTeamsChat({ addresses, connector, renderer }: TeamsChatDeps): TeamsChat {
  const conversationAt = async (place: Place): Promise<ConversationAddress> => {
    const address = await addresses.conversation(place.tenant, place.channel);
    if (address === undefined) {
      throw new PlaceUnavailable('Mobilise has no address for this Teams channel or chat: add the app to the team or chat, or mention it there once');
    }
    return address;
  };

  const isChat = (address: ConversationAddress): boolean => address.conversationType !== 'channel';

  /** The conversation a message at `place` lives in: the chat, or the channel's reply chain rooted at the thread. */
  const conversationOf = (address: ConversationAddress, place: Place, root?: string): Conversation => {
    const thread = place.thread ?? root;
    const id = isChat(address) || thread === undefined ? address.conversationId : replyChainId(place.channel, thread);
    return { service: address, tenant: place.tenant, id, ...(address.conversationType ? { type: address.conversationType } : {}) };
  };

  const direct = async (to: Person, message: TeamsMessage): Promise<void> => {
    const service = await addresses.service(to.tenant);
    if (service === undefined) {
      throw new PlaceUnavailable('Mobilise has not heard from this organisation in Teams yet, so it has no address to write to');
    }
    let personal = (await addresses.person(to.tenant, to.id))?.personal;
    if (personal === undefined) {
      personal = await connector.openPersonal(service, to.tenant, to.id);
      await addresses.updatePerson(to.tenant, to.id, { personal });
    }
    await connector.send({ service, tenant: to.tenant, id: personal, type: 'personal' }, message);
  };

  return {
    async post(place: Place, card: Card): Promise<PostedRef> {
      const address = await conversationAt(place);
      const message = await renderer.card(place.tenant, card);
      if (!isChat(address) && place.thread === undefined) {
        const root = await connector.startReplyChain(address, place.tenant, place.channel, message);
        return { place, id: root, repliesIn: 'thread' };
      }
      const id = await connector.send(conversationOf(address, place), message);
      return id === undefined ? { place, repliesIn: 'place' } : { place, id, repliesIn: 'place' };
    },

    async update(ref: NamedRef, card: Card): Promise<void> {
      const address = await conversationAt(ref.place);
      // A post that started a reply chain is that chain's root.
      await connector.update(conversationOf(address, ref.place, ref.id), ref.id, await renderer.card(ref.place.tenant, card));
    },

    async whisper(_place: Place, to: Person, card: Card): Promise<void> {
      await direct(to, await renderer.card(to.tenant, card));
    },

    async direct(to: Person, card: Card): Promise<void> {
      await direct(to, await renderer.card(to.tenant, card));
    },

    async openForm(trigger: string, place: Place, form: FormSpec): Promise<void> {
      // The trigger is the person who pressed the button; the form goes to them alone, and where it was asked for is
      // kept here under a token, so the answer goes back there and a tampered card cannot send it anywhere else.
      const token = randomUUID();
      await addresses.saveFormOrigin(place.tenant, token, { channel: place.channel, ...(place.thread === undefined ? {} : { thread: place.thread }), person: trigger, form });
      await direct({ platform: 'teams', tenant: place.tenant, id: trigger }, await renderer.form(place.tenant, form, token));
    },

    async link(ref: NamedRef): Promise<string | undefined> {
      const address = await addresses.conversation(ref.place.tenant, ref.place.channel);
      if (address === undefined) return undefined;
      return messageLink(ref.place, ref.id, address.groupId, isChat(address));
    },
  };
}
