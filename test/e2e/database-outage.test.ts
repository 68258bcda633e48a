// The database is cut for a minute (a TCP proxy between Mobilise and Postgres drops every connection) in the middle of
// a review on Slack and one on Teams, served by one Mobilise: every answer sent meanwhile reaches the summary.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createLogger } from '../../src/log';
import { startMobilise, type RunningApp } from '../../src/main';
import type { Db } from '../../src/store/db';
import { openServerDb } from '../../src/store/pg-db';
import { createServerDatabase, describeServer } from '../support/databases';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../support/fake-slack-api';
import { SlackClientSim, textOf as slackText } from '../support/mobilise-slack';
import { TeamsClientSim, textOf as teamsText } from '../support/mobilise-teams';
import { startPausableProxy, type PausableProxy } from '../support/pausable-proxy';
import { eventCallback, messageEvent, TEST_SIGNING_SECRET } from '../support/slack-requests';
import { answerCount, answerTexts } from '../support/stored-answers';
import { ALEX, CHANNEL, SAM } from '../support/teams-activities';
import { waitUntil } from '../support/wait-until';

/** The issue asks for 60 s; a shorter cut (MOBILISE_OUTAGE_MS) helps when working on this file. */
const CUT_MS = Number(process.env.MOBILISE_OUTAGE_MS ?? 60_000);
const ANSWERS = 5;

describeServer('a database outage of a minute during reviews on Slack and Teams', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  let proxy: PausableProxy | undefined;
  let api: FakeSlackApi | undefined;
  let connector: FakeBotConnector | undefined;
  let app: RunningApp | undefined;
  let direct: Db | undefined;
  // Made in beforeAll: a skipped describe (no server) still runs its body, and would leave the folder behind.
  let spoolDir = '';

  beforeAll(async () => {
    spoolDir = mkdtempSync(path.join(tmpdir(), 'mobilise-outage-'));
    database = await createServerDatabase();
    const target = new URL(database.url);
    proxy = await startPausableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    api = await startFakeSlackApi();
    connector = await startFakeBotConnector();
    app = await startMobilise(
      {
        port: 0,
        databaseUrl: viaProxy.toString(),
        dataDir: 'memory://',
        spoolDir,
        logLevel: 'silent',
        slack: { mode: 'http', signingSecret: TEST_SIGNING_SECRET, botToken: 'xoxb-e2e', apiUrl: api.url },
        teams: { auth: false },
      },
      { log: createLogger('silent'), slackRetries: 0, cron: false },
    );
    direct = openServerDb(database.url);
  });

  afterAll(async () => {
    try {
      proxy?.resume();
      await app?.close();
    } finally {
      await api?.close();
      await connector?.close();
      await proxy?.close();
      await direct?.close();
      await database?.dropDatabase();
      if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
    }
  });

  it('keeps every answer sent while the database was cut, and each summary shows them all', async () => {
    if (!app || !api || !connector || !proxy || !direct) throw new Error('not started');
    const fakeSlack = api;
    const fakeTeams = connector;
    const url = `http://127.0.0.1:${app.port}`;
    const slack = new SlackClientSim(url);
    const teams = new TeamsClientSim(url, fakeTeams);
    const posts = (match: (c: RecordedCall) => boolean): RecordedCall[] => fakeSlack.calls('chat.postMessage').filter(match);
    const sentTo = (chain: string) => fakeTeams.sent().filter((s) => s.conversationId === chain);

    // Both reviews start while the database is there: overview and question 1 on each platform.
    await slack.command('Outage drill on Ward 9');
    await fakeSlack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2);
    const thread = String(posts(() => true)[0]?.response?.ts);
    const root = await teams.mention(ALEX, 'aar Outage drill on Ward 10');
    const chain = `${CHANNEL};messageid=${root}`;
    await fakeTeams.waitFor(() => sentTo(chain).length >= 2);

    proxy.cut();
    const slackAnswers = Array.from({ length: ANSWERS }, (_, i) => `Slack answer ${i + 1} while the database was away`);
    const teamsAnswers = Array.from({ length: ANSWERS }, (_, i) => `Teams answer ${i + 1} while the database was away`);
    for (const [i, text] of slackAnswers.entries()) {
      const ts = `1700005000.${String(i + 1).padStart(6, '0')}`;
      const ack = await slack.post(eventCallback(messageEvent({ text, ts, threadTs: thread, user: 'U2' }), { eventId: `EvOutage${i}` }));
      expect(ack.status).toBe(200);
    }
    for (const text of teamsAnswers) await teams.reply(root, SAM, text);
    // A command in the cut is kept too, and its sender hears so at once rather than nothing.
    expect((await slack.slash('/aar', 'Drill started in the outage', 'U3', 'jo', 'C2')).status).toBe(200);
    const [kept] = await fakeSlack.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral' && c.body.user === 'U3'));
    expect(fakeSlack.calls('chat.postEphemeral').map(slackText).join('\n')).toMatch(/kept and will go through/);
    expect(kept).toBeDefined();
    expect(await answerCount(direct)).toBe(0);
    expect(app.spool?.databaseUnavailable).toBe(true);

    await delay(CUT_MS);
    proxy.resume();

    await waitUntil('every answer stored', async () => (await answerCount(direct as Db)) === 2 * ANSWERS, 60_000);
    const stored = await answerTexts(direct);
    expect(stored.filter((t) => t.startsWith('Slack'))).toEqual(slackAnswers);
    expect(stored.filter((t) => t.startsWith('Teams'))).toEqual(teamsAnswers);
    await fakeSlack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'C2'), 30_000);

    // Finishing each review posts its summary, and every answer from the outage is in it.
    await slack.reply(thread, 'finish', 'U1');
    const [summary] = (await fakeSlack.waitFor(() => posts((c) => /Slack answer 1/.test(slackText(c))).length > 0, 30_000)).filter(
      (c) => c.method === 'chat.postMessage' && /Slack answer 1/.test(slackText(c)),
    );
    for (const text of slackAnswers) expect(slackText(summary as RecordedCall)).toContain(text);
    await teams.reply(root, ALEX, 'finish');
    await fakeTeams.waitFor(() => sentTo(chain).some((s) => /Teams answer 1/.test(teamsText(s))), 30_000);
    const teamsSummary = sentTo(chain).find((s) => /Teams answer 1/.test(teamsText(s)));
    for (const text of teamsAnswers) expect(teamsText(teamsSummary as { activity: Record<string, unknown> })).toContain(text);
  }, CUT_MS + 180_000);
});
