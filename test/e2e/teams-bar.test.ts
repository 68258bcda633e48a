// A Before Action Review in Teams, through the real CloudAdapter over HTTP with the Bot Connector faked on loopback:
// an After Action Review is saved first, and a BAR on a similar topic in another channel recalls its lesson and its
// contributor, takes feedback on it, and stores its actions with owners.
import { listLessons } from '../../src/store/lessons';
import { expectValidAdaptiveCard } from '../support/adaptive-card-check';
import { dbKinds, type DbKind } from '../support/databases';
import type { SentActivity } from '../support/fake-bot-connector';
import { adaptiveCardOf, personalChat, submitsOf, textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, channelMessage, JO, KIT, OTHER_CHANNEL, SAM, TEAM, TENANT } from '../support/teams-activities';
import { waitUntil } from '../support/wait-until';
import { answerCount } from '../support/stored-answers';

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday 23 November, 10:00 in London (GMT)
const LESSON = 'Name a printer-queue owner for every e-prescribing go-live';

describe.each(dbKinds)('Before Action Review in Teams, end to end (%s Postgres)', (kind: DbKind) => {
  const e2e = useTeamsE2e(kind, { clock: () => NOW });
  const { sentTo, waitForSentTo } = e2e;

  const nth = async (conversationId: string, n: number): Promise<SentActivity> => (await waitForSentTo(conversationId, n))[n - 1] as SentActivity;
  const answersStored = (flow: string, n: number): Promise<unknown> => waitUntil(`${n} ${flow} answers`, async () => (await answerCount(e2e.app.db, flow)) === n);
  const mentioned = (sent: SentActivity): { id: string; name: string }[] => {
    const msteams = adaptiveCardOf(sent).msteams as { entities?: { mentioned: { id: string; name: string } }[] } | undefined;
    return (msteams?.entities ?? []).map((e) => e.mentioned);
  };

  let aarChain = '';
  let barRoot = '';
  let barChain = '';

  it('saves a lesson from an After Action Review on a go-live', async () => {
    const root = await e2e.teams.mention(ALEX, 'aar Go-live of e-prescribing on Ward 7 #eprescribing');
    const chain = `${CHANNEL};messageid=${root}`;
    aarChain = chain;
    const q1 = await nth(chain, 2);
    await e2e.teams.reply(root, SAM, 'Switch over in one morning');
    await answersStored('after-action-review', 1);
    await e2e.teams.press(q1, 'aar:next', ALEX);
    const q2 = await nth(chain, 3);
    await e2e.teams.reply(root, SAM, 'It took all day: the printer queue stalled and nobody owned it');
    await answersStored('after-action-review', 2);
    await e2e.teams.press(q2, 'aar:next', ALEX);
    await e2e.teams.press(await nth(chain, 4), 'aar:next', ALEX);
    const q4 = await nth(chain, 5);
    await e2e.teams.reply(root, SAM, LESSON);
    await answersStored('after-action-review', 3);
    await e2e.teams.press(q4, 'aar:finish', ALEX);
    await e2e.teams.press(await nth(chain, 6), 'aar:save', ALEX);
    expect(textOf(await nth(chain, 7))).toMatch(/Saved 1 lesson/);
    // The team is the organisation, not the Entra tenant it shares with other teams.
    const lessons = await listLessons(e2e.app.db, { tenant: TEAM.id });
    expect(lessons.map((l) => l.recommendation)).toEqual([LESSON]);
    // Who gave it: the people whose words it holds (Sam's lesson carries Sam's answer), not everyone in the review.
    expect(lessons[0]?.contributors.map((c) => c.id)).toEqual([SAM.id]);
  });

  it('recalls that lesson, and who gave it, in the reply chain of a BAR on a similar topic in another channel', async () => {
    barRoot = await e2e.teams.mention(JO, 'bar Go-live of e-prescribing on Ward 9', OTHER_CHANNEL);
    barChain = `${OTHER_CHANNEL};messageid=${barRoot}`;
    const [overview, q1] = await waitForSentTo(barChain, 2);
    if (!overview || !q1) throw new Error('missing posts');
    expect(textOf(overview)).toContain('Before Action Review: Go-live of e-prescribing on Ward 9');
    expect(submitsOf(q1).map((s) => s.data.action)).toEqual(['bar:next', 'bar:cancel']);

    await e2e.teams.reply(barRoot, KIT, 'Move Ward 9 to electronic prescribing in one morning, printers included', OTHER_CHANNEL);
    await answersStored('before-action-review', 1);
    // Nothing is recalled before question 2 opens.
    expect(sentTo(barChain)).toHaveLength(2);

    // Next on question 1: question 2, then the recalled lessons, in this chain.
    await e2e.teams.press(q1, 'bar:next', JO);
    const q2 = await nth(barChain, 3);
    expect(textOf(q2)).toContain('Question 2 of 4');
    expect(textOf(q2)).toContain('Below are lessons from the shared library');
    const recalled = await nth(barChain, 4);
    expect(textOf(recalled)).toContain(LESSON);
    // The contributors are named with Teams mentions that resolve to them.
    expect(textOf(recalled)).toContain(`<at>${SAM.name}</at>`);
    expect(mentioned(recalled)).toEqual([
      { id: SAM.id, name: SAM.name },
      { id: ALEX.id, name: ALEX.name },
    ]);
    expect(submitsOf(recalled).map((s) => s.title)).toEqual(['Useful', 'Not relevant']);
    expect(submitsOf(recalled).map((s) => s.data.action)).toEqual(['lessons:recall:useful', 'lessons:recall:not-relevant']);
    // Nothing of the BAR went to the AAR's chain, nor started a chain of its own.
    expect(sentTo(aarChain)).toHaveLength(7);
    expect(e2e.connector.sent().filter((s) => s.conversationId.startsWith(OTHER_CHANNEL) && s.conversationId !== barChain)).toEqual([]);

    // Useful: stored against this review, and the person told privately.
    const kitBefore = sentTo(personalChat(KIT)).length;
    await e2e.teams.press(recalled, 'lessons:recall:useful', KIT);
    const noted = await nth(personalChat(KIT), kitBefore + 1);
    expect(textOf(noted)).toMatch(/Noted: useful/);
    const feedback = await e2e.app.db.query(
      "SELECT f.person_id, f.useful, f.tenant, r.flow FROM lesson_feedback f JOIN flow_runs r ON r.id = f.run_id WHERE r.flow = 'before-action-review'",
    );
    expect(feedback).toEqual([{ person_id: KIT.id, useful: true, tenant: TEAM.id, flow: 'before-action-review' }]);
    expect(sentTo(barChain)).toHaveLength(4);
  });

  it("stores question 4's answers as actions with owners, and says so in the chain", async () => {
    expect(barRoot).not.toBe('');
    const q2 = (await waitForSentTo(barChain, 3))[2] as SentActivity;
    await e2e.teams.press(q2, 'bar:next', JO);
    expect(textOf(await nth(barChain, 5))).toContain('Question 3 of 4');
    await e2e.teams.reply(barRoot, JO, 'next', OTHER_CHANNEL);
    const q4 = await nth(barChain, 6);
    expect(textOf(q4)).toContain('Question 4 of 4');
    expect(submitsOf(q4).map((s) => s.data.action)).toEqual(['bar:finish', 'bar:cancel']);

    const n = await answerCount(e2e.app.db, 'before-action-review');
    // An owner named with a Teams mention; an action with no one named belongs to whoever wrote it.
    const tag = `<at>${SAM.name}</at>`;
    await e2e.teams.send(
      channelMessage({
        serviceUrl: e2e.connector.url,
        from: KIT,
        text: `<p>${tag} check the printer queues by 12 December</p>`,
        root: barRoot,
        channel: OTHER_CHANNEL,
        entities: [{ type: 'mention', text: tag, mentioned: { id: SAM.id, name: SAM.name } }],
      }),
    );
    await e2e.teams.reply(barRoot, JO, 'Brief the night shift on the new charts', OTHER_CHANNEL);
    await answersStored('before-action-review', n + 2);
    await e2e.teams.press(q4, 'bar:finish', JO);

    const summary = await nth(barChain, 7);
    const text = textOf(summary);
    expect(text).toContain('Summary: Go-live of e-prescribing on Ward 9');
    expect(text).toContain('Check the printer queues by 12 December');
    expect(text).toContain(`Owner: <at>${SAM.name}</at> · due Saturday 12 December`);
    expect(text).toContain(`Owner: <at>${JO.name}</at> · due Monday 7 December`);
    expect(mentioned(summary)).toEqual(
      expect.arrayContaining([
        { id: JO.id, name: JO.name },
        { id: SAM.id, name: SAM.name },
      ]),
    );

    const rows = await e2e.app.db.query(
      `SELECT a.tenant, a.text, a.owner_id, a.owner, a.due_on::text AS due_on, a.status, r.flow
         FROM lesson_actions a JOIN flow_runs r ON r.id = a.run_id ORDER BY a.due_on`,
    );
    expect(rows).toEqual([
      {
        tenant: TEAM.id,
        text: 'Brief the night shift on the new charts',
        owner_id: JO.id,
        owner: expect.objectContaining({ platform: 'teams', tenant: TENANT, id: JO.id }),
        due_on: '2026-12-07',
        status: 'open',
        flow: 'before-action-review',
      },
      {
        tenant: TEAM.id,
        text: 'Check the printer queues by 12 December',
        owner_id: SAM.id,
        owner: expect.objectContaining({ platform: 'teams', tenant: TENANT, id: SAM.id }),
        due_on: '2026-12-12',
        status: 'open',
        flow: 'before-action-review',
      },
    ]);
    const run = await e2e.app.db.query("SELECT status FROM flow_runs WHERE flow = 'before-action-review'");
    expect(run).toEqual([{ status: 'done' }]);
    // The overview, the bot's first message in the chain, is updated in place to say how it ended.
    const overview = sentTo(barChain)[0] as SentActivity;
    await e2e.connector.waitFor(() => e2e.connector.updates().some((u) => u.activityId === overview.id && u.conversationId === barChain && /2 actions agreed/.test(JSON.stringify(u.body))));

    // Every card the bot sent or updated is one Teams can render.
    for (const sent of e2e.connector.sent()) expectValidAdaptiveCard(adaptiveCardOf(sent));
    for (const update of e2e.connector.updates()) expectValidAdaptiveCard(adaptiveCardOf({ activity: update.body }));
  });
});
