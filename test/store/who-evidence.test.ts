// Evidence of who has done what on a topic, from a hand-built library: lessons in their own words, reviews they
// facilitated, lessons they applied; never another organisation's, an archived lesson, a cancelled review or someone who opted out.
import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import type { Sql } from '../../src/store/db';
import { moveLesson } from '../../src/store/lesson-events';
import { setLessonArchived } from '../../src/store/lesson-lifecycle';
import { insertLessons, listLessons } from '../../src/store/lessons';
import { migrate } from '../../src/store/migrate';
import { insertRun } from '../../src/store/runs';
import { evidenceOn, optIn, optOut } from '../../src/store/who-evidence';
import { rankCandidates } from '../../src/who/ranking';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const slack = (tenant: string, id: string): Person => ({ platform: 'slack', tenant, id });

async function review(q: Sql, tenant: string, title: string, facilitator: string, at: string, phase = 'saved'): Promise<string> {
  const id = randomUUID();
  const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: `1700.${id.slice(0, 6)}` };
  await insertRun(q, { id, flow: 'after-action-review', version: 1, place, placeKey: `k-${id}`, startedBy: slack(tenant, facilitator), state: { title, phase }, status: 'done' }, new Date(at));
  return id;
}

async function lesson(q: Sql, runId: string, tenant: string, title: string, contributors: string[], at: string): Promise<string> {
  const draft: LessonDraft = { key: title, title, recommendation: title, observation: '', reason: '', technique: 'after-action-review', tags: [], contributors: contributors.map((c) => slack(tenant, c)) };
  await insertLessons(q, runId, { platform: 'slack', tenant, channel: 'C1' }, [draft], new Date(at));
  const found = (await listLessons(q, { tenant })).find((l) => l.title === title);
  if (!found) throw new Error('lesson not saved');
  return found.id;
}

describe.each(dbKinds)('who has done this before, on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterEach(() => t.drop());

  async function library(): Promise<void> {
    const q = t.db;
    const go = await review(q, 'T1', 'Go-live of e-prescribing on Ward 7', 'UFRAN', '2026-03-01T10:00:00Z');
    await lesson(q, go, 'T1', 'Check e-prescribing log-ins with each shift lead', ['USAM'], '2026-03-01T11:00:00Z');
    const applied = await lesson(q, go, 'T1', 'Keep paper charts for the first e-prescribing weekend', ['UPRIYA', 'USAM'], '2026-03-01T11:00:00Z');
    await moveLesson(q, 'T1', applied, 'applied', slack('T1', 'UJO'), { evidence: 'Ward 9 did' }, new Date('2026-06-01T09:00:00Z'));
    const old = await review(q, 'T1', 'E-prescribing pilot', 'UPRIYA', '2025-01-10T10:00:00Z');
    await lesson(q, old, 'T1', 'Train e-prescribing super-users first', ['UPRIYA'], '2025-01-10T11:00:00Z');
    // Not evidence: an archived lesson, a cancelled review, another topic, another organisation.
    const gone = await lesson(q, old, 'T1', 'Old e-prescribing rota', ['UKIT'], '2025-01-10T11:00:00Z');
    await setLessonArchived(q, 'T1', gone, new Date('2025-02-01T00:00:00Z'));
    await review(q, 'T1', 'E-prescribing refresher', 'UKIT', '2026-04-01T10:00:00Z', 'cancelled');
    const other = await review(q, 'T1', 'Printer outage', 'UKIT', '2026-04-01T10:00:00Z');
    await lesson(q, other, 'T1', 'Check printer queues at handover', ['UKIT'], '2026-04-01T11:00:00Z');
    const elsewhere = await review(q, 'T2', 'E-prescribing go-live elsewhere', 'UOTHER', '2026-05-01T10:00:00Z');
    await lesson(q, elsewhere, 'T2', 'E-prescribing lesson of another trust', ['UOTHER'], '2026-05-01T11:00:00Z');
  }

  it('ranks people by matching evidence, then recency, within the organisation only', async () => {
    await library();
    const ranked = rankCandidates(await evidenceOn(t.db, 'T1', 'e-prescribing'));
    expect(ranked.map((c) => [c.personId, c.lessons.length, c.reviews.length, c.applied.length])).toEqual([
      // Priya: two lessons and a review (2025 and 2026); Sam: two lessons, newer, but fewer pieces in all.
      ['UPRIYA', 2, 1, 0],
      ['USAM', 2, 0, 0],
      ['UJO', 0, 0, 1],
      ['UFRAN', 0, 1, 0],
    ]);
    expect(ranked.find((c) => c.personId === 'UJO')?.latest).toEqual(new Date('2026-06-01T09:00:00Z'));
  });

  it('finds nothing for a topic nobody has worked on, or one of stop words only', async () => {
    await library();
    expect(await evidenceOn(t.db, 'T1', 'orthodontics')).toEqual([]);
    expect(await evidenceOn(t.db, 'T1', 'the and of')).toEqual([]);
  });

  it('leaves out someone who opted out until they opt back in, in their own organisation only', async () => {
    await library();
    expect(await optOut(t.db, 'T1', 'UPRIYA', new Date('2026-07-01T00:00:00Z'))).toBe(false);
    expect(await optOut(t.db, 'T1', 'UPRIYA', new Date('2026-07-02T00:00:00Z'))).toBe(true);
    expect(rankCandidates(await evidenceOn(t.db, 'T1', 'e-prescribing')).map((c) => c.personId)).toEqual(['USAM', 'UJO', 'UFRAN']);
    expect(await optIn(t.db, 'T2', 'UPRIYA')).toBe(false);
    expect(await optIn(t.db, 'T1', 'UPRIYA')).toBe(true);
    expect(rankCandidates(await evidenceOn(t.db, 'T1', 'e-prescribing')).map((c) => c.personId)[0]).toBe('UPRIYA');
  });
});
