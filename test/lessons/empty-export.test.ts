// What an export that found nothing says: which organisation had none, and which do have lessons, without listing hundreds.
import { whyEmpty } from '../../src/lessons/empty-export';
import { insertImportedLesson } from '../../src/store/lesson-import';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

describe.each(dbKinds)('an empty export on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterAll(() => t?.drop()); // unset if freshDatabase failed

  async function addLesson(tenant: string): Promise<void> {
    const lesson = { title: 'Label the fridge', recommendation: 'Label every shelf', observation: '', reason: '', technique: '', tags: [], status: 'draft' as const };
    await insertImportedLesson(t.db, { ...lesson, tenant, importKey: `key-${tenant}`, contributorNames: [], fileName: 'lessons.csv', createdAt: new Date('2026-03-01T00:00:00Z') });
  }

  it('says when the whole library is empty, and when filters picked nothing', async () => {
    expect(await whyEmpty(t.db, {})).toEqual({ sentence: 'No lessons have been saved yet.', unknownTenant: false });
    expect(await whyEmpty(t.db, { tenant: 'T1' })).toEqual({ sentence: 'No lessons for organisation T1. No organisation has any lessons yet.', unknownTenant: true });
    expect(await whyEmpty(t.db, { status: 'approved' })).toEqual({ sentence: 'No lessons match these filters.', unknownTenant: false });
  });

  it('names up to ten organisations that have lessons, in order, and says there are more', async () => {
    await addLesson('T05');
    await addLesson('T02');
    expect((await whyEmpty(t.db, { tenant: 'T99' })).sentence).toBe('No lessons for organisation T99. Organisations with lessons: T02 and T05.');
    expect(await whyEmpty(t.db, { tenant: 'T02', status: 'approved' })).toEqual({ sentence: 'No lessons in organisation T02 match these filters.', unknownTenant: false });
    for (const n of [1, 3, 4, 6, 7, 8, 9, 10, 11]) await addLesson(`T${String(n).padStart(2, '0')}`);
    expect((await whyEmpty(t.db, { tenant: 'T99' })).sentence).toBe('No lessons for organisation T99. Organisations with lessons: T01, T02, T03, T04, T05, T06, T07, T08, T09, T10 and more.');
  });
});
