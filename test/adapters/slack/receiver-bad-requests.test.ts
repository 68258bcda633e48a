// The real Bolt receiver over HTTP, mounted on our server: malformed, oversized and slow requests get a 4xx and the process keeps serving.
import { openRaw, postHead, within } from '../../support/raw-http';
import { startSlackHarness, type SlackHarness } from '../../support/slack-harness';
import {
  interactive,
  nowSeconds,
  send,
  sign,
  slashCommand,
  type UnsignedRequest,
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

describe('malformed, oversized and slow requests', () => {
  const portOf = (baseUrl: string): number => Number(new URL(baseUrl).port);
  const json = (body: unknown): UnsignedRequest => ({ contentType: 'application/json', body: JSON.stringify(body) });
  const form = (body: string): UnsignedRequest => ({ contentType: 'application/x-www-form-urlencoded', body });

  /** The process still serves: a good command is answered 200 and handed over. */
  async function expectStillServing(triggerId: string): Promise<void> {
    expect((await send(h.baseUrl, sign(slashCommand({ command: '/aar', triggerId })))).status).toBe(200);
    const events = await h.handler.waitForEvents(1);
    expect(events.map((e) => e.deliveryId)).toEqual([`slack:cmd:${triggerId}`]);
  }

  it('answers a signed event_callback whose event is a string with 400, logs no error, and keeps serving', async () => {
    const envelope = { token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'EvString', event_time: nowSeconds(), event: 'message' };
    const lines = h.logLines.length;
    const response = await send(h.baseUrl, sign(json(envelope)));
    expect(response.status).toBe(400);
    const logged = h.logLines.slice(lines);
    expect(logged.some((l) => l.includes('"level":"error"'))).toBe(false);
    expect(logged.some((l) => l.includes('malformed slack request') && l.includes('event'))).toBe(true);
    await expectStillServing('after.string.event');
  });

  const malformed: [string, UnsignedRequest][] = [
    ['a JSON null', { contentType: 'application/json', body: 'null' }],
    ['a JSON number', { contentType: 'application/json', body: '42' }],
    ['a JSON array', json([])],
    ['JSON that is cut short', { contentType: 'application/json', body: '{"type":' }],
    ['an envelope without a type', json({ team_id: 'T1' })],
    ['an envelope of an unknown type', json({ type: 'wat' })],
    ['an event_callback without an event', json({ type: 'event_callback', team_id: 'T1', event_id: 'E1' })],
    ['an event_callback whose event is null', json({ type: 'event_callback', team_id: 'T1', event_id: 'E2', event: null })],
    ['an event whose user is null', json({ type: 'event_callback', team_id: 'T1', event_id: 'E3', event: { type: 'message', channel: 'C1', user: null } })],
    ['an event whose channel is a number', json({ type: 'event_callback', team_id: 'T1', event_id: 'E4', event: { type: 'message', channel: 5 } })],
    ['a form with neither command nor payload', form('a=1')],
    ['a command sent twice in one form', form('command=/aar&command=/bar&team_id=T1&user_id=U1&channel_id=C1')],
    ['a command without a workspace', form('command=/aar&user_id=U1&channel_id=C1')],
    ['a payload that is not JSON', form('payload=%7B')],
    ['a payload that is a string', interactive('block_actions' as unknown as Record<string, unknown>)],
    ['block_actions without actions', interactive({ type: 'block_actions', user: { id: 'U1' } })],
    ['block_actions whose actions are a string', interactive({ type: 'block_actions', user: { id: 'U1' }, actions: 'x' })],
    ['block_actions with a null action', interactive({ type: 'block_actions', user: { id: 'U1' }, actions: [null] })],
    ['view_submission without a view', interactive({ type: 'view_submission', user: { id: 'U1' } })],
    ['view_submission whose view is a string', interactive({ type: 'view_submission', user: { id: 'U1' }, view: 'x' })],
  ];

  it.each(malformed)('answers %s with 400 at once, without an error in the log', async (_name, request) => {
    const lines = h.logLines.length;
    const started = Date.now();
    const response = await send(h.baseUrl, sign(request));
    expect(response.status).toBe(400);
    // Bolt's own answer to what it cannot route is a 404 after 3 s.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.logLines.slice(lines).some((l) => l.includes('"level":"error"'))).toBe(false);
  });

  it('acknowledges well-formed payloads Mobilise does not listen to with 200, and hands nothing over', async () => {
    expect((await send(h.baseUrl, sign(interactive({ type: 'shortcut', callback_id: 'x', user: { id: 'U1' } })))).status).toBe(200);
    expect((await send(h.baseUrl, sign(json({ type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1 })))).status).toBe(200);
    await expectStillServing('after.ignored');
  });

  it('still answers 401, not 400, to a malformed body without a good signature', async () => {
    expect((await send(h.baseUrl, sign(json({ type: 'wat' }), { secret: 'not-the-secret' }))).status).toBe(401);
  });

  it('answers a 5 MB signed body with 413, closes the connection, and serves the next connection', async () => {
    const big = sign(slashCommand({ command: '/aar', text: 'x'.repeat(5 * 1024 * 1024) }));
    const conn = await openRaw(portOf(h.baseUrl));
    conn.write(postHead('/slack/events', { ...big.headers, 'content-length': Buffer.byteLength(big.body) }));
    conn.write(big.body.slice(0, 256 * 1024));
    const response = await within(2_000, 'the 413', conn.response);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    await within(2_000, 'the server closing the connection', conn.closed);
    await expectStillServing('after.413');
  });

  it('answers a body that never finishes with 408 within the body deadline, and closes the connection', async () => {
    const slow = await startSlackHarness({ httpTimeouts: { bodyMs: 300 } });
    try {
      const request = sign(slashCommand({ command: '/aar', triggerId: 'slow' }));
      const conn = await openRaw(portOf(slow.baseUrl));
      conn.write(postHead('/slack/events', { ...request.headers, 'content-length': Buffer.byteLength(request.body) }));
      conn.write(request.body.slice(0, 20));
      const response = await within(2_300, 'the 408', conn.response);
      expect(response.status).toBe(408);
      expect(response.headers.connection).toBe('close');
      await within(2_000, 'the server closing the connection', conn.closed);
      expect(slow.handler.events).toEqual([]);
      expect((await send(slow.baseUrl, sign(slashCommand({ command: '/aar', triggerId: 'fast' })))).status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
