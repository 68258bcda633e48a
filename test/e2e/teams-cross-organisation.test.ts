// Issue 11's forged press in Teams, through the real CloudAdapter over HTTP: Adaptive Card submissions carrying the first
// team's real button data (the coffee "Did you meet?" answer, a review's Next, a lesson's Open and Validate), sent from
// another tenant or from another team of the same tenant, change nothing and get the standard refusal.
import { STALE_BUTTON_TEXT } from '../../src/core/button-value';
import { roundResult } from '../../src/store/coffee/rounds';
import { dumpTables } from '../support/button-ids';
import { dbKinds, type DbKind } from '../support/databases';
import type { SentActivity } from '../support/fake-bot-connector';
import { personalChat, submitsOf, textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, cardExecute, cardSubmit, channelMessage, JO, KIT, SAM, sentFrom, TENANT, upnOf, type Who } from '../support/teams-activities';
import { waitUntil } from '../support/wait-until';

const OTHER_TENANT = '0c4ad3e1-5b7f-4e2a-9d61-3f8b2a7c9e05';
/** Another team: of the other tenant in the first case, of the same tenant in the second. */
const OTHER_TEAM = { id: '19:estates-team@thread.tacv2', name: 'Estates', aadGroupId: 'e0d1c2b3-a4f5-4e6d-8c7b-9a0f1e2d3c4b' };
const OTHER_TEAMS_CHANNEL = '19:estates-general@thread.tacv2';
const ROUND_1 = new Date('2026-11-23T10:00:00Z'); // Monday 10:00 in London
const DAY = 24 * 60 * 60 * 1000;

type ButtonId = 'coffee:met' | 'aar:next' | 'lessons:life:open' | 'lessons:life:validate';

/** A button on a card the bot sent, and where that card is. */
interface Button {
  card: SentActivity;
  data: Record<string, unknown>;
}

/** Who presses, from where: the activity's tenant and team, and its conversation when not the card's own. */
interface Press {
  who: Who;
  from?: { tenant: string; team: typeof OTHER_TEAM };
  conversation?: string;
  execute?: boolean;
}

const fromOtherTenant = { tenant: OTHER_TENANT, team: OTHER_TEAM };
const fromOtherTeam = { tenant: TENANT, team: OTHER_TEAM };

describe.each(dbKinds)('buttons pressed from another Teams organisation (%s Postgres)', (kind: DbKind) => {
  let now = new Date('2026-11-21T12:00:00Z');
  const e2e = useTeamsE2e(kind, { clock: () => now });
  const { toPerson, waitForSentTo } = e2e;
  const buttons = new Map<ButtonId, Button>();
  let programme = '';
  let lesson = '';
  let reviewRoot = '';

  const waitFor = async (what: () => boolean): Promise<void> => {
    await e2e.connector.waitFor(what);
  };
  /** The newest message to a person's own chat, once there are more than `before`. */
  async function nextTo(who: Who, before: number): Promise<SentActivity> {
    await waitFor(() => toPerson(who).length > before);
    return toPerson(who).at(-1) as SentActivity;
  }
  function buttonOn(card: SentActivity, action: ButtonId, title?: string): Button {
    const submit = submitsOf(card).find((s) => s.data.action === action && (title === undefined || s.title === title));
    if (!submit) throw new Error(`no ${action} button on ${textOf(card)}`);
    return { card, data: submit.data };
  }
  const button = (id: ButtonId): Button => buttons.get(id) as Button;
  /** Presses a button as Teams would send it (Action.Submit, or Action.Execute); returns what the presser was told in their own chat. */
  async function press(b: Button, { who, from, conversation, execute }: Press): Promise<string> {
    const activity = (execute ? cardExecute : cardSubmit)(e2e.connector.url, who, conversation ?? b.card.conversationId, b.card.id, b.data);
    const before = toPerson(who).length;
    expect((await e2e.teams.send(from === undefined ? activity : sentFrom(activity, from))).status).toBe(200);
    return textOf(await nextTo(who, before));
  }
  /** `@Mobilise <text>` as a new post in a channel of the other team of the same tenant; returns what the speaker was told. */
  async function mentionInOtherTeam(who: Who, text: string): Promise<string> {
    const post = channelMessage({ serviceUrl: e2e.connector.url, from: who, text, mentionBot: true, channel: OTHER_TEAMS_CHANNEL });
    const before = toPerson(who).length;
    expect((await e2e.teams.send(sentFrom(post, fromOtherTeam))).status).toBe(200);
    return textOf(await nextTo(who, before));
  }
  /** Every row but the bookkeeping ones and the address book's notes of how to answer the pressers (in the other tenant, and Kit). */
  async function firstTeamsRows(): Promise<Record<string, string[]>> {
    const tables = await dumpTables(e2e.app.db, ['processed_deliveries', 'schema_migrations', 'outbox']);
    const theirs = (row: string): boolean => {
      const { tenant, key } = JSON.parse(row) as { tenant: string; key: string };
      return tenant === OTHER_TENANT || key.includes(KIT.id) || key.includes(OTHER_TEAMS_CHANNEL);
    };
    return { ...tables, platform_addresses: (tables.platform_addresses ?? []).filter((row) => !theirs(row)) };
  }
  /** Presses a forged button and checks that only the presser heard, with the refusal, and that nothing changed. */
  async function expectRefused(id: ButtonId, forged: Press): Promise<void> {
    const rows = await firstTeamsRows();
    const sent = e2e.connector.sent().length;
    const updates = e2e.connector.updates().length;
    expect(await press(button(id), forged)).toContain(STALE_BUTTON_TEXT);
    await e2e.app.engine.delivery.sweep();
    expect(await firstTeamsRows()).toEqual(rows);
    // Only the presser heard back, in their own chat in their own tenant: nothing posted or updated anywhere else.
    const said = e2e.connector.sent().slice(sent);
    expect(said.map((s) => s.conversationId)).toEqual([personalChat(forged.who)]);
    expect((said[0]?.activity.conversation as { tenantId?: string } | undefined)?.tenantId).toBe(forged.from?.tenant);
    expect(textOf(said[0] as SentActivity)).not.toMatch(/printer-queue owner/);
    expect(e2e.connector.updates()).toHaveLength(updates);
  }
  const samsAnswer = async (): Promise<unknown> => (await e2e.app.db.query('SELECT answer FROM coffee_answers WHERE person_id = $1', [SAM.id]))[0]?.answer;
  const lessonStatus = async (): Promise<unknown> => (await e2e.app.db.query('SELECT status FROM lessons WHERE id = $1', [lesson]))[0]?.status;

  /** Moves the clock and runs what is due, as node-cron would. */
  async function at(time: Date): Promise<void> {
    now = time;
    await e2e.app.scheduler.tick();
  }

  beforeAll(async () => {
    for (const who of [ALEX, SAM, JO]) e2e.connector.addMember({ ...who, userPrincipalName: upnOf(who), tenantId: TENANT });

    // A coffee round in the first team, set up and answered through Teams: Sam says they met.
    await e2e.teams.mention(ALEX, 'coffee setup');
    const form = await nextTo(ALEX, 0);
    await e2e.teams.submitForm(form, ALEX, { everyWeeks: '4', weekday: '1', time: '10:00', weeksToMeet: '2' });
    await nextTo(ALEX, 1);
    await e2e.teams.mention(SAM, 'coffee join');
    await nextTo(SAM, 0);
    await e2e.teams.mention(ALEX, 'coffee join');
    await nextTo(ALEX, 2);
    // The introduction, the reminder halfway, and "Did you meet?" at the end.
    for (const [days, messages] of [[0, 2], [7, 3], [14, 4]] as const) {
      await at(new Date(ROUND_1.getTime() + days * DAY));
      await waitFor(() => toPerson(SAM).length === messages);
    }
    const ask = toPerson(SAM).at(-1) as SentActivity;
    expect(textOf(ask)).toMatch(/Did you meet/);
    expect(await press(buttonOn(ask, 'coffee:met', 'Yes'), { who: SAM })).toMatch(/glad/);
    buttons.set('coffee:met', buttonOn(ask, 'coffee:met', 'Not yet'));
    programme = String((await e2e.app.db.query('SELECT id FROM coffee_programmes'))[0]?.id);

    // A lesson from a review Alex ran and Sam answered; Jo, who took no part, finds it from the channel and opens it.
    const saved = await e2e.teams.mention(ALEX, 'aar Ward 7 go-live');
    const chain = `${CHANNEL};messageid=${saved}`;
    for (let question = 1; question < 4; question += 1) {
      await e2e.teams.press((await waitForSentTo(chain, question + 1))[question] as SentActivity, 'aar:next', ALEX);
    }
    const q4 = (await waitForSentTo(chain, 5))[4] as SentActivity;
    await e2e.teams.reply(saved, SAM, 'Name a printer-queue owner for every go-live');
    // Wherever the engine keeps answers, the review must hold this one before it finishes.
    await waitUntil('the answer stored', async () => JSON.stringify(await dumpTables(e2e.app.db, ['outbox', 'processed_deliveries', 'platform_addresses'])).includes('printer-queue owner'));
    await e2e.teams.press(q4, 'aar:finish', ALEX);
    await e2e.teams.press((await waitForSentTo(chain, 6))[5] as SentActivity, 'aar:save', ALEX);
    await waitForSentTo(chain, 7);
    lesson = String((await e2e.app.db.query('SELECT id FROM lessons'))[0]?.id);
    await e2e.teams.mention(JO, 'lessons printer queue');
    const results = await nextTo(JO, 0);
    buttons.set('lessons:life:open', buttonOn(results, 'lessons:life:open'));
    expect(await press(button('lessons:life:open'), { who: JO })).toMatch(/printer-queue owner/);
    buttons.set('lessons:life:validate', buttonOn(toPerson(JO).at(-1) as SentActivity, 'lessons:life:validate'));

    // A review still on its first question, which only Alex may move on.
    reviewRoot = await e2e.teams.mention(ALEX, 'aar Ward 9 handover');
    const [, q1] = await waitForSentTo(`${CHANNEL};messageid=${reviewRoot}`, 2);
    buttons.set('aar:next', buttonOn(q1 as SentActivity, 'aar:next'));
    await e2e.app.engine.delivery.sweep();
  }, 60_000);

  it('has the real buttons to forge', () => {
    expect([...buttons.keys()].sort()).toEqual(['aar:next', 'coffee:met', 'lessons:life:open', 'lessons:life:validate']);
    expect(JSON.parse(String(button('coffee:met').data.value))).toMatchObject({ programme, round: 1, answer: 'not-yet' });
    expect(button('lessons:life:validate').data.value).toBe(lesson);
  });

  describe('from another tenant, by the same user ids in the same conversations', () => {
    it.each([
      { id: 'coffee:met', who: SAM, execute: false },
      { id: 'coffee:met', who: SAM, execute: true },
      { id: 'aar:next', who: ALEX, execute: false },
      { id: 'lessons:life:open', who: JO, execute: false },
      { id: 'lessons:life:validate', who: JO, execute: true },
    ] as const)('refuses $id (as Action.Execute: $execute) and changes nothing', async ({ id, who, execute }) => {
      await expectRefused(id, { who, from: fromOtherTenant, execute });
    });
  });

  describe('from another team of the same tenant, by someone seen only there', () => {
    beforeAll(async () => {
      // Kit speaks in the other team first; the first team's lesson is not in that team's library.
      expect(await mentionInOtherTeam(KIT, 'lessons printer queue')).toMatch(/found no lessons/);
    });

    it.each([
      { id: 'coffee:met', execute: false },
      { id: 'lessons:life:open', execute: false },
      { id: 'lessons:life:validate', execute: true },
    ] as const)('refuses $id (as Action.Execute: $execute) from their own chat and changes nothing', async ({ id, execute }) => {
      await expectRefused(id, { who: KIT, from: fromOtherTeam, conversation: personalChat(KIT), execute });
    });

    it("refuses aar:next from the other team's channel, in a reply chain of the same id", async () => {
      await expectRefused('aar:next', { who: KIT, from: fromOtherTeam, conversation: `${OTHER_TEAMS_CHANNEL};messageid=${reviewRoot}` });
    });
  });

  it("leaves Sam's answer, the round's result and the lesson as they were", async () => {
    expect(await samsAnswer()).toBe('yes');
    expect(await roundResult(e2e.app.db, programme, 1)).toMatchObject({ groups: 1, met: 1 });
    expect(await lessonStatus()).toBe('draft');
  });

  it('takes the same presses from the first team itself, so it was the organisation that was refused', async () => {
    expect(await press(button('coffee:met'), { who: SAM })).not.toContain(STALE_BUTTON_TEXT);
    expect(await samsAnswer()).toBe('not-yet');
    expect(await press(button('lessons:life:validate'), { who: JO })).not.toContain(STALE_BUTTON_TEXT);
    expect(await lessonStatus()).toBe('validated');
    const next = button('aar:next');
    const before = e2e.sentTo(next.card.conversationId).length;
    await e2e.teams.send(cardSubmit(e2e.connector.url, ALEX, next.card.conversationId, next.card.id, next.data));
    await waitForSentTo(next.card.conversationId, before + 1);
  });
});
