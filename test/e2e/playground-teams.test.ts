// Mobilise in front of Microsoft 365 Agents Playground (Microsoft's offline Teams emulator), driven through the
// playground's own HTTP and websocket interface as Teams people would: Alex at the keyboard, the others through the
// custom activities Teams sends a bot with the RSC permission. Every message must reach Teams as one message, once,
// and a card that changes must change in place.
import { listLessons } from '../../src/store/lessons';
import { describeServer } from '../support/databases';
import { buttonsOf, submitsOf, type CardMessage } from '../support/playground-driver';
import { usePlaygroundE2e } from '../support/playground-e2e';
import { cardProblems, deliveryProblems, mentionedIn, outboxProblems, updatesOf, wordsOf } from '../support/playground-expect';
import type { SeenMessage } from '../support/playground-frames';
import { ALEX, EPRESCRIBING, GENERAL, JO, KIT, PERSONAL_CHAT, SAM, TEAM } from '../support/playground-org';
import { answerCount } from '../support/stored-answers';

jest.setTimeout(60_000);

const LESSON = 'Name a printer-queue owner for every e-prescribing go-live';

describeServer('Mobilise in Microsoft 365 Agents Playground (server Postgres)', () => {
  const e2e = usePlaygroundE2e();
  let aarChain = '';

  /** The messages in a conversation, insisting that they are exactly `n` and each arrived whole, once. */
  function shown(conversationId: string, n: number): SeenMessage[] {
    const all = e2e.teams.messagesIn(conversationId);
    expect(deliveryProblems(e2e.teams, conversationId)).toEqual([]);
    expect(all.map((m) => wordsOf(m).slice(0, 80))).toHaveLength(n);
    return all;
  }
  /** Runs an action and returns the messages it added to a conversation, insisting on exactly `n`, all whole. */
  async function adds(conversationId: string, n: number, action: () => Promise<unknown>): Promise<SeenMessage[]> {
    const before = e2e.teams.messagesIn(conversationId).length;
    const known = new Set(deliveryProblems(e2e.teams, conversationId));
    await action();
    const added = e2e.teams.messagesIn(conversationId).slice(before);
    expect(deliveryProblems(e2e.teams, conversationId).filter((p) => !known.has(p))).toEqual([]);
    expect(added.map((m) => wordsOf(m).slice(0, 80))).toHaveLength(n);
    return added;
  }
  const latest = (m: SeenMessage): CardMessage => e2e.teams.latest(m);
  const actionsOf = (m: CardMessage | SeenMessage): unknown[] => submitsOf('versions' in m ? latest(m) : m).map((d) => d.action);
  const answers = (): Promise<number> => answerCount(e2e.mobilise.app.db);

  it('welcomes Alex once, in one message, when Mobilise is installed in their personal chat', async () => {
    await e2e.teams.install(PERSONAL_CHAT);
    // The welcome is sent by the Teams adapter itself, outside the engine, so only stopping Mobilise (which waits for
    // all the work it has in hand) says it is done: any second welcome would have been sent by then.
    await e2e.mobilise.restart();
    await e2e.teams.settled();
    const [welcome] = shown(PERSONAL_CHAT, 1);
    for (const command of ['aar', 'bar', 'lessons', 'cop', 'coffee']) expect(wordsOf(welcome as SeenMessage)).toContain(command);
    expect(e2e.teams.callsTo(PERSONAL_CHAT).map((c) => `${c.kind} ${c.status}`)).toEqual(['post 201']);
  });

  it('runs an After Action Review in the reply chain of the post that started it, each card posted once and closed in place', async () => {
    const teams = e2e.teams;
    // 1. Alex mentions Mobilise in the channel: the overview and question 1 arrive in that post's reply chain.
    const { chain } = await teams.post(EPRESCRIBING.id, 'aar Go-live of e-prescribing on Ward 7');
    aarChain = chain;
    const [overview, q1] = shown(chain, 2) as [SeenMessage, SeenMessage];
    expect(wordsOf(overview)).toContain('Go-live of e-prescribing on Ward 7');
    expect(mentionedIn(overview)).toEqual([{ id: ALEX.id, name: ALEX.name }]);
    expect(actionsOf(q1)).toEqual(['aar:next', 'aar:cancel']);
    expect(buttonsOf(latest(q1))).toEqual(['Next question', 'Cancel']);

    // 2. Others answer in the chain without mentioning the bot; nothing is posted for an answer.
    await adds(chain, 0, async () => {
      await teams.replyAs(SAM, chain, 'Pharmacy on the ward from 8am for the switch-over');
      await teams.replyAs(JO, chain, 'Paper charts withdrawn the night before');
    });
    expect(await answers()).toBe(2);

    // 3. Someone else pressing Next is told privately, in their own chat, and nothing in the chain changes.
    await adds(chain, 0, () => teams.press(latest(q1), 'aar:next', SAM));
    const [refusal, ...more] = teams.sentTo(SAM);
    expect(more).toEqual([]);
    expect(wordsOf(refusal as CardMessage)).toContain(ALEX.name);
    expect(deliveryProblems(teams, teams.chatWith(SAM))).toEqual([]);
    expect(updatesOf(teams, q1)).toEqual([]);

    // 4. Alex presses Next: question 1 closes in place (no buttons left), question 2 is posted.
    const [q2] = (await adds(chain, 1, () => teams.press(latest(q1), 'aar:next', ALEX))) as [SeenMessage];
    expect(updatesOf(teams, q1)).toEqual([{ status: 200, id: q1.id }]);
    expect(q1.versions).toHaveLength(2);
    expect(actionsOf(q1)).toEqual([]);
    expect(actionsOf(q2)).toEqual(['aar:next', 'aar:cancel']);

    // 5. Questions 2 and 3, answered by others, moved on by Alex.
    await teams.replyAs(KIT, chain, 'The printer queue stalled and it took all day');
    const [q3] = (await adds(chain, 1, () => teams.press(latest(q2), 'aar:next', ALEX))) as [SeenMessage];
    await teams.replyAs(SAM, chain, 'Nobody was named to own the printer queue on the day');
    const [q4] = (await adds(chain, 1, () => teams.press(latest(q3), 'aar:next', ALEX))) as [SeenMessage];
    expect(buttonsOf(latest(q4))).toEqual(['Finish', 'Cancel']);
    await teams.replyAs(SAM, chain, LESSON);
    await teams.replyAs(KIT, chain, 'Brief pharmacy the day before go-live');
    expect(await answers()).toBe(6);

    // 6. Finish: question 4 closes in place and the summary proposes both lessons.
    const [summary] = (await adds(chain, 1, () => teams.press(latest(q4), 'aar:finish', ALEX))) as [SeenMessage];
    expect(actionsOf(q4)).toEqual([]);
    expect(wordsOf(summary)).toContain(LESSON);
    expect(wordsOf(summary)).toContain('Brief pharmacy the day before go-live');
    expect(buttonsOf(latest(summary))).toContain('Save lessons');

    // 7. Only the facilitator saves: Jo is told privately; then Alex saves, and the chain says so.
    await adds(chain, 0, () => teams.press(latest(summary), 'aar:save', JO));
    expect(teams.sentTo(JO)).toHaveLength(1);
    expect(wordsOf(teams.sentTo(JO)[0] as CardMessage)).toContain(ALEX.name);
    expect(deliveryProblems(teams, teams.chatWith(JO))).toEqual([]);
    const [saved] = (await adds(chain, 1, () => teams.press(latest(summary), 'aar:save', ALEX))) as [SeenMessage];
    expect(wordsOf(saved)).toMatch(/2 lessons/);
    expect(updatesOf(teams, summary).map((u) => u.status)).toEqual([200]);
    expect(wordsOf(overview)).toMatch(/2 lessons saved/);

    // 8. The library has them, from Teams, with the chain they came from.
    const lessons = await listLessons(e2e.mobilise.app.db, { tenant: TEAM.id });
    expect(lessons.map((l) => l.recommendation).sort()).toEqual(['Brief pharmacy the day before go-live', LESSON]);
    const [channel, root] = chain.split(';messageid=');
    expect(lessons[0]?.source).toMatchObject({ platform: 'teams', tenant: TEAM.id, channel, thread: root });

    // 9. The whole chain: seven messages, each posted once and whole, every change in place; nothing left to retry.
    expect(teams.messagesIn(chain)).toHaveLength(7);
    expect(teams.messagesIn(chain).map((m) => m.versions.length)).toEqual([2, 2, 2, 2, 2, 2, 1]);
    expect(deliveryProblems(teams, chain)).toEqual([]);
    expect(await outboxProblems(e2e.mobilise.app.db)).toEqual([]);
    expect(cardProblems(teams)).toEqual([]);
  });

  it("recalls the review's lesson, naming who gave it, in a Before Action Review in another channel", async () => {
    expect(aarChain).not.toBe('');
    const teams = e2e.teams;
    const { chain } = await teams.post(GENERAL, 'bar Go-live of e-prescribing on Ward 9');
    const [overview, q1] = shown(chain, 2) as [SeenMessage, SeenMessage];
    expect(wordsOf(overview)).toContain('Before Action Review: Go-live of e-prescribing on Ward 9');
    await adds(chain, 0, () => teams.replyAs(KIT, chain, 'Move Ward 9 to electronic prescribing in one morning, printers included'));

    // Next: question 1 closes in place; question 2 and the recalled lesson follow in this chain, and only here.
    const [q2, recalled] = (await adds(chain, 2, () => teams.press(latest(q1), 'bar:next', ALEX))) as [SeenMessage, SeenMessage];
    expect(updatesOf(teams, q1)).toEqual([{ status: 200, id: q1.id }]);
    expect(wordsOf(q2)).toContain('Question 2 of 4');
    expect(wordsOf(recalled)).toContain(LESSON);
    // Who gave it is named with mentions Teams resolves, its author first.
    expect(mentionedIn(recalled)[0]).toEqual({ id: SAM.id, name: SAM.name });
    expect(mentionedIn(recalled).map((p) => p.id).sort()).toEqual([ALEX.id, JO.id, KIT.id, SAM.id].sort());
    // Each recalled lesson has its own pair of buttons.
    expect(buttonsOf(latest(recalled))).toEqual(['Useful', 'Not relevant', 'Useful', 'Not relevant']);
    expect(teams.messagesIn(aarChain)).toHaveLength(7);

    // Kit presses Useful on the printer-queue lesson, but Kit's words are in it (every AAR participant is its contributor
    // for now): told privately that the vote is not counted, nothing noted, nothing added to the chain.
    const lesson = (await listLessons(e2e.mobilise.app.db, { tenant: TEAM.id })).find((l) => l.recommendation === LESSON);
    const useful = submitsOf(latest(recalled)).find((d) => d.action === 'lessons:recall:useful' && String(d.value).endsWith(`:${lesson?.id ?? '?'}`));
    await adds(chain, 0, () => teams.press(latest(recalled), 'lessons:recall:useful', KIT, String(useful?.value)));
    expect(wordsOf(teams.sentTo(KIT).at(-1) as CardMessage)).toMatch(/You contributed to this lesson, so your vote isn't counted/);
    expect(deliveryProblems(teams, teams.chatWith(KIT))).toEqual([]);
    const feedback = await e2e.mobilise.app.db.query('SELECT person_id, lesson_id, useful FROM lesson_feedback');
    expect(feedback).toEqual([]);
  });

  it('finds the saved lesson when Alex searches the library in their personal chat', async () => {
    const [results] = await adds(PERSONAL_CHAT, 1, () => e2e.teams.say(PERSONAL_CHAT, 'lessons printer queue owner'));
    expect(wordsOf(results as SeenMessage)).toContain(LESSON);
    // By Mobilise's own account too: nothing left to retry, nothing it logged as going wrong; and every card renders.
    expect(await outboxProblems(e2e.mobilise.app.db)).toEqual([]);
    expect(e2e.mobilise.complaints()).toEqual([]);
    expect(cardProblems(e2e.teams)).toEqual([]);
  });
});
