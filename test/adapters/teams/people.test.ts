// A person chosen with the people picker reaches the core as the Teams id Mobilise knows them by.
import type { AddressBook } from '../../../src/core/ports';
import type { TeamsActivity } from '../../../adapters/teams/activity';
import { TeamsAddresses } from '../../../adapters/teams/addresses';
import { withPeopleResolved } from '../../../adapters/teams/inbound/people';
import { messageToInbound } from '../../../adapters/teams/inbound/message';
import { rememberAddresses } from '../../../adapters/teams/remember';

/** The address book port kept in a Map: what the database-backed one does, without the database. */
function memoryBook(): AddressBook {
  const entries = new Map<string, unknown>();
  return {
    save: (tenant, key, address) => Promise.resolve(void entries.set(`${tenant}|${key}`, address)),
    load: (tenant, key) => Promise.resolve(entries.get(`${tenant}|${key}`)),
  };
}

const SAM_ENTRA = '6f1c2b4a-0d3e-4c5b-9a8f-7e6d5c4b3a21';
const KIM_ENTRA = '0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9';

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

describe('people picked in a Teams form', () => {
  it('become the Teams id of someone Mobilise has seen, and stay as the Entra id otherwise', async () => {
    const addresses = new TeamsAddresses(memoryBook());
    // Sam has spoken to Mobilise, so their Entra object id is known; Kim never has.
    await rememberAddresses(addresses, activity({ id: '29:sam', name: 'Sam', aadObjectId: SAM_ENTRA }));
    const submit = activity({ id: '29:alex', name: 'Alex' }, { mobilise: 'form', form: 'lessons:action:new', people: ['owner', 'backup'], owner: SAM_ENTRA, backup: KIM_ENTRA, text: SAM_ENTRA });
    const event = await withPeopleResolved(addresses, submit, messageToInbound(submit, new Set()));
    expect(event).toMatchObject({ kind: 'form', fields: { owner: '29:sam', backup: KIM_ENTRA, text: SAM_ENTRA } });
  });
});
