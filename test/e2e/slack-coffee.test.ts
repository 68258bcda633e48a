// A whole Randomised Coffee Trials round through the real Bolt receiver, on the real database, with Slack faked
// on loopback and time driven by the test: setup, opt-in, pause, matching, intros, reminder, feedback, summary.
import { RETRY } from '../../src/engine/retry-rule';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { buttonsOf, textOf, useSlackE2e } from '../support/mobilise-slack';
import { answerModal, openedView } from '../support/slack-modal-answers';
import { blockActions } from '../support/slack-requests';
import { waitUntil } from '../support/wait-until';

const ROUND_1 = new Date('2026-11-23T10:00:00Z'); // Monday 10:00 in London (GMT)
const DAY = 24 * 60 * 60 * 1000;

describe.each(dbKinds)('Randomised Coffee Trials in Slack, end to end (%s Postgres)', (kind: DbKind) => {
  let now = new Date('2026-11-21T12:00:00Z');
  const e2e = useSlackE2e(kind, { clock: () => now, cron: false, random: () => 0.25 });
  const { calls, posted, whispersTo } = e2e;

  async function lastWhisper(user: string, before: number): Promise<string> {
    await e2e.api.waitFor(() => whispersTo(user).length > before);
    return textOf(whispersTo(user).at(-1) as RecordedCall);
  }
  async function coffee(text: string, user: string): Promise<string> {
    const before = whispersTo(user).length;
    expect((await e2e.slack.slash('/coffee', text, user, user.toLowerCase())).status).toBe(200);
    return lastWhisper(user, before);
  }
  /** Moves the clock and runs what is due, as node-cron would on every replica. */
  async function at(time: Date): Promise<number> {
    now = time;
    return e2e.app.scheduler.tick();
  }
  const isGroupDm = (c: string): boolean => c.startsWith('G');
  const isUserDm = (c: string): boolean => c.startsWith('D');

  it('runs a programme from setup to the second round', async () => {
    // Help and nonsense get words, not errors.
    expect(await coffee('help', 'U1')).toMatch(/join/);
    expect(await coffee('dance', 'U1')).toMatch(/dance/);
    expect(await coffee('join', 'U1')).toMatch(/no .*programme/i);

    // 1. Setup opens a form; its answers create the programme and an announcement with Join and Leave.
    await e2e.slack.slash('/coffee', 'setup', 'U1', 'u1');
    const [opened] = await e2e.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = openedView(calls('views.open')[0] ?? (opened as RecordedCall));
    const whispersBefore = whispersTo('U1').length;
    // A time zone that is not one, and weeks to meet longer than the rounds: the modal stays open with each problem under its field.
    const wrong = await e2e.slack.post(answerModal(view, { everyWeeks: '1', weekday: '1', time: '10:00', weeksToMeet: '2', timeZone: 'Mars/Olympus' }, 'U1'));
    expect(JSON.parse(wrong.body)).toEqual({
      response_action: 'errors',
      errors: { timeZone: expect.stringContaining(`"Mars/Olympus" isn't a time zone we know`), weeksToMeet: expect.stringContaining('every week') },
    });
    expect(whispersTo('U1')).toHaveLength(whispersBefore);
    await e2e.slack.post(answerModal(view, { everyWeeks: '4', weekday: '1', time: '10:00', weeksToMeet: '2' }, 'U1'));
    expect(await lastWhisper('U1', whispersBefore)).toMatch(/Monday 23 November/);
    await e2e.api.waitFor(() => posted('C1').length === 1);
    const announcement = posted('C1')[0] as RecordedCall;
    expect(buttonsOf(announcement).map((b) => b.action_id)).toEqual(['coffee:join', 'coffee:leave']);

    // 2. Opt in: commands and the Join button; a pause and a wrong date; someone who changes their mind.
    for (const user of ['U1', 'U2', 'U3']) expect(await coffee('join', user)).toMatch(/Monday 23 November/);
    expect(await coffee('join', 'U2')).toMatch(/already/i);
    const u4Before = whispersTo('U4').length;
    await e2e.slack.press(announcement, 'coffee:join', 'U4', 'u4');
    expect(await lastWhisper('U4', u4Before)).toMatch(/Monday 23 November/);
    await coffee('join', 'U5');
    expect(await coffee('pause until 31 February', 'U5')).toMatch(/31 February/);
    expect(await coffee('pause for 3 weeks', 'U5')).toMatch(/12 December/);
    await coffee('join', 'U6');
    expect(await coffee('leave', 'U6')).toMatch(/left|out/i);
    // A reply Slack rate-limits is waited out, not lost.
    e2e.api.rateLimitNext('chat.postEphemeral', 1);
    expect(await coffee('team Pharmacy', 'U2')).toMatch(/Pharmacy/);
    expect(calls('chat.postEphemeral', (c) => c.status === 429)).toHaveLength(1);
    expect(await coffee('stats', 'U2')).toMatch(/Only <@U1>/);

    // Nothing happens before the round starts.
    expect(await at(new Date(ROUND_1.getTime() - 60_000))).toBe(0);

    // 3. The round starts: two pairs (U5 paused, U6 left), each told in a group DM; the channel gets the numbers.
    await at(ROUND_1);
    await e2e.api.waitFor(() => posted(isGroupDm).length === 2 && posted('C1').length === 2);
    const opens = calls('conversations.open').map((c) => String(c.body.users).split(',').sort());
    expect(opens).toHaveLength(2);
    expect(opens.flat().sort()).toEqual(['U1', 'U2', 'U3', 'U4']);
    const intros = posted(isGroupDm);
    for (const intro of intros) expect(textOf(intro)).toMatch(/Monday 7 December/);
    expect(textOf(posted('C1')[1] as RecordedCall)).toMatch(/4 people, 2 pairs/);
    // Every replica ticks every minute; a step already run is never run again.
    expect(await at(new Date(ROUND_1.getTime() + 60_000))).toBe(0);
    expect(posted(isGroupDm)).toHaveLength(2);

    // 4. Midway: a reminder in each group DM, nothing else.
    await at(new Date(ROUND_1.getTime() + 7 * DAY));
    await e2e.api.waitFor(() => posted(isGroupDm).length === 4);
    expect(new Set(posted(isGroupDm).map((c) => c.body.channel)).size).toBe(2);

    // 5. The end: each person is asked on their own, with Yes / Not yet / We couldn't. The first question
    //    reaches Slack but the answer is lost on the way back; the retry finds it there and does not ask twice.
    e2e.api.hangUpNext('chat.postMessage');
    await at(new Date(ROUND_1.getTime() + 14 * DAY));
    await waitUntil('the lost answer left a trace', async () => (await e2e.app.db.query('SELECT 1 FROM outbox WHERE sending_at IS NOT NULL AND delivered_at IS NULL')).length === 1);
    // A failed attempt waits 5 s (and up to a quarter more, at random) before the next.
    now = new Date(now.getTime() + RETRY.firstWaitMs * (1 + RETRY.jitter));
    await e2e.app.engine.delivery.sweep();
    await e2e.api.waitFor(() => posted(isUserDm).length === 4);
    expect(calls('conversations.history').length).toBeGreaterThan(0);
    const askU1 = posted('DU1')[0] as RecordedCall;
    // Slack wants unique action ids in a message; the adapter numbers repeats and reads them back as one.
    expect(buttonsOf(askU1).map((b) => b.action_id)).toEqual(['coffee:met', 'coffee:met#1', 'coffee:met#2']);
    const partnerOfU1 = opens.find((g) => g.includes('U1'))?.find((u) => u !== 'U1') as string;
    const otherPair = ['U2', 'U3', 'U4'].filter((u) => u !== partnerOfU1);
    const press = async (user: string, answer: string): Promise<string> => {
      const ask = posted(`D${user}`)[0] as RecordedCall;
      const button = buttonsOf(ask).find((b) => b.value !== undefined && (JSON.parse(b.value) as { answer: string }).answer === answer);
      const before = whispersTo(user).length;
      await e2e.slack.post(blockActions({ actions: [{ actionId: String(button?.action_id), value: button?.value }], messageTs: String(ask.response?.ts), channel: `D${user}`, userId: user, userName: user.toLowerCase() }));
      return lastWhisper(user, before);
    };
    expect(await press('U1', 'yes')).toMatch(/glad/);
    expect(await press(otherPair[0] as string, 'could-not')).toMatch(/Thanks/);

    // An optional comment, through a form; one with an NHS number is refused.
    const thanks = whispersTo('U1').at(-1) as RecordedCall;
    const commentButton = buttonsOf(thanks).find((b) => b.action_id === 'coffee:comment');
    const opensBefore = calls('views.open').length;
    await e2e.slack.post(blockActions({ actions: [{ actionId: 'coffee:comment', value: commentButton?.value }], messageTs: '1.1', channel: 'DU1', userId: 'U1', ephemeral: true }));
    await e2e.api.waitFor(() => calls('views.open').length > opensBefore);
    const commentView = openedView(calls('views.open').at(-1) as RecordedCall);
    const refused = await e2e.slack.post(answerModal(commentView, { comment: 'We talked about patient 943 476 5919' }, 'U1'));
    expect(JSON.parse(refused.body)).toEqual({ response_action: 'errors', errors: { comment: expect.stringMatching(/NHS number/) } });
    const before = whispersTo('U1').length;
    await e2e.slack.post(answerModal(commentView, { comment: 'Lovely chat about discharge letters' }, 'U1'));
    expect(await lastWhisper('U1', before)).toMatch(/saved/);
    const stored = await e2e.app.db.query('SELECT comment FROM coffee_answers WHERE comment IS NOT NULL');
    expect(stored).toEqual([{ comment: 'Lovely chat about discharge letters' }]);

    // 6. Three days later the channel hears how it went.
    await at(new Date(ROUND_1.getTime() + 17 * DAY));
    await e2e.api.waitFor(() => posted('C1').length === 3);
    expect(textOf(posted('C1')[2] as RecordedCall)).toMatch(/1 of 2 pairs met/);
    const stats = await coffee('stats', 'U1');
    expect(stats).toMatch(/50%/);
    expect(stats).toMatch(/Lovely chat about discharge letters/);

    // 7. Round two, with Slack asking us to slow down once: U5 is back, so a pair and a trio, and the pair
    //    that met is not matched again (the pair that could not meet may be).
    e2e.api.rateLimitNext('conversations.open', 1);
    await at(new Date(ROUND_1.getTime() + 28 * DAY));
    await waitUntil('the rate limit deferred a message', async () => (await e2e.app.db.query('SELECT 1 FROM outbox WHERE not_before IS NOT NULL AND delivered_at IS NULL')).length === 1);
    now = new Date(now.getTime() + 1_000);
    await e2e.app.engine.delivery.sweep();
    await e2e.api.waitFor(() => posted('C1').length === 4);
    const round2 = calls('conversations.open', (c) => c.status === 200).slice(-2).map((c) => String(c.body.users).split(',').sort());
    expect(round2.map((g) => g.length).sort()).toEqual([2, 3]);
    expect(round2.flat().sort()).toEqual(['U1', 'U2', 'U3', 'U4', 'U5']);
    for (const group of round2) expect(group.includes('U1') && group.includes(partnerOfU1)).toBe(false);
    expect(textOf(posted('C1')[3] as RecordedCall)).toMatch(/5 people: 1 pair and 1 trio/);
    // Each group heard exactly once, despite the retries; each person was asked once.
    expect(posted(isGroupDm)).toHaveLength(6);
    expect(posted(isUserDm).map((c) => c.body.channel).sort()).toEqual(['DU1', 'DU2', 'DU3', 'DU4']);
  });

  it('tells the organiser when the channel will not have the bot', async () => {
    e2e.api.refuseChannel('C2', 'not_in_channel');
    await e2e.slack.slash('/coffee', 'setup', 'U7', 'u7', 'C2');
    await e2e.api.waitFor(() => calls('views.open').some((c) => String(c.body.view && JSON.stringify(c.body.view)).includes('C2')));
    const view = openedView(calls('views.open').at(-1) as RecordedCall);
    await e2e.slack.post(answerModal(view, {}, 'U7'));
    // The saved note falls back to a direct message, and so does the news that the channel refused.
    await e2e.api.waitFor(() => posted('U7').length === 2);
    expect(posted('U7').map(textOf).join(' ')).toMatch(/couldn't post in <#C2>/);
    expect(posted('C2').filter((c) => c.response?.ok === true)).toEqual([]);
  });

  it('still introduces the others when Slack will not open a group with someone who has left', async () => {
    await e2e.slack.slash('/coffee', 'setup', 'U20', 'u20', 'C3');
    await e2e.api.waitFor(() => calls('views.open').some((c) => JSON.stringify(c.body.view).includes('C3')));
    const view = openedView(calls('views.open').at(-1) as RecordedCall);
    await e2e.slack.post(answerModal(view, { everyWeeks: '1', weeksToMeet: '1' }, 'U20'));
    await e2e.api.waitFor(() => posted('C3').some((c) => c.response?.ok === true));
    for (const user of ['U20', 'U21', 'U22']) await e2e.slack.slash('/coffee', 'join', user, user.toLowerCase(), 'C3');
    await e2e.api.waitFor(() => whispersTo('U22').length > 0);
    e2e.api.refuseUser('U22', 'user_disabled');
    // The next Monday at 10:00 after the clock's present Monday.
    await at(new Date(now.getTime() + 7 * DAY - 1_000));
    await e2e.api.waitFor(() => posted('DU20').length === 1 && posted('DU21').length === 1);
    for (const user of ['DU20', 'DU21']) {
      const intro = textOf(posted(user)[0] as RecordedCall);
      for (const mention of ['<@U20>', '<@U21>', '<@U22>']) expect(intro).toContain(mention);
      expect(intro).toMatch(/matched/);
    }
    expect(posted('DU22').filter((c) => c.response?.ok === true)).toEqual([]);
  });
});
