// Mobilise is stopped (SIGTERM, as an orchestrator stops a replica) in the middle of a burst of answers: every answer
// Slack saw acknowledged is in the review once a new process has started on the same spool.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/store/db';
import { openServerDb } from '../../src/store/pg-db';
import { createServerDatabase, describeServer } from '../support/databases';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api';
import { spawnMobilise, type MobiliseProcess } from '../support/mobilise-process';
import { SlackClientSim } from '../support/mobilise-slack';
import { eventCallback, messageEvent } from '../support/slack-requests';
import { answerTexts } from '../support/stored-answers';
import { waitUntil } from '../support/wait-until';

const SENDERS = 16;
/** Acknowledged answers before the stop: enough that many are still waiting for the database when it comes. */
const STOP_AFTER = 150;

describeServer('a SIGTERM during a burst of answers', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  let api: FakeSlackApi | undefined;
  let direct: Db | undefined;
  const running: MobiliseProcess[] = [];
  // Made in beforeAll: a skipped describe (no server) still runs its body, and would leave the folder behind.
  let spoolDir = '';

  beforeAll(() => {
    spoolDir = mkdtempSync(path.join(tmpdir(), 'mobilise-sigterm-'));
  });

  afterAll(async () => {
    try {
      for (const p of running) await p.kill();
    } finally {
      await api?.close();
      await direct?.close();
      await database?.dropDatabase();
      if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
    }
  });

  /** Starts a review, sends answers from many senders, stops the process after STOP_AFTER acks, starts another. */
  async function burstAndStop(stop: (p: MobiliseProcess) => Promise<unknown>, title: string): Promise<{ acked: string[]; stopped: unknown }> {
    database ??= await createServerDatabase();
    api ??= await startFakeSlackApi();
    direct ??= openServerDb(database.url);
    const fakeSlack = api;
    const start = async (): Promise<SlackClientSim> => {
      const p = await spawnMobilise({ apiUrl: fakeSlack.url, databaseUrl: database?.url, spoolDir });
      running.push(p);
      return new SlackClientSim(`http://127.0.0.1:${p.port}`);
    };

    // One process per spool at a time: the last test's second process goes first.
    for (const p of running.splice(0)) await p.kill();
    const first = await start();
    const posted = fakeSlack.calls('chat.postMessage').length;
    await first.command(title);
    await fakeSlack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= posted + 2, 15_000);
    const thread = String(fakeSlack.calls('chat.postMessage')[posted]?.response?.ts);

    const acked: string[] = [];
    let next = 0;
    let stopping: Promise<unknown> | undefined;
    const sender = async (): Promise<void> => {
      for (;;) {
        const n = next++;
        const text = `${title}: answer ${n}`;
        const ts = `${thread.split('.')[0]}.9${String(n).padStart(5, '0')}`;
        const sent = await first
          .post(eventCallback(messageEvent({ text, ts, threadTs: thread, user: 'U2' }), { eventId: `Ev${thread}x${n}` }))
          .catch(() => undefined);
        // Refused or cut off: Slack would resend it later; it was never acknowledged, so it is not counted.
        if (sent?.status !== 200) return;
        acked.push(text);
        if (acked.length === STOP_AFTER) stopping = stop(running[0] as MobiliseProcess);
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    const stopped = await stopping;
    await start();
    await waitUntil(
      'every acknowledged answer stored',
      async () => {
        const texts = new Set(await answerTexts(direct as Db));
        return acked.every((t) => texts.has(t));
      },
      30_000,
    );
    return { acked, stopped };
  }

  it('SIGTERM: loses no acknowledged answer, stores none twice, and the process exits cleanly', async () => {
    const { acked, stopped } = await burstAndStop((p) => p.terminate(), 'Night shift handover trial');
    expect(stopped).toBe(0);
    expect(acked.length).toBeGreaterThanOrEqual(STOP_AFTER);
    const all = await answerTexts(direct as Db);
    expect(all.length).toBe(new Set(all).size);
  }, 120_000);

  it('SIGKILL: what was kept on disk but not yet in the database is applied by the next process, once', async () => {
    const { acked } = await burstAndStop((p) => p.kill(), 'Ward round checklist pilot');
    expect(acked.length).toBeGreaterThanOrEqual(STOP_AFTER);
    const all = await answerTexts(direct as Db);
    expect(all.length).toBe(new Set(all).size);
  }, 120_000);
});
