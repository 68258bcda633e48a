import { Scheduler } from '../../src/scheduler/scheduler';
import type { ScheduleSource } from '../../src/scheduler/schedule-source';
import type { Db } from '../../src/store/db';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { gate, recordingLogger, TEST_RUNS_TABLE, TestSource, testRuns } from './test-source';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const start = new Date('2026-11-20T09:00:00.000Z');
const at = (ms: number): Date => new Date(start.getTime() + ms);

describe.each(dbKinds)('the scheduler on %s Postgres', (kind) => {
  let t: TestDatabase;
  let now: Date;
  let delivered: string[][];
  let log: ReturnType<typeof recordingLogger>;

  // One database per kind, emptied before each test: a fresh embedded one costs seconds.
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    await t.db.exec(TEST_RUNS_TABLE);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.exec('TRUNCATE job_claims, test_runs RESTART IDENTITY');
    now = start;
    delivered = [];
    log = recordingLogger();
    transactions = 0;
  });

  let transactions: number;

  /** The test database, counting the transactions opened through it. */
  function countingDb(db: Db): Db {
    return {
      kind: db.kind,
      query: (text, params) => db.query(text, params),
      exec: (text) => db.exec(text),
      transaction: (fn) => {
        transactions += 1;
        return db.transaction(fn);
      },
      withLock: (key, fn) => db.withLock(key, fn),
      tryLock: (key, fn) => db.tryLock(key, fn),
      ping: () => db.ping(),
      close: () => db.close(),
    };
  }

  function scheduler(...sources: ScheduleSource[]): Scheduler {
    return new Scheduler({
      db: countingDb(t.db),
      clock: () => now,
      log,
      sources,
      replica: 'r1',
      deliver: async (streams) => {
        delivered.push(streams);
      },
    });
  }

  it('runs a due step once however often it ticks, and delivers what it wrote after commit', async () => {
    const step = { job: 'coffee:p1:1:match', slot: start };
    const s = scheduler(new TestSource({ steps: [step] }));
    expect(await s.tick()).toBe(1);
    expect(transactions).toBe(1);
    for (let i = 0; i < 5; i++) {
      now = at(i * MINUTE);
      expect(await s.tick()).toBe(0);
    }
    // A claimed step is skipped after one read of the claims, without a transaction of its own.
    expect(transactions).toBe(1);
    expect(await testRuns(t.db)).toEqual([{ ...step, replica: 'r1' }]);
    expect(delivered).toEqual([['stream:coffee:p1:1:match']]);
    expect(await t.db.query('SELECT job, slot, claimed_by, claimed_at FROM job_claims')).toEqual([
      { job: step.job, slot: step.slot, claimed_by: 'r1', claimed_at: start },
    ]);
  });

  it('leaves a step alone until its slot comes', async () => {
    const step = { job: 'coffee:p1:1:match', slot: at(MINUTE) };
    const s = scheduler(new TestSource({ steps: [step] }));
    expect(await s.tick()).toBe(0);
    now = at(MINUTE - 1);
    expect(await s.tick()).toBe(0);
    expect(await testRuns(t.db)).toEqual([]);
    now = at(MINUTE);
    expect(await s.tick()).toBe(1);
    expect(await testRuns(t.db)).toHaveLength(1);
  });

  it('never runs a step a source reports before its slot', async () => {
    const early: ScheduleSource = {
      name: 'sloppy',
      due: async () => [{ job: 'early', slot: at(WEEK) }],
      run: async () => {
        throw new Error('must not run');
      },
    };
    expect(await scheduler(early).tick()).toBe(0);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', fields: { source: 'sloppy', job: 'early' } }));
    expect(await t.db.query('SELECT * FROM job_claims')).toEqual([]);
  });

  it('rolls back a step that throws, claim included, runs the others, and retries it on the next tick', async () => {
    const bad = { job: 'coffee:p1:1:match', slot: start };
    const good = { job: 'coffee:p2:1:match', slot: start };
    const source = new TestSource({ steps: [bad, good], failures: new Map([[bad.job, 1]]) });
    const s = scheduler(source);

    expect(await s.tick()).toBe(1);
    expect(await testRuns(t.db)).toEqual([{ ...good, replica: 'r1' }]);
    expect(await t.db.query('SELECT job FROM job_claims')).toEqual([{ job: good.job }]);
    expect(log.entries).toContainEqual(
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ job: bad.job, error: `${bad.job} failed on purpose` }) }),
    );
    expect(delivered).toEqual([[`stream:${good.job}`]]);

    now = at(MINUTE);
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    expect((await testRuns(t.db)).map((r) => r.job)).toEqual([good.job, bad.job]);
    expect(source.attempts).toBe(3);
  });

  it('catches up: every missed slot runs exactly once on the first tick, earliest first', async () => {
    const missed = [3, 1, 2, 0].map((weeks) => ({ job: `coffee:p1:${weeks}:intro`, slot: at(-weeks * WEEK) }));
    const checkIns = [2, 1].map((weeks) => ({ job: `coffee:p1:${weeks}:check-in`, slot: at(-weeks * WEEK + 3 * 24 * 60 * MINUTE) }));
    const s = scheduler(new TestSource({ steps: missed }), new TestSource({ name: 'check-ins', steps: checkIns }));
    expect(await s.tick()).toBe(6);
    expect(await s.tick()).toBe(0);
    expect((await testRuns(t.db)).map((r) => r.job)).toEqual([
      'coffee:p1:3:intro',
      'coffee:p1:2:intro',
      'coffee:p1:2:check-in',
      'coffee:p1:1:intro',
      'coffee:p1:1:check-in',
      'coffee:p1:0:intro',
    ]);
  });

  it('runs a step two sources both report only once', async () => {
    const step = { job: 'shared', slot: start };
    expect(await scheduler(new TestSource({ steps: [step] }), new TestSource({ name: 'twin', steps: [step] })).tick()).toBe(1);
    expect(await testRuns(t.db)).toHaveLength(1);
  });

  it('carries on with the other sources when one cannot list its steps', async () => {
    const broken: ScheduleSource = {
      name: 'broken',
      due: async () => {
        throw new Error('no table');
      },
      run: async () => [],
    };
    const s = scheduler(broken, new TestSource({ steps: [{ job: 'ok', slot: start }] }));
    expect(await s.tick()).toBe(1);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', fields: { source: 'broken', error: 'no table' } }));
  });

  it('counts a committed step as run when delivering it fails, and does not run it again', async () => {
    const s = new Scheduler({
      db: t.db,
      clock: () => now,
      log,
      sources: [new TestSource({ steps: [{ job: 'j', slot: start }] })],
      replica: 'r1',
      deliver: async () => {
        throw new Error('chat is down');
      },
    });
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    expect(await testRuns(t.db)).toHaveLength(1);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ error: 'chat is down' }) }));
  });

  it('resolves to 0 and logs when the clock fails', async () => {
    const s = new Scheduler({
      db: t.db,
      clock: () => {
        throw new Error('clock file /nowhere cannot be read');
      },
      log,
      sources: [],
      replica: 'r1',
      deliver: async () => undefined,
    });
    expect(await s.tick()).toBe(0);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', msg: 'scheduler tick failed' }));
  });

  it('never overlaps ticks: one asked for while another runs returns 0 at once, and stop() waits for the first', async () => {
    const held = gate();
    let entered!: () => void;
    const inRun = new Promise<void>((resolve) => (entered = resolve));
    const source = new TestSource({
      steps: [{ job: 'slow', slot: start }],
      hold: () => {
        entered();
        return held.promise;
      },
    });
    const s = scheduler(source);
    const first = s.tick();
    await inRun;
    // setImmediate runs after every promise that can settle now has: whatever is still pending then is waiting.
    const flush = () => new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')));
    let stopped = false;
    let stopping: Promise<unknown> | undefined;
    try {
      expect(await Promise.race([s.tick(), flush()])).toBe(0);
      stopping = s.stop().then(() => (stopped = true));
      await flush();
      expect(stopped).toBe(false);
    } finally {
      held.open();
    }
    await stopping;
    expect(stopped).toBe(true);
    expect(await first).toBe(1);
    expect(source.attempts).toBe(1);
    // The scheduler is usable again once a tick has finished.
    expect(await s.tick()).toBe(0);
  });
});
