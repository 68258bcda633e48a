// Every button and form id Mobilise uses, pressed from another organisation with the first organisation's real
// ids (the same user id, even): each is refused with the standard refusal and changes nothing.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../../src/coffee/settings';
import { STALE_BUTTON_TEXT } from '../../src/core/button-value';
import { FORM_VALUE_FIELD } from '../../src/core/card';
import type { Inbound, Person, Place } from '../../src/core/model';
import { organisationOf } from '../../src/core/organisation';
import { Engine } from '../../src/engine/engine';
import { recallLessons } from '../../src/lessons/recall/recall-lessons';
import { createLogger } from '../../src/log';
import { allFlows, allServices } from '../../src/main';
import { joinProgramme } from '../../src/store/coffee/members';
import { insertProgramme } from '../../src/store/coffee/programmes';
import { insertRound, recordAnswer } from '../../src/store/coffee/rounds';
import { activeCommunityAt } from '../../src/store/communities';
import { insertAction } from '../../src/store/lesson-actions';
import { recordRecalls } from '../../src/store/lesson-recall';
import { migrate } from '../../src/store/migrate';
import { latestRun } from '../../src/store/runs';
import { insertChatLessons } from '../lessons/recall/recall-library';
import { dumpTables, idsInCode } from '../support/button-ids';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { command, nextId, person } from '../support/events';
import { RecordingChat, type Sent } from '../support/recording-chat';

const now = new Date('2026-11-21T10:00:00Z');
const alex = person('alex');
const C1: Place = { platform: 'console', tenant: 'T1', channel: 'C1' };
/** The same user id in another organisation is someone else: the attack in issue 11 used exactly that. */
const intruder: Person = { ...alex, tenant: 'T0OTHER' };

const IDS = idsInCode();

/** Buttons that name nothing: they act on the presser's own channel, so there is nothing of T1's to forge. */
const NAMES_NOTHING = new Set(['coffee:join', 'coffee:leave', 'coffee:setup']);

/** Answers a form would carry if it were filled in properly, so only the organisation is wrong. */
const GOOD_FIELDS = { title: 'Forged', recommendation: 'Forged', evidence: 'Forged', comment: 'Forged', text: 'Forged', owner: '', due: 'tomorrow' };

interface RealIds {
  programme: string;
  lesson: string;
  action: string;
  recallRun: string;
  community: string;
}

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
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;
  let logged: { level: string; msg: string }[];
  let ids: RealIds;
  let aarThread: string;
  let barThread: string;

  const send = (event: Inbound): Promise<void> => engine.handle(event);

  async function startRun(name: string, text: string): Promise<string> {
    const before = chat.sent.length;
    await send(command(name, text));
    const parent = chat.sent.slice(before).find((s) => s.op === 'post');
    if (parent?.op !== 'post') throw new Error(`no parent post for /${name}`);
    return parent.id;
  }

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
    t = await freshDatabase(kind, 6);
    await migrate(t.db);
    chat = new RecordingChat();
    logged = [];
    const log = createLogger('debug', (line) => logged.push(JSON.parse(line) as { level: string; msg: string }));
    engine = new Engine({ db: t.db, flows: allFlows, services: allServices, chat: () => chat, clock: () => now, log, recall: recallLessons });

    // T1 has something real behind every kind of id, all of it alex's or open to alex.
    aarThread = await startRun('aar', 'Ward 9 handover');
    barThread = await startRun('bar', 'Winter rota');
    await send(command('cop', 'create Sepsis champions #sepsis'));
    const community = (await activeCommunityAt(t.db, 'console:T1:C1'))?.id ?? '';
    const programme = randomUUID();
    const sam: Person = { ...alex, id: 'sam', name: 'sam' };
    await insertProgramme(t.db, { id: programme, tenant: 'T1', place: C1, organiser: alex, settings: DEFAULT_SETTINGS, anchor: { round: 1, at: now }, status: 'active', placeKey: 'console:T1:C1' }, now);
    for (const p of [alex, sam]) await joinProgramme(t.db, programme, p, now);
    await insertRound(t.db, { programmeId: programme, round: 1, startsAt: now, seed: 1, sittingOut: [], repeats: 0 }, [['alex', 'sam']], now);
    await recordAnswer(t.db, 'T1', { programmeId: programme, round: 1, personId: 'alex', answer: 'yes' }, now);
    const lessons = await insertChatLessons(t.db, 'T1', [{ title: 'Label the trolley', recommendation: 'Label it', contributors: ['sam'], at: '2026-11-01T10:00:00Z' }]);
    const lesson = lessons['Label the trolley'] ?? '';
    const action = await insertAction(t.db, { tenant: 'T1', lessonId: lesson, place: C1, text: 'Buy labels', owner: alex, dueOn: '2026-12-01', remindAt: now, timeZone: 'Europe/London', createdBy: alex }, now);
    const [run] = await t.db.query(`SELECT id FROM flow_runs WHERE flow = 'before-action-review'`);
    const recallRun = String(run?.id);
    await recordRecalls(t.db, recallRun, 'T1', [lesson], now);
    ids = { programme, lesson, action, recallRun, community };
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
