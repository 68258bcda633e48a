// The Teams adapter on its own: it acks before the work is done, and its ChatPort speaks the Bot Connector's REST API,
// turning refusals and rate limits into the core's errors.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTeamsAdapter, TEAMS_MESSAGES_PATH, type TeamsAdapter } from '../../../adapters/teams';
import { card } from '../../../src/core/card';
import type { Place } from '../../../src/core/model';
import { isNamed, PlaceUnavailable, Refused, RetryLater } from '../../../src/core/ports';
import { createHttpServer } from '../../../src/http/server';
import { createLogger } from '../../../src/log';
import { migrate } from '../../../src/store/migrate';
import { addressBook } from '../../../src/store/platform-addresses';
import { expectValidAdaptiveCard } from '../../support/adaptive-card-check';
import { freshDatabase, type TestDatabase } from '../../support/databases';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector';
import { adaptiveCardOf, TeamsClientSim, textOf } from '../../support/mobilise-teams';
import { recordingHandler, type RecordingHandler } from '../../support/recording-handler';
import { ALEX, CHANNEL, channelMessage, JO, KIT, personalMessage, SAM, TEAM, teamInstall, TENANT } from '../../support/teams-activities';
import { NotAccepted } from '../../../src/core/inbound-handler';

const channel: Place = { platform: 'teams', tenant: TENANT, channel: CHANNEL };
const hello = card('Hello', { type: 'paragraph', text: 'Hello' });

describe('the Teams adapter', () => {
  let database: TestDatabase;
  let connector: FakeBotConnector;
  let handler: RecordingHandler;
  let teams: TeamsAdapter;
  let server: Server;
  let client: TeamsClientSim;

  beforeAll(async () => {
    database = await freshDatabase('embedded');
    await migrate(database.db);
    connector = await startFakeBotConnector();
    handler = recordingHandler();
    teams = createTeamsAdapter({
      handler,
      addresses: addressBook(database.db, 'teams', () => new Date()),
      commands: ['aar', 'coffee'],
      log: createLogger('silent'),
    });
    server = createHttpServer({ routes: { [TEAMS_MESSAGES_PATH]: teams.requestListener }, health: async () => true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new TeamsClientSim(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, connector);
  });
  afterAll(async () => {
    handler.release();
    await teams.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await connector.close();
    await database.drop();
  });

  it('answers Teams only once the event is kept, then hands it on', async () => {
    handler.hold();
    let answered = false;
    const answer = client.send(channelMessage({ serviceUrl: connector.url, from: ALEX, text: 'aar Ward 7 go-live', mentionBot: true })).then((r) => {
      answered = true;
      return r;
    });
    const [event] = await handler.waitForEvents(1);
    expect(event).toMatchObject({ kind: 'command', name: 'aar', text: 'Ward 7 go-live' });
    // Held (not kept yet), so Teams has no answer; a loopback answer sent at once would be here in far less than this.
    await Promise.race([answer, new Promise((resolve) => setTimeout(resolve, 300))]);
    expect(answered).toBe(false);
    handler.release();
    expect((await answer).status).toBe(200);
  });

  it('answers 500 to an activity Mobilise could not keep, so Teams resends it, and 200 when its sender was told', async () => {
    handler.failNext(new NotAccepted('full', false));
    expect((await client.send(channelMessage({ serviceUrl: connector.url, from: ALEX, text: 'kept?', root: 'root-full' }))).status).toBe(500);
    handler.failNext(new NotAccepted('full', true));
    expect((await client.send(channelMessage({ serviceUrl: connector.url, from: ALEX, text: 'aar Ward 8', mentionBot: true }))).status).toBe(200);
  });

  it('posts to a channel as a new reply chain, and into a chain or a chat in place', async () => {
    await client.send(teamInstall(connector.url, ALEX));
    const root = await teams.chat.post(channel, hello);
    expect(root.repliesIn).toBe('thread');
    const created = connector.calls().filter((c) => c.method === 'POST' && c.path === '/v3/conversations').at(-1);
    expect(created?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL } } });

    const reply = await teams.chat.post({ ...channel, thread: root.id }, hello);
    expect(reply.repliesIn).toBe('place');
    expect(connector.sent().at(-1)?.conversationId).toBe(`${CHANNEL};messageid=${root.id}`);

    await client.send(personalMessage(connector.url, SAM, 'hi'));
    const chat = `a:personal-${SAM.id}`;
    const inChat = await teams.chat.post({ platform: 'teams', tenant: TENANT, channel: chat, thread: chat }, hello);
    expect(inChat.repliesIn).toBe('place');
    expect(connector.sent().at(-1)?.conversationId).toBe(chat);
  });

  it('updates a chain\'s first post in place', async () => {
    const root = await teams.chat.post(channel, hello);
    if (!isNamed(root)) throw new Error('a chain root is always named');
    await teams.chat.update(root, card('Closed', { type: 'paragraph', text: 'Closed' }));
    const put = connector.updates().at(-1);
    expect(put).toMatchObject({ conversationId: `${CHANNEL};messageid=${root.id}`, activityId: root.id });
    expect(textOf({ activity: put?.body ?? {} })).toContain('Closed');
  });

  it('links to a posted message', async () => {
    const root = await teams.chat.post(channel, hello);
    if (!isNamed(root)) throw new Error('a chain root is always named');
    const url = await teams.chat.link({ ...root, place: { ...channel, thread: root.id } });
    expect(url).toContain(`https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL)}/${root.id}?`);
    expect(url).toContain(`groupId=${TEAM.aadGroupId}`);
  });

  it('refuses a channel it has no address for, so the organiser can be told', async () => {
    await expect(teams.chat.post({ ...channel, channel: '19:unknown@thread.tacv2' }, hello)).rejects.toBeInstanceOf(PlaceUnavailable);
    await expect(teams.chat.direct({ platform: 'teams', tenant: 'another-tenant', id: '29:x' }, hello)).rejects.toThrow(/has not heard from this organisation/);
  });

  it('opens a 1:1 chat for a direct message once, then reuses it; whispers go there too', async () => {
    const creates = (): number => connector.calls().filter((c) => c.method === 'POST' && c.path === '/v3/conversations' && c.body.isGroup === false).length;
    const before = creates();
    await teams.chat.direct({ platform: 'teams', tenant: TENANT, id: JO.id }, hello);
    await teams.chat.whisper(channel, { platform: 'teams', tenant: TENANT, id: JO.id }, hello);
    expect(creates()).toBe(before + 1);
    expect(connector.sent().slice(-2).map((s) => s.conversationId)).toEqual([`a:personal-${JO.id}`, `a:personal-${JO.id}`]);
  });

  it('sends a form to the person who pressed the button', async () => {
    await teams.chat.openForm(SAM.id, channel, { id: 'aar:edit-lesson', title: 'Edit the lesson', submitLabel: 'Save', fields: [{ id: 'title', label: 'Title' }] });
    const sent = connector.sent().at(-1);
    expect(sent?.conversationId).toBe(`a:personal-${SAM.id}`);
    expectValidAdaptiveCard(adaptiveCardOf(sent ?? { activity: {} }));
  });

  it('names people in mentions and offers links to meet them, looking up sign-in names once', async () => {
    connector.addMember({ id: SAM.id, name: SAM.name, userPrincipalName: 'sam.patel@nhs.net' });
    connector.addMember({ id: JO.id, name: JO.name, userPrincipalName: 'jo.evans@nhs.net' });
    const [sam, jo] = [SAM, JO].map((p) => ({ platform: 'teams' as const, tenant: TENANT, id: p.id }));
    if (!sam || !jo) throw new Error('unreachable');
    const people = [sam, jo];
    const intro = card(`Meet <@${SAM.id}>`, { type: 'paragraph', text: `Meet <@${SAM.id}> and <@${JO.id}>` }, {
      type: 'meet',
      people,
      topic: 'Coffee',
      start: '2025-03-04T12:30:00.000Z',
      end: '2025-03-04T13:00:00.000Z',
    });
    await teams.chat.direct(sam, intro);
    const sent = connector.sent().at(-1) ?? { activity: {} };
    const text = textOf(sent);
    expect(text).toContain(`<at>${SAM.name}</at>`);
    expect(text).toContain('https://teams.microsoft.com/l/chat/0/0?users=sam.patel%40nhs.net%2Cjo.evans%40nhs.net');
    expect(text).toContain('https://teams.microsoft.com/l/meeting/new?subject=Coffee');
    expectValidAdaptiveCard(adaptiveCardOf(sent));
    const lookups = connector.calls().filter((c) => c.memberId !== undefined).length;
    await teams.chat.direct(jo, intro);
    expect(connector.calls().filter((c) => c.memberId !== undefined)).toHaveLength(lookups);
  });

  it('keeps the name Teams gives for a person cleaned of a NUL, so their sign-in name is kept and links to meet them work', async () => {
    expect((await client.send(personalMessage(connector.url, KIT, 'hello'))).status).toBe(200);
    connector.addMember({ id: KIT.id, name: 'Kit\u0000 Lewis-Jones', userPrincipalName: 'kit.lewis@nhs.net' });
    const kit = { platform: 'teams' as const, tenant: TENANT, id: KIT.id };
    const meet = { type: 'meet' as const, people: [kit], topic: 'Coffee', start: '2025-03-04T12:30:00.000Z', end: '2025-03-04T13:00:00.000Z' };
    await teams.chat.direct(kit, card('Coffee', meet));
    expect(textOf(connector.sent().at(-1) ?? { activity: {} })).toContain('users=kit.lewis%40nhs.net');
    const [row] = await database.db.query("SELECT address FROM platform_addresses WHERE platform = 'teams' AND key = $1", [`person:${KIT.id}`]);
    expect(row?.address).toMatchObject({ name: 'Kit Lewis-Jones', upn: 'kit.lewis@nhs.net' });
  });

  it("names a linked channel from its team's channel list, asked for once and kept", async () => {
    connector.addTeamChannel(TEAM.id, { id: TEAM.id });
    connector.addTeamChannel(TEAM.id, { id: CHANNEL, name: 'E-prescribing' });
    // Messages from a channel carry its team, not its name.
    expect((await client.send(channelMessage({ serviceUrl: connector.url, from: ALEX, text: 'hello' }))).status).toBe(200);
    const note = card(`Posted in <#${CHANNEL}>`, { type: 'paragraph', text: `Round 3 is matched in <#${CHANNEL}> and <#${TEAM.id}>.` });
    await teams.chat.direct({ platform: 'teams', tenant: TENANT, id: SAM.id }, note);
    const sent = connector.sent().at(-1) ?? { activity: {} };
    expect(textOf(sent)).toContain('Round 3 is matched in #E-prescribing and #General.');
    expectValidAdaptiveCard(adaptiveCardOf(sent));
    const listAsks = (): number => connector.calls().filter((c) => c.path.startsWith('/v3/teams/')).length;
    expect(listAsks()).toBe(1);
    await teams.chat.direct({ platform: 'teams', tenant: TENANT, id: SAM.id }, note);
    expect(textOf(connector.sent().at(-1) ?? { activity: {} })).toContain('#E-prescribing');
    expect(listAsks()).toBe(1);
  });

  it.each([
    [429, RetryLater, /429 Throttled/],
    [412, RetryLater, /412 PreconditionFailed/],
    [502, RetryLater, /502 ServiceError/],
    [403, PlaceUnavailable, /403 BotNotInConversationRoster/],
    [400, Refused, /400 BadArgument/],
    [413, Refused, /413 MessageSizeTooBig/],
    [500, Refused, /500 ServiceError/],
  ])('turns Teams answering %i into the core\'s %p', async (status, expected, words) => {
    const chain: Place = { ...channel, thread: '1700000000001' };
    // botbuilder's own client tries a 5xx four times (over about 12 s) before Mobilise sees it.
    connector.failNext(status, { times: status >= 500 ? 4 : 1 });
    const failure = await teams.chat.post(chain, hello).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(expected);
    expect(String(failure)).toMatch(words);
  }, 30_000);

  it('waits out a 429 that says how long itself, and hands the outbox one that does not', async () => {
    const chain: Place = { ...channel, thread: '1700000000001' };
    connector.rateLimitNext(0, 1);
    expect(isNamed(await teams.chat.post(chain, hello))).toBe(true);
    connector.failNext(429);
    const failure = await teams.chat.post(chain, hello).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RetryLater);
    expect((failure as RetryLater).afterMs).toBeUndefined();
  });

  it('treats a message that is gone as that message refused, and a conversation that is gone as the place refused', async () => {
    const chain: Place = { ...channel, thread: '1700000000001' };
    await expect(teams.chat.update({ place: chain, id: '1699999999999' }, hello)).rejects.toBeInstanceOf(Refused);
    connector.removeBot(CHANNEL);
    await expect(teams.chat.post(chain, hello)).rejects.toBeInstanceOf(PlaceUnavailable);
  });

});
