// The Slack ChatPort against the fake Web API: the right methods with the right arguments.
import { createSlackAdapter } from '../../../adapters/slack';
import { card } from '../../../src/core/card';
import type { Person, Place } from '../../../src/core/model';
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

describe('rate limits', () => {
  it('retries after a 429 with Retry-After', async () => {
    const { chat } = adapter(2);
    const before = api.calls('chat.postMessage').length;
    api.failNext('chat.postMessage', 429, 0);
    const ref = await chat.post(channel, card('after a pause'));
    const calls = api.calls('chat.postMessage').slice(before);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(ref.id).toMatch(/^1700000000\./);
  });

  it('gives up when retries are exhausted', async () => {
    const { chat } = adapter(0);
    api.failNext('chat.postMessage', 429, 0);
    await expect(chat.post(channel, card('no retries'))).rejects.toThrow();
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
