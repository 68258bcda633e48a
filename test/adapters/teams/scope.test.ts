// Which team a Teams event counts in: a channel's own team; a chat, the team its speaker was last seen in.
import { activitySchema, type TeamsActivity } from '../../../adapters/teams/activity';
import { TeamsAddresses } from '../../../adapters/teams/addresses';
import { messageToInbound } from '../../../adapters/teams/inbound/message';
import { withScope } from '../../../adapters/teams/inbound/scope';
import { rememberAddresses } from '../../../adapters/teams/remember';
import type { AddressBook } from '../../../src/core/ports';
import { ALEX, CHANNEL, SAM, TEAM, cardSubmit, channelMessage, personalMessage } from '../../support/teams-activities';

const SERVICE = 'https://smba.example/';
const COMMANDS = new Set(['lessons', 'aar']);

/** The address book port kept in a Map: what the database-backed one does, without the database. */
function memoryBook(): AddressBook {
  const entries = new Map<string, unknown>();
  return {
    save: (tenant, key, address) => Promise.resolve(void entries.set(`${tenant}|${key}`, address)),
    load: (tenant, key) => Promise.resolve(entries.get(`${tenant}|${key}`)),
    claim: (tenant, key, address) => {
      const taken = entries.has(`${tenant}|${key}`);
      if (!taken) entries.set(`${tenant}|${key}`, address);
      return Promise.resolve(!taken);
    },
  };
}

/** What the adapter does with an activity, up to handing it on: remember, translate, scope. */
async function arrive(addresses: TeamsAddresses, json: Record<string, unknown>): Promise<ReturnType<typeof messageToInbound>> {
  const a: TeamsActivity = activitySchema.parse(json);
  await rememberAddresses(addresses, a);
  return withScope(addresses, a, messageToInbound(a, COMMANDS));
}

describe('the team a Teams event counts in', () => {
  it("is the channel's own team, as the activity names it", async () => {
    const event = await arrive(new TeamsAddresses(memoryBook()), channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'lessons trolley', mentionBot: true }));
    expect(event).toMatchObject({ kind: 'command', place: { channel: CHANNEL, scope: TEAM.id } });
  });

  it('is the team the speaker was last seen in, for a chat; none for someone never seen in a team', async () => {
    const addresses = new TeamsAddresses(memoryBook());
    expect((await arrive(addresses, personalMessage(SERVICE, SAM, 'lessons trolley')))?.place.scope).toBeUndefined();
    await arrive(addresses, channelMessage({ serviceUrl: SERVICE, from: SAM, text: 'hello all' }));
    expect(await arrive(addresses, personalMessage(SERVICE, SAM, 'lessons trolley'))).toMatchObject({ kind: 'command', place: { channel: `a:personal-${SAM.id}`, scope: TEAM.id } });
  });

  it('is the team of someone @mentioned there, until they speak themselves, so their chat buttons work', async () => {
    const addresses = new TeamsAddresses(memoryBook());
    const mention = { type: 'mention', text: `<at>${SAM.name}</at>`, mentioned: SAM };
    await arrive(addresses, channelMessage({ serviceUrl: SERVICE, from: ALEX, text: `<at>${SAM.name}</at> checks the printers`, root: '1699000000001', entities: [mention] }));
    const press = await arrive(addresses, cardSubmit(SERVICE, SAM, `a:personal-${SAM.id}`, 'card-1', { mobilise: 'action', action: 'lessons:action:done', value: 'x' }));
    expect(press?.place.scope).toBe(TEAM.id);
  });

  it('leaves replies alone: they only reach a run, which knows its organisation', async () => {
    const event = await arrive(new TeamsAddresses(memoryBook()), channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'the printers jammed', root: '1699000000002' }));
    expect(event).toMatchObject({ kind: 'reply' });
    expect(event?.place.scope).toBeUndefined();
  });
});
