// Three Mobilise processes share one programme on the real Postgres server and one clock the test moves.
// Every step of a round happens exactly once, a replica killed mid-round loses nothing, and a replica started
// after a missed step catches it up once.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/store/db';
import { openServerDb } from '../../src/store/pg-db';
import { createServerDatabase, describeServer } from '../support/databases';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../support/fake-slack-api';
import { spawnMobilise, type MobiliseProcess } from '../support/mobilise-process';
import { SlackClientSim } from '../support/mobilise-slack';
import { answerModal, openedView } from '../support/slack-modal-answers';

jest.setTimeout(120_000);

const ROUND_1 = new Date('2026-11-23T10:00:00Z'); // Monday 10:00 in London
const DAY = 24 * 60 * 60 * 1000;
const PEOPLE = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7'];

describeServer('coffee rounds across three replicas (server Postgres)', () => {
  // Set one by one in beforeAll, so afterAll must expect any of them still unset.
  let api: FakeSlackApi;
  let dir: string;
  let url: string;
  let dropDatabase: () => Promise<void>;
  let reader: Db;
  const replicas: MobiliseProcess[] = [];

  /** Atomic, so a replica never reads a half-written clock. */
  function setClock(at: Date): void {
    const next = path.join(dir, 'clock.next');
    writeFileSync(next, at.toISOString());
    renameSync(next, path.join(dir, 'clock'));
  }
  async function startReplica(): Promise<MobiliseProcess> {
    const replica = await spawnMobilise({
      apiUrl: api.url,
      databaseUrl: url,
      extra: { MOBILISE_CLOCK_FILE: path.join(dir, 'clock'), SCHEDULER_CRON: '* * * * * *' },
    });
    replicas.push(replica);
    return replica;
  }

  beforeAll(async () => {
    api = await startFakeSlackApi();
    dir = mkdtempSync(path.join(tmpdir(), 'mobilise-replicas-'));
    ({ url, dropDatabase } = await createServerDatabase());
    reader = openServerDb(url, 2);
    setClock(new Date('2026-11-21T12:00:00Z'));
  });
  // Closes what beforeAll got as far as opening, each step even if an earlier one threw.
  afterAll(async () => {
    try {
      await Promise.all(replicas.map((r) => r.kill()));
      await reader?.close();
      await dropDatabase?.();
    } finally {
      try {
        await api?.close();
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  const posted = (match: (channel: string) => boolean): RecordedCall[] =>
    api.calls('chat.postMessage').filter((c) => match(String(c.body.channel)));
  const inChannel = (): RecordedCall[] => posted((c) => c === 'C1');
  const inGroups = (): RecordedCall[] => posted((c) => c.startsWith('G'));
  const toPeople = (): RecordedCall[] => posted((c) => c.startsWith('D'));
  const waitForCounts = (channel: number, groups: number, people: number): Promise<unknown> =>
    api.waitFor(() => inChannel().length >= channel && inGroups().length >= groups && toPeople().length >= people, 60_000);

  it('runs each step once, survives a killed replica and catches up a missed step', async () => {
    const [a, b, c] = [await startReplica(), await startReplica(), await startReplica()];
    const sims = [a, b, c].map((r) => new SlackClientSim(`http://127.0.0.1:${r.port}`));
    const [simA] = sims as [SlackClientSim];

    // Set up through one replica, join through all three.
    await simA.slash('/coffee', 'setup', 'U1', 'u1');
    await api.waitFor((calls) => calls.some((x) => x.method === 'views.open'));
    const view = openedView(api.calls('views.open')[0] as RecordedCall);
    await simA.post(answerModal(view, { everyWeeks: '4', weekday: '1', time: '10:00', weeksToMeet: '2' }, 'U1'));
    await api.waitFor(() => inChannel().length === 1);
    await Promise.all(PEOPLE.map((user, i) => (sims[i % 3] as SlackClientSim).slash('/coffee', 'join', user, user.toLowerCase())));
    await api.waitFor(() => api.calls('chat.postEphemeral').length >= PEOPLE.length);

    // The round starts on every replica's clock at once: 7 people make two pairs and a trio, introduced once.
    setClock(ROUND_1);
    await waitForCounts(2, 3, 0);
    const claim = await reader.query("SELECT claimed_by FROM job_claims WHERE job LIKE 'coffee:%:1:match'");
    expect(claim).toHaveLength(1);

    // The replica that matched the round dies without a word; the others carry the round on.
    const pid = Number(String(claim[0]?.claimed_by).split(':').at(-1));
    const matcher = replicas.find((r) => r.child.pid === pid);
    expect(matcher).toBeDefined();
    await matcher?.kill();

    setClock(new Date(ROUND_1.getTime() + 7 * DAY));
    await waitForCounts(2, 6, 0);
    setClock(new Date(ROUND_1.getTime() + 14 * DAY));
    await waitForCounts(2, 6, PEOPLE.length);

    // Everyone stops; the summary's time passes with nobody running; a new replica catches it up once.
    for (const r of replicas) await r.kill();
    setClock(new Date(ROUND_1.getTime() + 18 * DAY));
    await startReplica();
    await waitForCounts(3, 6, PEOPLE.length);
    expect(String(inChannel()[2]?.body.text)).toMatch(/Round 1/);

    // Exactly once, all of it: a fourth tick-happy replica would have doubled anything that could be doubled.
    await startReplica();
    await api.waitFor(() => api.calls('auth.test').length >= 5);
    const groups = api.calls('conversations.open').map((x) => String(x.body.users)).filter((users) => users.includes(','));
    expect(new Set(groups.map((users) => users.split(',').sort().join(','))).size).toBe(3);
    expect(inGroups()).toHaveLength(6);
    expect(toPeople().map((x) => x.body.channel).sort()).toEqual(PEOPLE.map((id) => `D${id}`));
    expect(inChannel()).toHaveLength(3);
    const steps = await reader.query("SELECT job FROM job_claims WHERE job LIKE 'coffee:%' ORDER BY slot");
    expect(steps.map((s) => String(s.job).split(':').slice(2).join(':'))).toEqual(['1:match', '1:reminder', '1:feedback', '1:summary']);
  });
});
