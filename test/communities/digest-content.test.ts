// A community's digest on a hand-built week, on both databases: each section, the domain by tags, only this
// organisation, no archived lesson, and the one-line note for a quiet week.
import { digestCard, quietWeekCard } from '../../src/communities/cards/digest-card';
import { isQuietWeek } from '../../src/communities/digest-content';
import { composeDigest } from '../../src/communities/digest-step';
import type { Community } from '../../src/store/communities';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { buildWeek, person, SLOT } from './week-fixture';

const community: Community = {
  id: '00000000-0000-4000-8000-000000000001',
  tenant: 'T1',
  place: { platform: 'slack', tenant: 'T1', channel: 'C1' },
  name: 'Discharge and handover',
  tags: ['handover', 'discharge'],
  owner: person('U1'),
  coOwners: [],
  digest: { weekday: 1, time: '09:00', timeZone: 'Europe/London' },
  status: 'active',
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

describe.each(dbKinds)('a community’s weekly digest on %s Postgres', (kind) => {
  let t: TestDatabase;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    ids = await buildWeek(t.db);
  });
  afterAll(() => t.drop());

  it('gathers each section of the week', async () => {
    const digest = await composeDigest(t.db, community, SLOT);
    expect(digest.newLessons.map((l) => l.id)).toEqual([ids.fresh]);
    expect(digest.approved.map((a) => [a.lesson.id, a.by.id])).toEqual([[ids.justBefore, 'U3']]);
    expect(digest.dueActions.map((a) => [a.text, a.owner.id, a.dueOn])).toEqual([
      ['Add bloods to the discharge checklist', 'U5', '2026-11-20'],
      ['Book the handover training', 'U6', '2026-12-03'],
    ]);
    // Top three by net useful; a lesson nobody found useful is not among them.
    expect(digest.useful.map((f) => f.lesson.id)).toEqual([ids.justBefore, ids.older, ids.fresh]);
    expect(digest.contributors.map((c) => c.id)).toEqual(['U1', 'U2', 'U3', 'U4', 'U7']);
    expect(digest.counts).toEqual({ newLessons: 1, approvals: 1, applied: 1, actionsDone: 1, feedback: 7 });
    expect(isQuietWeek(digest)).toBe(false);
  });

  it('says it all in the card, and nothing from another trust, another domain or an archived lesson', async () => {
    const digest = await composeDigest(t.db, community, SLOT);
    const text = digestCard({ name: community.name, tags: community.tags, timeZone: 'Europe/London', slot: SLOT, digest }).text;
    expect(text).toMatch(/^Weekly digest: Discharge and handover\nWhat happened in #handover #discharge in the week to Monday 30 November\./);
    expect(text).toMatch(/New lessons \(1\)\*\n• \*Name a queue owner\* #eprescribing #handover, from <@U1> and <@U2> · https:/);
    expect(text).toMatch(/Newly approved \(1\)\*\n• \*Phone ahead before discharge\* #discharge, approved by <@U3>/);
    expect(text).toMatch(/• Add bloods to the discharge checklist \(from “Check bloods before discharge”\): <@U5>, overdue since Friday 20 November/);
    expect(text).toMatch(/• Book the handover training: <@U6>, due Thursday 3 December/);
    expect(text).toMatch(/Most useful recalled lessons\*\n• \*Phone ahead before discharge\* #discharge: 2 people found it useful/);
    expect(text).toMatch(/Thank you to <@U1>, <@U2>, <@U3>, <@U4> and <@U7>\./);
    expect(text).toMatch(/This week: 1 new lesson, 1 approved, 1 put into practice, 1 action done and 7 pieces of feedback\.$/);
    for (const absent of ['Print the drug chart', 'Another trust', 'Withdrawn', 'Next week', 'Reprint', 'Their action', 'Review the checklist in January', 'nobody liked']) {
      expect(text).not.toContain(absent);
    }
  });

  it('gives a quiet week one line instead of an empty digest', async () => {
    const quiet = { ...community, tags: ['sepsis'], place: { ...community.place, channel: 'C5' } };
    const digest = await composeDigest(t.db, quiet, SLOT);
    expect(isQuietWeek(digest)).toBe(true);
    const card = quietWeekCard({ name: 'Sepsis champions', tags: quiet.tags, timeZone: 'Europe/London', slot: SLOT });
    expect(card.text).toBe('A quiet week in Sepsis champions: nothing new in #sepsis in the week to Monday 30 November. Lessons saved with these tags will show up here.');
    expect(card.text).not.toMatch(/\n/);
    expect(card.blocks).toHaveLength(1);
  });

  it('still posts a digest when the only news is an action coming due in the channel', async () => {
    const channelOnly = { ...community, tags: ['sepsis'] };
    const digest = await composeDigest(t.db, channelOnly, SLOT);
    expect(digest.dueActions.map((a) => a.text)).toEqual(['Book the handover training']);
    expect(isQuietWeek(digest)).toBe(false);
  });
});
