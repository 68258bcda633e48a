// Store tests run on both databases: embedded PGlite always, the Postgres server when configured.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Db } from '../../src/store/db';
import { openServerDb } from '../../src/store/pg-db';
import { openEmbeddedDb } from '../../src/store/pglite-db';

export interface TestDatabase {
  db: Db;
  /** Connection URL of the server database (for other processes); undefined when embedded. */
  url?: string;
  drop(): Promise<void>;
}

export type DbKind = 'embedded' | 'server';

export const serverUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI === 'true' && !serverUrl) {
  throw new Error('CI must set TEST_DATABASE_URL: the server half of the store tests may not be skipped there');
}

/** The kinds to run on: a laptop without TEST_DATABASE_URL runs only the embedded one. */
export const dbKinds: DbKind[] = serverUrl ? ['embedded', 'server'] : ['embedded'];

/**
 * `describe` for a suite that only the Postgres server can run (several processes or sessions on one database).
 * Without TEST_DATABASE_URL the whole suite, hooks included, is skipped and reported as skipped: never faked.
 */
export const describeServer: jest.Describe = serverUrl ? describe : describe.skip;

/** A new, empty database of that kind; drop() removes it. */
export async function freshDatabase(kind: DbKind, poolSize?: number): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const db = await openEmbeddedDb('memory://');
    return { db, drop: () => db.close() };
  }
  const { url, dropDatabase } = await createServerDatabase();
  const db = openServerDb(url, poolSize);
  return {
    db,
    url,
    async drop() {
      await db.close();
      await dropDatabase();
    },
  };
}

/** A throwaway database on the server, so test files never share tables. */
export async function createServerDatabase(): Promise<{ url: string; dropDatabase(): Promise<void> }> {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mobilise_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dropDatabase() {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
