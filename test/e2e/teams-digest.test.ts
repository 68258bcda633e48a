// A community of practice in Teams, through the real CloudAdapter over HTTP with the Bot Connector faked on loopback
// and time moved by the test: @Mobilise cop create, the Monday 09:00 digest posted proactively as a new post in the
// channel, a quiet week's one line, and an owner told how to let Mobilise in when the channel cannot be reached.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../src/store/db';
import { addAction } from '../communities/week-fixture';
import { expectValidAdaptiveCard } from '../support/adaptive-card-check';
import { dbKinds, type DbKind } from '../support/databases';
import type { SentActivity } from '../support/fake-bot-connector';
import { adaptiveCardOf, textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, JO, KIT, OTHER_CHANNEL, SAM, TEAM, TENANT, type Who } from '../support/teams-activities';

const MONDAY = new Date('2026-11-23T09:00:00Z'); // 09:00 in London (GMT)
const WEEK = 7 * 24 * 60 * 60 * 1000;

/** A lesson saved from a Teams review, written straight into the library of the team (its organisation). */
async function addTeamsLesson(q: Sql, l: { title: string; tags: string[]; at: Date; contributors: Who[] }): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO lessons (id, tenant, title, recommendation, technique, tags, contributors, source_platform, source_channel, source_url, created_at)
     VALUES ($1, $2, $3, $3, 'after-action-review', $4, $5, 'teams', $6, $7, $8)`,
    [id, TEAM.id, l.title, l.tags, JSON.stringify(l.contributors), CHANNEL, `https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL)}/1`, l.at],
  );
  return id;
}

describe.each(dbKinds)('a community of practice in Teams, end to end (%s Postgres)', (kind: DbKind) => {
  let now = new Date('2026-11-21T12:00:00Z'); // Saturday
  const e2e = useTeamsE2e(kind, { clock: () => now });
  const { toPerson, channelPosts } = e2e;

  async function cop(who: Who, text: string, channel = CHANNEL): Promise<string> {
    const before = toPerson(who).length;
    await e2e.teams.mention(who, `cop ${text}`, channel);
    await e2e.connector.waitFor(() => toPerson(who).length > before);
    return textOf(toPerson(who).at(-1) as SentActivity);
  }
  async function at(time: Date): Promise<number> {
    now = time;
    return e2e.app.scheduler.tick();
  }
  const mentioned = (sent: SentActivity): { id: string; name: string }[] => {
    const msteams = adaptiveCardOf(sent).msteams as { entities?: { mentioned: { id: string; name: string } }[] } | undefined;
    return (msteams?.entities ?? []).map((e) => e.mentioned);
  };

  it('posts the weekly digest as a new post in the channel, then a quiet week’s one line', async () => {
    expect(await cop(ALEX, 'create Pharmacy go-lives #eprescribing')).toMatch(/first digest comes on Monday 23 November at 09:00/);
    await e2e.connector.waitFor(() => channelPosts(CHANNEL).length === 1);
    const announcement = channelPosts(CHANNEL)[0] as SentActivity;
    expect(textOf(announcement)).toContain(`<at>${ALEX.name}</at> has made this channel a community of practice`);
    // Only the owner may hand the community on; Teams people are named by their names.
    expect(await cop(JO, 'status')).toMatch(new RegExp(`looked after by <at>${ALEX.name}</at>\\. Its domain: #eprescribing`));
    // Teams names people from what they sent the bot: the lesson's contributor has spoken to it too (as in a review).
    expect(await cop(SAM, 'help')).toMatch(/cop create/);

    // The week: a lesson in the domain, one outside it, and an overdue action from the domain lesson.
    const lesson = await addTeamsLesson(e2e.app.db, { title: 'Name a printer-queue owner for every go-live', tags: ['eprescribing'], at: new Date('2026-11-19T15:00:00Z'), contributors: [SAM] });
    await addTeamsLesson(e2e.app.db, { title: 'Order more printer paper', tags: ['estates'], at: new Date('2026-11-19T15:00:00Z'), contributors: [SAM] });
    await addAction(e2e.app.db, { tenant: TEAM.id, lessonId: lesson, text: 'Check every ward printer queue', owner: { platform: 'teams', tenant: TENANT, id: JO.id }, dueOn: '2026-11-20' });

    // Nothing before Monday 09:00.
    await at(new Date(MONDAY.getTime() - 60_000));
    await e2e.app.engine.delivery.sweep();
    expect(channelPosts(CHANNEL)).toHaveLength(1);

    // Monday 09:00: a new post in the channel, started by the bot from the address it kept.
    await at(MONDAY);
    await e2e.connector.waitFor(() => channelPosts(CHANNEL).length === 2);
    const digest = channelPosts(CHANNEL)[1] as SentActivity;
    expect(digest.call.path).toBe('/v3/conversations');
    expect(digest.call.body).toMatchObject({ isGroup: true, tenantId: TENANT, channelData: { channel: { id: CHANNEL } } });
    const text = textOf(digest);
    expect(text).toMatch(/Weekly digest: Pharmacy go-lives/);
    expect(text).toContain('Name a printer-queue owner for every go-live');
    expect(text).toContain(`Check every ward printer queue (from “Name a printer-queue owner for every go-live”): <at>${JO.name}</at>, overdue since Friday 20 November`);
    expect(text).toContain(`Thank you to <at>${SAM.name}</at>`);
    expect(text).not.toMatch(/printer paper/);
    expect(mentioned(digest)).toEqual(expect.arrayContaining([{ id: JO.id, name: JO.name }, { id: SAM.id, name: SAM.name }]));
    // Every replica ticks every minute; the week's digest goes once.
    await at(new Date(MONDAY.getTime() + 60_000));
    await e2e.app.engine.delivery.sweep();
    expect(channelPosts(CHANNEL)).toHaveLength(2);

    // The action is done and nothing new arrives: the next Monday gets one line.
    await e2e.app.db.query("UPDATE lesson_actions SET status = 'done', closed_at = $1", [new Date('2026-11-20T10:00:00Z')]);
    await at(new Date(MONDAY.getTime() + WEEK));
    await e2e.connector.waitFor(() => channelPosts(CHANNEL).length === 3);
    const quiet = channelPosts(CHANNEL)[2] as SentActivity;
    expect(adaptiveCardOf(quiet).fallbackText).toBe(
      'A quiet week in Pharmacy go-lives: nothing new in #eprescribing in the week to Monday 30 November. Lessons saved with these tags will show up here.',
    );
    await e2e.app.engine.delivery.sweep();
    expect(channelPosts(CHANNEL)).toHaveLength(3);
    for (const sent of [announcement, digest, quiet]) expectValidAdaptiveCard(adaptiveCardOf(sent));
  });

  it('tells the owner, in their own chat, how to let Mobilise in when the channel cannot be reached', async () => {
    now = new Date(MONDAY.getTime() + WEEK + 24 * 60 * 60 * 1000); // Tuesday 1 December
    expect(await cop(KIT, 'create Discharge #discharge', OTHER_CHANNEL)).toMatch(/first digest comes on Monday 7 December at 09:00/);
    await e2e.connector.waitFor(() => channelPosts(OTHER_CHANNEL).length === 1);
    // The channel's address is lost (say the app was removed from the team and its record tidied away).
    const removed = await e2e.app.db.query("DELETE FROM platform_addresses WHERE platform = 'teams' AND tenant = $1 AND key = $2 RETURNING key", [
      TENANT,
      `conversation:${OTHER_CHANNEL}`,
    ]);
    expect(removed).toHaveLength(1);
    const kitBefore = toPerson(KIT).length;
    const sentBefore = e2e.connector.sent().length;

    await at(new Date(MONDAY.getTime() + 2 * WEEK));
    await e2e.connector.waitFor(() => toPerson(KIT).length === kitBefore + 1 && channelPosts(CHANNEL).length === 4);
    const told = toPerson(KIT).at(-1) as SentActivity;
    expect(textOf(told)).toMatch(/couldn't post in the channel for the community of practice Discharge/);
    expect(textOf(told)).toContain('add me to the team');
    expect(textOf(told)).not.toMatch(/\/invite/);
    expectValidAdaptiveCard(adaptiveCardOf(told));
    // Nothing reached the channel; the other community's digest went as usual.
    expect(channelPosts(OTHER_CHANNEL)).toHaveLength(1);
    await e2e.app.engine.delivery.sweep();
    expect(e2e.connector.sent().length).toBe(sentBefore + 2);
    // The refused digest is given up, not retried every few seconds.
    const refused = await e2e.app.db.query("SELECT not_before, delivered_at IS NOT NULL AS closed FROM outbox WHERE stream LIKE 'cop:%' AND last_error IS NOT NULL");
    expect(refused).toEqual([{ not_before: null, closed: true }]);
  });
});
