// A channel's Randomised Coffee Trials with Mobilise in front of Microsoft 365 Agents Playground: Alex sets the
// programme up with the form card in their own chat, four people join, and the test moves Mobilise's clock to the
// round and runs the scheduler as node-cron would. The playground shows only Alex's chats, so the introductions to the
// others are read from its log stream, where every request the bot made to the Bot Connector is recorded.
import { describeServer } from '../support/databases';
import { inputValuesOf, submitsOf, type CardMessage } from '../support/playground-driver';
import { usePlaygroundE2e } from '../support/playground-e2e';
import { cardProblems, deliveryProblems, mentionedIn, outboxProblems, wordsOf } from '../support/playground-expect';
import type { SeenMessage } from '../support/playground-frames';
import { ALEX, EPRESCRIBING, JO, KIT, PERSONAL_CHAT, SAM, type PlaygroundUser } from '../support/playground-org';
import { openUrlsOf } from '../support/card-links';

jest.setTimeout(60_000);

const ROUND_1 = new Date('2026-11-23T10:00:00Z'); // Monday 10:00 in London (GMT)
const EVERYONE = [ALEX, SAM, JO, KIT];

describeServer('Randomised Coffee Trials in Microsoft 365 Agents Playground (server Postgres)', () => {
  let now = new Date('2026-11-21T12:00:00Z'); // Saturday
  const e2e = usePlaygroundE2e({ clock: () => now, random: () => 0.25 });

  /** Moves Mobilise's clock and runs what is due, as node-cron would; then waits for the playground to show it. */
  async function at(time: Date): Promise<number> {
    now = time;
    const ran = await e2e.mobilise.app.scheduler.tick();
    await e2e.teams.settled();
    return ran;
  }
  /** Everything Mobilise posted in someone's own chat: the playground's view for Alex, its log for the others. */
  const chatOf = (who: PlaygroundUser): CardMessage[] =>
    who.id === ALEX.id ? e2e.teams.messagesIn(PERSONAL_CHAT).map((m) => e2e.teams.latest(m)) : e2e.teams.sentTo(who);
  const preview = (m: CardMessage | SeenMessage): string => wordsOf(m).slice(0, 80);
  const linksOf = (m: CardMessage): Map<string, URL> => openUrlsOf(m.attachments);

  it('sets a round up with the form card, and introduces each pair in their own chats', async () => {
    const teams = e2e.teams;
    // 1. Setup: the form arrives as one card in Alex's own chat; nothing is posted in the channel.
    await teams.post(EPRESCRIBING.id, 'coffee setup');
    expect(deliveryProblems(teams, PERSONAL_CHAT)).toEqual([]);
    expect(chatOf(ALEX).map(preview)).toHaveLength(1);
    const form = chatOf(ALEX)[0] as CardMessage;
    expect(submitsOf(form).map((d) => d.mobilise)).toEqual(['form']);
    expect(inputValuesOf(form)).toMatchObject({ weekday: '1', timeZone: 'Europe/London' });
    expect(teams.postsIn(EPRESCRIBING.id)).toEqual([]);

    // 2. Alex fills it in: a note in Alex's chat, and an announcement with Join / Leave as a new post in the channel.
    await teams.submitForm(form, ALEX, { everyWeeks: '4', weekday: '1', time: '10:00', weeksToMeet: '2' });
    expect(deliveryProblems(teams, PERSONAL_CHAT)).toEqual([]);
    expect(chatOf(ALEX).map(preview)).toHaveLength(2);
    expect(wordsOf(chatOf(ALEX)[1] as CardMessage)).toMatch(/Monday 23 November/);
    expect(teams.postsIn(EPRESCRIBING.id).map(preview)).toHaveLength(1);
    const announcement = teams.postsIn(EPRESCRIBING.id)[0] as SeenMessage;
    expect(deliveryProblems(teams, announcement.conversationId)).toEqual([]);
    expect(wordsOf(announcement)).toContain(`<at>${ALEX.name}</at>`);
    expect(submitsOf(teams.latest(announcement)).map((d) => d.action)).toEqual(['coffee:join', 'coffee:leave']);

    // 3. Alex joins by command; Sam, Jo and Kit press Join on the announcement. Each hears back in their own chat.
    await teams.post(EPRESCRIBING.id, 'coffee join');
    for (const who of [SAM, JO, KIT]) await teams.press(teams.latest(announcement), 'coffee:join', who);
    for (const who of EVERYONE) expect(deliveryProblems(teams, teams.chatWith(who))).toEqual([]);
    for (const who of EVERYONE) expect(wordsOf(chatOf(who).at(-1) as CardMessage)).toMatch(/Monday 23 November/);
    expect(chatOf(ALEX).map(preview)).toHaveLength(3);
    for (const who of [SAM, JO, KIT]) expect(chatOf(who).map(preview)).toHaveLength(1);

    // 4. Nothing happens before the round starts; at the start, one introduction each and the numbers in the channel.
    expect(await at(new Date(ROUND_1.getTime() - 60_000))).toBe(0);
    await at(ROUND_1);
    const intros = new Map(EVERYONE.map((who) => [who.id, chatOf(who).at(-1) as CardMessage]));
    const partnerOf = new Map<string, PlaygroundUser>();
    for (const who of EVERYONE) expect(deliveryProblems(teams, teams.chatWith(who))).toEqual([]);
    // The playground shows only Alex's chats: the others' are in its log alone.
    for (const who of [SAM, JO, KIT]) expect(teams.messagesIn(teams.chatWith(who) ?? '?')).toEqual([]);
    for (const who of EVERYONE) {
      expect(chatOf(who).map(preview)).toHaveLength(who.id === ALEX.id ? 4 : 2);
      const intro = intros.get(who.id) as CardMessage;
      expect(wordsOf(intro)).toMatch(/Monday 7 December/);
      const named = mentionedIn(intro).map((p) => p.id);
      expect(named).toContain(who.id);
      const partner = EVERYONE.find((p) => p.id !== who.id && named.includes(p.id)) as PlaygroundUser;
      expect(named.sort()).toEqual([who.id, partner.id].sort());
      expect(wordsOf(intro)).toContain(`<at>${partner.name}</at>`);
      partnerOf.set(who.id, partner);
      // Chat now and Schedule a meeting name both by the sign-in names the playground's connector gave for them.
      const links = linksOf(intro);
      expect([...links.keys()]).toEqual(['Chat now', 'Schedule a meeting']);
      expect(links.get('Chat now')?.searchParams.get('users')?.split(',').sort()).toEqual([who.upn, partner.upn].sort());
      expect(links.get('Schedule a meeting')?.searchParams.get('attendees')?.split(',').sort()).toEqual([who.upn, partner.upn].sort());
    }
    for (const who of EVERYONE) expect(partnerOf.get(partnerOf.get(who.id)?.id ?? '')?.id).toBe(who.id);
    expect(teams.postsIn(EPRESCRIBING.id).map(preview)).toHaveLength(2);
    expect(wordsOf(teams.postsIn(EPRESCRIBING.id)[1] as SeenMessage)).toMatch(/4 people, 2 pairs/);

    // 5. Each message reached Teams once, whole, by the playground's account and by Mobilise's own.
    for (const post of teams.postsIn(EPRESCRIBING.id)) expect(deliveryProblems(teams, post.conversationId)).toEqual([]);
    expect(teams.transcript.calls.filter((c) => c.kind === 'update')).toEqual([]);
    expect(await at(new Date(ROUND_1.getTime() + 60_000))).toBe(0);
    expect(await outboxProblems(e2e.mobilise.app.db)).toEqual([]);
    expect(e2e.mobilise.complaints()).toEqual([]);
    expect(cardProblems(teams)).toEqual([]);
  });
});
