// The coffee tables on both databases: one programme per channel, opt-in members, rounds recorded once,
// answers only from people who were matched, and the history the matcher reads back.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../../../src/coffee/settings';
import type { Person } from '../../../src/core/model';
import { insertProgramme, programmeAt, programmeOf, type Programme } from '../../../src/store/coffee/programmes';
import { availableMembers, joinProgramme, leaveProgramme, memberCounts, pauseMember, peopleOf, setTeam } from '../../../src/store/coffee/members';
import { insertRound, matchHistory, programmeStats, recordAnswer, recordComment, roundResult } from '../../../src/store/coffee/rounds';
import { migrate } from '../../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../../support/databases';

const now = new Date('2026-11-21T12:00:00Z');
const later = new Date('2026-12-21T12:00:00Z');
const person = (id: string): Person => ({ platform: 'slack', tenant: 'T1', id, name: id.toLowerCase() });
const place = { platform: 'slack' as const, tenant: 'T1', channel: 'C1' };

describe.each(dbKinds)('coffee store on %s Postgres', (kind) => {
  let t: TestDatabase;
  let programme: Programme;
  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    programme = { id: randomUUID(), tenant: 'T1', place, organiser: person('U1'), settings: DEFAULT_SETTINGS, anchor: { round: 1, at: now }, status: 'active' };
    expect(await insertProgramme(t.db, { ...programme, placeKey: 'slack:T1:C1' }, now)).toBe(true);
  });
  afterEach(() => t.drop());

  it('keeps one programme per channel and reads it back whole', async () => {
    expect(await insertProgramme(t.db, { ...programme, id: randomUUID(), organiser: person('U9'), placeKey: 'slack:T1:C1' }, now)).toBe(false);
    expect(await programmeAt(t.db, 'slack:T1:C1')).toEqual(programme);
    expect(await programmeAt(t.db, 'slack:T1:C2')).toBeUndefined();
  });

  it('matches only people who joined, have not left and are not paused', async () => {
    for (const id of ['U1', 'U2', 'U3', 'U4']) await joinProgramme(t.db, programme.id, person(id), now);
    await leaveProgramme(t.db, programme.id, 'U2', now);
    await pauseMember(t.db, programme.id, 'U3', new Date('2026-12-01T00:00:00Z'), now);
    await setTeam(t.db, programme.id, 'U4', 'Pharmacy', now);
    expect((await availableMembers(t.db, programme.id, now)).map((m) => [m.person.id, m.team])).toEqual([['U1', undefined], ['U4', 'Pharmacy']]);
    expect(await memberCounts(t.db, programme.id, now)).toEqual({ active: 2, paused: 1 });
    // The pause ends by itself; joining again after leaving comes back active.
    expect((await availableMembers(t.db, programme.id, later)).map((m) => m.person.id)).toEqual(['U1', 'U3', 'U4']);
    await joinProgramme(t.db, programme.id, person('U2'), later);
    expect((await availableMembers(t.db, programme.id, later)).map((m) => m.person.id)).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect([...(await peopleOf(t.db, programme.id, ['U2', 'U4', 'U8'])).keys()].sort()).toEqual(['U2', 'U4']);
  });

  it('records a round once, and reads history with "did not meet" as not met', async () => {
    for (const id of ['U1', 'U2', 'U3', 'U4', 'U5']) await joinProgramme(t.db, programme.id, person(id), now);
    const round = { programmeId: programme.id, round: 1, startsAt: now, seed: 7, sittingOut: ['U5'], repeats: 0 };
    expect(await insertRound(t.db, round, [['U1', 'U2'], ['U3', 'U4']], now)).toBe(true);
    expect(await insertRound(t.db, round, [['U1', 'U3'], ['U2', 'U4']], now)).toBe(false);

    expect(await recordAnswer(t.db, programme.tenant, { programmeId: programme.id, round: 1, personId: 'U1', answer: 'yes' }, now)).toBe(true);
    expect(await recordAnswer(t.db, programme.tenant, { programmeId: programme.id, round: 1, personId: 'U3', answer: 'could-not' }, now)).toBe(true);
    // Someone who sat out has nothing to answer; a comment needs an answer first.
    expect(await recordAnswer(t.db, programme.tenant, { programmeId: programme.id, round: 1, personId: 'U5', answer: 'yes' }, now)).toBe(false);
    expect(await recordComment(t.db, programme.tenant, programme.id, 1, 'U2', 'hello')).toBe(false);
    expect(await recordComment(t.db, programme.tenant, programme.id, 1, 'U1', 'Lovely chat')).toBe(true);
    // Another organisation naming this programme, even with a person id that is in a group, writes nothing.
    expect(await recordAnswer(t.db, 'T0OTHER', { programmeId: programme.id, round: 1, personId: 'U1', answer: 'not-yet' }, now)).toBe(false);
    expect(await recordComment(t.db, 'T0OTHER', programme.id, 1, 'U1', 'Forged')).toBe(false);
    expect(await programmeOf(t.db, 'T0OTHER', programme.id)).toBeUndefined();
    expect((await programmeOf(t.db, programme.tenant, programme.id))?.id).toBe(programme.id);

    expect(await matchHistory(t.db, programme.id)).toEqual([{ round: 1, groups: [['U1', 'U2'], ['U3', 'U4']], met: [true, false], sittingOut: ['U5'] }]);
    expect(await roundResult(t.db, programme.id, 1)).toEqual({ groups: 2, people: 4, met: 1, unanswered: 0, disagreed: 0, answered: 2 });
    // A change of mind counts: the second pair met after all.
    await recordAnswer(t.db, programme.tenant, { programmeId: programme.id, round: 1, personId: 'U4', answer: 'yes' }, later);
    expect((await matchHistory(t.db, programme.id))[0]?.met).toEqual([true, true]);
    expect(await programmeStats(t.db, programme.id)).toEqual({ rounds: 1, participants: 4, meetings: { groups: 2, met: 2, unanswered: 0, disagreed: 1 }, repeatRate: 0 });
    // The round's summary and the programme's figures count the same groups as met.
    expect(await roundResult(t.db, programme.id, 1)).toEqual({ groups: 2, people: 4, met: 2, unanswered: 0, disagreed: 1, answered: 3 });
  });

  it('counts silence as met, so a pair nobody heard from is not matched again', async () => {
    await insertRound(t.db, { programmeId: programme.id, round: 1, startsAt: now, seed: 1, sittingOut: [], repeats: 0 }, [['U1', 'U2']], now);
    expect(await matchHistory(t.db, programme.id)).toEqual([{ round: 1, groups: [['U1', 'U2']], met: [true], sittingOut: [] }]);
    expect(await programmeStats(t.db, programme.id)).toEqual({ rounds: 1, participants: 2, meetings: { groups: 1, met: 0, unanswered: 1, disagreed: 0 }, repeatRate: 0 });
  });
});
