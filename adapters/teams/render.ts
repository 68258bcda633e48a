// Looks up what a card needs (names for mentions, sign-in names for meeting links), then renders it as an Adaptive Card.
import type { Card, FormSpec, MeetBlock } from '../../src/core/card';
import { errorText, type Logger } from '../../src/log';
import type { TeamsAddresses } from './addresses';
import { renderCard, renderForm, type RenderContext, type TeamsMessage } from './cards';
import type { TeamsConnector } from './connector';
import { chatLink, meetingLink } from './deep-links';

const MENTION = /<@([^<>\s]+)>/g;
const CHANNEL_LINK = /<#([^<>\s|]+)>/g;
/** Teams gives the General channel (whose id is the team's) no name of its own. */
const GENERAL = 'General';

export class TeamsRenderer {
  constructor(
    private readonly addresses: TeamsAddresses,
    private readonly connector: TeamsConnector,
    private readonly log: Logger,
    /** Written `/aar` in card text, shown as Teams people type them. */
    private readonly commands: readonly string[] = [],
  ) {}

  /** Teams whose channel list was asked for already. */
  private readonly teamsAsked = new Set<string>();

  async card(tenant: string, card: Card): Promise<TeamsMessage> {
    return renderCard(card, await this.context(tenant, JSON.stringify(card), card.blocks.filter(isMeet)));
  }

  async form(tenant: string, form: FormSpec, asked?: string): Promise<TeamsMessage> {
    return renderForm(form, await this.context(tenant, JSON.stringify(form), []), asked);
  }

  private async context(tenant: string, json: string, meets: MeetBlock[]): Promise<RenderContext> {
    const names = new Map<string, string>();
    for (const meet of meets) for (const p of meet.people) if (p.name) names.set(p.id, p.name);
    for (const [, id] of json.matchAll(MENTION)) {
      if (id === undefined || names.has(id)) continue;
      const name = (await this.addresses.person(tenant, id))?.name;
      if (name) names.set(id, name);
    }
    const links = new Map<string, { chat?: string; meeting?: string }>();
    for (const meet of meets) {
      const upns: string[] = [];
      for (const p of meet.people) {
        const upn = await this.upnOf(tenant, p.id);
        if (upn) upns.push(upn);
      }
      // A link that leaves someone out would start the wrong conversation, so all or none.
      if (upns.length === meet.people.length && upns.length > 0) {
        links.set(JSON.stringify(meet), { chat: chatLink(upns, meet.topic), meeting: meetingLink(upns, meet.topic, meet.start, meet.end) });
      }
    }
    const channels = new Map<string, string>();
    for (const [, id] of json.matchAll(CHANNEL_LINK)) {
      if (id === undefined || channels.has(id)) continue;
      const name = await this.channelNameOf(tenant, id);
      if (name) channels.set(id, name);
    }
    return {
      nameOf: (id) => names.get(id),
      meetLinks: (block) => links.get(JSON.stringify(block)) ?? {},
      channelName: (id) => channels.get(id),
      commands: this.commands,
    };
  }

  /**
   * A channel's name: activities rarely carry it, so the team's channel list is asked for once per team in this
   * process (a failure is not retried until restart) and the names are kept with the channels' addresses.
   */
  private async channelNameOf(tenant: string, channel: string): Promise<string | undefined> {
    const address = await this.addresses.conversation(tenant, channel);
    if (address?.name !== undefined || address?.teamId === undefined) return address?.name;
    const team = `${tenant}|${address.teamId}`;
    if (this.teamsAsked.has(team)) return undefined;
    this.teamsAsked.add(team);
    try {
      const listed = await this.connector.teamChannels({ service: address, tenant, id: address.conversationId, type: 'channel' }, address.teamId);
      for (const c of listed) {
        const name = c.name ?? (c.id === address.teamId ? GENERAL : undefined);
        const known = c.id === channel ? address : await this.addresses.conversation(tenant, c.id);
        if (name !== undefined && known !== undefined) await this.addresses.saveConversation(tenant, c.id, { ...known, name });
      }
    } catch (error) {
      this.log.warn('teams channel names not found', { error: errorText(error) });
    }
    return (await this.addresses.conversation(tenant, channel))?.name;
  }

  /** A person's sign-in name, asked of Teams once (in a conversation they are known in) and kept. */
  private async upnOf(tenant: string, personId: string): Promise<string | undefined> {
    const person = await this.addresses.person(tenant, personId);
    if (person?.upn) return person.upn;
    const conversationId = person?.personal ?? person?.seenIn;
    const service = await this.addresses.service(tenant);
    if (conversationId === undefined || service === undefined) return undefined;
    try {
      const type = conversationId === person?.personal ? 'personal' : undefined;
      const member = await this.connector.member({ service, tenant, id: conversationId, ...(type ? { type } : {}) }, personId);
      if (member.upn) await this.addresses.updatePerson(tenant, personId, { upn: member.upn, ...(member.name ? { name: member.name } : {}) });
      return member.upn;
    } catch (error) {
      this.log.warn('teams member lookup failed', { error: errorText(error) });
      return undefined;
    }
  }
}

function isMeet(block: Card['blocks'][number]): block is MeetBlock {
  return block.type === 'meet';
}
