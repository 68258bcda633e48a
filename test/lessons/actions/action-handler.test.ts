// Adding an action and answering its reminder, through the engine and the lessons service, on a recording chat.
import { FORM_VALUE_FIELD, type Card } from '../../../src/core/card';
import type { Inbound, Person, Place } from '../../../src/core/model';
import { Engine } from '../../../src/engine/engine';
import { lessonsService } from '../../../src/lessons/search/lessons-service';
import { createLogger } from '../../../src/log';
import { actionById, actionsOfLesson } from '../../../src/store/lesson-actions';
import { lessonEvents } from '../../../src/store/lesson-events';
import { migrate } from '../../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../../support/databases';
import { RecordingChat, type Sent } from '../../support/recording-chat';
import { person, seedAction, seedLesson, thread } from './seed';

const NHS_NUMBER = '943 476 5919';
const alex = person('alex');
const sam = person('sam');
const dm = (who: Person): Place => ({ platform: 'console', tenant: who.tenant, channel: `D-${who.id}` });

let seq = 0;
const press = (action: string, value: string | undefined, from: Person, place: Place = thread(from.tenant)): Inbound => ({
  kind: 'action', action, value, from, place, deliveryId: `a${++seq}`, trigger: `trg${seq}`,
});
const submit = (form: string, value: string, fields: Record<string, string>, from: Person, place: Place = thread(from.tenant)): Inbound => ({
  kind: 'form', form, fields: { ...fields, [FORM_VALUE_FIELD]: value }, from, place, deliveryId: `f${++seq}`,
});

describe.each(dbKinds)('actions through the lessons service on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;
  let now: Date;
  let lessonId: string;

  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    now = new Date('2026-11-21T12:00:00Z');
    ({ lessonId } = await seedLesson(t.db, now));
    chat = new RecordingChat();
    engine = new Engine({ db: t.db, flows: [], services: [lessonsService], chat: () => chat, clock: () => now, log: createLogger('silent') });
  });
  afterEach(() => t.drop());

  /** What the event made the bot say or open, and nothing from before. */
  async function send(event: Inbound): Promise<Sent[]> {
    const before = chat.sent.length;
    await engine.handle(event);
    return chat.sent.slice(before);
  }
  const textOf = (sent: Sent[]): string => sent.map((s) => ('card' in s ? (s.card as Card).text : '')).join('\n');

  it('opens a prefilled form from the AAR summary, and saves the action for the owner someone chose', async () => {
    // The summary's button names the lesson by its draft key, in the review's thread.
    const [opened] = await send(press('lessons:action:add', 'draft:m5', alex));
    if (opened?.op !== 'form') throw new Error(`expected a form, got ${JSON.stringify(opened)}`);
    expect(opened.form).toMatchObject({ id: 'lessons:action:new', value: lessonId });
    expect(opened.form.fields.map((f) => [f.id, f.kind ?? 'text', f.value])).toEqual([
      ['text', 'text', 'Name a printer-queue owner for every go-live'],
      ['owner', 'person', 'alex'],
      ['due', 'text', undefined],
    ]);

    const said = await send(submit('lessons:action:new', lessonId, { text: 'Name a printer-queue owner', owner: 'sam', due: '12 December' }, alex));
    expect(said).toEqual([
      expect.objectContaining({ op: 'whisper', to: alex }),
      expect.objectContaining({ op: 'direct', to: { platform: 'console', tenant: 'T1', id: 'sam' } }),
    ]);
    expect(textOf(said.slice(0, 1))).toBe(
      "Action saved: Name a printer-queue owner\n<@sam> owns it, due on Saturday 12 December. I'll check in with them that morning.",
    );
    expect(textOf(said.slice(1))).toBe(
      '<@alex> has given you an action: Name a printer-queue owner. It comes from the lesson "Give the printer queue an owner". It\'s due on Saturday 12 December, and I\'ll check in with you that morning.',
    );
    const [action, ...others] = await actionsOfLesson(t.db, 'T1', lessonId);
    expect(others).toEqual([]);
    expect(action).toMatchObject({
      text: 'Name a printer-queue owner',
      owner: { id: 'sam', tenant: 'T1' },
      dueOn: '2026-12-12',
      remindAt: new Date('2026-12-12T09:00:00Z'),
      timeZone: 'Europe/London',
      status: 'open',
      place: thread(),
      createdBy: alex,
    });
  });

  it('tells nobody else when the one who adds it owns it, and allows today', async () => {
    const said = await send(submit('lessons:action:new', lessonId, { text: 'Check the rota', owner: 'alex', due: 'today' }, alex));
    expect(said.map((s) => s.op)).toEqual(['whisper']);
    expect(textOf(said)).toMatch(/You own it, due on Saturday 21 November/);
  });

  it('names every problem with the answers and saves nothing', async () => {
    const said = await send(submit('lessons:action:new', lessonId, { text: `Call the family of ${NHS_NUMBER}`, owner: 'sam', due: '31 February' }, alex));
    const text = textOf(said);
    expect(text).toMatch(/seems to contain an NHS number/);
    expect(text).toMatch(/The due date: there's no 31 February/);
    expect(text).not.toMatch(/943\s?476\s?5919/);
    expect(textOf(await send(submit('lessons:action:new', lessonId, { text: ' ', owner: '', due: '2026-11-01' }, alex)))).toMatch(
      /Please say what will be done[\s\S]*1 November 2026 has already passed/,
    );
    expect(await actionsOfLesson(t.db, 'T1', lessonId)).toEqual([]);
    expect(JSON.stringify(await t.db.query('SELECT * FROM outbox'))).not.toContain('9434765919');
  });

  it("refuses a lesson that is gone, archived or another organisation's", async () => {
    const elsewhere = person('eve', 'T2');
    expect(textOf(await send(press('lessons:action:add', lessonId, elsewhere)))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(textOf(await send(press('lessons:action:add', 'draft:m5', elsewhere)))).toMatch(/couldn't find that lesson/);
    expect(textOf(await send(press('lessons:action:add', 'draft:nope', alex)))).toMatch(/couldn't find that lesson/);
    expect(textOf(await send(submit('lessons:action:new', lessonId, { text: 'x', owner: 'eve', due: 'tomorrow' }, elsewhere)))).toMatch(
      /That button is out of date or was changed: nothing was done/,
    );
    await t.db.query('UPDATE lessons SET archived_at = $1', [now]);
    expect(textOf(await send(press('lessons:action:add', lessonId, alex)))).toMatch(/archived/);
    expect(textOf(await send(submit('lessons:action:new', lessonId, { text: 'x', owner: 'alex', due: 'tomorrow' }, alex)))).toMatch(/archived/);
    expect(await t.db.query('SELECT 1 FROM lesson_actions')).toEqual([]);
  });

  it('Done asks for evidence, closes the action and marks the lesson applied, once', async () => {
    const id = await seedAction(t.db, lessonId, sam, '2026-11-21', now);
    expect(textOf(await send(press('lessons:action:done', id, alex, dm(alex))))).toBe(
      "Only <@sam> can answer for this action, as it's theirs. Nothing was changed.",
    );
    const [opened] = await send(press('lessons:action:done', id, sam, dm(sam)));
    expect(opened).toMatchObject({ op: 'form', form: { id: 'lessons:action:evidence', value: id } });

    expect(textOf(await send(submit('lessons:action:evidence', id, { evidence: '' }, sam, dm(sam))))).toMatch(/Please give one line/);
    expect(textOf(await send(submit('lessons:action:evidence', id, { evidence: `Told ${NHS_NUMBER}` }, sam, dm(sam))))).toMatch(/NHS number/);
    expect(await actionById(t.db, 'T1', id)).toMatchObject({ status: 'open' });

    expect(textOf(await send(submit('lessons:action:evidence', id, { evidence: 'Owner named on the go-live rota' }, sam, dm(sam))))).toBe(
      'Thanks! The action is marked done, and the lesson "Give the printer queue an owner" is now marked as applied, with your evidence.',
    );
    expect(await actionById(t.db, 'T1', id)).toMatchObject({ status: 'done', evidence: 'Owner named on the go-live rota', closedAt: now });
    const [lesson] = await t.db.query('SELECT status FROM lessons WHERE id = $1', [lessonId]);
    expect(lesson).toEqual({ status: 'applied' });
    expect(await lessonEvents(t.db, 'T1', lessonId)).toEqual([
      { lessonId, kind: 'applied', actor: sam, detail: { evidence: 'Owner named on the go-live rota', action: id }, at: now },
    ]);

    // Answering again changes nothing, and says why.
    expect(textOf(await send(press('lessons:action:drop', id, sam, dm(sam))))).toBe(
      'That action was already marked done on Saturday 21 November, so nothing was changed.',
    );
    expect(textOf(await send(submit('lessons:action:evidence', id, { evidence: 'Again' }, sam, dm(sam))))).toMatch(/already marked done/);
    expect(await lessonEvents(t.db, 'T1', lessonId)).toHaveLength(1);

    // A second action of an applied lesson leaves the lesson as it is.
    const second = await seedAction(t.db, lessonId, sam, '2026-11-21', now);
    expect(textOf(await send(submit('lessons:action:evidence', second, { evidence: 'Also done' }, sam, dm(sam))))).toMatch(/was already marked as applied/);
    expect(await lessonEvents(t.db, 'T1', lessonId)).toHaveLength(1);
  });

  it('Not yet takes a later day and No longer needed drops it', async () => {
    const id = await seedAction(t.db, lessonId, sam, '2026-11-21', now);
    const [opened] = await send(press('lessons:action:later', id, sam, dm(sam)));
    expect(opened).toMatchObject({ op: 'form', form: { id: 'lessons:action:redate', value: id } });
    expect(textOf(await send(submit('lessons:action:redate', id, { due: 'today' }, sam, dm(sam))))).toMatch(/haven't changed the date: That's today/);
    expect(textOf(await send(submit('lessons:action:redate', id, { due: '30 February' }, sam, dm(sam))))).toMatch(/no 30 February/);
    expect(await actionById(t.db, 'T1', id)).toMatchObject({ dueOn: '2026-11-21' });

    expect(textOf(await send(submit('lessons:action:redate', id, { due: 'in 2 weeks' }, sam, dm(sam))))).toBe(
      "No problem. The action is now due on Saturday 5 December, and I'll check in with you that morning.",
    );
    expect(await actionById(t.db, 'T1', id)).toMatchObject({ status: 'open', dueOn: '2026-12-05', remindAt: new Date('2026-12-05T09:00:00Z') });

    expect(textOf(await send(press('lessons:action:drop', id, sam, dm(sam))))).toMatch(/dropped, and I won't remind you/);
    expect(await actionById(t.db, 'T1', id)).toMatchObject({ status: 'dropped', closedAt: now });
    expect(textOf(await send(press('lessons:action:later', id, sam, dm(sam))))).toMatch(/already dropped/);
    expect(textOf(await send(press('lessons:action:done', 'not-an-id', sam, dm(sam))))).toBe('That button is out of date or was changed: nothing was done.');
    // Another organisation's person cannot even see it: the id reads as one Mobilise never wrote.
    expect(textOf(await send(press('lessons:action:drop', id, person('sam', 'T2'), dm(person('sam', 'T2')))))).toMatch(/That button is out of date or was changed: nothing was done/);
  });
});
