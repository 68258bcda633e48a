// The pool fails fast on a Postgres server that stalls: connect, statement and stalled-network limits.
import { describeServer, serverUrl } from '../support/databases';
import { startPausableProxy, type PausableProxy } from '../support/pausable-proxy';
import { openServerDb } from '../../src/store/pg-db';
import type { Db } from '../../src/store/db';

describeServer('openServerDb timeouts', () => {
  let proxy: PausableProxy | undefined;
  const opened: Db[] = [];

  beforeAll(async () => {
    const url = new URL(serverUrl ?? '');
    proxy = await startPausableProxy({ host: url.hostname, port: Number(url.port || 5432) });
  });

  afterEach(async () => {
    proxy?.resume();
    for (const db of opened.splice(0)) await db.close();
  });

  afterAll(async () => {
    await proxy?.close();
  });

  function open(timeouts: Parameters<typeof openServerDb>[2], direct = false): Db {
    const url = new URL(serverUrl ?? '');
    if (!direct) {
      url.hostname = '127.0.0.1';
      url.port = String(proxy?.port);
    }
    const db = openServerDb(url.toString(), 2, timeouts);
    opened.push(db);
    return db;
  }

  async function failureOf(work: Promise<unknown>): Promise<{ error: Error; ms: number }> {
    const started = Date.now();
    try {
      await work;
    } catch (error) {
      return { error: error as Error, ms: Date.now() - started };
    }
    throw new Error('expected the query to fail');
  }

  it('gives up connecting to a server that accepts and never answers', async () => {
    const db = open({ connectMs: 300 });
    proxy?.pause();
    const { error, ms } = await failureOf(db.query('SELECT 1'));
    expect(error.message).toMatch(/timeout/i);
    expect(ms).toBeLessThan(1_500);
  });

  it('has the server cancel a statement that runs too long', async () => {
    const db = open({ statementMs: 200 }, true);
    const { error, ms } = await failureOf(db.query('SELECT pg_sleep(5)'));
    expect(error.message).toMatch(/statement timeout/);
    expect(ms).toBeLessThan(2_000);
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('gives up a query whose connection stalls, and works again once the network does', async () => {
    const db = open({ statementMs: 200, connectMs: 500 });
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    proxy?.pause();
    const { error, ms } = await failureOf(db.query('SELECT 1'));
    expect(error.message).toMatch(/timeout/i);
    // The client waits the statement limit plus its grace for a server that might still answer.
    expect(ms).toBeLessThan(4_000);
    expect(await db.ping()).toBe(false);
    proxy?.resume();
    expect(await db.ping()).toBe(true);
  });
});
