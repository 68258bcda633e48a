// The Slack ChatPort against the fake Web API: the right methods with the right arguments.
import { createSlackAdapter } from '../../../adapters/slack';
import { card } from '../../../src/core/card';
import type { Person, Place } from '../../../src/core/model';
import { PlaceUnavailable, RetryLater } from '../../../src/core/ports';
import { createLogger } from '../../../src/log';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api';
import { recordingHandler } from '../../support/recording-handler';
import { TEST_SIGNING_SECRET } from '../../support/slack-requests';

const channel: Place = { platform: 'slack', tenant: 'T1', channel: 'C1' };
const thread: Place = { ...channel, thread: '1700000000.000001' };
const sam: Person = { platform: 'slack', tenant: 'T1', id: 'U2', name: 'sam' };
const silent = createLogger('silent');

let api: FakeSlackApi;

beforeAll(async () => {
  api = await startFakeSlackApi();
});

afterAll(async () => {
  await api.close();
});

function adapter(retries = 0) {
  return createSlackAdapter({
    signingSecret: TEST_SIGNING_SECRET,
    botToken: 'xoxb-test-token',
    apiUrl: api.url,
    log: silent,
    handler: recordingHandler(),
    retries,
    retryDelayMs: 0,
  });
}

function last(method: string): Record<string, unknown> {
  const calls = api.calls(method);
  const call = calls[calls.length - 1];
  if (call === undefined) throw new Error(`no ${method} call`);
  return call.body;
}

describe('Slack ChatPort', () => {
  let chat: ReturnType<typeof adapter>['chat'];
  beforeAll(() => {
    chat = adapter().chat;
  });

  it('posts in a thread and returns the new ts', async () => {
    const ref = await chat.post(thread, card('Hello & welcome', { type: 'paragraph', text: 'Hi <@U2>' }));
    expect(ref).toEqual({ place: thread, id: expect.stringMatching(/^1700000000\.\d{6}$/) });
    expect(last('chat.postMessage')).toMatchObject({
      channel: 'C1',
      thread_ts: '1700000000.000001',
      text: 'Hello &amp; welcome',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hi <@U2>' } }],
    });
  });

  it('posts in a channel without thread_ts, with fresh ts each time', async () => {
    const a = await chat.post(channel, card('one'));
    const b = await chat.post(channel, card('two'));
    expect(a.id).not.toBe(b.id);
    expect(last('chat.postMessage')).not.toHaveProperty('thread_ts');
  });

  it('updates a posted message', async () => {
    await chat.update({ place: thread, id: '1700000000.000123' }, card('Updated', { type: 'divider' }));
    expect(last('chat.update')).toMatchObject({
      channel: 'C1',
      ts: '1700000000.000123',
      text: 'Updated',
      blocks: [{ type: 'divider' }],
    });
  });

  it('whispers to one person in the thread', async () => {
    await chat.whisper(thread, sam, card('Only you can see this'));
    expect(last('chat.postEphemeral')).toMatchObject({
      channel: 'C1',
      user: 'U2',
      thread_ts: '1700000000.000001',
      text: 'Only you can see this',
    });
  });

  it('opens a modal carrying place and value in private_metadata', async () => {
    await chat.openForm('trigger.1', thread, {
      id: 'aar:edit',
      title: 'Edit lesson',
      submitLabel: 'Save',
      value: 'lesson-7',
      fields: [{ id: 'what', label: 'What happened?', multiline: true }],
    });
    const body = last('views.open');
    expect(body.trigger_id).toBe('trigger.1');
    expect(body.view).toMatchObject({
      type: 'modal',
      callback_id: 'aar:edit',
      title: { type: 'plain_text', text: 'Edit lesson' },
      submit: { type: 'plain_text', text: 'Save' },
      blocks: [{ type: 'input', block_id: 'what', element: { type: 'plain_text_input', action_id: 'what', multiline: true } }],
    });
    const view = body.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toEqual({ place: thread, value: 'lesson-7' });
  });

  it('links to a posted message', async () => {
    const url = await chat.link({ place: channel, id: '1700000000.000777' });
    expect(url).toBe('https://example.slack.com/archives/C1/p1700000000000777');
    expect(last('chat.getPermalink')).toMatchObject({ channel: 'C1', message_ts: '1700000000.000777' });
  });

  it('answers undefined when Slack has no link for the message', async () => {
    await expect(chat.link({ place: channel, id: '' })).resolves.toBeUndefined();
  });
});

describe('group DMs', () => {
  const person = (id: string, tenant = 'T1'): Person => ({ platform: 'slack', tenant, id });
  let chat: ReturnType<typeof adapter>['chat'];
  beforeAll(() => {
    chat = adapter().chat;
  });

  it('opens one conversation for the people, in the order given, and posts there', async () => {
    const place = await chat.openGroup([person('U3'), person('U1'), person('U2')]);
    expect(place).toEqual({ platform: 'slack', tenant: 'T1', channel: 'GU1U2U3' });
    expect(last('conversations.open')).toMatchObject({ users: 'U3,U1,U2' });
    await chat.post(place, card('Meet each other'));
    expect(last('chat.postMessage')).toMatchObject({ channel: 'GU1U2U3', text: 'Meet each other' });
  });

  it('opens a 1:1 DM for one person, and asks for a repeated person once', async () => {
    await expect(chat.openGroup([person('U4')])).resolves.toEqual({ platform: 'slack', tenant: 'T1', channel: 'DU4' });
    await chat.openGroup([person('U5'), person('U6'), person('U5')]);
    expect(last('conversations.open')).toMatchObject({ users: 'U5,U6' });
  });

  it('refuses more than 8 people, nobody, or people from two workspaces, without calling Slack', async () => {
    const before = api.calls('conversations.open').length;
    const nine = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((id) => person(id));
    await expect(chat.openGroup(nine)).rejects.toThrow(RangeError);
    await expect(chat.openGroup(nine.slice(0, 8))).resolves.toMatchObject({ channel: 'GU1U2U3U4U5U6U7U8' });
    await expect(chat.openGroup([])).rejects.toThrow(RangeError);
    await expect(chat.openGroup([person('U1'), person('U2', 'T2')])).rejects.toThrow(RangeError);
    expect(api.calls('conversations.open').length).toBe(before + 1);
  });

  it.each(['user_disabled', 'user_not_found', 'cannot_dm_bot', 'not_allowed_token_type'])(
    'turns %s into PlaceUnavailable',
    async (error) => {
      api.refuseUser('U90', error);
      const failure = await chat.openGroup([person('U1'), person('U90')]).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PlaceUnavailable);
      expect(failure).toMatchObject({ reason: error });
    },
  );

  it('leaves other errors, such as a missing scope, as they are', async () => {
    api.refuseUser('U91', 'missing_scope');
    const failure = await chat.openGroup([person('U91')]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PlaceUnavailable);
  });
});

describe('direct messages', () => {
  it('post to the person in the app\'s Messages tab, and a refusal does not become PlaceUnavailable', async () => {
    const { chat } = adapter();
    await chat.direct(sam, card('Just for you'));
    expect(last('chat.postMessage')).toMatchObject({ channel: 'U2', text: 'Just for you' });
    api.refuseChannel('U2', 'channel_not_found');
    const failure = await chat.direct(sam, card('again')).catch((e: unknown) => e);
    api.allowChannel('U2');
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PlaceUnavailable);
  });
});

describe('rate limits', () => {
  it('turn a 429 into RetryLater after Retry-After, without the WebClient retrying by itself', async () => {
    // Retries are on, so a WebClient that still retried 429s would wait 2 s and then succeed.
    const { chat } = adapter(2);
    const before = api.calls('chat.postMessage').length;
    api.rateLimitNext('chat.postMessage', 2);
    const failure = await chat.post(channel, card('slow down')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RetryLater);
    expect(failure).toMatchObject({ afterMs: 2000 });
    expect(api.calls('chat.postMessage').slice(before).map((c) => c.status)).toEqual([429]);
  });

  it('leave nothing queued: the next send goes straight out', async () => {
    const { chat } = adapter(2);
    api.rateLimitNext('chat.postMessage', 1, 2);
    await expect(chat.post(channel, card('one'))).rejects.toBeInstanceOf(RetryLater);
    await expect(chat.post(channel, card('two'))).rejects.toBeInstanceOf(RetryLater);
    const before = api.calls('chat.postMessage').length;
    await expect(chat.post(channel, card('three'))).resolves.toMatchObject({ place: channel });
    expect(api.calls('chat.postMessage').slice(before).map((c) => c.status)).toEqual([200]);
  });

  const form = { id: 'f:x', title: 'Form', submitLabel: 'Send', fields: [{ id: 'a', label: 'A' }] };
  it.each<[string, string, (chat: ReturnType<typeof adapter>['chat']) => Promise<unknown>]>([
    ['post', 'chat.postMessage', (chat) => chat.post(channel, card('x'))],
    ['update', 'chat.update', (chat) => chat.update({ place: channel, id: '1700000000.000001' }, card('x'))],
    ['whisper', 'chat.postEphemeral', (chat) => chat.whisper(channel, sam, card('x'))],
    ['direct', 'chat.postMessage', (chat) => chat.direct(sam, card('x'))],
    ['openGroup', 'conversations.open', (chat) => chat.openGroup([sam])],
    ['openForm', 'views.open', (chat) => chat.openForm('trigger.9', channel, form)],
    ['link', 'chat.getPermalink', (chat) => chat.link({ place: channel, id: '1700000000.000001' })],
  ])('apply to %s (%s)', async (_name, method, call) => {
    const { chat } = adapter(0);
    api.rateLimitNext(method, 3);
    const failure = await call(chat).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RetryLater);
    expect(failure).toMatchObject({ afterMs: 3000 });
  });

  it('treat Slack\'s own "rate_limited" answer as RetryLater too', async () => {
    const { chat } = adapter(0);
    api.refuseChannel('C_BUSY', 'rate_limited');
    const failure = await chat.post({ ...channel, channel: 'C_BUSY' }, card('busy')).catch((e: unknown) => e);
    api.allowChannel('C_BUSY');
    expect(failure).toBeInstanceOf(RetryLater);
    expect(failure).toMatchObject({ afterMs: 1000 });
  });

  it('still let the WebClient retry a server error', async () => {
    const { chat } = adapter(2);
    const before = api.calls('chat.postMessage').length;
    api.failNext('chat.postMessage', 500);
    await chat.post(channel, card('after a hiccup'));
    expect(api.calls('chat.postMessage').slice(before).map((c) => c.status)).toEqual([500, 200]);
  });
});

describe('Socket Mode', () => {
  it('does not touch the network until start()', async () => {
    const before = api.calls().length;
    const socket = createSlackAdapter({
      botToken: 'xoxb-test-token',
      appToken: 'xapp-test-token',
      apiUrl: api.url,
      log: silent,
      handler: recordingHandler(),
    });
    expect(socket.requestListener).toBeUndefined();
    // One round trip to the fake proves no call was queued behind the constructor.
    await socket.chat.post(channel, card('probe'));
    expect(api.calls().slice(before).map((c) => c.method)).toEqual(['chat.postMessage']);
    await socket.stop();
  });
});
