// Stop Mobilise mid-review; a new process on the same database carries on and nothing is lost.
// On the server the first process is killed with SIGKILL; embedded PGlite is stopped in-process
// (only one process may open its folder, and the test needs to read it while Mobilise runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/store/db';
import { listLessons } from '../../src/store/lessons';
import { openServerDb } from '../../src/store/pg-db';
import { createServerDatabase, dbKinds, type DbKind } from '../support/databases';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../support/fake-slack-api';
import { spawnMobilise } from '../support/mobilise-process';
import { SlackClientSim, startSlackMobilise } from '../support/mobilise-slack';
import { waitUntil } from '../support/wait-until';
import { answerCount } from '../support/stored-answers';

jest.setTimeout(90_000);

interface Instance {
  slack: SlackClientSim;
  /** A database handle the test may read while this instance runs. */
  db: Db;
  stop(): Promise<void>;
}

describe.each(dbKinds)('a restart in the middle of a review (%s Postgres)', (kind: DbKind) => {
  let api: FakeSlackApi;
  let open: () => Promise<Instance>;
  let cleanup: (() => Promise<void>) | undefined;
  /** Instances not yet stopped: a test that fails part way leaves them to afterAll, not running on. */
  const running = new Set<Instance>();

  async function start(): Promise<Instance> {
    const instance = await open();
    running.add(instance);
    return { ...instance, stop: () => (running.delete(instance) ? instance.stop() : Promise.resolve()) };
  }

  beforeAll(async () => {
    api = await startFakeSlackApi();
    if (kind === 'server') {
      const { url, dropDatabase } = await createServerDatabase();
      const reader = openServerDb(url, 2);
      cleanup = async () => {
        try {
          await reader.close();
        } finally {
          await dropDatabase();
        }
      };
      open = async () => {
        const p = await spawnMobilise({ apiUrl: api.url, databaseUrl: url });
        return { slack: new SlackClientSim(`http://127.0.0.1:${p.port}`), db: reader, stop: p.kill };
      };
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'mobilise-restart-'));
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
      open = async () => {
        const app = await startSlackMobilise(api, { dataDir });
        return { slack: new SlackClientSim(`http://127.0.0.1:${app.port}`), db: app.db, stop: app.close };
      };
    }
  });
  // Safe whatever beforeAll or the test got as far as: each step runs even if an earlier one threw.
  afterAll(async () => {
    try {
      for (const instance of running) await instance.stop();
      running.clear();
    } finally {
      try {
        await api?.close();
      } finally {
        await cleanup?.();
      }
    }
  });

  const postCount = (n: number): Promise<RecordedCall[]> =>
    api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length >= n, 15_000).then(() => api.calls('chat.postMessage'));
  // The ack says nothing about when the answer is stored, so look in the database.
  const answersStored = (db: Db, n: number): Promise<unknown> =>
    waitUntil(`${n} answers`, async () => (await answerCount(db)) === n, 15_000);

  it('finishes the review and saves its lessons after the first process is stopped', async () => {
    const first = await start();
    await first.slack.command('Night shift handover trial');
    const [parent, q1] = await postCount(2);
    const thread = String(parent?.response?.ts);
    await first.slack.reply(thread, 'A shorter handover at 7pm', 'U2');
    await first.slack.press(q1 as RecordedCall, 'aar:next');
    await postCount(3);
    await first.slack.reply(thread, 'It ran long on two nights without the SBAR sheet', 'U3');
    await answersStored(first.db, 2);
    await first.stop();

    const second = await start();
    await second.slack.reply(thread, 'next', 'U1');
    await postCount(4);
    await second.slack.reply(thread, 'next', 'U1');
    const q4 = (await postCount(5))[4] as RecordedCall;
    await second.slack.reply(thread, 'Use the SBAR sheet at every handover', 'U3');
    await second.slack.reply(thread, 'Start handover on time', 'U2');
    await answersStored(second.db, 4);
    await second.slack.press(q4, 'aar:finish');
    const summary = (await postCount(6))[5] as RecordedCall;
    await second.slack.press(summary, 'aar:save');
    const done = (await postCount(7))[6] as RecordedCall;
    expect(JSON.stringify(done.body)).toMatch(/2 lessons/);

    const lessons = await listLessons(second.db, { tenant: 'T1' });
    expect(lessons.map((l) => l.recommendation).sort()).toEqual(['Start handover on time', 'Use the SBAR sheet at every handover']);
    // The answer given before the restart is kept, and carried by the lesson that shares its words.
    expect(lessons.find((l) => l.recommendation.includes('SBAR'))?.observation).toBe('It ran long on two nights without the SBAR sheet');
    expect(api.calls('chat.postMessage')).toHaveLength(7); // nothing re-sent after the restart
    await second.stop();
  });
});
