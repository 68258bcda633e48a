// A channel's Randomised Coffee Trials in Teams, through the real CloudAdapter over HTTP with the Bot Connector faked
// on loopback and time driven by the test: setup by a form card, opt-in, introductions in each person's own chat
// (a bot cannot open a group chat) with chat and meeting links, the reminder, "Did you meet?" and the summary.
import { expectValidAdaptiveCard } from '../support/adaptive-card-check';
import { dbKinds, type DbKind } from '../support/databases';
import type { SentActivity } from '../support/fake-bot-connector';
import { adaptiveCardOf, inputValuesOf, submitsOf, textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, JO, KIT, SAM, TENANT, upnOf, type Who } from '../support/teams-activities';
import { openUrlsOf } from '../support/card-links';

const ROUND_1 = new Date('2026-11-23T10:00:00Z'); // Monday 10:00 in London (GMT)
const DAY = 24 * 60 * 60 * 1000;
const EVERYONE = [ALEX, SAM, JO, KIT];

describe.each(dbKinds)('Randomised Coffee Trials in Teams, end to end (%s Postgres)', (kind: DbKind) => {
  let now = new Date('2026-11-21T12:00:00Z'); // Saturday
  const e2e = useTeamsE2e(kind, { clock: () => now, random: () => 0.25 });
  const { toPerson, channelPosts } = e2e;

  beforeAll(async () => {
    for (const who of EVERYONE) e2e.connector.addMember({ ...who, userPrincipalName: upnOf(who), tenantId: TENANT });
  });

  const waitFor = async (what: () => boolean): Promise<void> => {
    await e2e.connector.waitFor(what);
  };
  /** The newest message to a person, once there are more than `before`. */
  async function nextTo(who: Who, before: number): Promise<SentActivity> {
    await waitFor(() => toPerson(who).length > before);
    return toPerson(who).at(-1) as SentActivity;
  }
  async function coffee(who: Who, text: string): Promise<string> {
    const before = toPerson(who).length;
    await e2e.teams.mention(who, `coffee ${text}`);
    return textOf(await nextTo(who, before));
  }
  /** Moves the clock and runs what is due, as node-cron would on every replica. */
  async function at(time: Date): Promise<number> {
    now = time;
    return e2e.app.scheduler.tick();
  }
  const mentionedIds = (sent: SentActivity): string[] => {
    const msteams = adaptiveCardOf(sent).msteams as { entities?: { mentioned: { id: string } }[] } | undefined;
    return (msteams?.entities ?? []).map((e) => e.mentioned.id).sort();
  };
  const linksOf = (sent: SentActivity): Map<string, URL> => openUrlsOf(adaptiveCardOf(sent));

  it('runs a round from setup to the summary, each person hearing in their own chat', async () => {
    // 1. Setup: the form arrives as a card in the organiser's own chat, not in the channel.
    await e2e.teams.mention(ALEX, 'coffee setup');
    await waitFor(() => toPerson(ALEX).length === 1);
    const form = toPerson(ALEX)[0] as SentActivity;
    expect(submitsOf(form).map((s) => s.data.mobilise)).toEqual(['form']);
    expect(inputValuesOf(form)).toMatchObject({ weekday: '1', timeZone: 'Europe/London', reminder: 'true', feedback: 'true' });
    expect(channelPosts()).toHaveLength(0);

    // A wrong answer is not kept: the card is replaced by the form again, each problem under its field and what was typed kept.
    const updatesBefore = e2e.connector.updates().length;
    await e2e.teams.submitForm(form, ALEX, { everyWeeks: '1', weeksToMeet: '2', timeZone: 'Mars/Olympus' });
    await waitFor(() => e2e.connector.updates().length > updatesBefore);
    const reshown = e2e.connector.updates().at(-1);
    expect(reshown?.activityId).toBe(form.id);
    const again = { activity: reshown?.body ?? {} };
    expectValidAdaptiveCard(adaptiveCardOf(again));
    expect(inputValuesOf(again)).toMatchObject({ everyWeeks: '1', weeksToMeet: '2', timeZone: 'Mars/Olympus', weekday: '1' });
    const body = (adaptiveCardOf(again).body ?? []) as { type: string; text?: string; color?: string }[];
    expect(body.filter((b) => b.color === 'Attention').map((b) => b.text)).toEqual([
      `"Mars/Olympus" isn't a time zone we know; try a place name such as Europe/London.`,
      'Cannot be longer than the time between rounds (every week).',
    ]);
    expect(toPerson(ALEX)).toHaveLength(1);
    expect(await e2e.app.db.query('SELECT count(*)::int AS n FROM coffee_programmes')).toEqual([{ n: 0 }]);

    // Submitted as Teams does: every input's value merged into the submit data.
    await e2e.teams.submitForm(form, ALEX, { everyWeeks: '4', weekday: '1', time: '10:00', weeksToMeet: '2' });
    const saved = await nextTo(ALEX, 1);
    expect(textOf(saved)).toMatch(/Monday 23 November/);
    await waitFor(() => channelPosts().length === 1);
    const announcement = channelPosts()[0] as SentActivity;
    expect(textOf(announcement)).toContain(`<at>${ALEX.name}</at>`);
    expect(submitsOf(announcement).map((s) => s.data.action)).toEqual(['coffee:join', 'coffee:leave']);
    const programmes = await e2e.app.db.query('SELECT place FROM coffee_programmes');
    expect(programmes).toEqual([{ place: { platform: 'teams', tenant: TENANT, channel: CHANNEL } }]);

    // 2. Opt in: by command, and by the Join button on the announcement.
    for (const who of [ALEX, SAM, JO]) expect(await coffee(who, 'join')).toMatch(/Monday 23 November/);
    expect(await coffee(SAM, 'join')).toMatch(/already/i);
    const kitBefore = toPerson(KIT).length;
    await e2e.teams.press(announcement, 'coffee:join', KIT);
    expect(textOf(await nextTo(KIT, kitBefore))).toMatch(/Monday 23 November/);

    // Nothing happens before the round starts.
    expect(await at(new Date(ROUND_1.getTime() - 60_000))).toBe(0);
    const before = new Map(EVERYONE.map((who) => [who.id, toPerson(who).length]));
    const sentBefore = e2e.connector.sent().length;

    // 3. The round: an introduction in each person's own chat, naming the others, with links; the channel gets the numbers.
    await at(ROUND_1);
    await waitFor(() => EVERYONE.every((who) => toPerson(who).length === (before.get(who.id) ?? 0) + 1) && channelPosts().length === 2);
    expect(e2e.connector.sent().length).toBe(sentBefore + 5);
    expect(textOf(channelPosts()[1] as SentActivity)).toMatch(/4 people, 2 pairs/);
    const intros = new Map(EVERYONE.map((who) => [who.id, toPerson(who).at(-1) as SentActivity]));
    const partnerOf = new Map<string, Who>();
    for (const who of EVERYONE) {
      const intro = intros.get(who.id) as SentActivity;
      expect(textOf(intro)).toMatch(/Monday 7 December/);
      expect(textOf(intro)).toMatch(/Wednesday 25 November/);
      const named = mentionedIds(intro);
      expect(named).toHaveLength(2);
      expect(named).toContain(who.id);
      const partner = EVERYONE.find((p) => p.id !== who.id && named.includes(p.id)) as Who;
      expect(textOf(intro)).toContain(`<at>${partner.name}</at>`);
      partnerOf.set(who.id, partner);
      // Chat now and Schedule a meeting: Teams deep links naming both by sign-in name, the meeting at the suggested slot.
      const links = linksOf(intro);
      expect([...links.keys()]).toEqual(['Chat now', 'Schedule a meeting']);
      const chat = links.get('Chat now') as URL;
      expect(`${chat.origin}${chat.pathname}`).toBe('https://teams.microsoft.com/l/chat/0/0');
      expect(chat.searchParams.get('users')?.split(',').sort()).toEqual([upnOf(who), upnOf(partner)].sort());
      const meeting = links.get('Schedule a meeting') as URL;
      expect(`${meeting.origin}${meeting.pathname}`).toBe('https://teams.microsoft.com/l/meeting/new');
      expect(meeting.searchParams.get('attendees')?.split(',').sort()).toEqual([upnOf(who), upnOf(partner)].sort());
      expect(meeting.searchParams.get('startTime')).toMatch(/^2026-11-25T12:30:00/);
      expect(meeting.searchParams.get('endTime')).toMatch(/^2026-11-25T13:00:00/);
    }
    // The pairs are symmetric: two pairs of the four.
    for (const who of EVERYONE) expect(partnerOf.get(partnerOf.get(who.id)?.id ?? '')?.id).toBe(who.id);
    // Sign-in names were asked of Teams once per person, then kept.
    const lookups = e2e.connector.calls().filter((c) => c.method === 'GET' && c.memberId !== undefined);
    expect(lookups.map((c) => c.memberId).sort()).toEqual(EVERYONE.map((w) => w.id).sort());
    // Every replica ticks every minute; a step already run is never run again.
    expect(await at(new Date(ROUND_1.getTime() + 60_000))).toBe(0);

    // 4. Midway: a reminder in each person's own chat, with the same ways to meet; nothing in the channel.
    await at(new Date(ROUND_1.getTime() + 7 * DAY));
    await waitFor(() => EVERYONE.every((who) => toPerson(who).length === (before.get(who.id) ?? 0) + 2));
    expect(e2e.connector.sent().length).toBe(sentBefore + 9);
    for (const who of EVERYONE) {
      const reminder = toPerson(who).at(-1) as SentActivity;
      expect(textOf(reminder)).toMatch(/halfway/);
      expect(mentionedIds(reminder)).toEqual([who.id, partnerOf.get(who.id)?.id].sort());
      expect(linksOf(reminder).get('Chat now')?.searchParams.get('users')?.split(',').sort()).toEqual([upnOf(who), upnOf(partnerOf.get(who.id) as Who)].sort());
    }

    // 5. The end: each person is asked on their own, naming the other, with Yes / Not yet / We couldn't.
    await at(new Date(ROUND_1.getTime() + 14 * DAY));
    await waitFor(() => EVERYONE.every((who) => toPerson(who).length === (before.get(who.id) ?? 0) + 3));
    expect(e2e.connector.sent().length).toBe(sentBefore + 13);
    const asks = new Map(EVERYONE.map((who) => [who.id, toPerson(who).at(-1) as SentActivity]));
    for (const who of EVERYONE) {
      const ask = asks.get(who.id) as SentActivity;
      expect(textOf(ask)).toMatch(/Did you meet/);
      expect(mentionedIds(ask)).toEqual([partnerOf.get(who.id)?.id]);
      expect(submitsOf(ask).map((s) => s.title)).toEqual(['Yes', 'Not yet', "We couldn't"]);
    }
    const answer = async (who: Who, title: string): Promise<string> => {
      const ask = asks.get(who.id) as SentActivity;
      const button = submitsOf(ask).find((s) => s.title === title);
      const n = toPerson(who).length;
      await e2e.teams.press(ask, 'coffee:met', who, String(button?.data.value));
      return textOf(await nextTo(who, n));
    };
    expect(await answer(ALEX, 'Yes')).toMatch(/glad/);
    const otherPair = EVERYONE.filter((w) => w.id !== ALEX.id && w.id !== partnerOf.get(ALEX.id)?.id);
    expect(await answer(otherPair[0] as Who, "We couldn't")).toMatch(/Thanks/);
    const answers = await e2e.app.db.query('SELECT person_id, answer FROM coffee_answers ORDER BY person_id');
    expect(answers).toEqual(
      [
        { person_id: ALEX.id, answer: 'yes' },
        { person_id: (otherPair[0] as Who).id, answer: 'could-not' },
      ].sort((a, b) => a.person_id.localeCompare(b.person_id)),
    );

    // 6. Three days later the channel hears how it went, as a new post.
    await at(new Date(ROUND_1.getTime() + 17 * DAY));
    await waitFor(() => channelPosts().length === 3);
    expect(textOf(channelPosts()[2] as SentActivity)).toMatch(/1 of 2 pairs met/);

    // 7. Exactly what Teams was sent: in the channel three posts; each person their own messages, nothing twice.
    await e2e.app.engine.delivery.sweep();
    expect(channelPosts()).toHaveLength(3);
    expect(e2e.connector.sent().length).toBe(sentBefore + 16);
    const answered = new Set([ALEX.id, (otherPair[0] as Who).id]);
    for (const who of EVERYONE) {
      // Before the round: the join reply (ALEX: the form and the saved note too, SAM: "already"); then intro, reminder, question, and a thanks if they answered.
      const expected = (before.get(who.id) ?? 0) + 3 + (answered.has(who.id) ? 1 : 0);
      expect(toPerson(who)).toHaveLength(expected);
    }
    expect(before.get(ALEX.id)).toBe(3);
    expect(before.get(SAM.id)).toBe(2);
    // Nothing went anywhere else: no group chats, no replies in the channel's chains.
    const elsewhere = e2e.connector.sent().filter((s) => !s.conversationId.startsWith('a:personal-') && !channelPosts().includes(s));
    expect(elsewhere).toEqual([]);
    // The only message replaced is the setup form, shown again once with its problems.
    expect(e2e.connector.updates().map((u) => u.activityId)).toEqual([form.id]);

    // 8. Every card the bot sent is one Teams can render.
    for (const sent of e2e.connector.sent()) expectValidAdaptiveCard(adaptiveCardOf(sent));
  });
});
