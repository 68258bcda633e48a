// Kill Mobilise mid-review; a new process on the same database carries on and nothing is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listLessons } from '../../src/store/lessons';
import { openDb } from '../../src/store/open-db';
import { createServerDatabase, dbKinds, type DbKind } from '../support/databases';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../support/fake-slack-api';
import { spawnMobilise, type MobiliseProcess } from '../support/mobilise-process';
import { SlackClientSim } from '../support/mobilise-slack';

jest.setTimeout(90_000);

describe.each(dbKinds)('a restart in the middle of a review (%s Postgres)', (kind: DbKind) => {
  let api: FakeSlackApi;
  let target: { databaseUrl?: string; dataDir?: string };
  let cleanup: () => Promise<void>;
  const running: MobiliseProcess[] = [];

  beforeAll(async () => {
    api = await startFakeSlackApi();
    if (kind === 'server') {
      const { url, dropDatabase } = await createServerDatabase();
      target = { databaseUrl: url };
      cleanup = dropDatabase;
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'mobilise-restart-'));
      target = { dataDir };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    for (const p of running) await p.kill();
    await api.close();
    await cleanup();
  });

  const start = async (): Promise<SlackClientSim> => {
    const p = await spawnMobilise({ apiUrl: api.url, ...target });
    running.push(p);
    return new SlackClientSim(`http://127.0.0.1:${p.port}`);
  };
  const postCount = (n: number): Promise<RecordedCall[]> =>
    api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length >= n, 15_000).then(() => api.calls('chat.postMessage'));

  it('finishes the review and saves its lessons after the first process is killed', async () => {
    let slack = await start();
    await slack.command('Night shift handover trial');
    const [parent, q1] = await postCount(2);
    const thread = String(parent?.response?.ts);
    await slack.reply(thread, 'A shorter handover at 7pm', 'U2');
    await slack.press(q1 as RecordedCall, 'aar:next');
    await postCount(3);
    // An answer the guard flags: its private warning proves it was stored before we pull the plug.
    const flagged = await slack.reply(thread, 'It ran long for 9434765919 on two nights', 'U3');
    await api.waitFor((c) => c.some((x) => x.method === 'chat.postEphemeral' && x.body.user === 'U3'), 15_000);
    await (running[0] as MobiliseProcess).kill();

    slack = await start();
    await slack.edit(thread, flagged, 'It ran long on two nights', 'U3');
    await slack.reply(thread, 'next', 'U1');
    await slack.reply(thread, 'next', 'U1', 'EvNext2'); // moves 3 -> 4 once the first lands
    const posts = await postCount(5);
    const q4 = posts[4] as RecordedCall;
    await slack.reply(thread, 'Use the SBAR sheet at every handover', 'U3');
    await slack.reply(thread, 'Start handover on time', 'U2');
    await slack.press(q4, 'aar:finish');
    const summary = (await postCount(6))[5] as RecordedCall;
    await slack.press(summary, 'aar:save');
    const done = (await postCount(7))[6] as RecordedCall;
    expect(JSON.stringify(done.body)).toMatch(/2 lessons/);

    await (running[1] as MobiliseProcess).kill();
    const db = await openDb({ databaseUrl: target.databaseUrl, dataDir: target.dataDir ?? '' });
    try {
      const lessons = await listLessons(db, { tenant: 'T1' });
      expect(lessons.map((l) => l.recommendation).sort()).toEqual(['Start handover on time', 'Use the SBAR sheet at every handover']);
      expect(lessons[0]?.observation).toContain('It ran long on two nights');
    } finally {
      await db.close();
    }
  });
});
