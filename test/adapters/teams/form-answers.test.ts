// A form answered in someone's own chat goes back where it was asked for, with picked people as the Teams ids Mobilise knows.
import type { AddressBook } from '../../../src/core/ports';
import type { TeamsActivity } from '../../../adapters/teams/activity';
import { TeamsAddresses } from '../../../adapters/teams/addresses';
import { withFormResolved } from '../../../adapters/teams/inbound/form-answers';
import { messageToInbound } from '../../../adapters/teams/inbound/message';
import { rememberAddresses } from '../../../adapters/teams/remember';

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

const SAM_ENTRA = '6f1c2b4a-0d3e-4c5b-9a8f-7e6d5c4b3a21';
const KIM_ENTRA = '0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9';
const ALEX = { id: '29:alex', name: 'Alex' };

function activity(from: { id: string; name: string; aadObjectId?: string }, value?: unknown): TeamsActivity {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    from,
    recipient: { id: '28:bot', name: 'Mobilise' },
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...(value === undefined ? { text: 'hello' } : { value }),
  } as TeamsActivity;
}

async function answer(addresses: TeamsAddresses, from: typeof ALEX, value: Record<string, unknown>) {
  const submit = activity(from, { mobilise: 'form', form: 'lessons:action:new', ...value });
  return withFormResolved(addresses, submit, messageToInbound(submit, new Set()));
}

describe('a form answered in Teams', () => {
  let addresses: TeamsAddresses;
  beforeEach(async () => {
    addresses = new TeamsAddresses(memoryBook());
    await addresses.saveFormOrigin('tenant-1', 'token-1', { channel: '19:general@thread.tacv2', thread: 'root-9', person: ALEX.id });
  });

  it('counts for the thread it was asked in, not the chat it was filled in', async () => {
    expect(await answer(addresses, ALEX, { asked: 'token-1', text: 'Check the rota' })).toMatchObject({
      kind: 'form',
      from: { id: ALEX.id },
      place: { platform: 'teams', tenant: 'tenant-1', channel: '19:general@thread.tacv2', thread: 'root-9' },
      fields: { text: 'Check the rota' },
    });
  });

  it('is dropped when its token is unknown (a tampered card) or someone else sends it', async () => {
    expect(await answer(addresses, ALEX, { asked: 'made-up', text: 'x' })).toBeUndefined();
    expect(await answer(addresses, { id: '29:mallory', name: 'Mallory' }, { asked: 'token-1', text: 'x' })).toBeUndefined();
  });

  it('turns a picked person into the Teams id of someone Mobilise has seen, and leaves the Entra id otherwise', async () => {
    // Sam has spoken to Mobilise, so their Entra object id is known; Kim never has.
    await rememberAddresses(addresses, activity({ id: '29:sam', name: 'Sam', aadObjectId: SAM_ENTRA }));
    const event = await answer(addresses, ALEX, { asked: 'token-1', people: ['owner', 'backup'], owner: SAM_ENTRA, backup: KIM_ENTRA, text: SAM_ENTRA });
    expect(event).toMatchObject({ kind: 'form', fields: { owner: '29:sam', backup: KIM_ENTRA, text: SAM_ENTRA } });
  });
});
