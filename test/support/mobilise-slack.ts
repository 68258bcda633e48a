// The whole of Mobilise (startMobilise) in Slack HTTP mode, talking to the fake Slack Web API.
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import { startMobilise, type RunningApp, type StartOptions } from '../../src/main';
import type { DbKind } from './databases';
import { useE2eRun } from './e2e-run';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './fake-slack-api';
import {
  blockActions,
  eventCallback,
  messageChangedEvent,
  messageDeletedEvent,
  messageEvent,
  send,
  sign,
  slashCommand,
  TEST_SIGNING_SECRET,
  type SentResponse,
  type UnsignedRequest,
} from './slack-requests';

export function slackConfig(api: FakeSlackApi, db: { databaseUrl?: string; dataDir?: string }): Config {
  return {
    port: 0,
    databaseUrl: db.databaseUrl,
    dataDir: db.dataDir ?? 'memory://',
    logLevel: 'silent',
    slack: { mode: 'http', signingSecret: TEST_SIGNING_SECRET, botToken: 'xoxb-e2e', apiUrl: api.url },
  };
}

/** `options` adds test hooks such as an injected clock, `cron: false` and a fixed seed source. */
export async function startSlackMobilise(api: FakeSlackApi, db: { databaseUrl?: string; dataDir?: string }, options: StartOptions = {}): Promise<RunningApp> {
  return startMobilise(slackConfig(api, db), { log: createLogger('silent'), slackRetries: 0, ...options });
}

/** A Slack end-to-end run, started before a file's tests and closed after them, with readers of what Slack was asked. */
export interface SlackE2e {
  readonly api: FakeSlackApi;
  readonly app: RunningApp;
  readonly slack: SlackClientSim;
  /** The calls to one Web API method, only those that match when `match` is given. */
  calls(method: string, match?: (c: RecordedCall) => boolean): RecordedCall[];
  /** Messages posted to a channel: by its id, or to every channel whose id passes the test. */
  posted(channel: string | ((id: string) => boolean)): RecordedCall[];
  /** Ephemeral messages to a person. */
  whispersTo(user: string): RecordedCall[];
}

/** Registers beforeAll/afterAll: the fake Slack API, Mobilise on a fresh database of `kind` (none: embedded, in memory), a client. */
export function useSlackE2e(kind: DbKind | undefined, options: StartOptions = {}): SlackE2e {
  const get = useE2eRun(
    kind,
    async (databaseUrl) => {
      const api = await startFakeSlackApi();
      try {
        const app = await startSlackMobilise(api, { databaseUrl }, options);
        return { api, app, slack: new SlackClientSim(`http://127.0.0.1:${app.port}`) };
      } catch (err) {
        await api.close(); // nothing else will: the run never opened
        throw err;
      }
    },
    async ({ api, app }) => {
      try {
        await app.close();
      } finally {
        await api.close();
      }
    },
  );
  const calls = (method: string, match: (c: RecordedCall) => boolean = () => true): RecordedCall[] => get().api.calls(method).filter(match);
  return {
    get api() {
      return get().api;
    },
    get app() {
      return get().app;
    },
    get slack() {
      return get().slack;
    },
    calls,
    posted: (channel) => calls('chat.postMessage', (c) => (typeof channel === 'string' ? c.body.channel === channel : channel(String(c.body.channel)))),
    whispersTo: (user) => calls('chat.postEphemeral', (c) => c.body.user === user),
  };
}

let counter = 0;
const unique = (prefix: string): string => `${prefix}${Date.now().toString(36)}${++counter}`;

/** Speaks to a running Mobilise as Slack would, over signed HTTP. */
export class SlackClientSim {
  constructor(private readonly baseUrl: string) {}

  post(request: UnsignedRequest): Promise<SentResponse> {
    return send(this.baseUrl, sign(request));
  }

  command(text: string, user = 'U1', userName = 'alex'): Promise<SentResponse> {
    return this.slash('/aar', text, user, userName);
  }

  slash(command: string, text: string, user = 'U1', userName = 'alex', channelId = 'C1'): Promise<SentResponse> {
    return this.post(slashCommand({ command, text, userId: user, userName, channelId, triggerId: unique('trg') }));
  }

  /** A reply in a thread; returns the message ts so it can be edited or deleted. */
  async reply(thread: string, text: string, user: string, eventId = unique('Ev')): Promise<string> {
    const ts = `1700001000.${String(++counter).padStart(6, '0')}`;
    await this.post(eventCallback(messageEvent({ text, ts, threadTs: thread, user }), { eventId }));
    return ts;
  }

  edit(thread: string, ts: string, text: string, user: string): Promise<SentResponse> {
    return this.post(eventCallback(messageChangedEvent({ ts, threadTs: thread, text, previousText: '', user }), { eventId: unique('Ev') }));
  }

  remove(thread: string, ts: string, user: string): Promise<SentResponse> {
    return this.post(eventCallback(messageDeletedEvent({ deletedTs: ts, threadTs: thread, user }), { eventId: unique('Ev') }));
  }

  /** Presses a button on a posted card (its `value` picks one of several with the same action). */
  press(card: RecordedCall, actionId: string, user = 'U1', userName = 'alex', value?: string): Promise<SentResponse> {
    const ts = String(card.response?.ts ?? card.body.ts ?? '');
    const threadTs = typeof card.body.thread_ts === 'string' ? card.body.thread_ts : undefined;
    const button = buttonsOf(card).find((b) => b.action_id === actionId && (value === undefined || b.value === value));
    if (!button) throw new Error(`no ${actionId} button on that card`);
    return this.post(
      blockActions({ actions: [{ actionId, value: button.value }], messageTs: ts, threadTs, userId: user, userName, triggerId: unique('trg') }),
    );
  }
}

interface SlackButton {
  action_id: string;
  value?: string;
}

export function buttonsOf(call: RecordedCall): SlackButton[] {
  const blocks = Array.isArray(call.body.blocks) ? (call.body.blocks as { type?: string; elements?: SlackButton[] }[]) : [];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

/** All text Slack was asked to show in a call (fallback text and every block). */
export function textOf(call: RecordedCall): string {
  return JSON.stringify([call.body.text, call.body.blocks]);
}
