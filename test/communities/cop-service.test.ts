// /cop and the review buttons on both databases: who may do what, what is stored, and what is said back.
import { randomUUID } from 'node:crypto';
import { copService } from '../../src/communities/cop-service';
import { REVIEW_ACTIONS } from '../../src/communities/ids';
import type { ServiceReply } from '../../src/core/command-service';
import type { Inbound } from '../../src/core/model';
import { activeCommunityAt } from '../../src/store/communities';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { person } from './week-fixture';

const now = new Date('2026-11-21T12:00:00Z'); // Saturday
const place = (channel: string) => ({ platform: 'slack' as const, tenant: 'T1', channel });

describe.each(dbKinds)('/cop on %s Postgres', (kind) => {
  let t: TestDatabase;
  // One database for the file; each test has its own channel.
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterAll(() => t.drop());

  const handle = (event: Inbound): Promise<ServiceReply> => t.db.transaction((tx) => copService.handle(tx, event, now));
  const said = (reply: ServiceReply): string => reply.say.map((m) => (m.kind === 'whisper' ? m.card.text : '')).join('\n');
  const cop = async (text: string, user: string, channel = 'C1'): Promise<string> =>
    said(await handle({ kind: 'command', name: 'cop', text, from: person(user), place: place(channel), deliveryId: randomUUID() }));
  const press = async (action: string, value: string | undefined, user: string): Promise<string> =>
    said(await handle({ kind: 'action', action, value, from: person(user), place: place(`D${user}`), deliveryId: randomUUID() }));
  const outbox = async (): Promise<{ stream: string; to: unknown; text: string }[]> =>
    (await t.db.query("SELECT stream, message->'to' AS to, message->'card'->>'text' AS text FROM outbox ORDER BY id")) as { stream: string; to: unknown; text: string }[];

  it('explains itself, and names what it does not understand', async () => {
    expect(await cop('', 'U1')).toMatch(/community of practice is a group of people who share a domain/);
    expect(await cop('help', 'U1')).toMatch(/\/cop create <name> #tag #tag/);
    expect(await cop('dance', 'U1')).toMatch(/I don't know "\/cop dance"\. I understand create, status/);
    expect(await cop('status', 'U1')).toMatch(/isn’t a community of practice yet/);
    expect(await cop('tags #a', 'U1')).toMatch(/isn’t a community of practice yet/);
  });

  it('creates one community per channel, with the creator as owner, and announces it', async () => {
    const reply = await handle({ kind: 'command', name: 'cop', text: 'create Sepsis champions #Sepsis #deterioration', from: person('U1'), place: place('C1'), deliveryId: 'd1' });
    expect(said(reply)).toMatch(/this channel is now the community Sepsis champions, and you look after it\. The first digest comes on Monday 23 November at 09:00/);
    const stored = await activeCommunityAt(t.db, 'slack:T1:C1');
    expect(stored).toMatchObject({ name: 'Sepsis champions', tags: ['sepsis', 'deterioration'], owner: person('U1'), digest: { weekday: 1, time: '09:00', timeZone: 'Europe/London' } });
    expect(reply.streams).toEqual([`cop:${stored?.id ?? ''}`]);
    const [announcement] = await outbox();
    expect(announcement).toMatchObject({ to: { place: place('C1') }, text: expect.stringMatching(/<@U1> has made this channel a community of practice: \*Sepsis champions\*/) });

    expect(await cop('create Another one #sepsis', 'U2')).toMatch(/already the community Sepsis champions \(#sepsis #deterioration\), looked after by <@U1>/);
    expect(await t.db.query("SELECT count(*)::int AS n FROM communities WHERE place_key = 'slack:T1:C1'")).toEqual([{ n: 1 }]);
  });

  it('refuses a name with an NHS number and stores nothing', async () => {
    const before = (await outbox()).length;
    expect(await cop('create Patient 943 476 5919 review #sepsis', 'U1', 'C3')).toMatch(/haven't created the community: it seems to contain an NHS number/);
    expect(await t.db.query("SELECT count(*)::int AS n FROM communities WHERE place_key = 'slack:T1:C3'")).toEqual([{ n: 0 }]);
    expect(await outbox()).toHaveLength(before);
    expect(JSON.stringify(await t.db.query('SELECT * FROM outbox'))).not.toMatch(/943/);
  });

  it('lets only the owner change tags, owner and digest time, or archive; others are told who the owner is', async () => {
    await cop('create Sepsis champions #sepsis', 'U1', 'C4');
    expect(await cop('tags #falls', 'U2', 'C4')).toBe('Only <@U1>, who looks after this community, can change its tags. Please ask them.');
    expect(await cop('owner <@U2>', 'U2', 'C4')).toMatch(/Only <@U1>.*hand it to someone else/);
    expect(await cop('digest friday 16:00', 'U2', 'C4')).toMatch(/Only <@U1>.*change when its digest comes/);
    expect(await cop('archive', 'U2', 'C4')).toMatch(/Only <@U1>.*archive it/);
    expect(await activeCommunityAt(t.db, 'slack:T1:C4')).toMatchObject({ tags: ['sepsis'], owner: { id: 'U1' } });

    expect(await cop('tags #sepsis #deterioration', 'U1', 'C4')).toBe('The domain of Sepsis champions is now #sepsis #deterioration. The next digest follows these tags.');
    expect(await cop('digest friday 16:00', 'U1', 'C4')).toBe('The digest of Sepsis champions now comes every Friday at 16:00 (UK time). The next one is on Friday 27 November at 16:00.');
    expect(await cop('owner <@U1>', 'U1', 'C4')).toBe('<@U1> already looks after this community.');
    expect(await cop('owner <@U2>', 'U1', 'C4')).toBe('<@U2> now looks after Sepsis champions. I’ve let them know.');
    const told = (await outbox()).at(-1);
    expect(told).toMatchObject({ to: { person: { id: 'U2', tenant: 'T1' } }, text: expect.stringMatching(/<@U1> has asked you to look after the community of practice Sepsis champions in <#C4>/) });
    // The old owner is now just a member.
    expect(await cop('tags #falls', 'U1', 'C4')).toMatch(/Only <@U2>/);
    expect(await cop('status', 'U3', 'C4')).toBe(
      'This channel is the community Sepsis champions, looked after by <@U2>. Its domain: #sepsis #deterioration. ' +
        'The digest comes every Friday at 16:00 (UK time); the next one is on Friday 27 November at 16:00.',
    );
    expect(await activeCommunityAt(t.db, 'slack:T1:C4')).toMatchObject({ tags: ['sepsis', 'deterioration'], owner: { id: 'U2' }, digest: { weekday: 5, time: '16:00', since: now.toISOString() } });

    expect(await cop('archive', 'U2', 'C4')).toMatch(/Sepsis champions is archived: no more digests\. Its lessons stay in the library/);
    expect((await outbox()).at(-1)).toMatchObject({ to: { place: place('C4') }, text: expect.stringMatching(/<@U2> has closed the community Sepsis champions/) });
    expect(await cop('status', 'U2', 'C4')).toMatch(/isn’t a community of practice yet/);
    expect(await cop('create Sepsis 2 #sepsis', 'U3', 'C4')).toMatch(/now the community Sepsis 2/);
  });

  it('lets the owner add co-owners, who then have the same rights, and take them off again', async () => {
    await cop('create Falls prevention #falls', 'U1', 'C6');
    expect(await cop('co-owner <@U2>', 'U3', 'C6')).toMatch(/Only <@U1>.*change who looks after it/);
    expect(await cop('co-owner Sam', 'U1', 'C6')).toMatch(/Please mention one person with @, so I know exactly who "Sam" is/);
    expect(await cop('co-owner remove', 'U1', 'C6')).toMatch(/Please say who should look after the community with you/);

    expect(await cop('co-owner <@U2>', 'U1', 'C6')).toBe('<@U2> now looks after Falls prevention with you: they can approve its lessons and change its settings. I’ve let them know.');
    expect((await outbox()).at(-1)).toMatchObject({ to: { person: { id: 'U2', tenant: 'T1' } }, text: expect.stringMatching(/asked you to help look after the community of practice Falls prevention/) });
    expect(await cop('co-owner <@U2>', 'U1', 'C6')).toBe('<@U2> already looks after this community.');
    expect(await cop('status', 'U3', 'C6')).toMatch(/looked after by <@U1> with <@U2>\./);
    // A co-owner may do what the lead may.
    expect(await cop('tags #falls #frailty', 'U2', 'C6')).toMatch(/is now #falls #frailty/);
    expect(await activeCommunityAt(t.db, 'slack:T1:C6')).toMatchObject({ owner: { id: 'U1' }, coOwners: [{ id: 'U2' }], tags: ['falls', 'frailty'] });

    expect(await cop('co-owner remove <@U3>', 'U1', 'C6')).toMatch(/<@U3> isn’t a co-owner of this community/);
    expect(await cop('co-owner remove <@U2>', 'U1', 'C6')).toBe('<@U2> no longer looks after Falls prevention.');
    expect(await cop('tags #falls', 'U2', 'C6')).toMatch(/Only <@U1>/);
    // Handing the lead to a co-owner does not list them twice.
    await cop('co-owner <@U2>', 'U1', 'C6');
    await cop('owner <@U2>', 'U1', 'C6');
    expect(await activeCommunityAt(t.db, 'slack:T1:C6')).toMatchObject({ owner: { id: 'U2' }, coOwners: [] });
  });

  it('answers the review buttons for the owner only, and archives from them', async () => {
    await cop('create Sepsis champions #sepsis', 'U1', 'C5');
    const id = (await activeCommunityAt(t.db, 'slack:T1:C5'))?.id ?? '';
    expect(await press(REVIEW_ACTIONS.keep, id, 'U2')).toMatch(/Only <@U1>, who looks after this community, can answer for it/);
    expect(await press(REVIEW_ACTIONS.keep, id, 'U1')).toMatch(/Sepsis champions carries on/);
    // The same user id in another organisation is someone else, and cannot see this community.
    const stranger = { ...person('U1', 'T2') };
    const fromElsewhere = await handle({ kind: 'action', action: REVIEW_ACTIONS.archive, value: id, from: stranger, place: { platform: 'slack', tenant: 'T2', channel: 'DU1' }, deliveryId: randomUUID() });
    expect(said(fromElsewhere)).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(await activeCommunityAt(t.db, 'slack:T1:C5')).toBeDefined();
    expect(await press(REVIEW_ACTIONS.evolve, id, 'U1')).toMatch(/In <#C5>, \/cop tags #tag #tag changes what Sepsis champions follows/);
    expect(await press(REVIEW_ACTIONS.archive, id, 'U2')).toMatch(/Only <@U1>/);
    expect(await activeCommunityAt(t.db, 'slack:T1:C5')).toBeDefined();
    expect(await press(REVIEW_ACTIONS.archive, id, 'U1')).toMatch(/archived: no more digests/);
    expect(await activeCommunityAt(t.db, 'slack:T1:C5')).toBeUndefined();
    expect(await press(REVIEW_ACTIONS.archive, id, 'U1')).toMatch(/already archived/);
    // A value that is not one of ours changes nothing.
    expect(await press(REVIEW_ACTIONS.keep, 'nonsense', 'U1')).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(await press(REVIEW_ACTIONS.keep, undefined, 'U1')).toMatch(/That button is out of date or was changed: nothing was done/);
  });
});
