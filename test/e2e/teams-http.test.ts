// The Teams messaging endpoint over real HTTP: bad bodies get 400 and leave the process serving; with an app id, no token means 401.
import { textOf, useTeamsE2e } from '../support/mobilise-teams';
import { openRaw, postHead, within } from '../support/raw-http';
import { ALEX, channelMessage, personalMessage, TENANT } from '../support/teams-activities';

describe('the Teams messaging endpoint', () => {
  const e2e = useTeamsE2e(undefined);

  it('answers 400 to a body that is not JSON, and keeps serving', async () => {
    expect(await e2e.teams.raw('{"type": "message", ')).toMatchObject({ status: 400, text: expect.stringContaining('not JSON') });
    expect(await e2e.teams.raw('')).toMatchObject({ status: 400 });
    await expectStillServing();
  });

  it('answers 400 to JSON that is not an activity', async () => {
    expect((await e2e.teams.raw('[1, 2]')).status).toBe(400);
    expect((await e2e.teams.raw('"message"')).status).toBe(400);
    expect(await e2e.teams.send({ text: 'no type here' })).toMatchObject({ status: 400, text: expect.stringContaining('type') });
    expect((await e2e.teams.send({ type: 42 })).status).toBe(400);
    await expectStillServing();
  });

  it('answers 400 to a message without the fields Mobilise needs', async () => {
    const good = personalMessage(e2e.connector.url, ALEX, 'hello');
    const noConversation = { ...good, conversation: undefined };
    expect(await e2e.teams.send(noConversation)).toMatchObject({ status: 400, text: expect.stringContaining('conversation') });
    expect((await e2e.teams.send({ ...good, from: { name: 'nobody' } })).status).toBe(400);
    expect((await e2e.teams.send({ ...good, serviceUrl: 'not a url' })).status).toBe(400);
    expect((await e2e.teams.send({ ...good, conversation: { id: '' } })).status).toBe(400);
    expect((await e2e.teams.send({ ...good, entities: 'mentions' })).status).toBe(400);
    await expectStillServing();
  });

  it('acknowledges activity types it does not handle and does nothing with them', async () => {
    const before = e2e.connector.calls().length;
    expect((await e2e.teams.send({ type: 'typing', from: { id: '29:x' } })).status).toBe(200);
    expect((await e2e.teams.send({ type: 'messageReaction' })).status).toBe(200);
    expect(e2e.connector.calls()).toHaveLength(before);
  });

  it('refuses other methods and oversized bodies', async () => {
    const res = await fetch(`http://127.0.0.1:${e2e.app.port}/api/messages`);
    expect(res.status).toBe(405);
    const huge = JSON.stringify(channelMessage({ serviceUrl: e2e.connector.url, from: ALEX, text: 'x'.repeat(300 * 1024) }));
    expect((await e2e.teams.raw(huge)).status).toBe(413);
    await expectStillServing();
  });

  it('answers a 5 MB body with 413, closes the connection, and serves the next connection', async () => {
    const conn = await openRaw(e2e.app.port ?? 0);
    conn.write(postHead('/api/messages', { 'content-type': 'application/json', 'content-length': 5 * 1024 * 1024 }));
    conn.write(Buffer.alloc(256 * 1024, ' '));
    const response = await within(2_000, 'the 413', conn.response);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    await within(2_000, 'the server closing the connection', conn.closed);
    await expectStillServing();
  });

  it('closes the connection after a 413 from its own, smaller limit too', async () => {
    const huge = JSON.stringify(channelMessage({ serviceUrl: e2e.connector.url, from: ALEX, text: 'x'.repeat(300 * 1024) }));
    const conn = await openRaw(e2e.app.port ?? 0);
    conn.write(postHead('/api/messages', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(huge) }));
    conn.write(huge);
    const response = await within(2_000, 'the 413', conn.response);
    expect(response).toMatchObject({ status: 413, headers: { connection: 'close' } });
    await within(2_000, 'the server closing the connection', conn.closed);
  });

  /** A good request after the bad ones still reaches the engine: `aar help` in a personal chat is answered there. */
  async function expectStillServing(): Promise<void> {
    const before = e2e.connector.sent().length;
    expect((await e2e.teams.send(personalMessage(e2e.connector.url, ALEX, 'aar help'))).status).toBe(200);
    const sent = await e2e.connector.waitForSent(before + 1);
    const help = sent[before];
    expect(help?.conversationId).toBe(`a:personal-${ALEX.id}`);
    expect(textOf(help as { activity: Record<string, unknown> })).toMatch(/After Action Review/i);
  }

  it('keeps addresses per tenant', async () => {
    const rows = await e2e.app.db.query("SELECT DISTINCT tenant FROM platform_addresses WHERE platform = 'teams'");
    expect(rows.map((r) => r.tenant)).toEqual([TENANT]);
  });
});

describe('the Teams messaging endpoint with an app id', () => {
  const e2e = useTeamsE2e(undefined, {
    teams: { auth: true, appId: '0f5c3a43-8d1e-4c49-9a8b-2f6d9e7c1b20', appType: 'SingleTenant', appPassword: 'not-a-real-secret', tenantId: TENANT },
  });

  it('answers 401 to an activity without an Authorization header, and neither stores nor sends anything', async () => {
    // botbuilder logs the refusal to the console itself.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect((await e2e.teams.send(personalMessage(e2e.connector.url, ALEX, 'aar help'))).status).toBe(401);
      expect((await e2e.teams.raw(JSON.stringify(personalMessage(e2e.connector.url, ALEX, 'aar help')), { 'content-type': 'application/json', authorization: '' })).status).toBe(401);
    } finally {
      quiet.mockRestore();
    }
    expect(e2e.connector.calls()).toHaveLength(0);
    expect(await e2e.app.db.query("SELECT * FROM platform_addresses WHERE platform = 'teams'")).toHaveLength(0);
  });

  it('still answers 400 to a bad body before looking for a token', async () => {
    expect((await e2e.teams.raw('not json')).status).toBe(400);
  });
});

describe('the Teams messaging endpoint with a short body deadline', () => {
  const e2e = useTeamsE2e(undefined, { httpTimeouts: { bodyMs: 300 } });

  it('answers a body that never finishes with 408 and closes the connection, and keeps serving', async () => {
    const activity = JSON.stringify(personalMessage(e2e.connector.url, ALEX, 'aar help'));
    const conn = await openRaw(e2e.app.port ?? 0);
    conn.write(postHead('/api/messages', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(activity) }));
    conn.write(activity.slice(0, 30));
    const response = await within(2_300, 'the 408', conn.response);
    expect(response).toMatchObject({ status: 408, headers: { connection: 'close' } });
    await within(2_000, 'the server closing the connection', conn.closed);
    expect(e2e.connector.calls()).toHaveLength(0);
    expect((await e2e.teams.send(personalMessage(e2e.connector.url, ALEX, 'aar help'))).status).toBe(200);
    await e2e.connector.waitForSent(1);
  });
});
