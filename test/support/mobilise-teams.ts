// The whole of Mobilise (startMobilise) with Teams, authentication off, talking to the fake Bot Connector.
import type { Config, TeamsConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startMobilise, type RunningApp, type StartOptions } from '../../src/main';
import type { DbKind } from './databases';
import { useE2eRun } from './e2e-run';
import { startFakeBotConnector, type FakeBotConnector, type SentActivity } from './fake-bot-connector';
import { CHANNEL, cardSubmit, channelMessage, messageDelete, messageUpdate, personalMessage, type Who } from './teams-activities';

export function teamsConfig(db: { databaseUrl?: string; dataDir?: string }, teams: TeamsConfig = { auth: false }): Config {
  return { port: 0, databaseUrl: db.databaseUrl, dataDir: db.dataDir ?? 'memory://', logLevel: 'silent', teams };
}

/** `options` adds test hooks such as an injected clock and a fixed seed source. */
export async function startTeamsMobilise(db: { databaseUrl?: string; dataDir?: string }, teams?: TeamsConfig, options: StartOptions = {}): Promise<RunningApp> {
  return startMobilise(teamsConfig(db, teams), { log: createLogger('silent'), cron: false, ...options });
}

/** The conversation id of a person's own chat with Mobilise, as the fake connector names it. */
export const personalChat = (who: { id: string }): string => `a:personal-${who.id}`;

/** A Teams end-to-end run, started before a file's tests and closed after them, with readers of what the bot sent. */
export interface TeamsE2e {
  readonly connector: FakeBotConnector;
  readonly app: RunningApp;
  readonly teams: TeamsClientSim;
  /** What the bot sent into one conversation (a chat, or one reply chain). */
  sentTo(conversationId: string): SentActivity[];
  /** What the bot sent into one conversation, once there are at least `n`. */
  waitForSentTo(conversationId: string, n: number): Promise<SentActivity[]>;
  /** What the bot sent to a person's own chat. */
  toPerson(who: { id: string }): SentActivity[];
  /** New posts in a channel (each starts a reply chain), made without anyone speaking first. */
  channelPosts(channel?: string): SentActivity[];
}

/** Registers beforeAll/afterAll: the fake Bot Connector, Mobilise on a fresh database of `kind` (none: embedded, in memory), a client. */
export function useTeamsE2e(kind: DbKind | undefined, options: StartOptions & { teams?: TeamsConfig } = {}): TeamsE2e {
  const { teams: teamsSettings, ...startOptions } = options;
  const get = useE2eRun(
    kind,
    async (databaseUrl) => {
      const connector = await startFakeBotConnector();
      try {
        const app = await startTeamsMobilise({ databaseUrl }, teamsSettings, startOptions);
        return { connector, app, teams: new TeamsClientSim(`http://127.0.0.1:${app.port}`, connector) };
      } catch (error) {
        // Mobilise did not start, so afterAll has nothing to close: the fake must not keep Jest waiting.
        await connector.close();
        throw error;
      }
    },
    async ({ connector, app }) => {
      await app.close();
      await connector.close();
    },
  );
  const sentTo = (conversationId: string): SentActivity[] => get().connector.sent().filter((s) => s.conversationId === conversationId);
  return {
    get connector() {
      return get().connector;
    },
    get app() {
      return get().app;
    },
    get teams() {
      return get().teams;
    },
    sentTo,
    async waitForSentTo(conversationId, n) {
      await get().connector.waitFor(() => sentTo(conversationId).length >= n);
      return sentTo(conversationId);
    },
    toPerson: (who) => sentTo(personalChat(who)),
    channelPosts: (channel = CHANNEL) =>
      get().connector.sent().filter((s) => s.conversationId.startsWith(`${channel};messageid=`) && s.call.conversationId === undefined),
  };
}

export interface Answer {
  status: number;
  text: string;
}

/** Speaks to a running Mobilise as Teams would: activities over HTTP, with the fake connector as their serviceUrl. */
export class TeamsClientSim {
  constructor(
    private readonly baseUrl: string,
    private readonly connector: FakeBotConnector,
  ) {}

  get serviceUrl(): string {
    return this.connector.url;
  }

  async raw(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
    const res = await fetch(`${this.baseUrl}/api/messages`, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  }

  send(activity: Record<string, unknown>): Promise<Answer> {
    return this.raw(JSON.stringify(activity));
  }

  /** `@Mobilise <text>` as a new post in the channel; returns the post's id, which names its reply chain. */
  async mention(from: Who, text: string, channel?: string): Promise<string> {
    const activity = channelMessage({ serviceUrl: this.serviceUrl, from, text, mentionBot: true, ...(channel === undefined ? {} : { channel }) });
    await this.expectOk(activity);
    return String(activity.id);
  }

  /** A reply in a reply chain; returns its id so it can be edited or deleted. */
  async reply(root: string, from: Who, text: string, channel?: string): Promise<string> {
    const activity = channelMessage({ serviceUrl: this.serviceUrl, from, text, root, ...(channel === undefined ? {} : { channel }) });
    await this.expectOk(activity);
    return String(activity.id);
  }

  async edit(root: string, id: string, from: Who, text: string): Promise<void> {
    await this.expectOk(messageUpdate(this.serviceUrl, from, root, id, text));
  }

  async remove(root: string, id: string, from: Who): Promise<void> {
    await this.expectOk(messageDelete(this.serviceUrl, from, root, id));
  }

  async personal(from: Who, text: string): Promise<void> {
    await this.expectOk(personalMessage(this.serviceUrl, from, text));
  }

  /** Presses the button with this action (and value, when several share it) on a card the bot sent. */
  async press(card: SentActivity, action: string, from: Who, value?: string): Promise<void> {
    const submit = submitsOf(card).find((s) => s.data.action === action && (value === undefined || s.data.value === value));
    if (!submit) throw new Error(`no ${action} button on that card; it has ${submitsOf(card).map((s) => String(s.data.action)).join(', ')}`);
    await this.expectOk(cardSubmit(this.serviceUrl, from, card.conversationId, card.id, submit.data));
  }

  /** Fills in and submits a form card the bot sent: like Teams, every input's value is merged into the submit data. */
  async submitForm(card: SentActivity, from: Who, inputs: Record<string, string>): Promise<void> {
    const submit = submitsOf(card).find((s) => s.data.mobilise === 'form');
    if (!submit) throw new Error('that card is not a form');
    await this.expectOk(cardSubmit(this.serviceUrl, from, card.conversationId, card.id, { ...submit.data, ...inputValuesOf(card), ...inputs }));
  }

  private async expectOk(activity: Record<string, unknown>): Promise<void> {
    const answer = await this.send(activity);
    if (answer.status !== 200) throw new Error(`Mobilise answered ${answer.status}: ${answer.text}`);
  }
}

interface Submit {
  title: string;
  data: Record<string, unknown>;
}

/** The Adaptive Card in a sent activity. */
export function adaptiveCardOf(sent: { activity: Record<string, unknown> }): Record<string, unknown> {
  const attachments = Array.isArray(sent.activity.attachments) ? (sent.activity.attachments as Record<string, unknown>[]) : [];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (typeof card !== 'object' || card === null) throw new Error('no Adaptive Card in that activity');
  return card as Record<string, unknown>;
}

/** Every Action.Submit on a card, wherever it sits (card actions or an ActionSet). */
export function submitsOf(sent: { activity: Record<string, unknown> }): Submit[] {
  const found: Submit[] = [];
  visitCard(sent, (o) => {
    if (o.type === 'Action.Submit' && typeof o.data === 'object' && o.data !== null) found.push({ title: String(o.title), data: o.data as Record<string, unknown> });
  });
  return found;
}

/** The values a form card's inputs start with, by input id, as Teams would submit them untouched. */
export function inputValuesOf(sent: { activity: Record<string, unknown> }): Record<string, string> {
  const values: Record<string, string> = {};
  visitCard(sent, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
      if (typeof o.value === 'string') values[o.id] = o.value;
      else if (o.type === 'Input.Toggle') values[o.id] = typeof o.valueOff === 'string' ? o.valueOff : 'false';
    }
  });
  return values;
}

/** Calls `visit` on every object in a sent activity's Adaptive Card, parents before their children. */
function visitCard(sent: { activity: Record<string, unknown> }, visit: (o: Record<string, unknown>) => void): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    visit(o);
    Object.values(o).forEach(walk);
  };
  walk(adaptiveCardOf(sent));
}

/** All the text Teams was asked to show (plain text, or a card with its summary). */
export function textOf(sent: { activity: Record<string, unknown> }): string {
  return JSON.stringify([sent.activity.text, sent.activity.summary, sent.activity.attachments]);
}
