import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Row, Sql } from './db';
import { KeyedMutex } from './keyed-mutex';

function sqlOf(target: PGlite | Transaction): Sql {
  return {
    async query(text, params) {
      const res = await target.query<Row>(text, params as unknown[] | undefined);
      return res.rows;
    },
    async exec(text) {
      await target.exec(text);
    },
  };
}

/** Embedded Postgres in a folder (or in memory with 'memory://'), for laptops and tests. */
export async function openEmbeddedDb(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // btree_gin lets one index serve search within an organisation, as on the server (migration 003).
  // Imported dynamically: the package types its contrib entry points as ES modules only.
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  const pg = await PGlite.create(dataDir, { extensions: { btree_gin } });
  const locks = new KeyedMutex();
  const sql = sqlOf(pg);
  return {
    kind: 'embedded',
    ...sql,
    transaction: (fn) => pg.transaction((tx) => fn(sqlOf(tx))),
    withLock: (key, fn) => locks.run(key, fn),
    tryLock: (key, fn) => locks.tryRun(key, () => fn(sql)),
    async ping() {
      try {
        await pg.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pg.close(),
  };
}
