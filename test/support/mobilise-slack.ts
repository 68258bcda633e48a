// The whole of Mobilise (startMobilise) in Slack HTTP mode, talking to the fake Slack Web API.
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import { startMobilise, type RunningApp } from '../../src/main';
import type { FakeSlackApi, RecordedCall } from './fake-slack-api';
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

export async function startSlackMobilise(api: FakeSlackApi, db: { databaseUrl?: string; dataDir?: string }): Promise<RunningApp> {
  return startMobilise(slackConfig(api, db), { log: createLogger('silent'), slackRetries: 0 });
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
