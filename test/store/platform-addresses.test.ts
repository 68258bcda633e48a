import { migrate } from '../../src/store/migrate';
import { addressBook } from '../../src/store/platform-addresses';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

describe.each(dbKinds)('platform address book on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 2);
    await migrate(t.db);
  });
  afterAll(() => t.drop());

  it('keeps the latest address per platform, organisation and key, and nothing for unknown keys', async () => {
    const teams = addressBook(t.db, 'teams', () => new Date('2026-11-21T10:00:00Z'));
    const slack = addressBook(t.db, 'slack', () => new Date('2026-11-21T10:00:00Z'));
    await teams.save('T1', 'channel:19:a', { serviceUrl: 'https://one.example', conversation: { id: '19:a' } });
    await teams.save('T1', 'channel:19:a', { serviceUrl: 'https://two.example', conversation: { id: '19:a' } });
    await teams.save('T2', 'channel:19:a', { serviceUrl: 'https://other.example' });
    expect(await teams.load('T1', 'channel:19:a')).toEqual({ serviceUrl: 'https://two.example', conversation: { id: '19:a' } });
    expect(await teams.load('T2', 'channel:19:a')).toEqual({ serviceUrl: 'https://other.example' });
    expect(await slack.load('T1', 'channel:19:a')).toBeUndefined();
    expect(await teams.load('T1', 'channel:19:b')).toBeUndefined();
  });

  it('lets exactly one of many simultaneous claims of a key win, and never overwrites what is there', async () => {
    const teams = addressBook(t.db, 'teams', () => new Date('2026-11-21T10:00:00Z'));
    const won = await Promise.all(Array.from({ length: 10 }, (_, i) => teams.claim('T1', 'welcomed:29:sam', { by: i })));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await teams.claim('T1', 'welcomed:29:sam', { by: 'late' })).toBe(false);
    expect(await teams.load('T1', 'welcomed:29:sam')).toEqual({ by: won.indexOf(true) });
    // Another organisation's key of the same name is its own.
    expect(await teams.claim('T2', 'welcomed:29:sam', { by: 'T2' })).toBe(true);
  });
});
