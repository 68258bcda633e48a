// Issue 11's forged press, through the real Bolt receiver: a signed block_actions from workspace T0OTHER, user
// U0P01, carrying workspace T1's coffee programme and round, must not overwrite U0P01's real answer in T1.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../../src/coffee/settings';
import { STALE_BUTTON_TEXT } from '../../src/core/button-value';
import type { Person, Place } from '../../src/core/model';
import { joinProgramme } from '../../src/store/coffee/members';
import { insertProgramme } from '../../src/store/coffee/programmes';
import { insertRound, recordAnswer, roundResult } from '../../src/store/coffee/rounds';
import { dumpTables } from '../support/button-ids';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { textOf, useSlackE2e } from '../support/mobilise-slack';
import { blockActions } from '../support/slack-requests';

const at = new Date('2026-11-20T16:30:00Z');

describe.each(dbKinds)('a button from another Slack workspace (%s Postgres)', (kind: DbKind) => {
  const e2e = useSlackE2e(kind);
  const programme = randomUUID();
  const value = (answer: string): string => JSON.stringify({ programme, round: 1, answer });

  beforeAll(async () => {
    // T1's programme: ten pairs, and U0P01 said they met.
    const place: Place = { platform: 'slack', tenant: 'T1', channel: 'C1' };
    const people: Person[] = Array.from({ length: 20 }, (_, i) => ({ platform: 'slack', tenant: 'T1', id: `U0P${String(i + 1).padStart(2, '0')}` }));
    const organiser = people[0] as Person;
    await insertProgramme(e2e.app.db, { id: programme, tenant: 'T1', place, organiser, settings: DEFAULT_SETTINGS, anchor: { round: 1, at }, status: 'active', placeKey: 'slack:T1:C1' }, at);
    for (const p of people) await joinProgramme(e2e.app.db, programme, p, at);
    const pairs = Array.from({ length: 10 }, (_, i) => [people[2 * i]?.id ?? '', people[2 * i + 1]?.id ?? '']);
    await insertRound(e2e.app.db, { programmeId: programme, round: 1, startsAt: at, seed: 1, sittingOut: [], repeats: 0 }, pairs, at);
    expect(await recordAnswer(e2e.app.db, 'T1', { programmeId: programme, round: 1, personId: 'U0P01', answer: 'yes' }, at)).toBe(true);
  });

  async function pressAs(teamId: string, actionId: string, v: string): Promise<string> {
    const before = e2e.whispersTo('U0P01').length;
    const press = blockActions({ actions: [{ actionId, value: v }], messageTs: '1700000000.000100', channel: 'DU0P01', teamId, userId: 'U0P01', userName: 'pat', triggerId: `trg-${randomUUID()}`, ephemeral: true });
    expect((await e2e.slack.post(press)).status).toBe(200);
    await e2e.api.waitFor(() => e2e.whispersTo('U0P01').length > before);
    return textOf(e2e.whispersTo('U0P01')[before] as RecordedCall);
  }

  it("refuses T0OTHER's press on T1's programme and leaves T1's answer and result as they were", async () => {
    const before = await dumpTables(e2e.app.db, ['processed_deliveries', 'schema_migrations', 'outbox']);
    expect(await pressAs('T0OTHER', 'coffee:met', value('not-yet'))).toContain(STALE_BUTTON_TEXT);
    // The comment button would open a form on T1's programme; it is refused before any form opens.
    const opens = e2e.api.calls('views.open').length;
    expect(await pressAs('T0OTHER', 'coffee:comment', JSON.stringify({ programme, round: 1 }))).toContain(STALE_BUTTON_TEXT);
    expect(e2e.api.calls('views.open')).toHaveLength(opens);
    expect(await dumpTables(e2e.app.db, ['processed_deliveries', 'schema_migrations', 'outbox'])).toEqual(before);
    expect(await e2e.app.db.query('SELECT person_id, answer FROM coffee_answers')).toEqual([{ person_id: 'U0P01', answer: 'yes' }]);
    expect(await roundResult(e2e.app.db, programme, 1)).toMatchObject({ groups: 10, met: 1 });
  });

  it('takes the same press from T1 itself, so it was the workspace that was refused', async () => {
    expect(await pressAs('T1', 'coffee:met', value('not-yet'))).not.toContain(STALE_BUTTON_TEXT);
    expect(await e2e.app.db.query('SELECT person_id, answer FROM coffee_answers')).toEqual([{ person_id: 'U0P01', answer: 'not-yet' }]);
  });
});
