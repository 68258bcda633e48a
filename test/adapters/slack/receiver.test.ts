// The real Bolt receiver over HTTP, mounted on our server: signed Slack requests become neutral events; bad ones get a 4xx.
import { NotAccepted } from '../../../src/core/inbound-handler';
import { startSlackHarness, type SlackHarness } from '../../support/slack-harness';
import {
  blockActions,
  eventCallback,
  interactive,
  messageChangedEvent,
  messageDeletedEvent,
  messageEvent,
  nowSeconds,
  send,
  sign,
  slashCommand,
  urlVerification,
  viewSubmission,
} from '../../support/slack-requests';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.handler.events.length = 0;
});

describe('slash commands', () => {
  it('answers 200 only once the handler has kept the command, and hands it on as a command event', async () => {
    h.handler.hold();
    let answered = false;
    const answer = send(h.baseUrl, sign(slashCommand({ command: '/aar', text: 'ward 7 &amp; theatre', triggerId: '12.34.ab' }))).then((r) => {
      answered = true;
      return r;
    });
    const [event] = await h.handler.waitForEvents(1);
    // While the handler holds the event (it is not kept yet), Slack has no answer: an ack is a promise it is kept.
    // (A loopback answer sent at once would be here in far less than this.)
    await Promise.race([answer, new Promise((resolve) => setTimeout(resolve, 300))]);
    expect(answered).toBe(false);
    h.handler.release();
    expect((await answer).status).toBe(200);
    expect(event).toEqual({
      kind: 'command',
      name: 'aar',
      text: 'ward 7 & theatre',
      from: { platform: 'slack', tenant: 'T1', id: 'U1', name: 'alex' },
      place: { platform: 'slack', tenant: 'T1', channel: 'C1' },
      deliveryId: 'slack:cmd:12.34.ab',
      trigger: '12.34.ab',
    });
  });

  it('answers 500 to an event Mobilise could not keep, so Slack resends it, but 200 to one whose sender was told', async () => {
    h.handler.failNext(new NotAccepted('full', false));
    const reply = await send(h.baseUrl, sign(eventCallback(messageEvent({ text: 'kept?', ts: '1700000009.000100' }), { eventId: 'EvFull' })));
    expect(reply.status).toBe(500);
    h.handler.failNext(new NotAccepted('full', false));
    expect((await send(h.baseUrl, sign(slashCommand({ command: '/aar', triggerId: 'full.1' })))).status).toBe(500);
    h.handler.failNext(new NotAccepted('full', true));
    expect((await send(h.baseUrl, sign(slashCommand({ command: '/aar', triggerId: 'full.2' })))).status).toBe(200);
  });

  it('logs a failing handler and keeps serving', async () => {
    h.handler.failNext(new Error('database is down'));
    const first = await send(h.baseUrl, sign(slashCommand({ command: '/retro', triggerId: 'fail.1' })));
    expect(first.status).toBe(200);
    expect(first.body).not.toContain('database is down');
    await h.handler.waitForEvents(1);
    const second = await send(h.baseUrl, sign(slashCommand({ command: '/retro', triggerId: 'fail.2' })));
    expect(second.status).toBe(200);
    await h.handler.waitForEvents(2);
    expect(h.logLines.some((l) => l.includes('slack:cmd:fail.1') && l.includes('database is down'))).toBe(true);
  });
});

describe('message events', () => {
  it('turns a thread message into a reply with decoded text', async () => {
    const text =
      'see <https://nhs.uk/a?b=1&amp;c=2|the guide> and <https://x.test> in <#C9|wards> &lt;ok&gt; <!here> cc <@U7>';
    const response = await send(
      h.baseUrl,
      sign(eventCallback(messageEvent({ text, ts: '1700000001.000200', threadTs: '1700000001.000100' }), { eventId: 'Ev1' })),
    );
    expect(response.status).toBe(200);
    const [event] = await h.handler.waitForEvents(1);
    expect(event).toEqual({
      kind: 'reply',
      text: 'see the guide (https://nhs.uk/a?b=1&c=2) and https://x.test in #wards <ok> @here cc <@U7>',
      from: { platform: 'slack', tenant: 'T1', id: 'U1' },
      place: { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000001.000100' },
      deliveryId: 'slack:evt:Ev1',
      messageId: '1700000001.000200',
    });
  });

  it('keeps a top-level message in the channel', async () => {
    await send(h.baseUrl, sign(eventCallback(messageEvent({ text: 'hello', ts: '1700000002.000100' }), { eventId: 'Ev2' })));
    const [event] = await h.handler.waitForEvents(1);
    expect(event?.place).toEqual({ platform: 'slack', tenant: 'T1', channel: 'C1' });
  });

  it('turns message_changed into reply-edited in the message thread', async () => {
    const event = messageChangedEvent({ ts: '1700000003.000200', threadTs: '1700000003.000100', text: 'new', previousText: 'old' });
    await send(h.baseUrl, sign(eventCallback(event, { eventId: 'Ev3' })));
    const [inbound] = await h.handler.waitForEvents(1);
    expect(inbound).toEqual({
      kind: 'reply-edited',
      text: 'new',
      from: { platform: 'slack', tenant: 'T1', id: 'U1' },
      place: { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000003.000100' },
      deliveryId: 'slack:evt:Ev3',
      messageId: '1700000003.000200',
    });
  });

  it('turns message_deleted into reply-deleted', async () => {
    const event = messageDeletedEvent({ deletedTs: '1700000004.000200', threadTs: '1700000004.000100' });
    await send(h.baseUrl, sign(eventCallback(event, { eventId: 'Ev4' })));
    const [inbound] = await h.handler.waitForEvents(1);
    expect(inbound).toEqual({
      kind: 'reply-deleted',
      place: { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000004.000100' },
      deliveryId: 'slack:evt:Ev4',
      messageId: '1700000004.000200',
    });
  });

  it('ignores bot messages, unknown subtypes and edits that do not change the text', async () => {
    const ignored = [
      messageEvent({ text: 'from a bot', ts: '1700000005.000001', botId: 'B9' }),
      messageEvent({ text: 'joined', ts: '1700000005.000002', subtype: 'channel_join' }),
      messageEvent({ text: 'bot', ts: '1700000005.000003', subtype: 'bot_message', botId: 'B9' }),
      messageChangedEvent({ ts: '1700000005.000004', text: 'same', previousText: 'same' }),
    ];
    for (const [i, event] of ignored.entries()) {
      const response = await send(h.baseUrl, sign(eventCallback(event, { eventId: `EvIgnored${i}` })));
      expect(response.status).toBe(200);
    }
    // A real message after them is the first (and only) thing the handler sees.
    await send(h.baseUrl, sign(eventCallback(messageEvent({ text: 'person', ts: '1700000005.000009' }), { eventId: 'EvReal' })));
    const events = await h.handler.waitForEvents(1);
    expect(events.map((e) => e.deliveryId)).toEqual(['slack:evt:EvReal']);
  });
});

describe('interactivity', () => {
  it('turns a button in a thread into an action in that thread', async () => {
    const response = await send(
      h.baseUrl,
      sign(
        blockActions({
          actions: [{ actionId: 'aar:vote#1', value: '3' }],
          messageTs: '1700000006.000300',
          threadTs: '1700000006.000100',
          triggerId: '77.88.cc',
        }),
      ),
    );
    expect(response.status).toBe(200);
    const [event] = await h.handler.waitForEvents(1);
    expect(event).toEqual({
      kind: 'action',
      action: 'aar:vote',
      value: '3',
      from: { platform: 'slack', tenant: 'T1', id: 'U1', name: 'alex' },
      place: { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000006.000100' },
      deliveryId: 'slack:act:77.88.cc:aar:vote#1',
      trigger: '77.88.cc',
    });
  });

  it('maps a button on a thread parent to the thread rooted at that message', async () => {
    await send(h.baseUrl, sign(blockActions({ actions: [{ actionId: 'aar:start' }], messageTs: '1700000007.000100' })));
    const [event] = await h.handler.waitForEvents(1);
    expect(event?.place).toEqual({ platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000007.000100' });
    expect(event).not.toHaveProperty('value');
  });

  it('keeps a button on a whisper in the whisper\'s thread, or in the channel', async () => {
    await send(
      h.baseUrl,
      sign(blockActions({ actions: [{ actionId: 'a:b' }], messageTs: '1700000009.000900', threadTs: '1700000009.000100', ephemeral: true })),
    );
    await send(h.baseUrl, sign(blockActions({ actions: [{ actionId: 'a:c' }], messageTs: '1700000009.000901', ephemeral: true })));
    const events = await h.handler.waitForEvents(2);
    expect(events.map((e) => e.place.thread)).toEqual(['1700000009.000100', undefined]);
  });

  it('turns a view submission for our form into a form event and closes the modal', async () => {
    const privateMetadata = JSON.stringify({
      place: { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000008.000100' },
      value: 'lesson-42',
    });
    const response = await send(
      h.baseUrl,
      sign(viewSubmission({ callbackId: 'aar:edit', privateMetadata, values: { what: 'we planned', why: null }, viewId: 'V42' })),
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const [event] = await h.handler.waitForEvents(1);
    expect(event).toEqual({
      kind: 'form',
      form: 'aar:edit',
      fields: { what: 'we planned', why: '', _value: 'lesson-42' },
      from: { platform: 'slack', tenant: 'T1', id: 'U1', name: 'alex' },
      place: { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1700000008.000100' },
      deliveryId: 'slack:view:V42',
    });
  });

  it('reads a submitted select menu and checkboxes as their answers', async () => {
    const place = { platform: 'slack', tenant: 'T1', channel: 'C1' };
    const yes = { text: { type: 'plain_text', text: 'Yes', emoji: true }, value: 'true' };
    const response = await send(
      h.baseUrl,
      sign(
        interactive({
          type: 'view_submission',
          team: { id: 'T1', domain: 'example' },
          user: { id: 'U1', username: 'alex', name: 'alex', team_id: 'T1' },
          api_app_id: 'A1',
          token: 'legacy-verification-token',
          trigger_id: '555.666.ddd',
          view: {
            id: 'V43',
            team_id: 'T1',
            type: 'modal',
            callback_id: 'coffee:setup',
            private_metadata: JSON.stringify({ place }),
            state: {
              values: {
                weekday: { weekday: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Tuesday' }, value: '2' } } },
                groupSize: { groupSize: { type: 'static_select', selected_option: null } },
                reminder: { reminder: { type: 'checkboxes', selected_options: [yes] } },
                feedback: { feedback: { type: 'checkboxes', selected_options: [] } },
              },
            },
            hash: '1700000000.abd',
            title: { type: 'plain_text', text: 'Coffee' },
            blocks: [],
          },
          response_urls: [],
        }),
      ),
    );
    expect(response.status).toBe(200);
    const [event] = await h.handler.waitForEvents(1);
    expect(event).toMatchObject({
      kind: 'form',
      form: 'coffee:setup',
      fields: { weekday: '2', groupSize: '', reminder: 'true', feedback: 'false' },
      place,
      deliveryId: 'slack:view:V43',
    });
  });

  it('closes but ignores a view submission whose metadata is not ours', async () => {
    const response = await send(h.baseUrl, sign(viewSubmission({ callbackId: 'x', privateMetadata: 'not json', values: {} })));
    expect(response.status).toBe(200);
    await send(h.baseUrl, sign(slashCommand({ command: '/aar', triggerId: 'after.view' })));
    const events = await h.handler.waitForEvents(1);
    expect(events.map((e) => e.kind)).toEqual(['command']);
  });
});

describe('request authenticity', () => {
  it('answers Slack\'s signed URL verification with the challenge', async () => {
    const response = await send(h.baseUrl, sign(urlVerification('c-123')));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ challenge: 'c-123' });
  });

  const command = slashCommand({ command: '/aar' });

  it('rejects a wrong signature with 401', async () => {
    const response = await send(h.baseUrl, sign(command, { secret: 'not-the-secret' }));
    expect(response.status).toBe(401);
  });

  it('rejects a timestamp 6 minutes old with 401', async () => {
    const response = await send(h.baseUrl, sign(command, { timestamp: nowSeconds() - 6 * 60 }));
    expect(response.status).toBe(401);
  });

  it('rejects a timestamp 6 minutes in the future with 401', async () => {
    const response = await send(h.baseUrl, sign(command, { timestamp: nowSeconds() + 6 * 60 }));
    expect(response.status).toBe(401);
  });

  it('rejects a missing or garbled timestamp with 401', async () => {
    const signed = sign(command);
    const garbled = { ...signed, headers: { ...signed.headers, 'x-slack-request-timestamp': '12abc' } };
    expect((await send(h.baseUrl, garbled)).status).toBe(401);
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== 'x-slack-request-timestamp'));
    expect((await send(h.baseUrl, { ...signed, headers })).status).toBe(401);
  });

  it('hands nothing to the handler for rejected requests', async () => {
    await send(h.baseUrl, sign(command, { secret: 'not-the-secret' }));
    await send(h.baseUrl, sign(slashCommand({ command: '/aar', triggerId: 'accepted' })));
    const events = await h.handler.waitForEvents(1);
    expect(events.map((e) => e.deliveryId)).toEqual(['slack:cmd:accepted']);
  });
});

describe('clock and readiness', () => {
  it('uses the injected clock for the window', async () => {
    const skewed = await startSlackHarness({ now: () => Date.now() + 10 * 60 * 1000 });
    try {
      const response = await send(skewed.baseUrl, sign(slashCommand({ command: '/aar' })));
      expect(response.status).toBe(401);
    } finally {
      await skewed.close();
    }
  });

  it('answers 503 until start() has verified the token', async () => {
    const idle = await startSlackHarness({ start: false });
    try {
      expect((await send(idle.baseUrl, sign(slashCommand({ command: '/aar' })))).status).toBe(503);
      expect(idle.api.calls()).toEqual([]);
      await idle.adapter.start();
      expect(idle.api.calls().map((c) => c.method)).toEqual(['auth.test']);
      expect((await send(idle.baseUrl, sign(slashCommand({ command: '/aar' })))).status).toBe(200);
    } finally {
      await idle.close();
    }
  });
});
