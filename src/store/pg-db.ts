import { Pool, type PoolClient, type QueryConfig } from 'pg';
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

export interface PgTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** The server cancels a statement after this; 0 for none (bulk loads, long migrations). */
  statementMs: number;
  /** An idle pooled connection is closed after this. */
  idleMs: number;
}

/** A chat bot's queries take milliseconds; a statement is allowed 30 s so that a slow one fails rather than hangs. */
export const DEFAULT_PG_TIMEOUTS: PgTimeouts = { connectMs: 5_000, statementMs: 30_000, idleMs: 10_000 };

/** ping()'s own limit: an abandoned probe of a stalled database must not wait out the statement timeout. */
const PING_TIMEOUT_MS = 1_500;

/** The client gives up this long after the server should have cancelled: the server or the network has stalled. */
const CLIENT_GRACE_MS = 2_000;

/** pg reads a per-query query_timeout (lib/client.js) although its types leave it out. */
const PING: QueryConfig & { query_timeout: number } = { text: 'SELECT 1', query_timeout: PING_TIMEOUT_MS };

/** A Postgres server (production, multi-replica tests). */
export function openServerDb(connectionString: string, poolSize = 10, timeouts: Partial<PgTimeouts> = {}): Db {
  const t = { ...DEFAULT_PG_TIMEOUTS, ...timeouts };
  const pool = new Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: t.connectMs,
    idleTimeoutMillis: t.idleMs,
    ...(t.statementMs > 0 ? { statement_timeout: t.statementMs, query_timeout: t.statementMs + CLIENT_GRACE_MS } : {}),
  });
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
        await pool.query(PING);
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
