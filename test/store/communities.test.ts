// Communities on both databases: one active community per channel, read back whole, changed, archived and restarted.
import { randomUUID } from 'node:crypto';
import type { Person } from '../../src/core/model';
import {
  activeCommunities,
  activeCommunityAt,
  archiveCommunity,
  communityById,
  communityForStep,
  insertCommunity,
  markReviewAsked,
  setCommunityOwner,
  setCommunityTags,
  setDigestTime,
  type NewCommunity,
} from '../../src/store/communities';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const now = new Date('2026-11-21T12:00:00Z');
const later = new Date('2026-11-28T12:00:00Z');
const person = (id: string, tenant = 'T1'): Person => ({ platform: 'slack', tenant, id, name: id.toLowerCase() });
const digest = { weekday: 1, time: '09:00', timeZone: 'Europe/London', since: now.toISOString() };

function community(channel: string, tenant = 'T1'): NewCommunity {
  const place = { platform: 'slack' as const, tenant, channel };
  return { id: randomUUID(), tenant, place, placeKey: `slack:${tenant}:${channel}`, name: `Sepsis champions ${channel}`, tags: ['sepsis'], owner: person('U1', tenant), digest };
}

describe.each(dbKinds)('communities store on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterEach(() => t.drop());

  it('keeps one active community per channel and reads it back whole', async () => {
    const c1 = community('C1');
    expect(await insertCommunity(t.db, c1, now)).toBe(true);
    expect(await insertCommunity(t.db, { ...community('C1'), name: 'Second' }, now)).toBe(false);
    expect(await activeCommunityAt(t.db, 'slack:T1:C1')).toEqual({
      id: c1.id,
      tenant: 'T1',
      place: c1.place,
      name: 'Sepsis champions C1',
      tags: ['sepsis'],
      owner: person('U1'),
      coOwners: [],
      digest,
      status: 'active',
      createdAt: now,
    });
    expect(await activeCommunityAt(t.db, 'slack:T1:C2')).toBeUndefined();
  });

  it('finds a community by id only within its own organisation, and ignores ids that are not ids', async () => {
    const c1 = community('C1');
    await insertCommunity(t.db, c1, now);
    expect((await communityById(t.db, 'T1', c1.id))?.name).toBe('Sepsis champions C1');
    expect(await communityById(t.db, 'T2', c1.id)).toBeUndefined();
    expect(await communityById(t.db, 'T1', 'not-a-uuid')).toBeUndefined();
    expect((await communityForStep(t.db, c1.id))?.id).toBe(c1.id);
  });

  it('changes tags, owner, digest time and review date', async () => {
    const c1 = community('C1');
    await insertCommunity(t.db, c1, now);
    await setCommunityTags(t.db, c1.id, ['sepsis', 'deterioration'], later);
    await setCommunityOwner(t.db, c1.id, person('U2'), later);
    const friday = { weekday: 5, time: '16:00', timeZone: 'Europe/Paris', since: later.toISOString() };
    await setDigestTime(t.db, c1.id, friday, later);
    await markReviewAsked(t.db, c1.id, later);
    expect(await activeCommunityAt(t.db, 'slack:T1:C1')).toMatchObject({ tags: ['sepsis', 'deterioration'], owner: person('U2'), digest: friday, reviewAskedAt: later });
    // Others read the owner by id (who may approve a lesson), so the column follows.
    expect(await t.db.query('SELECT owner_id FROM communities')).toEqual([{ owner_id: 'U2' }]);
  });

  it('archives once, keeps the archived one, and lets the channel start again', async () => {
    const c1 = community('C1');
    await insertCommunity(t.db, c1, now);
    await insertCommunity(t.db, community('C2'), now);
    await insertCommunity(t.db, community('C1', 'T2'), now);
    expect(await archiveCommunity(t.db, c1.id, later)).toBe(true);
    expect(await archiveCommunity(t.db, c1.id, later)).toBe(false);
    expect(await activeCommunityAt(t.db, 'slack:T1:C1')).toBeUndefined();
    expect(await communityById(t.db, 'T1', c1.id)).toMatchObject({ status: 'archived', archivedAt: later });
    expect((await activeCommunities(t.db)).map((c) => c.place.channel).sort()).toEqual(['C1', 'C2']);
    expect((await activeCommunities(t.db, 'T1')).map((c) => c.place.channel)).toEqual(['C2']);
    const again = community('C1');
    expect(await insertCommunity(t.db, again, later)).toBe(true);
    expect((await activeCommunityAt(t.db, 'slack:T1:C1'))?.id).toBe(again.id);
  });
});
