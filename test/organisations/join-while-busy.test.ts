// A join waits for the events already under way in its workspace, so nothing they write is left under the old key.
import type { Inbound } from '../../src/core/model';
import { organisationOf } from '../../src/core/organisation';
import { joinOrganisation } from '../../src/organisations/join';
import { registerOrganisation } from '../../src/organisations/register';
import { withOrganisation } from '../../src/organisations/resolve';
import { migrate } from '../../src/store/migrate';
import { describeServer, freshDatabase, type TestDatabase } from '../support/databases';

const NOW = new Date('2026-11-21T10:00:00Z');
const search: Inbound = {
  kind: 'command',
  name: 'lessons',
  text: '',
  from: { platform: 'slack', tenant: 'T9', id: 'U1' },
  place: { platform: 'slack', tenant: 'T9', channel: 'C1' },
  deliveryId: 'busy-1',
};

describeServer('a join while an event is under way (server Postgres: two sessions)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('server', 4);
    await migrate(t.db);
    await registerOrganisation(t.db, { name: 'Royal Example NHS Trust', odsCode: 'RXH' }, NOW);
  });
  afterAll(() => t.drop());

  it('waits for the event to commit, then moves what it wrote; the next event sees the organisation', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let resolved = '';
    const event = t.db.transaction(async (tx) => {
      resolved = organisationOf(await withOrganisation(tx, search));
      await held;
      await tx.query(
        `INSERT INTO lessons (tenant, title, recommendation, technique, source_platform, source_channel, created_at)
         VALUES ($1, 'Written mid-join', 'Keep it', 'after-action-review', 'slack', 'C1', $2)`,
        [resolved, NOW],
      );
    });
    let joined = false;
    const join = joinOrganisation(t.db, 'RXH', { platform: 'slack', id: 'T9' }, NOW).then((outcome) => {
      joined = true;
      return outcome;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect({ resolved, joined }).toEqual({ resolved: 'T9', joined: false });

    release();
    await event;
    expect(await join).toMatchObject({ kind: 'joined', moved: expect.arrayContaining([{ table: 'lessons', rows: 1 }]) });
    expect(await t.db.query('SELECT tenant FROM lessons')).toEqual([{ tenant: 'org:RXH' }]);
    expect(organisationOf(await t.db.transaction((tx) => withOrganisation(tx, search)))).toBe('org:RXH');
  });
});
