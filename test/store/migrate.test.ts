import { migrate, readMigrations } from '../../src/store/migrate';
import { openServerDb } from '../../src/store/pg-db';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

describe.each(dbKinds)('migrations on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(kind);
  });
  afterEach(() => t.drop());

  it('builds the schema from empty, then has nothing left to do', async () => {
    const names = readMigrations().map((m) => m.name);
    expect(await migrate(t.db)).toEqual(names);
    expect(await migrate(t.db)).toEqual([]);
    const tables = await t.db.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['flow_runs', 'lessons', 'outbox', 'processed_deliveries', 'schema_migrations']),
    );
  });

  it('gives lessons a full-text search column with a GIN index', async () => {
    await migrate(t.db);
    const idx = await t.db.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'lessons_search'");
    expect(String(idx[0]?.indexdef)).toMatch(/USING gin \(search\)/);
  });

  it('rolls a failing migration back whole and applies nothing after it', async () => {
    const good = readMigrations();
    const bad = [...good, { version: '999', name: '999_broken.sql', sql: 'CREATE TABLE half (id int); SELECT nonsense FROM nowhere;' }];
    await expect(migrate(t.db, bad)).rejects.toThrow();
    const half = await t.db.query("SELECT to_regclass('public.half') AS t");
    expect(half[0]?.t).toBeNull();
    const versions = await t.db.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((r) => r.version)).toEqual(good.map((m) => m.version));
  });

  if (kind === 'server') {
    it('applies each migration once when several processes start together', async () => {
      const others = [1, 2, 3].map(() => openServerDb(t.url ?? ''));
      try {
        const results = await Promise.all([t.db, ...others].map((db) => migrate(db)));
        expect(results.flat()).toEqual(readMigrations().map((m) => m.name));
      } finally {
        await Promise.all(others.map((db) => db.close()));
      }
    });
  }
});
