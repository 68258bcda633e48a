// Every button and form id Mobilise uses, pressed from another organisation with the first organisation's real
// ids (the same user id, even): each is refused with the standard refusal and changes nothing.
import { STALE_BUTTON_TEXT } from '../../src/core/button-value';
import { FORM_VALUE_FIELD } from '../../src/core/card';
import type { Inbound, Person, Place } from '../../src/core/model';
import { organisationOf } from '../../src/core/organisation';
import { latestRun } from '../../src/store/runs';
import { dumpTables, idsInCode } from '../support/button-ids';
import { dbKinds, type TestDatabase } from '../support/databases';
import { ALEX, C1, oneOfEverything, type OneOfEverything, type RealIds } from '../support/one-of-everything';
import { nextId } from '../support/events';
import { RecordingChat, type Sent } from '../support/recording-chat';

const alex = ALEX;
/** The same user id in another organisation is someone else: the attack in issue 11 used exactly that. */
const intruder: Person = { ...alex, tenant: 'T0OTHER' };

const IDS = idsInCode();

/** Buttons that name nothing: they act on the presser's own channel, so there is nothing of T1's to forge. */
const NAMES_NOTHING = new Set(['coffee:join', 'coffee:leave', 'coffee:setup']);

/** Answers a form would carry if it were filled in properly, so only the organisation is wrong. */
const GOOD_FIELDS = { title: 'Forged', recommendation: 'Forged', evidence: 'Forged', comment: 'Forged', text: 'Forged', owner: '', due: 'tomorrow' };

/** The value Mobilise wrote on T1's own button or form with that id. */
function realValue(id: string, ids: RealIds): string {
  if (id === 'coffee:met') return JSON.stringify({ programme: ids.programme, round: 1, answer: 'not-yet' });
  if (id === 'coffee:comment') return JSON.stringify({ programme: ids.programme, round: 1 });
  if (id.startsWith('lessons:recall:')) return `${ids.recallRun}:${ids.lesson}`;
  if (['lessons:action:done', 'lessons:action:later', 'lessons:action:drop', 'lessons:action:evidence', 'lessons:action:redate'].includes(id)) return ids.action;
  if (id.startsWith('cop:')) return ids.community;
  return ids.lesson;
}

describe.each(dbKinds)('buttons and forms from another organisation on %s Postgres', (kind) => {
  let world: OneOfEverything;
  let t: TestDatabase;
  let chat: RecordingChat;
  let logged: OneOfEverything['logged'];
  let ids: RealIds;
  let aarThread: string;
  let barThread: string;

  const send = (event: Inbound): Promise<void> => world.engine.handle(event);

  /** Presses `id` with `value` as `from` in `place`, as a button and as a form; returns what `from` was whispered, and anything else said. */
  async function pressBoth(id: string, value: string, from: Person, place: Place): Promise<{ whispers: string[]; others: Sent[] }> {
    const events: Inbound[] = [
      { kind: 'action', action: id, value, from, place, deliveryId: nextId('act'), trigger: nextId('trg') },
      { kind: 'form', form: id, fields: { [FORM_VALUE_FIELD]: value, ...GOOD_FIELDS }, from, place, deliveryId: nextId('form') },
    ];
    const whispers: string[] = [];
    const others: Sent[] = [];
    for (const event of events) {
      const sent = chat.sent.length;
      await send(event);
      for (const s of chat.sent.slice(sent)) {
        if (s.op === 'whisper' && s.to.id === from.id && s.to.tenant === from.tenant) whispers.push(s.card.text);
        else others.push(s);
      }
    }
    return { whispers, others };
  }

  beforeAll(async () => {
    world = await oneOfEverything(kind);
    ({ t, chat, logged, ids, aarThread, barThread } = world);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
  });
  afterAll(() => t.drop());

  it('reads the organisation from where the event happened', () => {
    expect(organisationOf({ place: { ...C1, tenant: 'T0OTHER' } })).toBe('T0OTHER');
  });

  it('covers every id in the code', () => {
    expect(IDS).toEqual(expect.arrayContaining(['coffee:met', 'coffee:comment', 'lessons:life:validate', 'lessons:action:drop', 'lessons:recall:useful', 'cop:review:archive', 'aar:edit-lesson', 'bar:next']));
  });

  it.each(IDS.filter((id) => !NAMES_NOTHING.has(id)))('%s: a press from another organisation with real ids is refused and changes nothing', async (id) => {
    // The same channel and thread ids in the other organisation: a place is only ever its own organisation's.
    const place: Place = { ...C1, tenant: 'T0OTHER', thread: id.startsWith('bar:') ? barThread : aarThread };
    const before = await dumpTables(t.db);
    logged.length = 0;
    const { whispers, others } = await pressBoth(id, realValue(id, ids), intruder, place);
    expect({ id, errors: logged.filter((l) => l.level === 'error') }).toEqual({ id, errors: [] });
    expect({ id, tables: await dumpTables(t.db) }).toEqual({ id, tables: before });
    // Nothing is posted, sent or opened (no form for the other organisation to fill in): only the presser is told.
    expect({ id, others }).toEqual({ id, others: [] });
    // A service's ids name rows that are not this organisation's; a review's find no run at this organisation's place.
    // Either way the standard refusal; a service may ignore its id sent as the other kind (a button's as a form).
    expect({ id, whispers: [...new Set(whispers)] }).toEqual({ id, whispers: [STALE_BUTTON_TEXT] });
  });

  it("finds no run of T1's from another organisation's place with the same channel and thread", async () => {
    expect(await latestRun(t.db, `console:T1:C1:${aarThread}`)).toBeDefined();
    expect(await latestRun(t.db, `console:T0OTHER:C1:${aarThread}`)).toBeUndefined();
  });

  it('the same values from T1 itself do act, so the refusals above are the organisation check', async () => {
    const place: Place = { ...C1, thread: aarThread };
    const answer = async (): Promise<unknown> => (await t.db.query('SELECT answer FROM coffee_answers WHERE person_id = $1', ['alex']))[0]?.answer;
    expect(await answer()).toBe('yes');
    const said = async (id: string, value: string): Promise<string[]> => (await pressBoth(id, value, alex, place)).whispers;
    expect(await said('coffee:met', realValue('coffee:met', ids))).not.toContain(STALE_BUTTON_TEXT);
    expect(await answer()).toBe('not-yet');
    expect(await said('lessons:life:validate', ids.lesson)).not.toContain(STALE_BUTTON_TEXT);
    expect((await t.db.query('SELECT status FROM lessons WHERE id = $1', [ids.lesson]))[0]?.status).toBe('validated');
    expect(await said('lessons:recall:useful', `${ids.recallRun}:${ids.lesson}`)).not.toContain(STALE_BUTTON_TEXT);
    expect(await said('cop:review:keep', ids.community)).not.toContain(STALE_BUTTON_TEXT);
    expect(await said('lessons:action:drop', ids.action)).not.toContain(STALE_BUTTON_TEXT);
    expect((await t.db.query('SELECT status FROM lesson_actions WHERE id = $1', [ids.action]))[0]?.status).toBe('dropped');
  });
});
