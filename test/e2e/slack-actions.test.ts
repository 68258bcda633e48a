// An action from an After Action Review, end to end through the real Bolt receiver with Slack faked on loopback and
// time driven by the test: saved lesson -> Add action -> form -> the owner's DM on the due date -> Done with evidence.
import { lessonEvents } from '../../src/store/lesson-events';
import { listLessons } from '../../src/store/lessons';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { buttonsOf, textOf, useSlackE2e } from '../support/mobilise-slack';
import { answerModal, openedView } from '../support/slack-modal-answers';
import { blockActions } from '../support/slack-requests';
import { waitUntil } from '../support/wait-until';
import { answerCount } from '../support/stored-answers';

/** Picks someone in a users_select of a submission built by answerModal (which fills in text and selects only). */
describe.each(dbKinds)('actions with owners in Slack, end to end (%s Postgres)', (kind: DbKind) => {
  let now = new Date('2026-11-21T12:00:00Z');
  const e2e = useSlackE2e(kind, { clock: () => now, cron: false });
  const { calls, posted, whispersTo } = e2e;

  async function nextView(before: number): Promise<ReturnType<typeof openedView>> {
    await e2e.api.waitFor(() => calls('views.open').length > before);
    return openedView(calls('views.open').at(-1) as RecordedCall);
  }
  async function nextWhisper(user: string, before: number): Promise<string> {
    await e2e.api.waitFor(() => whispersTo(user).length > before);
    return textOf(whispersTo(user).at(-1) as RecordedCall);
  }

  it('follows an AAR lesson through its action to the lesson being applied', async () => {
    // 1. A short review: question 4 answered, finished and saved.
    await e2e.slack.command('Go-live of e-prescribing on Ward 7');
    await e2e.api.waitFor(() => posted('C1').length >= 2);
    const thread = String(posted('C1')[0]?.response?.ts);
    for (let i = 0; i < 3; i++) {
      const count = posted('C1').length;
      await e2e.slack.reply(thread, 'next', 'U1');
      await e2e.api.waitFor(() => posted('C1').length > count);
    }
    await e2e.slack.reply(thread, 'Name a printer-queue owner for every go-live', 'U2');
    await waitUntil('the answer is stored', async () => (await answerCount(e2e.app.db)) === 1);
    const beforeSummary = posted('C1').length;
    await e2e.slack.reply(thread, 'finish', 'U1');
    await e2e.api.waitFor(() => posted('C1').length > beforeSummary);
    const summary = posted('C1').at(-1) as RecordedCall;
    const updatesBefore = calls('chat.update').length;
    await e2e.slack.press(summary, 'aar:save');
    await e2e.api.waitFor(() => calls('chat.update', (c) => c.body.ts === summary.response?.ts).length > 0 && calls('chat.update').length > updatesBefore);
    const [lesson] = await listLessons(e2e.app.db, { tenant: 'T1' });
    if (!lesson) throw new Error('no lesson saved');

    // 2. The saved summary offers Add action on the lesson; it opens a form prefilled with the recommendation.
    const saved = calls('chat.update', (c) => c.body.ts === summary.response?.ts).at(-1) as RecordedCall;
    const add = buttonsOf(saved).find((b) => b.action_id === 'lessons:action:add');
    expect(add?.value).toMatch(/^draft:/);
    const viewsBefore = calls('views.open').length;
    await e2e.slack.post(blockActions({ actions: [{ actionId: 'lessons:action:add', value: add?.value }], messageTs: String(summary.response?.ts), threadTs: thread, userId: 'U1', triggerId: 'trg-add' }));
    const form = await nextView(viewsBefore);
    expect(form.callback_id).toBe('lessons:action:new');
    expect(form.blocks.map((b) => [b.block_id, b.element?.type, b.element?.initial_value ?? (b.element as { initial_user?: string } | undefined)?.initial_user])).toEqual([
      ['text', 'plain_text_input', 'Name a printer-queue owner for every go-live'],
      ['owner', 'users_select', 'U1'],
      ['due', 'plain_text_input', undefined],
    ]);

    // 3. A wrong date keeps the modal open with the problem under the date, and nothing is kept or said;
    //    then the facilitator gives it to Sam (U2) for 12 December.
    let before = whispersTo('U1').length;
    const wrong = await e2e.slack.post(answerModal(form, { due: '31 February', owner: 'U2' }, 'U1'));
    expect(wrong.status).toBe(200);
    const kept = JSON.parse(wrong.body) as { response_action?: string; errors?: Record<string, string> };
    expect(kept.response_action).toBe('errors');
    expect(Object.keys(kept.errors ?? {})).toEqual(['due']);
    expect(kept.errors?.due).toMatch(/There's no 31 February/);
    expect(whispersTo('U1')).toHaveLength(before);
    expect(await e2e.app.db.query('SELECT count(*)::int AS n FROM lesson_actions')).toEqual([{ n: 0 }]);
    await e2e.slack.post(answerModal(form, { due: '12 December', owner: 'U2' }, 'U1'));
    expect(await nextWhisper('U1', before)).toMatch(/<@U2> owns it, due on Saturday 12 December/);
    await e2e.api.waitFor(() => posted('DU2').length === 1);
    expect(textOf(posted('DU2')[0] as RecordedCall)).toMatch(/<@U1> has given you an action: Name a printer-queue owner for every go-live/);
    const stored = await e2e.app.db.query("SELECT owner_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, status FROM lesson_actions");
    expect(stored).toEqual([{ owner_id: 'U2', due_on: '2026-12-12', status: 'open' }]);

    // 4. Nothing before 09:00 on the due day; then one DM to Sam with three answers; never twice.
    now = new Date('2026-12-12T08:59:00Z');
    expect(await e2e.app.scheduler.tick()).toBe(0);
    now = new Date('2026-12-12T09:00:00Z');
    expect(await e2e.app.scheduler.tick()).toBe(1);
    await e2e.api.waitFor(() => posted('DU2').length === 2);
    now = new Date('2026-12-12T09:01:00Z');
    expect(await e2e.app.scheduler.tick()).toBe(0);
    const reminder = posted('DU2')[1] as RecordedCall;
    expect(textOf(reminder)).toMatch(/Your action is due today/);
    expect(textOf(reminder)).toContain(lesson.title);
    expect(buttonsOf(reminder).map((b) => b.action_id)).toEqual(['lessons:action:done', 'lessons:action:later', 'lessons:action:drop']);

    // 5. Someone else cannot answer for Sam; Sam presses Done and gives a line of evidence.
    // Slack gives every press its own trigger, which is how a retry is told from a second press.
    let presses = 0;
    const press = (user: string, actionId: string): Promise<unknown> =>
      e2e.slack.post(blockActions({ actions: [{ actionId, value: buttonsOf(reminder).find((b) => b.action_id === actionId)?.value }], messageTs: String(reminder.response?.ts), channel: 'DU2', userId: user, triggerId: `trg-${actionId}-${user}-${++presses}` }));
    before = whispersTo('U3').length;
    await press('U3', 'lessons:action:done');
    expect(await nextWhisper('U3', before)).toMatch(/Only <@U2> can answer/);
    const evidenceBefore = calls('views.open').length;
    await press('U2', 'lessons:action:done');
    const evidence = await nextView(evidenceBefore);
    expect(evidence.callback_id).toBe('lessons:action:evidence');
    before = whispersTo('U2').length;
    await e2e.slack.post(answerModal(evidence, { evidence: 'Owner named on the go-live rota: https://intranet.example/rota' }, 'U2'));
    expect(await nextWhisper('U2', before)).toMatch(/marked done, and the lesson .* is now marked as applied/);

    // 6. The lesson is applied, its history says who and why, and the action is closed with the evidence.
    expect((await listLessons(e2e.app.db, { tenant: 'T1' }))[0]?.status).toBe('applied');
    const [event] = await lessonEvents(e2e.app.db, 'T1', lesson.id);
    expect(event).toMatchObject({ kind: 'applied', actor: { id: 'U2' }, detail: { evidence: 'Owner named on the go-live rota: https://intranet.example/rota' } });
    const closed = await e2e.app.db.query('SELECT status, evidence, closed_at FROM lesson_actions');
    expect(closed).toEqual([{ status: 'done', evidence: 'Owner named on the go-live rota: https://intranet.example/rota', closed_at: now }]);

    // 7. Pressing Done again on the old message changes nothing.
    before = whispersTo('U2').length;
    await press('U2', 'lessons:action:done');
    expect(await nextWhisper('U2', before)).toMatch(/already marked done/);
    expect(await lessonEvents(e2e.app.db, 'T1', lesson.id)).toHaveLength(1);
  });
});
