// `mobilise who`: the same ranking as /learn who, for one organisation, as text or JSON; bad usage named before any database.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../src/store/db';
import { insertLessons } from '../../src/store/lessons';
import { migrate } from '../../src/store/migrate';
import { insertRun } from '../../src/store/runs';
import { UsageError } from '../../src/usage-error';
import { readWhoArgs, runWho } from '../../src/who/who-cli';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

async function lessonBy(q: Sql, tenant: string, person: string, title: string, at: string): Promise<void> {
  const runId = randomUUID();
  const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: `1700.${runId.slice(0, 6)}` };
  await insertRun(q, { id: runId, flow: 'after-action-review', version: 1, place, placeKey: `k-${runId}`, startedBy: { platform: 'slack', tenant, id: 'UFAC' }, state: { title: 'Ward move' }, status: 'done' }, new Date(at));
  const draft = { key: 'k', title, recommendation: title, observation: '', reason: '', technique: 'after-action-review', tags: [], contributors: [{ platform: 'slack' as const, tenant, id: person }] };
  await insertLessons(q, runId, { ...place }, [draft], new Date(at));
}

describe('reading mobilise who', () => {
  it('needs a topic and a tenant, and refuses patient details without repeating them', () => {
    expect(() => readWhoArgs(['--tenant', 'T1'])).toThrow(new UsageError('Please say what the work is about: a subject, a service, a ward, a supplier or a system. For example: mobilise who "e-prescribing go-live" --tenant T0123'));
    expect(() => readWhoArgs(['e-prescribing'])).toThrow(/--tenant is needed/);
    expect(() => readWhoArgs(['discharge', 'of', '9434765919', '--tenant', 'T1'])).toThrow(/an NHS number/);
    expect(() => readWhoArgs(['x', '--tenant', 'T1', '--limit', '0'])).toThrow('--limit must be at least 1');
    expect(readWhoArgs(['e-prescribing', 'go-live', '--tenant', 'T1'])).toEqual({ topic: 'e-prescribing go-live', options: { tenant: 'T1', format: 'text', limit: 5 } });
  });
});

describe.each(dbKinds)('running mobilise who on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    await lessonBy(t.db, 'T1', 'USAM', 'Check e-prescribing log-ins', '2026-03-01T10:00:00Z');
    await lessonBy(t.db, 'T2', 'UOTHER', 'E-prescribing elsewhere', '2026-04-01T10:00:00Z');
  });
  afterAll(() => t.drop());

  it('lists the people of one organisation with their evidence, as text or JSON', async () => {
    const text = await runWho(t.db, readWhoArgs(['e-prescribing', '--tenant', 'T1']));
    expect(text).toBe(
      '1. <@USAM>: 1 lesson, most recently in March 2026\n   Lessons: “Check e-prescribing log-ins”\n\n' +
        'Ranked by how much each person has done on this (lessons in their own words, reviews they facilitated, lessons they applied), then by how recently.\n',
    );
    const json = JSON.parse(await runWho(t.db, readWhoArgs(['e-prescribing', '--tenant', 'T2', '--format', 'json']))) as { personId: string }[];
    expect(json.map((p) => p.personId)).toEqual(['UOTHER']);
    expect(await runWho(t.db, readWhoArgs(['orthodontics', '--tenant', 'T1']))).toBe('Nobody in T1 has worked on "orthodontics" as far as its library shows.\n');
  });
});
