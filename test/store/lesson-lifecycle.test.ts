// The SQL behind a lesson's life: one lesson by id within its organisation, edits, archive and restore, and
// which community owners may approve it.
import { parseLessonQuery } from '../../src/lessons/parse-lesson-query';
import type { LessonQuery } from '../../src/lessons/search-query';
import { lessonEvents, moveLesson } from '../../src/store/lesson-events';
import { communitiesForTags, communityOwnedBy } from '../../src/store/communities';
import { lessonInTenant, setLessonArchived, updateLessonText } from '../../src/store/lesson-lifecycle';
import { searchLessons } from '../../src/store/lesson-search';
import { listLessons } from '../../src/store/lessons';
import { migrate } from '../../src/store/migrate';
import { communityRow, savedLesson, slackPerson } from '../lessons/lifecycle/library';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const later = new Date('2026-11-21T10:00:00.000Z');

function query(text: string): LessonQuery {
  const parsed = parseLessonQuery(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.query;
}

describe.each(dbKinds)('a lesson’s lifecycle in the store on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterEach(() => t.drop());

  it('reads one lesson only inside its own organisation, and nothing for a malformed id', async () => {
    const id = await savedLesson(t.db, { title: 'Name a queue owner' });
    expect((await lessonInTenant(t.db, 'T1', id))?.title).toBe('Name a queue owner');
    expect(await lessonInTenant(t.db, 'T2', id)).toBeUndefined();
    expect(await lessonInTenant(t.db, 'T1', 'not-a-uuid')).toBeUndefined();
    expect(await lessonInTenant(t.db, 'T1', '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    // A malformed id must not have broken the transaction it ran in.
    await t.db.transaction(async (tx) => {
      expect(await lessonInTenant(tx, 'T1', "x'; DROP TABLE lessons; --", true)).toBeUndefined();
      expect((await lessonInTenant(tx, 'T1', id, true))?.id).toBe(id);
    });
  });

  it('moves a lesson on and keeps who and when', async () => {
    const id = await savedLesson(t.db, { title: 'Name a queue owner' });
    expect(await moveLesson(t.db, 'T1', id, 'validated', slackPerson('U2'), {}, later)).toBe(true);
    expect((await lessonInTenant(t.db, 'T1', id))?.status).toBe('validated');
    expect(await lessonEvents(t.db, 'T1', id)).toEqual([{ lessonId: id, kind: 'validated', actor: slackPerson('U2'), detail: {}, at: later }]);
    // Another organisation can neither move it nor add to its history.
    expect(await moveLesson(t.db, 'T2', id, 'approved', slackPerson('U9', 'T2'), {}, later)).toBe(false);
    expect((await lessonInTenant(t.db, 'T1', id))?.status).toBe('validated');
    expect(await lessonEvents(t.db, 'T2', id)).toEqual([]);
    expect(await lessonEvents(t.db, 'T1', id)).toHaveLength(1);
  });

  it('edits what a lesson says, and search finds it by its new words', async () => {
    const id = await savedLesson(t.db, { title: 'Name a queue owner' });
    await updateLessonText(t.db, 'T1', id, { title: 'Brief the porters', recommendation: 'Tell the porters first', observation: '', reason: 'They move the notes', tags: ['porters'] });
    expect(await lessonInTenant(t.db, 'T1', id)).toMatchObject({ title: 'Brief the porters', observation: '', reason: 'They move the notes', tags: ['porters'] });
    expect((await searchLessons(t.db, 'T1', query('porters'))).map((h) => h.lesson.id)).toEqual([id]);
    expect(await searchLessons(t.db, 'T1', query('queue owner'))).toEqual([]);
    // Another organisation's edit touches nothing.
    await updateLessonText(t.db, 'T2', id, { title: 'Stolen', recommendation: 'x', observation: '', reason: '', tags: [] });
    expect((await lessonInTenant(t.db, 'T1', id))?.title).toBe('Brief the porters');
  });

  it('keeps an archived lesson in the library but out of every search, until it is restored', async () => {
    const id = await savedLesson(t.db, { title: 'Name a printer queue owner' });
    const other = await savedLesson(t.db, { title: 'Brief the night shift about the printer' });
    await setLessonArchived(t.db, 'T1', id, later);
    expect((await lessonInTenant(t.db, 'T1', id))?.archivedAt).toBe(later.toISOString());
    const listed = await listLessons(t.db, { tenant: 'T1' });
    expect(listed.map((l) => [l.id, l.archivedAt])).toEqual(expect.arrayContaining([[id, later.toISOString()], [other, undefined]]));
    for (const words of ['printer', '', '#handover', 'status:draft printer']) {
      expect((await searchLessons(t.db, 'T1', query(words))).map((h) => h.lesson.id)).toEqual([other]);
    }
    await setLessonArchived(t.db, 'T1', id, null);
    expect((await lessonInTenant(t.db, 'T1', id))?.archivedAt).toBeUndefined();
    expect((await searchLessons(t.db, 'T1', query('printer'))).map((h) => h.lesson.id).sort()).toEqual([id, other].sort());
  });

  it('finds the communities whose tags overlap a lesson’s, active and in the same organisation only', async () => {
    const ward = await communityRow(t.db, { name: 'Ward 7 nurses', tags: ['handover', 'falls'], owner: slackPerson('U5') });
    await communityRow(t.db, { name: 'Pharmacy', tags: ['pharmacy'], owner: slackPerson('U6') });
    await communityRow(t.db, { name: 'Old handover group', tags: ['handover'], owner: slackPerson('U7'), status: 'archived' });
    await communityRow(t.db, { tenant: 'T2', name: 'Other trust', tags: ['handover'], owner: slackPerson('U5', 'T2') });

    expect((await communitiesForTags(t.db, 'T1', ['handover', 'sepsis'])).map((c) => c.name)).toEqual(['Ward 7 nurses']);
    expect(await communityOwnedBy(t.db, 'T1', 'U5', ['handover'])).toEqual({ id: ward, name: 'Ward 7 nurses', owners: [slackPerson('U5')] });
    expect(await communityOwnedBy(t.db, 'T1', 'U6', ['handover'])).toBeUndefined();
    expect(await communityOwnedBy(t.db, 'T1', 'U7', ['handover'])).toBeUndefined();
    // A lesson with no tags may be approved by any community's owner.
    expect((await communityOwnedBy(t.db, 'T1', 'U6', []))?.name).toBe('Pharmacy');
    expect((await communitiesForTags(t.db, 'T1', [])).map((c) => c.name).sort()).toEqual(['Pharmacy', 'Ward 7 nurses']);
  });
});
