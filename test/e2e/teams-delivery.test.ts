// Delivery in Teams when the Bot Connector says no, as Teams does: a 429 with no Retry-After, a 412 that keeps coming,
// a bot removed from the team. Each card is still posted at most once, and nobody is left waiting without a word.
import { RETRY } from '../../src/engine/retry-rule';
import { dbKinds, type DbKind } from '../support/databases';
import type { SentActivity } from '../support/fake-bot-connector';
import { personalChat, textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, SAM } from '../support/teams-activities';
import { waitUntil } from '../support/wait-until';

/** The longest a first retry waits (5 s and a quarter more of jitter). */
const FIRST_WAIT = RETRY.firstWaitMs * (1 + RETRY.jitter);

describe.each(dbKinds)('Teams delivery when the connector says no (%s Postgres)', (kind: DbKind) => {
  let now = new Date('2026-12-02T10:00:00Z');
  const e2e = useTeamsE2e(kind, { clock: () => now });
  const { sentTo, waitForSentTo } = e2e;

  const later = async (ms: number): Promise<void> => {
    now = new Date(now.getTime() + ms);
    await e2e.app.engine.delivery.sweep();
  };
  const failedOnce = (): Promise<unknown> =>
    waitUntil('a failed attempt', async () => (await e2e.app.db.query('SELECT 1 FROM outbox WHERE attempts > 0 AND delivered_at IS NULL')).length === 1);

  async function startReview(title: string): Promise<{ chain: string; q1: SentActivity }> {
    const root = await e2e.teams.mention(ALEX, `aar ${title}`);
    const chain = `${CHANNEL};messageid=${root}`;
    const [, q1] = await waitForSentTo(chain, 2);
    if (!q1) throw new Error('no question 1');
    return { chain, q1 };
  }

  it('posts a question Teams rate-limited (429, no Retry-After) once, after its own back-off', async () => {
    const { chain, q1 } = await startReview('Rate limits');
    e2e.connector.failNext(429, { method: 'POST' });
    await e2e.teams.press(q1, 'aar:next', ALEX);
    await failedOnce();
    expect(sentTo(chain)).toHaveLength(2);
    await later(FIRST_WAIT);
    await waitForSentTo(chain, 3);
    await later(FIRST_WAIT);
    expect(sentTo(chain)).toHaveLength(3);
    expect(e2e.connector.shown().filter((m) => m.conversationId.startsWith(chain.split(';')[0] ?? '') && /Question 2/.test(m.attachment ? JSON.stringify(m.attachment) : ''))).toHaveLength(1);
  });

  it('gives up a question Teams keeps refusing with 412 after four tries in about a minute, tells the facilitator, and carries on', async () => {
    const { chain, q1 } = await startReview('Busy conversation');
    e2e.connector.failNext(412, { times: 4, method: 'POST' });
    await e2e.teams.press(q1, 'aar:next', ALEX);
    await failedOnce();
    for (const wait of [5_000, 15_000, 40_000]) await later(wait * (1 + RETRY.jitter));
    const [note] = await waitForSentTo(personalChat(ALEX), 1);
    expect(textOf(note as SentActivity)).toMatch(/could not be delivered: Teams kept turning it away/);
    expect(await e2e.app.db.query('SELECT 1 FROM outbox WHERE delivered_at IS NULL')).toEqual([]);
    // The review goes on: the next question is posted as usual.
    await e2e.teams.reply(chain.split(';messageid=')[1] ?? '', ALEX, 'next');
    const posts = await waitForSentTo(chain, 3);
    expect(textOf(posts[2] as SentActivity)).toMatch(/Question 3/);
  });

  it('closes the review when Mobilise is removed from the team, and tells the facilitator in their own chat', async () => {
    const { chain, q1 } = await startReview('Removed bot');
    const told = sentTo(personalChat(ALEX)).length;
    e2e.connector.removeBot(CHANNEL);
    await e2e.teams.press(q1, 'aar:next', ALEX);
    await waitUntil('the run closed', async () => (await e2e.app.db.query("SELECT 1 FROM flow_runs WHERE status = 'closed' AND state->>'title' = 'Removed bot'")).length === 1);
    const notes = await waitForSentTo(personalChat(ALEX), told + 1);
    expect(textOf(notes.at(-1) as SentActivity)).toMatch(/add me to the team/);
    expect(sentTo(chain)).toHaveLength(2);
    expect(sentTo(personalChat(SAM))).toEqual([]);
  });
});
