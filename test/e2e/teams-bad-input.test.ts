// A NUL in a Teams message or a person's name, through the real CloudAdapter over HTTP: dropped at the boundary, so the
// review starts, the answer is saved without it, the person is welcomed and their address is kept, and no one is told
// that something went wrong.
import { dbKinds, type DbKind } from '../support/databases';
import { personalChat, textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, channelMessage, personalInstall, personalMessage, SAM, TENANT, type Who } from '../support/teams-activities';
import { waitUntil } from '../support/wait-until';
import { answerTexts } from '../support/stored-answers';

/** Control characters and a lone surrogate in a display name: Postgres refuses NUL and the surrogate in jsonb. */
const BAD_NAME = 'Nu\u0000la\u0007 Shah\uD800';
const CLEAN_NAME = 'Nula Shah';

describe.each(dbKinds)('a NUL in a Teams message (%s Postgres)', (kind: DbKind) => {
  const e2e = useTeamsE2e(kind);

  const addressOf = async (key: string): Promise<unknown> =>
    (await e2e.app.db.query("SELECT address FROM platform_addresses WHERE platform = 'teams' AND tenant = $1 AND key = $2", [TENANT, key]))[0]?.address;

  it('starts the review and saves the answer without the NUL', async () => {
    const root = await e2e.teams.mention(ALEX, 'aar Ward\u0000 7 go-live');
    const chain = `${CHANNEL};messageid=${root}`;
    const [overview] = await e2e.waitForSentTo(chain, 2);
    expect(overview && textOf(overview)).toContain('Ward 7 go-live');

    await e2e.teams.send(channelMessage({ serviceUrl: e2e.connector.url, from: SAM, text: 'Pharmacy\u0000 from 8am', root }));
    await waitUntil('the answer saved', async () => {
      return (await answerTexts(e2e.app.db)).includes('Pharmacy from 8am');
    });
    const said = [...e2e.sentTo(chain), ...e2e.sentTo(`a:personal-${SAM.id}`)].map(textOf);
    expect(said.filter((t) => /something went wrong/i.test(t))).toEqual([]);
  });

  it('welcomes someone whose name has a NUL when they install Mobilise, and keeps their address with the name cleaned', async () => {
    const nula: Who = { id: '29:nula', name: BAD_NAME };
    expect((await e2e.teams.send(personalInstall(e2e.connector.url, nula))).status).toBe(200);
    const [welcome] = await e2e.waitForSentTo(personalChat(nula), 1);
    expect(welcome && textOf(welcome)).toContain('Welcome to Mobilise');
    await waitUntil('their address saved', async () => (await addressOf(`person:${nula.id}`)) !== undefined);
    expect(await addressOf(`person:${nula.id}`)).toEqual({ name: CLEAN_NAME, personal: personalChat(nula), seenIn: personalChat(nula) });
    expect(await addressOf(`entra:aad-${nula.id}`)).toEqual({ id: nula.id });
  });

  it('answers a message from someone whose name has a NUL, and keeps their address and their channel name cleaned', async () => {
    const ren: Who = { id: '29:ren', name: BAD_NAME };
    const post = channelMessage({ serviceUrl: e2e.connector.url, from: ren, text: '<at>Mobilise</at> aar Ward 8 go-live', root: undefined });
    // Teams names the channel in some activities; a NUL there is kept out too.
    const channelData = { ...(post.channelData as Record<string, unknown>), channel: { id: CHANNEL, name: 'Pharm\u0000acy' } };
    const mention = { type: 'mention', text: '<at>Mobilise</at>', mentioned: post.recipient };
    expect((await e2e.teams.send({ ...post, channelData, entities: [mention] })).status).toBe(200);
    const [overview] = await e2e.waitForSentTo(`${CHANNEL};messageid=${String(post.id)}`, 1);
    expect(overview && textOf(overview)).toContain('Ward 8 go-live');
    expect(overview && textOf(overview)).toContain(`<at>${CLEAN_NAME}</at>`);
    await waitUntil('their address saved', async () => (await addressOf(`person:${ren.id}`)) !== undefined);
    expect(await addressOf(`person:${ren.id}`)).toMatchObject({ name: CLEAN_NAME });
    expect(await addressOf(`conversation:${CHANNEL}`)).toMatchObject({ name: 'Pharmacy' });

    // Their own chat works too: a command there is answered there.
    await e2e.teams.send(personalMessage(e2e.connector.url, ren, 'aar help'));
    const [help] = await e2e.waitForSentTo(personalChat(ren), 1);
    expect(help && textOf(help)).toMatch(/After Action Review/i);
    expect(await addressOf(`person:${ren.id}`)).toMatchObject({ name: CLEAN_NAME, personal: personalChat(ren) });
  });
});
