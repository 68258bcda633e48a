// A lesson's buttons and forms through the lessons service, on both databases: who may move it on, edit,
// archive and restore it, what each press stores, and what the presser is told.
import { randomUUID } from 'node:crypto';
import type { Button, Card, FormSpec } from '../../../src/core/card';
import type { ServiceReply } from '../../../src/core/command-service';
import { ADD_ACTION, APPLIED_FORM, EDIT_FORM, LIFECYCLE_ACTIONS } from '../../../src/lessons/lifecycle/lifecycle-ids';
import { parseLessonQuery } from '../../../src/lessons/parse-lesson-query';
import { lessonsService } from '../../../src/lessons/search/lessons-service';
import { lessonEvents } from '../../../src/store/lesson-events';
import { lessonInTenant } from '../../../src/store/lesson-lifecycle';
import { searchLessons } from '../../../src/store/lesson-search';
import { migrate } from '../../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../../support/databases';
import { communityRow, importedLesson, savedLesson, slackPerson } from './library';

const now = new Date('2026-11-21T10:00:00.000Z');
const NHS_NUMBER = '943 476 5919';

function whispered(reply: ServiceReply, to: string): Card[] {
  return reply.say.map((out) => {
    if (out.kind !== 'whisper') throw new Error(`expected a whisper, got ${out.kind}`);
    expect(out.to.id).toBe(to);
    return out.card;
  });
}

function textOf(reply: ServiceReply): string {
  return JSON.stringify(reply.say);
}

function buttonsOf(reply: ServiceReply): Button[] {
  return reply.say.flatMap((out) => (out.kind === 'whisper' ? out.card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])) : []));
}

function labels(reply: ServiceReply): string[] {
  return buttonsOf(reply).map((b) => b.label);
}

function formOf(reply: ServiceReply): FormSpec {
  const [out] = reply.say;
  if (out?.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply.say)}`);
  return out.form;
}

describe.each(dbKinds)('a lesson’s lifecycle through the lessons service on %s Postgres', (kind) => {
  let t: TestDatabase;
  let lessonId: string;
  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    // U1 and U2 contributed; U3 did not; U5 owns the handover community; U6 owns an unrelated one.
    lessonId = await savedLesson(t.db, { title: 'Name a printer queue owner', tags: ['handover', 'eprescribing'], contributors: [slackPerson('U1'), slackPerson('U2')] });
    await communityRow(t.db, { name: 'Ward 7 handover', tags: ['handover'], owner: slackPerson('U5') });
    await communityRow(t.db, { name: 'Pharmacy', tags: ['pharmacy'], owner: slackPerson('U6') });
  });
  afterEach(() => t.drop());

  function press(action: string, value: string | undefined, who: string, tenant = 'T1', trigger: string | undefined = `trg-${randomUUID()}`): Promise<ServiceReply> {
    const event = { kind: 'action' as const, action, value, from: slackPerson(who, tenant), place: { platform: 'slack' as const, tenant, channel: 'C1' }, deliveryId: randomUUID(), ...(trigger ? { trigger } : {}) };
    return t.db.transaction((tx) => lessonsService.handle(tx, event, now));
  }

  function submit(form: string, fields: Record<string, string>, who: string, tenant = 'T1'): Promise<ServiceReply> {
    const event = { kind: 'form' as const, form, fields, from: slackPerson(who, tenant), place: { platform: 'slack' as const, tenant, channel: 'C1' }, deliveryId: randomUUID() };
    return t.db.transaction((tx) => lessonsService.handle(tx, event, now));
  }

  const stored = async () => ({ lesson: await lessonInTenant(t.db, 'T1', lessonId), events: await lessonEvents(t.db, 'T1', lessonId) });

  it('opens a lesson for the person who asked, with what they can do next', async () => {
    const asColleague = await press(LIFECYCLE_ACTIONS.open, lessonId, 'U3');
    const [card] = whispered(asColleague, 'U3');
    expect(card?.blocks[0]).toEqual({ type: 'heading', text: 'Name a printer queue owner' });
    expect(textOf(asColleague)).toMatch(/Recommendation:\* Name a printer queue owner, every time/);
    expect(textOf(asColleague)).toMatch(/What happened:\* The printer queue stalled/);
    expect(textOf(asColleague)).toMatch(/Draft, not yet validated/);
    expect(textOf(asColleague)).toMatch(/#handover #eprescribing/);
    expect(textOf(asColleague)).toMatch(/<@U1>, <@U2>/);
    expect(textOf(asColleague)).toMatch(/https:\/\/example.slack.com\/archives\/C1\/p1700000000000100/);
    expect(labels(asColleague)).toEqual(['Validate', 'Add action', 'History']);
    expect(buttonsOf(asColleague).find((b) => b.action === ADD_ACTION)?.value).toBe(lessonId);

    const asContributor = await press(LIFECYCLE_ACTIONS.open, lessonId, 'U1');
    expect(labels(asContributor)).toEqual(['Add action', 'Edit', 'Archive', 'History']);
    expect(textOf(asContributor)).toMatch(/a colleague who did not will need to validate it/);
  });

  it('does not let a community owner approve a lesson they contributed to, and names who else could', async () => {
    await communityRow(t.db, { name: 'eP safety', tags: ['eprescribing'], owner: slackPerson('U1') });
    await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U3');

    const asOwnerAndContributor = await press(LIFECYCLE_ACTIONS.open, lessonId, 'U1');
    expect(labels(asOwnerAndContributor)).not.toContain('Approve');
    expect(textOf(asOwnerAndContributor)).toMatch(/You contributed to this lesson, so an owner of a community of practice for #handover #eprescribing who did not will need to approve it/);

    const refused = await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U1');
    expect(textOf(refused)).toMatch(/You contributed to “Name a printer queue owner”, so you can't approve it yourself: you could ask <@U5> \(Ward 7 handover\)/);
    expect(textOf(refused)).not.toMatch(/<@U1> \(eP safety\)/);
    expect(await stored()).toMatchObject({ lesson: { status: 'validated' } });

    // Their own community's lesson with no other owner to turn to: said plainly, and nothing changes.
    await t.db.query("UPDATE communities SET archived_at = now(), status = 'archived' WHERE name = 'Ward 7 handover'");
    const alone = await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U1');
    expect(textOf(alone)).toMatch(/so you can't approve it yourself, and no other community of practice covers #handover #eprescribing yet/);
    expect(await stored()).toMatchObject({ lesson: { status: 'validated' } });
    expect(textOf(await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U5'))).toMatch(/Only the owner/);

    // A co-owner of U1's community who did not contribute can approve it.
    await t.db.query(
      `INSERT INTO community_owners (community_id, owner_id, owner, added_at) SELECT id, 'U7', $1, now() FROM communities WHERE name = 'eP safety'`,
      [JSON.stringify(slackPerson('U7'))],
    );
    expect(textOf(await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U1'))).toMatch(/you could ask <@U7> \(eP safety\)/);
    expect(textOf(await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U7'))).toMatch(/Approved by <@U7> for eP safety/);
  });

  it('lets anyone but a contributor validate, once', async () => {
    const refused = await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U2');
    expect(textOf(refused)).toMatch(/You contributed to “Name a printer queue owner”, so you can't validate it yourself/);
    expect(await stored()).toMatchObject({ lesson: { status: 'draft' }, events: [] });

    const done = await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U3');
    expect(textOf(done)).toMatch(/you validated this lesson/);
    expect(textOf(done)).toMatch(/Validated by <@U3> on 21 November 2026/);
    expect(await stored()).toMatchObject({ lesson: { status: 'validated' }, events: [{ kind: 'validated', actor: slackPerson('U3'), at: now }] });

    const again = await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U4');
    expect(textOf(again)).toMatch(/Nothing changed: it is validated by <@U3> on 21 November 2026/);
    expect((await stored()).events).toHaveLength(1);
  });

  it('lets only the owner of a community for the lesson’s tags approve it, and records which community', async () => {
    const early = await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U5');
    expect(textOf(early)).toMatch(/needs validating before it can be approved/);
    await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U3');

    const colleague = await press(LIFECYCLE_ACTIONS.open, lessonId, 'U3');
    expect(labels(colleague)).not.toContain('Approve');
    expect(textOf(colleague)).toMatch(/The owner of a community of practice for #handover #eprescribing can approve it/);
    for (const who of ['U3', 'U6']) {
      const refused = await press(LIFECYCLE_ACTIONS.approve, lessonId, who);
      expect(textOf(refused)).toMatch(/Only the owner of a community of practice for #handover #eprescribing can approve .*you could ask <@U5> \(Ward 7 handover\)/);
    }
    expect((await stored()).lesson?.status).toBe('validated');

    const owner = await press(LIFECYCLE_ACTIONS.open, lessonId, 'U5');
    expect(labels(owner)).toEqual(['Approve', 'Mark applied', 'Add action', 'Edit', 'Archive', 'History']);
    const approved = await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U5');
    expect(textOf(approved)).toMatch(/Approved by <@U5> for Ward 7 handover on 21 November 2026/);
    const { lesson, events } = await stored();
    expect(lesson?.status).toBe('approved');
    expect(events.at(-1)).toMatchObject({ kind: 'approved', actor: slackPerson('U5'), detail: { community: expect.any(String), communityName: 'Ward 7 handover' } });
    expect(textOf(await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U5'))).toMatch(/Nothing changed: it is approved by <@U5>/);
    expect((await stored()).events).toHaveLength(2);
  });

  it('marks a lesson applied with evidence from a form, refusing patient data and keeping nothing', async () => {
    expect(textOf(await press(LIFECYCLE_ACTIONS.apply, lessonId, 'U3'))).toMatch(/needs validating before it is marked applied/);
    await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U3');

    const form = formOf(await press(LIFECYCLE_ACTIONS.apply, lessonId, 'U4'));
    expect(form).toMatchObject({ id: APPLIED_FORM, value: lessonId, fields: [{ id: 'evidence' }] });
    expect(textOf(await press(LIFECYCLE_ACTIONS.apply, lessonId, 'U4', 'T1', ''))).toMatch(/needs a form/);

    const refused = await submit(APPLIED_FORM, { _value: lessonId, evidence: `Used it for patient ${NHS_NUMBER}` }, 'U4');
    expect(textOf(refused)).toMatch(/seems to contain an NHS number\. Please leave out anything that could identify a patient\. Nothing was saved/);
    expect(textOf(refused)).not.toContain('5919');
    expect(textOf(await submit(APPLIED_FORM, { _value: lessonId, evidence: '   ' }, 'U4'))).toMatch(/Please say how you used the lesson/);
    expect(await stored()).toMatchObject({ lesson: { status: 'validated' }, events: [{ kind: 'validated' }] });

    const applied = await submit(APPLIED_FORM, { _value: lessonId, evidence: 'Ward 9 named a queue owner: https://intranet.example/checklist' }, 'U4');
    expect(textOf(applied)).toMatch(/Applied by <@U4> on 21 November 2026/);
    expect(textOf(applied)).toMatch(/How it was used:\* Ward 9 named a queue owner/);
    expect(labels(applied)).toContain('I used it too');
    // A second use is more evidence, not another move.
    await submit(APPLIED_FORM, { _value: lessonId, evidence: 'Ward 10 too' }, 'U3');
    const { lesson, events } = await stored();
    expect(lesson?.status).toBe('applied');
    expect(events.map((e) => [e.kind, e.actor.id, e.detail.evidence])).toEqual([
      ['validated', 'U3', undefined],
      ['applied', 'U4', 'Ward 9 named a queue owner: https://intranet.example/checklist'],
      ['applied', 'U3', 'Ward 10 too'],
    ]);
  });

  it('lets contributors and the community owner edit, keeping before and after in its history', async () => {
    expect(textOf(await press(LIFECYCLE_ACTIONS.edit, lessonId, 'U3'))).toMatch(
      /Only its contributors \(<@U1>, <@U2>\) or the owner of a community of practice for #handover #eprescribing \(<@U5> \(Ward 7 handover\)\) can edit/,
    );
    expect(textOf(await submit(EDIT_FORM, { _value: lessonId, title: 'Hijacked', recommendation: 'x' }, 'U3'))).toMatch(/Only its contributors/);

    const form = formOf(await press(LIFECYCLE_ACTIONS.edit, lessonId, 'U2'));
    expect(form.id).toBe(EDIT_FORM);
    expect(Object.fromEntries(form.fields.map((f) => [f.id, f.value]))).toEqual({
      title: 'Name a printer queue owner',
      recommendation: 'Name a printer queue owner, every time',
      observation: 'The printer queue stalled on the go-live day',
      reason: 'Nobody owned the queue',
      tags: '#handover #eprescribing',
    });
    const fields = Object.fromEntries(form.fields.map((f) => [f.id, f.value ?? '']));

    const guarded = await submit(EDIT_FORM, { ...fields, _value: lessonId, observation: `Seen with ${NHS_NUMBER}` }, 'U2');
    expect(textOf(guarded)).toMatch(/What happened: this seems to contain an NHS number/);
    expect(textOf(await submit(EDIT_FORM, { ...fields, _value: lessonId, recommendation: ' ' }, 'U2'))).toMatch(/Recommendation: a lesson needs a recommendation/);
    expect(textOf(await submit(EDIT_FORM, { ...fields, _value: lessonId, tags: '#ward/7' }, 'U2'))).toMatch(/“ward\/7” is not a tag/);
    expect(await stored()).toMatchObject({ lesson: { observation: 'The printer queue stalled on the go-live day' }, events: [] });

    const saved = await submit(EDIT_FORM, { ...fields, _value: lessonId, title: 'Give the printer queue an owner', tags: 'handover, #Pharmacy' }, 'U2');
    expect(textOf(saved)).toMatch(/Saved your changes/);
    const { lesson, events } = await stored();
    expect(lesson).toMatchObject({ title: 'Give the printer queue an owner', tags: ['handover', 'pharmacy'], recommendation: 'Name a printer queue owner, every time' });
    expect(events).toEqual([
      {
        lessonId,
        kind: 'edited',
        actor: slackPerson('U2'),
        detail: {
          before: { title: 'Name a printer queue owner', tags: ['handover', 'eprescribing'] },
          after: { title: 'Give the printer queue an owner', tags: ['handover', 'pharmacy'] },
        },
        at: now,
      },
    ]);
    expect(textOf(await submit(EDIT_FORM, { ...fields, _value: lessonId, title: 'Give the printer queue an owner', tags: 'handover pharmacy' }, 'U2'))).toMatch(/Nothing changed/);
    // The community owner may edit too.
    await submit(EDIT_FORM, { ...fields, _value: lessonId, title: 'Give the queue an owner', tags: 'handover' }, 'U5');
    const history = await press(LIFECYCLE_ACTIONS.history, lessonId, 'U3');
    expect(textOf(history)).toMatch(/Edited by <@U2> \(title, tags\)/);
    expect(textOf(history)).toMatch(/Edited by <@U5> \(title, tags\)/);
    expect((await stored()).events).toHaveLength(2);
  });

  it('archives and restores a lesson, out of search meanwhile, by its contributors or community owner only', async () => {
    const search = async (): Promise<string[]> => {
      const parsed = parseLessonQuery('printer');
      if (!parsed.ok) throw new Error(parsed.problem);
      return (await searchLessons(t.db, 'T1', parsed.query)).map((h) => h.lesson.id);
    };
    expect(textOf(await press(LIFECYCLE_ACTIONS.archive, lessonId, 'U3'))).toMatch(/can archive/);
    expect(await search()).toEqual([lessonId]);

    const archived = await press(LIFECYCLE_ACTIONS.archive, lessonId, 'U1');
    expect(textOf(archived)).toMatch(/Archived by <@U1> on 21 November 2026/);
    expect(labels(archived)).toEqual(['Restore', 'History']);
    expect(await search()).toEqual([]);
    expect((await stored()).lesson?.archivedAt).toBe(now.toISOString());
    expect(textOf(await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U3'))).toMatch(/Nothing changed: this lesson is archived/);
    expect(textOf(await press(LIFECYCLE_ACTIONS.archive, lessonId, 'U1'))).toMatch(/already archived/);
    expect(textOf(await press(LIFECYCLE_ACTIONS.restore, lessonId, 'U3'))).toMatch(/can restore/);

    const restored = await press(LIFECYCLE_ACTIONS.restore, lessonId, 'U5');
    expect(textOf(restored)).toMatch(/Restored/);
    expect(await search()).toEqual([lessonId]);
    expect((await stored()).events.map((e) => [e.kind, e.actor.id])).toEqual([
      ['archived', 'U1'],
      ['restored', 'U5'],
    ]);
  });

  it('keeps each organisation to its own lessons, and answers stale ids plainly', async () => {
    for (const action of Object.values(LIFECYCLE_ACTIONS)) {
      expect(textOf(await press(action, lessonId, 'U3', 'T2'))).toMatch(/That button is out of date or was changed: nothing was done/);
    }
    expect(textOf(await submit(APPLIED_FORM, { _value: lessonId, evidence: 'Used it' }, 'U3', 'T2'))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(textOf(await submit(EDIT_FORM, { _value: lessonId, title: 'x', recommendation: 'y' }, 'U3', 'T2'))).toMatch(/That button is out of date or was changed: nothing was done/);
    // A value that is not a lesson id at all was not written by Mobilise: the standard refusal.
    expect(textOf(await press(LIFECYCLE_ACTIONS.open, 'not-a-lesson', 'U3'))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(textOf(await press(LIFECYCLE_ACTIONS.validate, undefined, 'U3'))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(await stored()).toMatchObject({ lesson: { status: 'draft', title: 'Name a printer queue owner' }, events: [] });
    // A community in another organisation gives no say over this one's lessons.
    await communityRow(t.db, { tenant: 'T2', name: 'Elsewhere', tags: ['handover'], owner: slackPerson('U9', 'T2') });
    await press(LIFECYCLE_ACTIONS.validate, lessonId, 'U3');
    expect(textOf(await press(LIFECYCLE_ACTIONS.approve, lessonId, 'U9'))).toMatch(/Only the owner/);
  });

  it('lets anyone validate an imported lesson, whose contributors are names rather than chat accounts', async () => {
    const imported = await importedLesson(t.db, 'T1', 'Book interpreters ahead', ['U3', 'Asha Patel']);
    expect(textOf(await press(LIFECYCLE_ACTIONS.validate, imported, 'U3'))).toMatch(/Validated by <@U3>/);
    const refused = await press(LIFECYCLE_ACTIONS.edit, imported, 'U3');
    expect(textOf(refused)).toMatch(/Only the owner of a community of practice for #handover \(<@U5> \(Ward 7 handover\)\) can edit/);
  });
});
