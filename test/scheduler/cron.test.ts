// start() wiring: node-cron really ticks, start-up catches up at once, stop() unregisters the task.
import { getTasks } from 'node-cron';
import { Scheduler } from '../../src/scheduler/scheduler';
import { migrate } from '../../src/store/migrate';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { waitUntil } from '../support/wait-until';
import { recordingLogger, TEST_RUNS_TABLE, TestSource, testRuns } from './test-source';

const start = new Date('2026-11-20T09:00:00.000Z');
// A cron expression that will not fire while the test runs (midnight on 1 January).
const NEW_YEAR = '0 0 1 1 *';

describe('the scheduler on node-cron', () => {
  let t: TestDatabase;
  let now: Date;
  let clockReads: number;
  let scheduler: Scheduler;
  const step = { job: 'coffee:p1:1:match', slot: new Date(start.getTime() + 60_000) };

  beforeAll(async () => {
    t = await freshDatabase('embedded');
    await migrate(t.db);
    await t.db.exec(TEST_RUNS_TABLE);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.exec('TRUNCATE job_claims, test_runs RESTART IDENTITY');
    now = start;
    clockReads = 0;
    scheduler = new Scheduler({
      db: t.db,
      clock: () => {
        clockReads += 1;
        return now;
      },
      log: recordingLogger(),
      sources: [new TestSource({ steps: [step] })],
      replica: 'r1',
      deliver: async () => undefined,
    });
  });
  afterEach(() => scheduler.stop());

  it('ticks on its cron expression without anyone calling tick()', async () => {
    scheduler.start('* * * * * *');
    // The start-up tick has read the clock, before the step was due; only a cron-driven tick can run it now.
    expect(clockReads).toBe(1);
    now = step.slot;
    await waitUntil('a cron tick to run the step', async () => (await testRuns(t.db)).length === 1, 5000);
    expect(await testRuns(t.db)).toEqual([{ ...step, replica: 'r1' }]);
  });

  it('ticks once at start-up, so steps missed while down run without waiting for the cron', async () => {
    now = step.slot;
    scheduler.start(NEW_YEAR);
    await waitUntil('the start-up tick to run the step', async () => (await testRuns(t.db)).length === 1);
  });

  it('refuses a second start, and stop() removes its node-cron task', async () => {
    const before = getTasks().size;
    scheduler.start(NEW_YEAR);
    expect(getTasks().size).toBe(before + 1);
    expect(() => scheduler.start(NEW_YEAR)).toThrow('already started');
    await scheduler.stop();
    expect(getTasks().size).toBe(before);
  });
});
