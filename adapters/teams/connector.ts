// Outbound calls to the Bot Connector through botbuilder's CloudAdapter: every post is proactive, from a stored address.
import { TeamsInfo, type Activity, type CloudAdapter, type ConversationAccount, type ConversationParameters, type ConversationReference, type TurnContext } from 'botbuilder';
import { cleanText } from '../../src/core/clean-text';
import type { ServiceAddress } from './addresses';
import type { TeamsMessage } from './cards';
import { translated } from './connector-errors';
import { splitConversationId } from './inbound/place';

/** Whom the bot's tokens are for in the public cloud (ignored when authentication is off). */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export interface Conversation {
  service: ServiceAddress;
  tenant: string;
  /** A chat's id, or a channel's reply chain `<channel>;messageid=<root>`. */
  id: string;
  /** 'channel', 'groupChat' or 'personal'. */
  type?: string;
}

export class TeamsConnector {
  constructor(
    private readonly adapter: CloudAdapter,
    /** '' when authentication is off. */
    private readonly appId: string,
  ) {}

  /**
   * Posts into a chat or a reply chain; the new message's id. Undefined when Teams took the message without naming
   * it (202, as it answers for a message it split): it was posted, so it must not be sent again.
   */
  async send(to: Conversation, message: TeamsMessage): Promise<string | undefined> {
    let id: string | undefined;
    await translated(
      this.adapter.continueConversationAsync(this.appId, reference(to), async (ctx) => {
        id = (await ctx.sendActivity(activityOf(message)))?.id;
      }),
    );
    return id === '' ? undefined : id;
  }

  /** Replaces a posted message (a card updates in place). */
  async update(to: Conversation, activityId: string, message: TeamsMessage): Promise<void> {
    await translated(
      this.adapter.continueConversationAsync(this.appId, reference(to), async (ctx) => {
        await ctx.updateActivity({ ...activityOf(message), id: activityId });
      }),
    );
  }

  /** A new post in a team channel, which starts a reply chain of its own; the root message's id. */
  async startReplyChain(service: ServiceAddress, tenant: string, channel: string, message: TeamsMessage): Promise<string> {
    const created = await this.createConversation(service, {
      isGroup: true,
      bot: account(service.bot.id, service.bot.name),
      tenantId: tenant,
      channelData: { channel: { id: channel } },
      activity: activityOf(message) as Activity,
    });
    // The SDK keeps only the new conversation's id, which names the chain after its first message.
    const root = created === undefined ? undefined : splitConversationId(created).root;
    if (root === undefined) throw new Error('Teams did not say which message started the reply chain');
    return root;
  }

  /** The bot's 1:1 chat with a person (Teams gives back the same one if it exists). */
  async openPersonal(service: ServiceAddress, tenant: string, personId: string): Promise<string> {
    const created = await this.createConversation(service, {
      isGroup: false,
      bot: account(service.bot.id, service.bot.name),
      members: [account(personId)],
      tenantId: tenant,
      channelData: { tenant: { id: tenant } },
    });
    if (created === undefined || created === '') throw new Error('Teams did not open a chat with that person');
    return created;
  }

  /** The id of the conversation Teams created. */
  private async createConversation(service: ServiceAddress, parameters: ConversationParameters): Promise<string | undefined> {
    let created: string | undefined;
    await translated(
      this.adapter.createConversationAsync(this.appId, service.channelId, service.serviceUrl, BOT_FRAMEWORK_AUDIENCE, parameters, async (ctx) => {
        created = ctx.activity.conversation.id;
      }),
    );
    return created;
  }

  /** A team's channels with their names (the General channel's id is the team's, and Teams gives it no name). */
  async teamChannels(to: Conversation, teamId: string): Promise<{ id: string; name?: string }[]> {
    let channels: { id: string; name?: string }[] = [];
    await translated(
      this.adapter.continueConversationAsync(this.appId, reference(to), async (ctx: TurnContext) => {
        const found = await TeamsInfo.getTeamChannels(ctx, teamId);
        // Names Teams gives are kept in the address book, so they are cleaned like an activity's.
        channels = found.flatMap((c) => (c.id ? [{ id: c.id, ...(c.name ? { name: cleanText(c.name) } : {}) }] : []));
      }),
    );
    return channels;
  }

  /** A member of a conversation as Teams describes them (their sign-in name makes meeting links). */
  async member(to: Conversation, personId: string): Promise<{ name?: string; upn?: string }> {
    let found: { name?: string; upn?: string } = {};
    await translated(
      this.adapter.continueConversationAsync(this.appId, reference(to), async (ctx: TurnContext) => {
        const member = await TeamsInfo.getMember(ctx, personId);
        const { name, userPrincipalName: upn } = member;
        found = { ...(name ? { name: cleanText(name) } : {}), ...(upn ? { upn: cleanText(upn) } : {}) };
      }),
    );
    return found;
  }
}

function reference(to: Conversation): Partial<ConversationReference> {
  const conversation: ConversationAccount = {
    id: to.id,
    isGroup: to.type !== 'personal',
    conversationType: to.type ?? 'personal',
    tenantId: to.tenant,
    name: '',
  };
  return { serviceUrl: to.service.serviceUrl, channelId: to.service.channelId, bot: account(to.service.bot.id, to.service.bot.name), conversation };
}

function account(id: string, name?: string): { id: string; name: string } {
  return { id, name: name ?? '' };
}

/** A card goes alone (with its summary for notifications), and text goes alone: Teams splits an activity holding both. */
/** A rendered message as the activity the Bot Connector takes. */
export function activityOf(message: TeamsMessage): Partial<Activity> {
  if (message.kind === 'card') return { type: 'message', summary: message.summary, attachments: message.attachments };
  return { type: 'message', text: message.text, textFormat: 'markdown', entities: message.entities };
}
