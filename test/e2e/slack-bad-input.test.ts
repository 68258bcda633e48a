// Input Slack delivers that Postgres cannot store or Mobilise never wrote, through the real Bolt receiver: a NUL in an
// /aar title or a /lessons query is dropped at the boundary, and a changed button value gets a clear refusal.
import { randomUUID } from 'node:crypto';
import { STALE_BUTTON_TEXT } from '../../src/core/button-value';
import type { Person } from '../../src/core/model';
import { insertLessons } from '../../src/store/lessons';
import { insertRun } from '../../src/store/runs';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { textOf, useSlackE2e } from '../support/mobilise-slack';
import { blockActions, slashCommand } from '../support/slack-requests';
import { waitUntil } from '../support/wait-until';

const at = new Date('2026-11-20T16:30:00Z');
const SOMETHING_WENT_WRONG = /something went wrong/i;

describe.each(dbKinds)('bad input from Slack (%s Postgres)', (kind: DbKind) => {
  const e2e = useSlackE2e(kind);

  beforeAll(async () => {
    const id = randomUUID();
    const alex: Person = { platform: 'slack', tenant: 'T1', id: 'U1' };
    const place = { platform: 'slack' as const, tenant: 'T1', channel: 'C1', thread: '1.1' };
    await insertRun(e2e.app.db, { id, flow: 'after-action-review', version: 1, place, placeKey: `k-${id}`, startedBy: alex, state: {}, status: 'done' }, at);
    const lesson = { key: 'a', title: 'Give the printer queue an owner', recommendation: 'Name a printer-queue owner', observation: '', reason: '', technique: 'after-action-review', tags: [], contributors: [alex] };
    await insertLessons(e2e.app.db, id, { ...place, url: 'https://example.slack.com/archives/C1/p1' }, [lesson], at);
  });

  async function whisperAfter(send: () => Promise<unknown>, user: string): Promise<RecordedCall> {
    const before = e2e.whispersTo(user).length;
    await send();
    await e2e.api.waitFor(() => e2e.whispersTo(user).length > before);
    return e2e.whispersTo(user)[before] as RecordedCall;
  }

  it('starts a review whose title had a NUL in it, with the NUL left out', async () => {
    await e2e.slack.post(slashCommand({ command: '/aar', text: 'Ward\u0000 9 handover\u0007', userId: 'U1', userName: 'alex', triggerId: `trg-${randomUUID()}` }));
    await waitUntil('the review started', async () => (await e2e.app.db.query(`SELECT 1 FROM flow_runs WHERE flow = 'after-action-review' AND status = 'active'`)).length === 1);
    const [run] = await e2e.app.db.query(`SELECT state->>'title' AS title FROM flow_runs WHERE flow = 'after-action-review' AND status = 'active'`);
    expect(run?.title).toBe('Ward 9 handover');
    // Posted after the review's transaction commits.
    await waitUntil('the overview posted', async () => e2e.posted('C1').some((c) => textOf(c).includes('Ward 9 handover')));
    expect(e2e.whispersTo('U1').map(textOf).filter((t) => SOMETHING_WENT_WRONG.test(t))).toEqual([]);
  });

  it('searches the library for a query with a NUL in it as if the NUL were not there', async () => {
    const answer = await whisperAfter(
      () => e2e.slack.post(slashCommand({ command: '/lessons', text: 'printer\u0000 queue', userId: 'U9', userName: 'sam', triggerId: `trg-${randomUUID()}` })),
      'U9',
    );
    expect(textOf(answer)).toMatch(/Give the printer queue an owner/);
  });

  it.each([
    ['a programme that is not a uuid', JSON.stringify({ programme: 'not-a-uuid', round: 1, answer: 'yes' })],
    ['a round out of range', JSON.stringify({ programme: randomUUID(), round: 99999999999, answer: 'yes' })],
  ])('refuses a "Did you meet?" button whose value has %s, and saves nothing', async (_what, value) => {
    const press = blockActions({ actions: [{ actionId: 'coffee:met', value }], messageTs: '1700000000.000100', userId: 'U7', userName: 'jo', triggerId: `trg-${randomUUID()}`, ephemeral: true });
    const answer = await whisperAfter(() => e2e.slack.post(press), 'U7');
    expect(textOf(answer)).toContain(STALE_BUTTON_TEXT);
    expect(await e2e.app.db.query('SELECT * FROM coffee_answers')).toEqual([]);
  });
});
