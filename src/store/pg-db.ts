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
  return {
    kind: 'server',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientSql(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        }
      } finally {
        client.release();
      }
    },
    async tryLock(key, fn) {
      const client = await pool.connect();
      try {
        const rows = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [key]);
        if (rows.rows[0]?.ok !== true) return { ran: false };
        try {
          return { ran: true, value: await fn(clientSql(client)) };
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        }
      } finally {
        client.release();
      }
    },
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
