// Joining a workspace or team to a registered organisation moves every one of its rows there, in one transaction.
import { joinOrganisation } from '../../src/organisations/join';
import { OrganisationError } from '../../src/organisations/organisation-error';
import { registerOrganisation } from '../../src/organisations/register';
import { insertImportedLesson } from '../../src/store/lesson-import';
import { recordLessonEvent } from '../../src/store/lesson-events';
import { recordFeedback } from '../../src/store/lesson-recall';
import { ORGANISATION_TABLES } from '../../src/store/organisation-rows';
import { listOrganisations } from '../../src/store/organisations';
import { optOut } from '../../src/store/who-evidence';
import { insertChatLessons } from '../lessons/recall/recall-library';
import { dbKinds, type TestDatabase } from '../support/databases';
import { ALEX, NOW, oneOfEverything, type OneOfEverything } from '../support/one-of-everything';

const T1 = { platform: 'slack' as const, id: 'T1' };

/** Rows per organisation key, table by table. */
async function keys(t: TestDatabase): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const table of ORGANISATION_TABLES) {
    const rows = await t.db.query(`SELECT tenant, count(*)::int AS n FROM ${table} GROUP BY tenant ORDER BY tenant`);
    out[table] = Object.fromEntries(rows.map((r) => [String(r.tenant), Number(r.n)]));
  }
  return out;
}

describe.each(dbKinds)('joining an organisation on %s Postgres', (kind) => {
  let world: OneOfEverything;
  let t: TestDatabase;

  beforeAll(async () => {
    world = await oneOfEverything(kind);
    ({ t } = world);
    // T1 has something in every table; T2 is a workspace that stays where it is.
    const { ids } = world;
    await recordLessonEvent(t.db, 'T1', { lessonId: ids.lesson, kind: 'validated', actor: ALEX, detail: {}, at: NOW });
    await recordFeedback(t.db, { lessonId: ids.lesson, runId: ids.recallRun, personId: 'alex', tenant: 'T1', useful: true, at: NOW });
    await optOut(t.db, 'T1', 'alex', NOW);
    await insertChatLessons(t.db, 'T2', [{ title: 'Keep spare chargers', recommendation: 'Keep two', contributors: ['U1'], at: '2026-11-02T10:00:00Z' }]);
    await registerOrganisation(t.db, { name: 'Royal Example NHS Trust', odsCode: 'RXH' }, NOW);
    await registerOrganisation(t.db, { name: 'Northern Example Trust', odsCode: 'RNE' }, NOW);
  });
  afterAll(() => t.drop());

  it('knows every table that holds an organisation key (the address book holds platform tenants)', async () => {
    const rows = await t.db.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant' ORDER BY table_name`,
    );
    expect(rows.map((r) => String(r.table_name)).filter((n) => n !== 'platform_addresses')).toEqual([...ORGANISATION_TABLES].sort());
  });

  it('refuses an organisation nobody registered, and changes nothing', async () => {
    const before = await keys(t);
    await expect(joinOrganisation(t.db, 'RZZ', T1, NOW)).rejects.toThrow(new OrganisationError('No organisation is registered as "RZZ". Run "mobilise org list" to see them, or "mobilise org register" to add it.'));
    expect(await keys(t)).toEqual(before);
  });

  it("moves every one of the workspace's rows, and no one else's", async () => {
    const before = await keys(t);
    expect(Object.values(before).every((byKey) => (byKey.T1 ?? 0) > 0)).toBe(true);

    const outcome = await joinOrganisation(t.db, 'rxh', T1, NOW);
    expect(outcome).toMatchObject({ kind: 'joined', organisation: { key: 'org:RXH', name: 'Royal Example NHS Trust' } });

    const after = await keys(t);
    for (const table of ORGANISATION_TABLES) {
      const { T1: moved, ...rest } = before[table] ?? {};
      expect({ table, keys: after[table] }).toEqual({ table, keys: { ...rest, 'org:RXH': moved } });
    }
    expect(after.lessons?.T2).toBe(1);
    expect(outcome.kind === 'joined' && outcome.moved.find((m) => m.table === 'lessons')?.rows).toBe(before.lessons?.T1);
  });

  it('joining the same organisation again changes nothing; another one is refused', async () => {
    const before = await keys(t);
    await expect(joinOrganisation(t.db, 'org:RXH', T1, NOW)).resolves.toMatchObject({ kind: 'already' });
    await expect(joinOrganisation(t.db, 'RNE', T1, NOW)).rejects.toThrow('Slack workspace T1 has joined org:RXH already; moving it to another organisation is not supported yet.');
    expect(await keys(t)).toEqual(before);
    expect((await listOrganisations(t.db)).map((o) => [o.key, o.members])).toEqual([
      ['org:RNE', []],
      ['org:RXH', [T1]],
    ]);
  });

  it('rolls the whole join back when a row may only exist once in an organisation', async () => {
    const imported = { title: 'Check the trolley', recommendation: 'Daily', observation: '', reason: '', technique: 'import', tags: [], status: 'draft' as const, contributorNames: [], fileName: 'lessons.csv', createdAt: NOW };
    await insertImportedLesson(t.db, { ...imported, tenant: 'T3', importKey: 'same' });
    await insertImportedLesson(t.db, { ...imported, tenant: 'org:RNE', importKey: 'same' });
    const before = await keys(t);
    await expect(joinOrganisation(t.db, 'RNE', { platform: 'slack', id: 'T3' }, NOW)).rejects.toThrow(
      'Slack workspace T3 cannot join org:RNE: both have the same imported lesson, so nothing was joined or moved.',
    );
    expect(await keys(t)).toEqual(before);
    expect((await listOrganisations(t.db)).find((o) => o.key === 'org:RNE')?.members).toEqual([]);
  });
});
