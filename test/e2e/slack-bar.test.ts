// A Before Action Review through the real Bolt receiver, on the real database, with Slack faked on loopback:
// an After Action Review is saved first, and the BAR on a similar topic recalls its lesson and stores its actions.
import { listLessons } from '../../src/store/lessons';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { buttonsOf, textOf, useSlackE2e } from '../support/mobilise-slack';
import { waitUntil } from '../support/wait-until';
import { answerCount } from '../support/stored-answers';

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday 23 November, 10:00 in London (GMT)
const LESSON = 'Name a printer-queue owner for every e-prescribing go-live';

describe.each(dbKinds)('Before Action Review in Slack, end to end (%s Postgres)', (kind: DbKind) => {
  const e2e = useSlackE2e(kind, { clock: () => NOW, cron: false });

  const posts = (): RecordedCall[] => e2e.api.calls('chat.postMessage');
  /** The first post that matches, once there is one. */
  async function postWhere(match: (c: RecordedCall) => boolean): Promise<RecordedCall> {
    await e2e.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && match(c)));
    return posts().find(match) as RecordedCall;
  }
  const inThread = (thread: string, text: RegExp) => (c: RecordedCall): boolean => c.body.thread_ts === thread && text.test(textOf(c));
  const answersStored = (flow: string, n: number): Promise<unknown> =>
    waitUntil(`${n} ${flow} answers`, async () => (await answerCount(e2e.app.db, flow)) === n);

  let barThread = '';
  let q2: RecordedCall | undefined;

  it('saves a lesson from an After Action Review on a go-live', async () => {
    expect((await e2e.slack.slash('/aar', 'Go-live of e-prescribing on Ward 7 #eprescribing', 'U1', 'alex', 'C1')).status).toBe(200);
    const parent = await postWhere((c) => c.body.channel === 'C1' && c.body.thread_ts === undefined);
    const thread = String(parent.response?.ts);
    const question = (n: number): Promise<RecordedCall> => postWhere(inThread(thread, new RegExp(`Question ${n} of 4`)));

    // Each answer waits for its question to be out, so it counts against that question.
    const q1 = await question(1);
    await e2e.slack.reply(thread, 'Switch over in one morning', 'U2');
    await answersStored('after-action-review', 1);
    await e2e.slack.press(q1, 'aar:next');
    const q2Card = await question(2);
    await e2e.slack.reply(thread, 'It took all day: the printer queue stalled and nobody owned it', 'U2');
    await answersStored('after-action-review', 2);
    await e2e.slack.press(q2Card, 'aar:next');
    await e2e.slack.press(await question(3), 'aar:next');
    const q4 = await question(4);
    await e2e.slack.reply(thread, LESSON, 'U2');
    await answersStored('after-action-review', 3);
    await e2e.slack.press(q4, 'aar:finish');
    await e2e.slack.press(await postWhere(inThread(thread, /Proposed lessons/)), 'aar:save');
    await postWhere(inThread(thread, /Saved 1 lesson/));

    const lessons = await listLessons(e2e.app.db, { tenant: 'T1' });
    expect(lessons.map((l) => l.recommendation)).toEqual([LESSON]);
  });

  it('recalls that lesson, and who contributed it, when question 2 of a BAR on a similar topic opens', async () => {
    // Replies from the Slack simulator come from C1, so the BAR runs there too, after the AAR has closed.
    expect((await e2e.slack.slash('/bar', 'Go-live of e-prescribing on Ward 9', 'U5', 'fran', 'C1')).status).toBe(200);
    const parent = await postWhere((c) => c.body.thread_ts === undefined && /Before Action Review/.test(textOf(c)));
    barThread = String(parent.response?.ts);
    expect(textOf(parent)).toContain('Before Action Review: Go-live of e-prescribing on Ward 9');
    const q1 = await postWhere(inThread(barThread, /Question 1 of 4/));
    expect(buttonsOf(q1).map((b) => b.action_id)).toEqual(['bar:next', 'bar:cancel']);

    await e2e.slack.reply(barThread, 'Move Ward 9 to electronic prescribing in one morning, printers included', 'U6');
    await answersStored('before-action-review', 1);

    // Someone other than the facilitator cannot move it on.
    await e2e.slack.press(q1, 'bar:next', 'U6', 'sam');
    await e2e.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral' && c.body.user === 'U6'));
    expect(posts().some(inThread(barThread, /Question 2 of 4/))).toBe(false);

    await e2e.slack.press(q1, 'bar:next', 'U5', 'fran');
    q2 = await postWhere(inThread(barThread, /Question 2 of 4/));
    expect(textOf(q2)).toContain('Below are lessons from the shared library');

    // The recalled lessons follow question 2 in the thread, naming the people who contributed them.
    const recalled = await postWhere(inThread(barThread, /printer-queue owner/));
    expect(posts().indexOf(recalled)).toBeGreaterThan(posts().indexOf(q2));
    expect(textOf(recalled)).toContain('<@U2>');
    const rateButtons = buttonsOf(recalled).map((b) => b.action_id);
    expect(rateButtons).toEqual(expect.arrayContaining(['lessons:recall:useful', 'lessons:recall:not-relevant']));
    // A second press on question 1 is late: nothing more is recalled.
    const before = posts().length;
    await e2e.slack.press(q1, 'bar:next', 'U5', 'fran');
    await e2e.api.waitFor((calls) => calls.filter((c) => c.method === 'chat.postEphemeral' && c.body.user === 'U5').length >= 1);
    expect(posts()).toHaveLength(before);
  });

  it("stores question 4's answers as actions with owners and due dates, and says so in the thread", async () => {
    expect(barThread).not.toBe('');
    const q2Card = q2 ?? (await postWhere(inThread(barThread, /Question 2 of 4/)));
    await e2e.slack.press(q2Card, 'bar:next', 'U5', 'fran');
    await postWhere(inThread(barThread, /Question 3 of 4/));
    await e2e.slack.reply(barThread, 'next', 'U5');
    const q4 = await postWhere(inThread(barThread, /Question 4 of 4/));
    expect(buttonsOf(q4).map((b) => b.action_id)).toEqual(['bar:finish', 'bar:cancel']);

    const n = await answerCount(e2e.app.db, 'before-action-review');
    await e2e.slack.reply(barThread, '<@U7> check the printer queues by 12 December', 'U6');
    await e2e.slack.reply(barThread, 'Brief the night shift on the new charts', 'U7');
    await e2e.slack.reply(barThread, 'Ring about 943 476 5919 before the switch', 'U6');
    await answersStored('before-action-review', n + 3);
    await e2e.slack.press(q4, 'bar:finish', 'U5', 'fran');

    const summary = await postWhere(inThread(barThread, /Summary: Go-live of e-prescribing on Ward 9/));
    const text = textOf(summary);
    expect(text).toContain('Check the printer queues by 12 December');
    expect(text).toMatch(/Owner: <@U7> · due Saturday 12 December/);
    expect(text).toMatch(/Brief the night shift on the new charts\\nOwner: <@U7> · due Monday 7 December/);
    expect(text).toContain('reminder');
    expect(text).not.toMatch(/943\s?476\s?5919/);

    const rows = await e2e.app.db.query(
      `SELECT a.tenant, a.text, a.owner_id, a.owner, a.due_on::text AS due_on, a.remind_at, a.time_zone, a.status, r.flow
         FROM lesson_actions a JOIN flow_runs r ON r.id = a.run_id ORDER BY a.due_on`,
    );
    expect(rows).toEqual([
      {
        tenant: 'T1',
        text: 'Brief the night shift on the new charts',
        owner_id: 'U7',
        owner: { platform: 'slack', tenant: 'T1', id: 'U7' },
        due_on: '2026-12-07',
        remind_at: new Date('2026-12-07T09:00:00Z'),
        time_zone: 'Europe/London',
        status: 'open',
        flow: 'before-action-review',
      },
      {
        tenant: 'T1',
        text: 'Check the printer queues by 12 December',
        owner_id: 'U7',
        owner: { platform: 'slack', tenant: 'T1', id: 'U7' },
        due_on: '2026-12-12',
        remind_at: new Date('2026-12-12T09:00:00Z'),
        time_zone: 'Europe/London',
        status: 'open',
        flow: 'before-action-review',
      },
    ]);
    const run = await e2e.app.db.query("SELECT status FROM flow_runs WHERE flow = 'before-action-review'");
    expect(run).toEqual([{ status: 'done' }]);
    // The overview in the channel says how it ended.
    const overviewUpdated = (c: RecordedCall): boolean =>
      c.method === 'chat.update' && c.body.ts === barThread && /2 actions agreed/.test(textOf(c));
    await expect(e2e.api.waitFor((calls) => calls.some(overviewUpdated))).resolves.toBeDefined();
  });
});
