// Several replicas on one Postgres server: the claim table alone makes each step run once.
// Server only: PGlite has a single backend, so it cannot show one transaction waiting on another's lock.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileClock } from '../../src/engine/file-clock';
import type { Clock } from '../../src/engine/clock';
import { Scheduler } from '../../src/scheduler/scheduler';
import type { ScheduledStep, ScheduleSource } from '../../src/scheduler/schedule-source';
import type { Db, Sql } from '../../src/store/db';
import { migrate } from '../../src/store/migrate';
import { openServerDb } from '../../src/store/pg-db';
import { describeServer, freshDatabase, type TestDatabase } from '../support/databases';
import { waitUntil } from '../support/wait-until';
import { gate, recordingLogger, TEST_RUNS_TABLE, TestSource, testRuns } from './test-source';

const WEEK = 7 * 24 * 60 * 60_000;
const start = new Date('2026-11-20T09:00:00.000Z');

/** How many sessions of this database wait for a row lock (here: an insert waiting on an uncommitted claim). */
async function lockWaiters(q: Sql): Promise<number> {
  const [row] = await q.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
  );
  return Number(row?.n);
}

describeServer('schedulers on several replicas of one Postgres server', () => {
  let t: TestDatabase;
  /** What this test opened and afterEach must close: empty until beforeEach opens it, whatever t still holds. */
  let opened: { database?: TestDatabase; replicas: Db[] } = { replicas: [] };
  let replicas: Db[];
  let log: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    t = opened.database = await freshDatabase('server', 4);
    await migrate(t.db);
    await t.db.exec(TEST_RUNS_TABLE);
    const url = t.url;
    if (!url) throw new Error('a server database has a URL');
    // Separate pools, as separate processes would have.
    replicas = opened.replicas = [1, 2, 3].map(() => openServerDb(url, 3));
    log = recordingLogger();
  });
  // Safe whatever beforeEach got as far as; the database is dropped even if closing a pool fails.
  afterEach(async () => {
    const { database, replicas: pools } = opened;
    opened = { replicas: [] };
    try {
      await Promise.all(pools.map((db) => db.close()));
    } finally {
      await database?.drop();
    }
  });

  function scheduler(db: Db, clock: Clock, source: ScheduleSource, replica: string): Scheduler {
    return new Scheduler({ db, clock, log, sources: [source], replica, deliver: async () => undefined });
  }

  it('runs every step exactly once when three replicas tick at the same moments, round after round', async () => {
    // The clock file is how separate processes share a test's clock; here three schedulers read it.
    const dir = mkdtempSync(path.join(tmpdir(), 'mobilise-clock-'));
    const clockFile = path.join(dir, 'now');
    try {
      const steps: ScheduledStep[] = [];
      const schedulers = replicas.map((db, i) =>
        scheduler(db, fileClock(clockFile), new TestSource({ steps, replica: `r${i}` }), `r${i}`),
      );
      const rounds = 15;
      const perRound = 6;
      let ran = 0;
      for (let round = 0; round < rounds; round++) {
        const now = new Date(start.getTime() + round * WEEK);
        writeFileSync(clockFile, now.toISOString());
        for (let p = 0; p < perRound; p++) steps.push({ job: `coffee:p${p}:${round}:match`, slot: now });
        // Twice per round, so ticks that find nothing left race the ones still running.
        for (let i = 0; i < 2; i++) {
          const counts = await Promise.all(schedulers.map((s) => s.tick()));
          ran += counts.reduce((a, b) => a + b, 0);
        }
      }
      expect(ran).toBe(rounds * perRound);
      const runs = await testRuns(t.db);
      expect(runs).toHaveLength(rounds * perRound);
      expect(new Set(runs.map((r) => `${r.job}@${r.slot.toISOString()}`)).size).toBe(rounds * perRound);
      // Whoever holds the claim is whoever ran the step.
      const claims = await t.db.query('SELECT c.job FROM job_claims c JOIN test_runs r USING (job, slot) WHERE c.claimed_by = r.replica');
      expect(claims).toHaveLength(rounds * perRound);
      expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
      // The race was real: replicas got past the claims read together and lost at the insert.
      expect(log.entries.filter((e) => e.msg === 'scheduled step was run by another replica').length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Replica a holds step open mid-run (until the returned gate settles); replica b then ticks and waits on a's claim. */
  async function heldByA() {
    const step = { job: 'coffee:p1:1:match', slot: start };
    const held = gate();
    let entered!: () => void;
    const inRun = new Promise<void>((resolve) => (entered = resolve));
    const clock = () => start;
    const aSource = new TestSource({
      steps: [step],
      replica: 'a',
      hold: () => {
        entered();
        return held.promise;
      },
    });
    const bSource = new TestSource({ steps: [step], replica: 'b' });
    const a = scheduler(replicas[0] as Db, clock, aSource, 'a');
    const b = scheduler(replicas[1] as Db, clock, bSource, 'b');
    const aTick = a.tick();
    await inRun;
    let bDone = false;
    const bTick = b.tick().then((n) => {
      bDone = true;
      return n;
    });
    try {
      await waitUntil("b's claim to wait on a's", async () => (await lockWaiters(t.db)) === 1);
      expect(bDone).toBe(false);
    } catch (err) {
      // Let a's transaction end, so the test fails instead of hanging on the open transaction.
      held.fail(new Error('the test failed'));
      throw err;
    }
    return { step, held, aTick, bTick, bSource };
  }

  it("blocks a second replica's claim while the first holds the step, and lets it run the step when the first rolls back", async () => {
    const { step, held, aTick, bTick, bSource } = await heldByA();
    held.fail(new Error('replica a failed mid-step'));
    expect(await aTick).toBe(0);
    expect(await bTick).toBe(1);
    expect(bSource.attempts).toBe(1);
    expect(await testRuns(t.db)).toEqual([{ ...step, replica: 'b' }]);
    expect(await t.db.query('SELECT claimed_by FROM job_claims')).toEqual([{ claimed_by: 'b' }]);
  });

  it('makes the second replica do nothing when the first commits', async () => {
    const { step, held, aTick, bTick, bSource } = await heldByA();
    held.open();
    expect(await aTick).toBe(1);
    expect(await bTick).toBe(0);
    expect(bSource.attempts).toBe(0);
    expect(await testRuns(t.db)).toEqual([{ ...step, replica: 'a' }]);
  });
});
