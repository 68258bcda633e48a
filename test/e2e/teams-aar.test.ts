// A whole After Action Review in a Teams channel's reply chain, through the real CloudAdapter over HTTP, with the Bot
// Connector faked on loopback; every card the bot sends is checked with the Adaptive Cards parser.
import { listLessons } from '../../src/store/lessons';
import { expectValidAdaptiveCard } from '../support/adaptive-card-check';
import { dbKinds, type DbKind } from '../support/databases';
import type { SentActivity } from '../support/fake-bot-connector';
import { adaptiveCardOf, personalChat, submitsOf, textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, channelMessage, JO, personalInstall, personalInstallationUpdate, SAM, TEAM } from '../support/teams-activities';
import { waitUntil } from '../support/wait-until';
import { answerCount } from '../support/stored-answers';

const NHS_NUMBER = '943 476 5919';

describe.each(dbKinds)('After Action Review in Teams, end to end (%s Postgres)', (kind: DbKind) => {
  const e2e = useTeamsE2e(kind);
  const { sentTo, waitForSentTo } = e2e;

  const answersStored = (n: number): Promise<unknown> =>
    waitUntil(`${n} answers`, async () => (await answerCount(e2e.app.db)) === n);

  it('welcomes a person who installs the app for themselves once, though Teams announces the install twice at once', async () => {
    await Promise.all([e2e.teams.send(personalInstall(e2e.connector.url, ALEX)), e2e.teams.send(personalInstallationUpdate(e2e.connector.url, ALEX))]);
    const [welcome] = await waitForSentTo(personalChat(ALEX), 1);
    const text = textOf(welcome as SentActivity);
    for (const command of ['aar', 'bar', 'lessons', 'cop', 'coffee']) expect(text).toContain(command);
    expectValidAdaptiveCard(adaptiveCardOf(welcome as SentActivity));
    // Both installs were answered, so who welcomes was decided; a later message's answer comes after any welcome.
    await e2e.teams.personal(ALEX, 'aar help');
    const [first, second, third] = await waitForSentTo(personalChat(ALEX), 2);
    expect([first, second].map((s) => textOf(s as SentActivity).includes('Welcome to Mobilise'))).toEqual([true, false]);
    expect(third).toBeUndefined();
  });

  it('runs the review in the reply chain of the post that started it, and saves its lessons', async () => {
    // 1. The mention starts the review in that post's reply chain: the overview, then question 1.
    const root = await e2e.teams.mention(ALEX, 'aar Go-live of e-prescribing on Ward 7 #eprescribing');
    const chain = `${CHANNEL};messageid=${root}`;
    const [overview, q1] = await waitForSentTo(chain, 2);
    if (!overview || !q1) throw new Error('missing posts');
    expect(textOf(overview)).toContain('Go-live of e-prescribing on Ward 7');
    // The facilitator is mentioned by name, with a mention entity Teams can resolve.
    expect(textOf(overview)).toContain(`<at>${ALEX.name}</at>`);
    expect(JSON.stringify(overview.activity)).toContain(ALEX.id);
    expect(submitsOf(q1).map((s) => s.data.action)).toEqual(['aar:next', 'aar:cancel']);

    // 2. Answers are replies in the chain; a retried activity counts once.
    const answer = channelMessage({
      serviceUrl: e2e.connector.url,
      from: SAM,
      text: 'Pharmacy on the ward from 8am for the switch-over',
      root,
    });
    await e2e.teams.send(answer);
    await e2e.teams.send(answer);
    await answersStored(1);

    // 3. Only the facilitator moves on: someone else's press gets a direct message and changes nothing.
    await e2e.teams.press(q1, 'aar:next', SAM);
    const [refusal] = await waitForSentTo(personalChat(SAM), 1);
    expect(textOf(refusal as SentActivity)).toContain(ALEX.name);
    expect(sentTo(chain)).toHaveLength(2);

    // 4. Next: question 1's card is replaced in place, and question 2 is posted.
    const updatesBefore = e2e.connector.updates().length;
    await e2e.teams.press(q1, 'aar:next', ALEX);
    const q2 = (await waitForSentTo(chain, 3))[2] as SentActivity;
    const q1Update = e2e.connector.updates().slice(updatesBefore).find((u) => u.activityId === q1.id);
    expect(q1Update?.conversationId).toBe(chain);
    expect(submitsOf({ activity: q1Update?.body ?? {} })).toHaveLength(0);
    expect(textOf(q2)).not.toEqual(textOf(q1));

    // 5. An answer with an NHS number is masked and its author told privately; edits and deletions count.
    const edited = await e2e.teams.reply(root, SAM, 'Orders were late');
    await e2e.teams.reply(root, JO, `Bed 4 (NHS ${NHS_NUMBER}) had a double dose charted`);
    const [warning] = await waitForSentTo(personalChat(JO), 1);
    expect(textOf(warning as SentActivity)).toMatch(/NHS number/);
    expect(textOf(warning as SentActivity)).not.toMatch(/943\s?476\s?5919/);
    const deleted = await e2e.teams.reply(root, JO, 'typo, ignore me');
    await answersStored(4);
    await e2e.teams.edit(root, edited, SAM, 'Orders were late because the printer queue stalled');
    await e2e.teams.remove(root, deleted, JO);
    await answersStored(3);

    // 6. Question 3 by typing `next` (with or without mentioning the bot), question 4 by button.
    await e2e.teams.reply(root, ALEX, 'next');
    const q3 = (await waitForSentTo(chain, 4))[3] as SentActivity;
    await e2e.teams.reply(root, JO, 'Nobody owned the printer queue on the day');
    await answersStored(4);
    await e2e.teams.press(q3, 'aar:next', ALEX);
    const q4 = (await waitForSentTo(chain, 5))[4] as SentActivity;
    expect(submitsOf(q4).map((s) => s.data.action)).toEqual(['aar:finish', 'aar:cancel']);
    await e2e.teams.reply(root, SAM, 'Name a printer-queue owner for every go-live #handover');
    await e2e.teams.reply(root, JO, 'Brief pharmacy the day before');
    await answersStored(6);

    // 7. Finish: a summary with the proposed lessons.
    await e2e.teams.press(q4, 'aar:finish', ALEX);
    const summary = (await waitForSentTo(chain, 6))[5] as SentActivity;
    expect(textOf(summary)).toContain('printer-queue owner');
    expect(submitsOf(summary).some((s) => s.data.action === 'aar:save')).toBe(true);

    // 8. Save: the lessons land in the library, from Teams, and the chain says how many.
    await e2e.teams.press(summary, 'aar:save', ALEX);
    const saved = (await waitForSentTo(chain, 7))[6] as SentActivity;
    expect(textOf(saved)).toMatch(/2 lessons/);
    // The team is the organisation, not the Entra tenant it shares with other teams.
    const lessons = await listLessons(e2e.app.db, { tenant: TEAM.id });
    expect(lessons).toHaveLength(2);
    const owner = lessons.find((l) => l.recommendation.includes('printer-queue owner'));
    expect(owner?.source).toMatchObject({ platform: 'teams', tenant: TEAM.id, channel: CHANNEL, thread: root });
    expect(owner?.source.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/message\//);
    expect(owner?.observation).toContain('printer queue stalled');
    expect(owner?.contributors.map((c) => c.id)).toEqual(expect.arrayContaining([SAM.id, JO.id]));

    // 9. Every card the bot sent or updated is one Teams can render, shown as one message (none split), each once.
    for (const sent of e2e.connector.sent()) expectValidAdaptiveCard(adaptiveCardOf(sent));
    for (const update of e2e.connector.updates()) expectValidAdaptiveCard(adaptiveCardOf({ activity: update.body }));
    expect(e2e.connector.shown().filter((m) => m.splitFrom !== undefined)).toEqual([]);
    expect(e2e.connector.shown()).toHaveLength(e2e.connector.sent().length);
    expect(e2e.connector.calls().filter((c) => c.status >= 400)).toEqual([]);

    // 10. No copy of the NHS number anywhere in the database.
    const dump = await e2e.app.db.query(
      `SELECT (SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') FROM flow_runs r)::text ||
              (SELECT coalesce(jsonb_agg(to_jsonb(o)), '[]') FROM outbox o)::text ||
              (SELECT coalesce(jsonb_agg(to_jsonb(l) - 'search'), '[]') FROM lessons l)::text AS everything`,
    );
    expect(String(dump[0]?.everything).replace(/[\s-]/g, '')).not.toContain('9434765919');
  });
});
