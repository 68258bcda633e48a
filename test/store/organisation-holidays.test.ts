// Each organisation keeps one UK nation's bank holidays; England and Wales' unless its administrator chose another.
import { registerOrganisation } from '../../src/organisations/register';
import { migrate } from '../../src/store/migrate';
import { holidayRegionOf } from '../../src/store/organisations';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const NOW = new Date('2026-12-02T10:00:00Z');

describe.each(dbKinds)("an organisation's bank holidays on %s Postgres", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterAll(() => t.drop());

  it("are England and Wales' for a workspace on its own and for a newly registered organisation", async () => {
    expect(await holidayRegionOf(t.db, 'T0WORKSPACE')).toBe('england-and-wales');
    const org = await registerOrganisation(t.db, { name: 'Borders Example Board', odsCode: 'SB1' }, NOW);
    expect(await holidayRegionOf(t.db, org.key)).toBe('england-and-wales');
  });

  it("are the nation's own once chosen, and the database refuses a nation it does not know", async () => {
    const org = await registerOrganisation(t.db, { name: 'Highland Example Board', odsCode: 'SH1' }, NOW);
    await t.db.query("UPDATE organisations SET holidays = 'scotland' WHERE key = $1", [org.key]);
    expect(await holidayRegionOf(t.db, org.key)).toBe('scotland');
    await expect(t.db.query("UPDATE organisations SET holidays = 'mars' WHERE key = $1", [org.key])).rejects.toThrow();
    expect(await holidayRegionOf(t.db, org.key)).toBe('scotland');
    const registered = await registerOrganisation(t.db, { name: 'Belfast Example Trust', odsCode: 'ZT1', holidays: 'northern-ireland' }, NOW);
    expect(await holidayRegionOf(t.db, registered.key)).toBe('northern-ireland');
  });
});
