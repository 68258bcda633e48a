// A lesson's life through the real Bolt receiver: found with /lessons, opened, validated by a colleague (and
// not by its own contributor), approved by a community's owner, and marked applied with evidence in a modal.
import { randomUUID } from 'node:crypto';
import { lessonEvents } from '../../src/store/lesson-events';
import { lessonInTenant } from '../../src/store/lesson-lifecycle';
import { communityRow, savedLesson, slackPerson } from '../lessons/lifecycle/library';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { buttonsOf, SlackClientSim, textOf, useSlackE2e } from '../support/mobilise-slack';
import { answerModal, openedView } from '../support/slack-modal-answers';
import { blockActions, slashCommand } from '../support/slack-requests';

describe.each(dbKinds)('a lesson’s lifecycle in Slack (%s Postgres)', (kind: DbKind) => {
  const e2e = useSlackE2e(kind);
  let lessonId: string;

  beforeAll(async () => {
    // U1 and U2 wrote the lesson; U5 owns the handover community.
    lessonId = await savedLesson(e2e.app.db, { title: 'Give the printer queue an owner', tags: ['handover'], contributors: [slackPerson('U1'), slackPerson('U2')] });
    await communityRow(e2e.app.db, { name: 'Ward 7 handover', tags: ['handover'], owner: slackPerson('U5') });
  });

  /** Sends a request and gives back the next whisper (ephemeral message) the bot sent. */
  async function whisperAfter(request: Parameters<SlackClientSim['post']>[0]): Promise<RecordedCall> {
    const before = e2e.api.calls('chat.postEphemeral').length;
    await e2e.slack.post(request);
    await e2e.api.waitFor(() => e2e.api.calls('chat.postEphemeral').length > before);
    return e2e.api.calls('chat.postEphemeral')[before] as RecordedCall;
  }

  function pressOn(user: string, actionId: string, value: string): Parameters<SlackClientSim['post']>[0] {
    return blockActions({ actions: [{ actionId, value }], messageTs: '1700000500.000100', channel: 'C1', userId: user, userName: user.toLowerCase(), ephemeral: true, triggerId: `trg-${randomUUID()}` });
  }

  /** Presses a button found on a whisper, as `user`. */
  function press(card: RecordedCall, actionId: string, user: string): Promise<RecordedCall> {
    const button = buttonsOf(card).find((b) => b.action_id === actionId);
    if (!button?.value) throw new Error(`no ${actionId} button on ${textOf(card)}`);
    return whisperAfter(pressOn(user, actionId, button.value));
  }

  const stored = async () => ({ lesson: await lessonInTenant(e2e.app.db, 'T1', lessonId), events: await lessonEvents(e2e.app.db, 'T1', lessonId) });

  it('goes from /lessons to validated, approved and applied, each by someone allowed to', async () => {
    const results = await whisperAfter(slashCommand({ command: '/lessons', text: 'printer queue', userId: 'U3', userName: 'sam', triggerId: `trg-${randomUUID()}` }));
    expect(results.body.user).toBe('U3');
    expect(buttonsOf(results).map((b) => [b.action_id, b.value])).toEqual([['lessons:life:open', lessonId]]);

    const opened = await press(results, 'lessons:life:open', 'U3');
    expect(opened.body.user).toBe('U3');
    expect(textOf(opened)).toMatch(/Give the printer queue an owner/);
    expect(textOf(opened)).toMatch(/Draft, not yet validated/);
    expect(buttonsOf(opened).map((b) => b.action_id)).toEqual(['lessons:life:validate', 'lessons:action:add', 'lessons:life:history']);

    // A contributor pressing Validate (say, on a card a colleague forwarded) is told why not; nothing moves.
    const refused = await whisperAfter(pressOn('U2', 'lessons:life:validate', lessonId));
    expect(refused.body.user).toBe('U2');
    expect(textOf(refused)).toMatch(/You contributed to “Give the printer queue an owner”, so you can't validate it yourself/);
    expect(await stored()).toMatchObject({ lesson: { status: 'draft' }, events: [] });

    const validated = await press(opened, 'lessons:life:validate', 'U3');
    expect(textOf(validated)).toMatch(/Validated by <@U3>/);
    expect(await stored()).toMatchObject({ lesson: { status: 'validated' }, events: [{ kind: 'validated', actor: { id: 'U3' } }] });
    // The same button pressed again changes nothing.
    expect(textOf(await press(opened, 'lessons:life:validate', 'U3'))).toMatch(/Nothing changed: it is validated by <@U3>/);
    expect((await stored()).events).toHaveLength(1);

    const ownersView = await whisperAfter(pressOn('U5', 'lessons:life:open', lessonId));
    const approved = await press(ownersView, 'lessons:life:approve', 'U5');
    expect(approved.body.user).toBe('U5');
    expect(textOf(approved)).toMatch(/Approved by <@U5> for Ward 7 handover/);
    expect((await stored()).lesson?.status).toBe('approved');

    const opensBefore = e2e.api.calls('views.open').length;
    await e2e.slack.post(pressOn('U4', 'lessons:life:apply', lessonId));
    await e2e.api.waitFor(() => e2e.api.calls('views.open').length > opensBefore);
    const view = openedView(e2e.api.calls('views.open').at(-1) as RecordedCall);
    expect(view.callback_id).toBe('lessons:life:applied-form');

    // Patient data keeps the modal open with the problem under the field, without the digits, and nothing is kept.
    const withPatient = await e2e.slack.post(answerModal(view, { evidence: 'We did it for patient 943 476 5919' }, 'U4'));
    expect(withPatient.status).toBe(200);
    expect(JSON.parse(withPatient.body)).toEqual({ response_action: 'errors', errors: { evidence: expect.stringMatching(/an NHS number/) } });
    expect(withPatient.body).not.toMatch(/5919/);
    expect(await stored()).toMatchObject({ lesson: { status: 'approved' } });
    expect((await stored()).events.map((e) => e.kind)).toEqual(['validated', 'approved']);

    const applied = await whisperAfter(answerModal(view, { evidence: 'Ward 9 named a queue owner on every shift' }, 'U4'));
    expect(textOf(applied)).toMatch(/Applied by <@U4>/);
    expect(textOf(applied)).toMatch(/Ward 9 named a queue owner on every shift/);
    const { lesson, events } = await stored();
    expect(lesson?.status).toBe('applied');
    expect(events.map((e) => [e.kind, e.actor.id])).toEqual([
      ['validated', 'U3'],
      ['approved', 'U5'],
      ['applied', 'U4'],
    ]);
    expect(events[2]?.detail).toEqual({ evidence: 'Ward 9 named a queue owner on every shift' });
    expect(JSON.stringify(events)).not.toMatch(/5919/);
  });
});
