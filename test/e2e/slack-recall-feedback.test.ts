// Useful / Not relevant on a recalled lesson through the real Bolt receiver: the press is checked against what the
// review was shown, kept per person, and thanked with a whisper only the presser sees.
import { randomUUID } from 'node:crypto';
import type { Outgoing } from '../../src/core/flow';
import type { Person, Place } from '../../src/core/model';
import { renderCard } from '../../adapters/slack/blocks';
import { recallLessons } from '../../src/lessons/recall/recall-lessons';
import { insertLessons } from '../../src/store/lessons';
import { insertRun } from '../../src/store/runs';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { textOf, useSlackE2e } from '../support/mobilise-slack';
import { blockActions } from '../support/slack-requests';

const at = new Date('2026-11-20T16:30:00Z');

describe.each(dbKinds)('feedback on recalled lessons in Slack (%s Postgres)', (kind: DbKind) => {
  const e2e = useSlackE2e(kind);
  let buttons: { action_id: string; value: string }[];
  const thread = '1700000000.000050';

  async function run(tenant: string, flow: string, place: Place): Promise<string> {
    const id = randomUUID();
    const alex: Person = { platform: 'slack', tenant, id: 'U1' };
    await insertRun(e2e.app.db, { id, flow, version: 1, place, placeKey: `k-${id}`, startedBy: alex, state: {}, status: 'active' }, at);
    return id;
  }

  beforeAll(async () => {
    const earlier: Place = { platform: 'slack', tenant: 'T1', channel: 'C1', thread: '1690000000.000001' };
    const aar = await run('T1', 'after-action-review', earlier);
    const lesson = { key: 'a', title: 'Label the drug trolley', recommendation: 'Label every drawer of the drug trolley', observation: '', reason: '' };
    await insertLessons(e2e.app.db, aar, earlier, [{ ...lesson, technique: 'after-action-review', tags: [], contributors: [{ platform: 'slack', tenant: 'T1', id: 'U1' }] }], at);
    const place: Place = { platform: 'slack', tenant: 'T1', channel: 'C1', thread };
    const bar = await run('T1', 'before-action-review', place);
    const [post] = await e2e.app.db.transaction((tx) => recallLessons(tx, { tenant: 'T1', runId: bar, place, about: 'New drug trolleys on ward 7', key: 'recall' }, at));
    // The buttons exactly as Slack would show them, so the press carries what a real one would.
    const blocks = renderCard((post as Extract<Outgoing, { kind: 'post' }>).card).blocks;
    buttons = blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .flatMap((e) => (e.type === 'button' ? [{ action_id: e.action_id ?? '', value: e.value ?? '' }] : []));
  });

  async function press(label: 'useful' | 'not-relevant', user: string, teamId = 'T1'): Promise<RecordedCall> {
    const button = buttons.find((b) => b.action_id === `lessons:recall:${label}`);
    if (!button) throw new Error(`no ${label} button`);
    const before = e2e.api.calls('chat.postEphemeral').length;
    const actions = [{ actionId: button.action_id, value: button.value }];
    const sent = await e2e.slack.post(blockActions({ actions, messageTs: '1700000000.000060', threadTs: thread, userId: user, teamId, triggerId: `trg-${randomUUID()}` }));
    expect(sent.status).toBe(200);
    const calls = await e2e.api.waitFor(() => e2e.api.calls('chat.postEphemeral').length > before);
    return calls.filter((c) => c.method === 'chat.postEphemeral').at(-1) as RecordedCall;
  }

  const opinions = async (): Promise<unknown[][]> =>
    (await e2e.app.db.query('SELECT person_id, useful FROM lesson_feedback ORDER BY person_id')).map((r) => [r.person_id, r.useful]);

  it('thanks the presser quietly and keeps one opinion each, a change of mind replacing it', async () => {
    const thanks = await press('useful', 'U5');
    expect(thanks.body).toMatchObject({ channel: 'C1', user: 'U5' });
    expect(textOf(thanks)).toMatch(/Noted: useful/);
    expect(await opinions()).toEqual([['U5', true]]);

    expect(textOf(await press('not-relevant', 'U5'))).toMatch(/Noted: not relevant. It will rank lower next time/);
    await press('not-relevant', 'U5');
    await press('useful', 'U6');
    expect(await opinions()).toEqual([
      ['U5', false],
      ['U6', true],
    ]);
    // Nothing but whispers: the thread is not disturbed.
    expect(e2e.api.calls('chat.postMessage')).toEqual([]);
  });

  it('refuses a press from another organisation and notes nothing for it', async () => {
    const before = await opinions();
    expect(textOf(await press('useful', 'U7', 'T2'))).toMatch(/That button is out of date or was changed: nothing was done/);
    expect(await opinions()).toEqual(before);
  });
});
