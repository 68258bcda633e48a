// /healthz as main.ts wires it, on a Postgres server reached through a proxy that stalls: 503 within 2 s, then 200 on its own.
import { startTeamsMobilise } from '../support/mobilise-teams';
import { createServerDatabase, describeServer } from '../support/databases';
import { startPausableProxy, type PausableProxy } from '../support/pausable-proxy';
import type { RunningApp } from '../../src/main';
import { waitUntil } from '../support/wait-until';

describeServer('/healthz with a stalled database', () => {
  let proxy: PausableProxy | undefined;
  let app: RunningApp | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const created = await createServerDatabase();
    dropDatabase = created.dropDatabase;
    const direct = new URL(created.url);
    proxy = await startPausableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(created.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    app = await startTeamsMobilise({ databaseUrl: viaProxy.toString() });
  });

  afterAll(async () => {
    proxy?.resume();
    await app?.close();
    await proxy?.close();
    await dropDatabase?.();
  });

  const healthz = async (): Promise<{ status: number; ms: number }> => {
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${app?.port ?? 0}/healthz`);
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - started };
  };

  it('answers 200 while the database answers', async () => {
    expect((await healthz()).status).toBe(200);
  });

  it('answers 503 within 2 s while the database does not answer, and 200 again once it does', async () => {
    proxy?.pause();
    for (let i = 0; i < 3; i += 1) {
      const { status, ms } = await healthz();
      expect(status).toBe(503);
      expect(ms).toBeLessThan(2_000);
    }
    proxy?.resume();
    await waitUntil('/healthz to answer 200 again', async () => (await healthz()).status === 200, 10_000);
  });
});
