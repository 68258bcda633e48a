import { Pool, type PoolClient } from 'pg';
import type { Db, Row, Sql } from './db';

function clientSql(client: Pool | PoolClient): Sql {
  return {
    async query(text, params) {
      const res = await client.query(text, params as unknown[] | undefined);
      return res.rows as Row[];
    },
    async exec(text) {
      await client.query(text);
    },
  };
}

/** A Postgres server (production, multi-replica tests). */
export function openServerDb(connectionString: string, poolSize = 10): Db {
  const pool = new Pool({ connectionString, max: poolSize });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const base = clientSql(pool);

  /**
   * A checked-out client has no pool listener, so a server-side disconnect (failover, a killed session)
   * would crash the process; we listen while we hold it, and a client that failed is destroyed, not reused.
   */
  async function checkout<T>(fn: (client: PoolClient, broken: () => void) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let lost: Error | undefined;
    const broken = (): void => {
      lost ??= new Error('connection lost');
    };
    client.on('error', broken);
    try {
      return await fn(client, broken);
    } finally {
      client.off('error', broken);
      client.release(lost);
    }
  }

  return {
    kind: 'server',
    ...base,
    transaction: (fn) =>
      checkout(async (client, broken) => {
        await client.query('BEGIN');
        try {
          const result = await fn(clientSql(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(broken);
          throw err;
        }
      }),
    withLock: (key, fn) =>
      checkout(async (client) => {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        }
      }),
    tryLock: (key, fn) =>
      checkout(async (client) => {
        const rows = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [key]);
        if (rows.rows[0]?.ok !== true) return { ran: false as const };
        try {
          return { ran: true as const, value: await fn(clientSql(client)) };
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        }
      }),
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}
