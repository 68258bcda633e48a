// Every button and form id Mobilise uses, pressed with values it never wrote: each gets a clear refusal, never an
// internal error, and the database is left as it was.
import { STALE_BUTTON_TEXT } from '../../src/core/button-value';
import { FORM_VALUE_FIELD } from '../../src/core/card';
import type { Inbound, Place } from '../../src/core/model';
import type { Sql } from '../../src/store/db';
import { idsInCode } from '../support/button-ids';
import { dbKinds, type TestDatabase } from '../support/databases';
import { ALEX, C1, oneOfEverything, type OneOfEverything } from '../support/one-of-everything';
import { cardText } from '../support/card-text';
import { nextId } from '../support/events';
import { RecordingChat } from '../support/recording-chat';

const alex = ALEX;

const IDS = idsInCode();

/** Buttons that carry no value, so what they do does not depend on one: they are pressed, but may change things. */
const VALUELESS = new Set(['coffee:join', 'coffee:leave', 'coffee:setup']);

const A_UUID = 'a2b7c3d4-1e2f-4a5b-8c6d-7e8f9a0b1c2d';

/** Values Mobilise never writes; `programme` and `round` are filled in with the real ones where that makes them nastier. */
function badValues(programme: string): [string, string][] {
  const feedback = (p: unknown, round: unknown, answer: unknown = 'yes'): string => JSON.stringify({ programme: p, round, answer });
  return [
    ['empty', ''],
    ['malformed JSON', '{"programme":'],
    ['JSON of the wrong type', '[1,2,3]'],
    ['JSON null', 'null'],
    ['a programme that is not a uuid', feedback('not-a-uuid', 1)],
    ['a round out of range for integer', feedback(programme, 99999999999)],
    ['a negative round', feedback(programme, -1)],
    ['a fractional round', feedback(programme, 1.5)],
    ['a round as a string', feedback(programme, '1')],
    ['an unknown answer', feedback(programme, 1, 'maybe')],
    ['a number out of range', '99999999999'],
    ['a negative number', '-1'],
    ['not a uuid', 'not-a-uuid'],
    ['a uuid with a NUL in it', `${A_UUID.slice(0, 8)}\u0000${A_UUID.slice(9)}`],
    ['only a NUL', '\u0000'],
    ['a lone surrogate', '\ud800'],
    ['two ids, one broken', `${A_UUID}:${A_UUID.slice(1)}`],
    ['a long draft key', `draft:${'x'.repeat(5000)}`],
    ['SQL', "1'; DROP TABLE lessons; --"],
    ['a huge string', 'x'.repeat(100_000)],
  ];
}

/** Every field name a Mobilise form has, so a form arrives with all of them wrong. */
const FIELD_NAMES = ['title', 'recommendation', 'observation', 'reason', 'tags', 'evidence', 'comment', 'text', 'owner', 'due', 'everyWeeks', 'weekday', 'time', 'timeZone', 'groupSize', 'oddOneOut', 'weeksToMeet', 'historyRounds'];

/** What can be changed by a press, as rows; run bookkeeping (rev, updated_at) and the outbox of whispers are left out. */
async function dump(q: Sql): Promise<string> {
  const tables = (await q.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)).map(
    (r) => String(r.table_name),
  );
  const out: Record<string, unknown[]> = {};
  for (const table of tables.filter((t) => !['outbox', 'processed_deliveries', 'schema_migrations'].includes(t))) {
    const rows = await q.query(`SELECT to_jsonb(t) AS row FROM ${table} t`);
    out[table] = rows.map((r) => JSON.stringify({ ...(r.row as Record<string, unknown>), rev: null, updated_at: null })).sort();
  }
  return JSON.stringify(out);
}

describe.each(dbKinds)('bad button and form values on %s Postgres', (kind) => {
  let world: OneOfEverything;
  let t: TestDatabase;
  let chat: RecordingChat;
  let logged: OneOfEverything['logged'];
  let programme: string;
  let aarThread: string;
  let barThread: string;

  // As the adapters do: the engine cleans whatever it is handed.
  const send = (event: Inbound): Promise<void> => world.engine.handle(event);

  beforeAll(async () => {
    world = await oneOfEverything(kind);
    ({ t, chat, logged, aarThread, barThread } = world);
    programme = world.ids.programme;
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
  });
  afterAll(() => t.drop());

  it('collects every id from the code', () => {
    // A sample of each family, so a change to the scan that finds nothing fails here.
    expect(IDS).toEqual(expect.arrayContaining(['coffee:met', 'coffee:comment', 'lessons:life:validate', 'lessons:action:add', 'lessons:recall:useful', 'cop:review:keep', 'aar:edit-lesson', 'bar:next']));
    expect(IDS.length).toBeGreaterThan(35);
  });

  it.each(IDS)('%s: refuses every bad value clearly, logs no error and changes nothing', async (id) => {
    const placeFor = (): Place => ({ ...C1, thread: id.startsWith('bar:') ? barThread : aarThread });
    const before = await dump(t.db);
    for (const [what, value] of badValues(programme)) {
      let answered = false;
      const events: Inbound[] = [
        { kind: 'action', action: id, value, from: alex, place: placeFor(), deliveryId: nextId('act'), trigger: nextId('trg') },
        { kind: 'form', form: id, fields: { [FORM_VALUE_FIELD]: value, ...Object.fromEntries(FIELD_NAMES.map((f) => [f, value])) }, from: alex, place: placeFor(), deliveryId: nextId('form') },
      ];
      for (const event of events) {
        const sent = chat.sent.length;
        logged.length = 0;
        await send(event);
        const said = chat.sent.slice(sent);
        const whispers = said.flatMap((s) => (s.op === 'whisper' && s.to.id === 'alex' ? [s.card.text] : []));
        const context = `${id} (${event.kind}) with ${what}`;
        answered ||= whispers.length > 0;
        expect({ context, errors: logged.filter((l) => l.level === 'error' || l.msg === 'event failed') }).toEqual({ context, errors: [] });
        expect({ context, internal: said.filter((s) => 'card' in s && /something went wrong/i.test(cardText(s.card))).length }).toEqual({ context, internal: 0 });
        // A service's id sent as the other kind (a button id as a form) may be ignored; when it answers, it is the standard refusal.
        if (whispers.length > 0 && !VALUELESS.has(id) && /^(coffee|lessons|cop):/.test(id)) {
          expect({ context, whispers }).toEqual({ context, whispers: [STALE_BUTTON_TEXT] });
        }
      }
      // The presser always hears why nothing happened, whether the id is a button's or a form's; a review's own
      // buttons pressed in a phase they do not belong to (the summary's, while questions are asked) are ignored.
      if (!/^(aar|bar):/.test(id)) expect({ id, what, answered }).toEqual({ id, what, answered: true });
    }
    if (!VALUELESS.has(id)) expect(await dump(t.db)).toEqual(before);
  });
});
