import { claimedSteps, claimStep, pruneClaims, stepKey } from '../../src/store/job-claims';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const now = new Date('2026-11-20T09:00:30.000Z');
const step = { job: 'coffee:p1:3:intro', slot: new Date('2026-11-20T09:00:00.000Z') };

describe.each(dbKinds)('job claims on %s Postgres', (kind) => {
  let t: TestDatabase;
  // One database per kind, emptied before each test: a fresh embedded one costs seconds.
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterAll(() => t.drop());
  beforeEach(() => t.db.exec('TRUNCATE job_claims'));

  it('lets the first claim of a step win and the second lose', async () => {
    expect(await claimStep(t.db, step, 'replica-a', now)).toBe(true);
    expect(await claimStep(t.db, step, 'replica-b', now)).toBe(false);
    expect(await t.db.query('SELECT job, slot, claimed_by, claimed_at FROM job_claims')).toEqual([
      { job: step.job, slot: step.slot, claimed_by: 'replica-a', claimed_at: now },
    ]);
  });

  it('treats another slot of the same job, or another job at the same slot, as another step', async () => {
    expect(await claimStep(t.db, step, 'a', now)).toBe(true);
    expect(await claimStep(t.db, { job: step.job, slot: new Date('2026-11-27T09:00:00.000Z') }, 'a', now)).toBe(true);
    expect(await claimStep(t.db, { job: 'coffee:p1:3:check-in', slot: step.slot }, 'a', now)).toBe(true);
  });

  it('frees a claim whose transaction rolled back', async () => {
    const failure = new Error('the step failed');
    await expect(
      t.db.transaction(async (tx) => {
        expect(await claimStep(tx, step, 'replica-a', now)).toBe(true);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await claimedSteps(t.db, [step])).toEqual(new Set());
    expect(await claimStep(t.db, step, 'replica-b', now)).toBe(true);
  });

  it('tells which of several steps are claimed, in one query', async () => {
    const other = { job: 'coffee:p1:3:check-in', slot: new Date('2026-11-23T09:00:00.000Z') };
    const quoted = { job: `odd "job", {with} 'quotes'`, slot: new Date('2026-11-20T09:00:00.123Z') };
    await claimStep(t.db, step, 'a', now);
    await claimStep(t.db, quoted, 'a', now);
    expect(await claimedSteps(t.db, [step, other, quoted])).toEqual(new Set([stepKey(step), stepKey(quoted)]));
    expect(await claimedSteps(t.db, [])).toEqual(new Set());
    // Same job, a millisecond off: another slot, not claimed.
    expect(await claimedSteps(t.db, [{ job: step.job, slot: new Date(step.slot.getTime() + 1) }])).toEqual(new Set());
  });

  it('prunes only claims of slots before the cut-off', async () => {
    const later = { job: step.job, slot: new Date('2026-11-27T09:00:00.000Z') };
    await claimStep(t.db, step, 'a', now);
    await claimStep(t.db, later, 'a', now);
    expect(await pruneClaims(t.db, later.slot)).toBe(1);
    expect(await claimedSteps(t.db, [step, later])).toEqual(new Set([stepKey(later)]));
  });
});
