// A whole After Action Review through the real Bolt receiver, on the real database, with Slack faked on loopback.
import { listLessons } from '../../src/store/lessons';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { buttonsOf, textOf, useSlackE2e } from '../support/mobilise-slack';
import { eventCallback, messageEvent, viewSubmission } from '../support/slack-requests';
import { waitUntil } from '../support/wait-until';
import { answerCount } from '../support/stored-answers';

const NHS_NUMBER = '943 476 5919';

describe.each(dbKinds)('After Action Review in Slack, end to end (%s Postgres)', (kind: DbKind) => {
  const e2e = useSlackE2e(kind);

  const posts = (): RecordedCall[] => e2e.api.calls('chat.postMessage');
  const waitForPosts = (n: number): Promise<RecordedCall[]> => e2e.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length >= n).then(posts);
  const waitForEphemeral = (user: string, n = 1): Promise<RecordedCall[]> =>
    e2e.api.waitFor((c) => c.filter((x) => x.method === 'chat.postEphemeral' && x.body.user === user).length >= n).then(() =>
      e2e.api.calls('chat.postEphemeral').filter((x) => x.body.user === user),
    );
  const answersStored = (n: number): Promise<unknown> =>
    waitUntil(`${n} answers`, async () => (await answerCount(e2e.app.db)) === n);

  it('runs the review in a thread and saves its lessons, once, without the NHS number', async () => {
    // 1. The command: acknowledged, a parent message in the channel, question 1 in its thread.
    const ack = await e2e.slack.command('Go-live of e-prescribing on Ward 7 #eprescribing');
    expect(ack.status).toBe(200);
    const [parent, q1] = await waitForPosts(2);
    if (!parent || !q1) throw new Error('missing posts');
    const thread = String(parent.response?.ts);
    expect(parent.body).toMatchObject({ channel: 'C1' });
    expect(parent.body.thread_ts).toBeUndefined();
    expect(textOf(parent)).toContain('Go-live of e-prescribing on Ward 7');
    expect(textOf(parent)).toContain('<@U1>');
    expect(q1.body.thread_ts).toBe(thread);
    expect(buttonsOf(q1).map((b) => b.action_id)).toEqual(['aar:next', 'aar:cancel']);

    // 2. Answers in the thread, attributed; a retried event counts once; chat outside the thread is ignored.
    await e2e.slack.reply(thread, 'Pharmacy on the ward from 8am for the switch-over', 'U2', 'EvRetried');
    await e2e.slack.reply(thread, 'Pharmacy on the ward from 8am for the switch-over', 'U2', 'EvRetried');
    await e2e.slack.post(eventCallback(messageEvent({ text: 'lunch anyone?', ts: '1700002000.000001', user: 'U3' }), { eventId: 'EvChannel' }));
    await answersStored(1);

    // 3. Only the facilitator moves on: someone else's press is refused privately and changes nothing.
    await e2e.slack.press(q1, 'aar:next', 'U2', 'sam');
    const [refusal] = await waitForEphemeral('U2');
    expect(textOf(refusal as RecordedCall)).toContain('<@U1>');
    await e2e.slack.press(q1, 'aar:next');
    const q2 = (await waitForPosts(3))[2] as RecordedCall;
    expect(posts()).toHaveLength(3);
    expect(q2.body.thread_ts).toBe(thread);

    // 4. Question 2: an answer with an NHS number is masked and its author told privately; edits and deletes count.
    const edited = await e2e.slack.reply(thread, 'Orders were late', 'U2');
    await e2e.slack.reply(thread, `Bed 4 (NHS ${NHS_NUMBER}) had a double dose charted`, 'U3');
    const [warning] = await waitForEphemeral('U3');
    expect(textOf(warning as RecordedCall)).toMatch(/NHS number/);
    expect(textOf(warning as RecordedCall)).not.toMatch(/943\s?476\s?5919/);
    const deleted = await e2e.slack.reply(thread, 'typo, ignore me', 'U3');
    await answersStored(4);
    await e2e.slack.edit(thread, edited, 'Orders were late because the printer queue stalled', 'U2');
    await e2e.slack.remove(thread, deleted, 'U3');
    await answersStored(3);

    // 5. Question 3 by typing `next`, question 4 by button.
    await e2e.slack.reply(thread, 'next', 'U1');
    const q3 = (await waitForPosts(4))[3] as RecordedCall;
    await e2e.slack.reply(thread, 'Nobody owned the printer queue on the day', 'U4');
    await answersStored(4);
    await e2e.slack.press(q3, 'aar:next');
    const q4 = (await waitForPosts(5))[4] as RecordedCall;
    expect(buttonsOf(q4).map((b) => b.action_id)).toEqual(['aar:finish', 'aar:cancel']);
    // Each answer is stored before the next is sent: the summary lists proposals in the order answers were saved,
    // and step 7 edits the first one.
    await e2e.slack.reply(thread, 'Name a printer-queue owner for every go-live #handover', 'U2');
    await answersStored(5);
    await e2e.slack.reply(thread, 'Brief pharmacy the day before', 'U4');
    await answersStored(6);
    await e2e.slack.reply(thread, `Check ${NHS_NUMBER.replace(/ /g, '')} was reconciled`, 'U3');
    await answersStored(7);

    // 6. Finish: a summary with the proposed lessons (not the flagged one) and Save.
    await e2e.slack.press(q4, 'aar:finish');
    const summary = (await waitForPosts(6))[5] as RecordedCall;
    expect(summary.body.thread_ts).toBe(thread);
    expect(textOf(summary)).toContain('printer-queue owner');
    expect(buttonsOf(summary).filter((b) => b.action_id === 'aar:edit')).toHaveLength(2);

    // 7. The facilitator edits one lesson in a modal.
    const editButton = buttonsOf(summary).find((b) => b.action_id === 'aar:edit');
    await e2e.slack.press(summary, 'aar:edit', 'U1', 'alex', editButton?.value);
    const [open] = await e2e.api.waitFor((c) => c.some((x) => x.method === 'views.open')).then(() => e2e.api.calls('views.open'));
    const view = (open as RecordedCall).body.view as { callback_id: string; private_metadata: string };
    const updatesBefore = e2e.api.calls('chat.update').length;
    await e2e.slack.post(
      viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: { title: 'Give the printer queue an owner', recommendation: 'Name a printer-queue owner for every go-live #handover' },
        userId: 'U1',
      }),
    );
    await e2e.api.waitFor((c) => c.filter((x) => x.method === 'chat.update').length > updatesBefore);

    // 8. Save: the lessons land in the library and the thread says how many.
    await e2e.slack.press(summary, 'aar:save');
    const saved = (await waitForPosts(7))[6] as RecordedCall;
    expect(textOf(saved)).toMatch(/2 lessons/);
    const lessons = await listLessons(e2e.app.db, { tenant: 'T1' });
    expect(lessons).toHaveLength(2);
    const owner = lessons.find((l) => l.title === 'Give the printer queue an owner');
    expect(owner).toMatchObject({
      recommendation: 'Name a printer-queue owner for every go-live #handover',
      technique: 'after-action-review',
      status: 'draft',
      source: { platform: 'slack', tenant: 'T1', channel: 'C1', thread, url: `https://example.slack.com/archives/C1/p${thread.replace('.', '')}` },
    });
    expect(owner?.observation).toContain('printer queue stalled');
    expect(owner?.observation).not.toContain('Bed 4');
    expect(owner?.reason).toContain('Nobody owned the printer queue');
    expect(owner?.tags).toEqual(expect.arrayContaining(['eprescribing', 'handover']));
    expect(owner?.contributors.map((c) => c.id)).toEqual(expect.arrayContaining(['U2', 'U1', 'U4']));
    expect(owner?.contributors[0]?.id).toBe('U2');

    // 9. Pressing Save again adds nothing.
    await e2e.slack.press(summary, 'aar:save');
    await waitForEphemeral('U1');
    expect(await listLessons(e2e.app.db, { tenant: 'T1' })).toHaveLength(2);

    // 10. No copy of the NHS number anywhere in the database.
    const dump = await e2e.app.db.query(
      `SELECT (SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') FROM flow_runs r)::text ||
              (SELECT coalesce(jsonb_agg(to_jsonb(o)), '[]') FROM outbox o)::text ||
              (SELECT coalesce(jsonb_agg(to_jsonb(l) - 'search'), '[]') FROM lessons l)::text ||
              (SELECT coalesce(jsonb_agg(to_jsonb(p)), '[]') FROM processed_deliveries p)::text AS everything`,
    );
    const everything = String(dump[0]?.everything);
    expect(everything).toContain('printer-queue owner');
    expect(everything.replace(/[\s-]/g, '')).not.toContain('9434765919');
  });
});
