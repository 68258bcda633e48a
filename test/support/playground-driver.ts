// Teams people using Microsoft 365 Agents Playground, through its own HTTP interface: each action returns once the
// bot has answered the activities it caused and finished the work they started, so a test can then read exactly what
// the playground showed (conversation websocket) and what the bot asked of its Bot Connector (log websocket).
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { PlaygroundProcess } from './agents-playground';
import type { ConnectorCall, Delivered, SeenMessage, Transcript } from './playground-frames';
import { ALEX, PLAYGROUND_BOT, PLAYGROUND_TENANT, TEAM, type PlaygroundUser } from './playground-org';

type Json = Record<string, unknown>;

/** A message with a card a person can press: one the playground showed, or one it only logged (another person's chat). */
export interface CardMessage {
  id: string;
  conversationId: string;
  text?: string;
  attachments: readonly { contentType: string; content?: unknown }[];
}

const posted = z.object({ messageId: z.string(), postConversationId: z.string().optional() });
const templateSchema = z.object({ conversation: z.object({ id: z.string() }).loose() }).loose();
const text = (o: Json, key: string): string | undefined => (typeof o[key] === 'string' ? o[key] : undefined);
const conversationOf = (a: Json): string | undefined => text(typeof a.conversation === 'object' && a.conversation !== null ? (a.conversation as Json) : {}, 'id');
const fromOf = (a: Json): string | undefined => text(typeof a.from === 'object' && a.from !== null ? (a.from as Json) : {}, 'id');

let lastId = 0;
/** Teams message ids are millisecond timestamps. */
function messageId(): string {
  lastId = Math.max(lastId + 1, Date.now());
  return String(lastId);
}

export class PlaygroundTeams {
  /** Waits for the bot to finish what the activities it has answered started; set by whoever runs the bot. */
  botIdle: () => Promise<void> = () => Promise.resolve();
  private readonly claimed = new Set<Delivered>();

  constructor(private readonly pg: PlaygroundProcess) {}

  get transcript(): Transcript {
    return this.pg.transcript;
  }

  // --- acting -------------------------------------------------------------------------------------------------

  /** The current user (Alex) posts `@Mobilise <text>` in a channel; the post starts a reply chain, returned. */
  async post(channelId: string, words: string): Promise<{ messageId: string; chain: string }> {
    const tag = `<at>${PLAYGROUND_BOT.name}</at>`;
    const body = { from: { id: ALEX.id }, text: `${tag} ${words}`, textFormat: 'plain', mentions: [{ mentioned: { id: PLAYGROUND_BOT.id }, text: tag }] };
    const sent = posted.parse(await this.call('POST', `/_conversation/v1/conversations/${encodeURIComponent(channelId)}/messages`, body));
    const chain = sent.postConversationId ?? channelId;
    await this.answered(`Alex's post "${words}"`, (a) => conversationOf(a) === chain && a.text === body.text);
    return { messageId: sent.messageId, chain };
  }

  /** The current user types in a chat the playground forwards without a mention (their personal chat with the bot). */
  async say(conversationId: string, words: string): Promise<void> {
    if (conversationId !== this.pg.config.personalChat.id) {
      throw new Error('the playground forwards a message without a mention only from the personal chat: use post() or replyAs()');
    }
    await this.call('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { from: { id: ALEX.id }, text: words, textFormat: 'plain' });
    await this.answered(`Alex's message "${words}"`, (a) => conversationOf(a) === conversationId && a.text === words);
  }

  /**
   * Someone replies in a reply chain without mentioning the bot. The playground's client forwards only mentions in
   * channels, so this is sent as a custom activity, shaped from its own template as Teams sends it under the app's RSC
   * permission (ChannelMessage.Read.Group). Returns the reply's id.
   */
  async replyAs(who: PlaygroundUser, chain: string, words: string): Promise<string> {
    const template = templateSchema.parse(await this.call('GET', `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(chain)}`));
    const [channel = chain, root] = chain.split(';messageid=');
    const id = messageId();
    const activity = {
      ...template,
      type: 'message',
      id,
      timestamp: new Date().toISOString(),
      from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
      text: words,
      textFormat: 'plain',
      ...(root === undefined ? {} : { replyToId: root }),
      entities: [],
      channelData: { tenant: { id: PLAYGROUND_TENANT }, team: { id: TEAM.id }, channel: { id: channel }, teamsChannelId: channel, teamsTeamId: TEAM.id },
    };
    await this.call('POST', '/_internal/v1/customActivities', activity);
    await this.answered(`${who.name}'s reply "${words}"`, (a) => a.id === id);
    return id;
  }

  /** Presses the Action.Submit button with this action (and value) on a card, as `who`. */
  async press(card: CardMessage, action: string, who: PlaygroundUser, value?: string): Promise<void> {
    const data = submitsOf(card).find((d) => d.action === action && (value === undefined || d.value === value));
    if (!data) throw new Error(`no ${action} button on message ${card.id}; it has ${submitsOf(card).map((d) => String(d.action)).join(', ') || 'none'}`);
    await this.submit(card, who, data, `${who.name} pressing ${action}`);
  }

  /** Fills in a form card and submits it, as Teams does: every input's value merged into the button's data. */
  async submitForm(card: CardMessage, who: PlaygroundUser, inputs: Record<string, string>): Promise<void> {
    const data = submitsOf(card).find((d) => d.mobilise === 'form');
    if (!data) throw new Error(`message ${card.id} is not a form`);
    await this.submit(card, who, { ...data, ...inputValuesOf(card), ...inputs }, `${who.name} submitting a form`);
  }

  /** Adds the app to a conversation: the playground sends installationUpdate and conversationUpdate together. */
  async install(conversationId: string): Promise<void> {
    await this.call('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
    await this.answered('the installation update', (a) => a.type === 'installationUpdate' && conversationOf(a) === conversationId);
    await this.answered('the bot-added conversation update', (a) => a.type === 'conversationUpdate' && conversationOf(a) === conversationId);
  }

  /**
   * Once the bot is idle: every request it made to the connector is in the log, and every message the current user
   * can see that the log says was posted or replaced has reached the conversation websocket too.
   */
  async settled(): Promise<void> {
    await this.botIdle();
    await this.transcript.waitFor('the log stream to show every connector request the bot made', () =>
      this.transcript.calls.length >= this.pg.connectorRequests() ? true : undefined,
    );
    await this.transcript.waitFor('the conversation stream to show what the log says was posted', () => (this.missingFrames().length === 0 ? true : undefined));
  }

  // --- reading ------------------------------------------------------------------------------------------------

  /** Messages the bot put in this chat or reply chain, as the current user sees them. */
  messagesIn(conversationId: string): SeenMessage[] {
    return this.transcript.seen.filter((m) => m.conversationId === conversationId);
  }

  /** New posts the bot made in a channel (each the root of its own reply chain). */
  postsIn(channelId: string): SeenMessage[] {
    return this.transcript.seen.filter((m) => m.channelId === channelId);
  }

  /** The bot's 1:1 chat with someone, as it opened it through the connector (undefined if it never did). */
  chatWith(who: PlaygroundUser): string | undefined {
    if (who.id === ALEX.id) return this.pg.config.personalChat.id;
    return this.transcript.calls.find((c) => c.name === 'createConversation' && membersOf(c.body).includes(who.id) && c.status === 201)?.id;
  }

  /** What the bot asked the connector to post or replace in a conversation, in order, with the playground's answers. */
  callsTo(conversationId: string | undefined): ConnectorCall[] {
    return conversationId === undefined ? [] : this.transcript.calls.filter((c) => c.kind !== 'other' && c.conversationId === conversationId);
  }

  /** Messages posted in someone's own chat with the bot: for anyone but Alex, only the log stream shows them. */
  sentTo(who: PlaygroundUser): CardMessage[] {
    const chat = this.chatWith(who);
    return this.callsTo(chat)
      .filter((c) => c.kind === 'post')
      .map((c) => ({ id: c.id ?? '', conversationId: chat ?? '', attachments: attachmentsOf(c.body), ...(typeof c.body.text === 'string' ? { text: c.body.text } : {}) }));
  }

  /** A message the playground showed, as it looks now. */
  latest(m: SeenMessage): CardMessage {
    const now = m.versions.at(-1);
    return { id: m.id, conversationId: m.conversationId, attachments: now?.attachments ?? [], ...(now?.text === undefined ? {} : { text: now.text }) };
  }

  private async submit(card: CardMessage, who: PlaygroundUser, value: Json, what: string): Promise<void> {
    await this.call('POST', '/_conversation/v1/submit', { conversation: { id: card.conversationId }, replyToId: card.id, from: { id: who.id }, value });
    await this.answered(what, (a) => a.replyToId === card.id && fromOf(a) === who.id && isDeepStrictEqual(a.value, value));
  }

  /** Waits for the bot's answer to the activity an action caused, insists on 200, then for the bot to settle. */
  private async answered(what: string, match: (activity: Json) => boolean): Promise<void> {
    const turn = await this.transcript.waitFor(`the bot to answer ${what}`, () => this.transcript.delivered.find((d) => !this.claimed.has(d) && match(d.activity)));
    this.claimed.add(turn);
    if (turn.status !== 200) throw new Error(`the bot answered ${turn.status} to ${what}`);
    await this.settled();
  }

  private async call(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.pg.url}${route}`, {
      method,
      signal: AbortSignal.timeout(10_000),
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const answer = await res.text();
    if (res.status !== 200) throw new Error(`the playground answered ${res.status} to ${method} ${route}: ${answer}`);
    return answer === '' ? undefined : (JSON.parse(answer) as unknown);
  }

  /** Successful posts and replacements in conversations the current user sees, with no frame to show for them yet. */
  private missingFrames(): string[] {
    const others = new Set(this.transcript.calls.filter((c) => c.name === 'createConversation' && !membersOf(c.body).includes(ALEX.id)).map((c) => c.id));
    const missing: string[] = [];
    const updates = new Map<string, number>();
    for (const c of this.transcript.calls) {
      if (c.name === 'createConversation' && c.status === 201 && c.activityId !== undefined && this.transcript.message(c.activityId) === undefined) missing.push(c.activityId);
      if (c.kind === 'other' || others.has(c.conversationId) || c.id === undefined) continue;
      if (c.kind === 'post' && c.status === 201 && this.transcript.message(c.id) === undefined) missing.push(c.id);
      if (c.kind === 'update' && c.status === 200) updates.set(c.id, (updates.get(c.id) ?? 0) + 1);
    }
    for (const [id, n] of updates) if ((this.transcript.message(id)?.versions.length ?? 0) < n + 1) missing.push(`${id} (update)`);
    return missing;
  }
}

function membersOf(body: Json): string[] {
  return Array.isArray(body.members) ? body.members.flatMap((m: unknown) => (typeof m === 'object' && m !== null && typeof (m as Json).id === 'string' ? [(m as Json).id as string] : [])) : [];
}

function attachmentsOf(body: Json): CardMessage['attachments'] {
  const list = Array.isArray(body.attachments) ? (body.attachments as unknown[]) : [];
  return list.flatMap((a) => (typeof a === 'object' && a !== null && typeof (a as Json).contentType === 'string' ? [{ contentType: (a as Json).contentType as string, content: (a as Json).content }] : []));
}

/** Every object in a message's cards, parents first. */
function visit(card: CardMessage, see: (o: Json) => void): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      see(node as Json);
      Object.values(node).forEach(walk);
    }
  };
  walk(card.attachments.map((a) => a.content));
}

/** The data of every Action.Submit on a message's cards. */
export function submitsOf(card: CardMessage): Json[] {
  const found: Json[] = [];
  visit(card, (o) => {
    if (o.type === 'Action.Submit' && typeof o.data === 'object' && o.data !== null) found.push(o.data as Json);
  });
  return found;
}

/** The titles of every Action.Submit, in order. */
export function buttonsOf(card: CardMessage): string[] {
  const found: string[] = [];
  visit(card, (o) => {
    if (o.type === 'Action.Submit' && typeof o.title === 'string') found.push(o.title);
  });
  return found;
}

/** The values a form's inputs start with, as Teams submits them untouched. */
export function inputValuesOf(card: CardMessage): Record<string, string> {
  const values: Record<string, string> = {};
  visit(card, (o) => {
    if (typeof o.type !== 'string' || !o.type.startsWith('Input.') || typeof o.id !== 'string') return;
    if (typeof o.value === 'string') values[o.id] = o.value;
    else if (o.type === 'Input.Toggle') values[o.id] = typeof o.valueOff === 'string' ? o.valueOff : 'false';
  });
  return values;
}
