// `/lessons <words>` through the real Bolt receiver: the best matches, only to the asker, only from their
// own organisation, and a broader search offered when nothing matches.
import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import { insertLessons } from '../../src/store/lessons';
import { insertRun } from '../../src/store/runs';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { textOf, useSlackE2e } from '../support/mobilise-slack';
import { slashCommand } from '../support/slack-requests';

const at = new Date('2026-11-20T16:30:00Z');

function draft(key: string, title: string, recommendation: string, tags: string[] = []): LessonDraft {
  return { key, title, recommendation, observation: 'Seen on the go-live day', reason: '', technique: 'after-action-review', tags, contributors: [] };
}

describe.each(dbKinds)('/lessons search in Slack (%s Postgres)', (kind: DbKind) => {
  const e2e = useSlackE2e(kind);

  async function library(tenant: string, drafts: LessonDraft[]): Promise<void> {
    const id = randomUUID();
    const alex: Person = { platform: 'slack', tenant, id: 'U1' };
    const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: '1.1' };
    await insertRun(e2e.app.db, { id, flow: 'after-action-review', version: 1, place, placeKey: `k-${id}`, startedBy: alex, state: {}, status: 'done' }, at);
    await insertLessons(e2e.app.db, id, { ...place, url: `https://example.slack.com/archives/C1/p${tenant}` }, drafts.map((d) => ({ ...d, contributors: [alex] })), at);
  }

  beforeAll(async () => {
    await library('T1', [
      draft('a', 'Give the printer queue an owner', 'Name a printer-queue owner for every go-live', ['handover']),
      draft('b', 'Brief the night shift', 'Hand over the go-live plan to the night shift in person', ['handover']),
    ]);
    // Another organisation's lesson with the very same words.
    await library('T2', [draft('c', 'Secret printer queue lesson of another trust', 'Printer queue owner')]);
  });

  async function search(text: string, teamId = 'T1'): Promise<RecordedCall> {
    const before = e2e.api.calls('chat.postEphemeral').length;
    await e2e.slack.post(slashCommand({ command: '/lessons', text, userId: 'U9', userName: 'sam', teamId, triggerId: `trg-${randomUUID()}` }));
    const [answer] = (await e2e.api.waitFor(() => e2e.api.calls('chat.postEphemeral').length > before)).filter((c) => c.method === 'chat.postEphemeral').slice(before);
    return answer as RecordedCall;
  }

  it('answers only the asker with the best matches from their own organisation', async () => {
    const answer = await search('printer queue');
    expect(answer.body.user).toBe('U9');
    const text = textOf(answer);
    expect(text).toMatch(/Give the printer queue an owner/);
    expect(text).toMatch(/<@U1>/);
    expect(text).toMatch(/https:\/\/example.slack.com\/archives\/C1\/pT1/);
    expect(text).not.toMatch(/another trust/);
  });

  it('filters by tag and excludes a -word', async () => {
    expect(textOf(await search('#handover -printer'))).toMatch(/Brief the night shift/);
    expect(textOf(await search('#handover -printer'))).not.toMatch(/printer queue an owner/);
  });

  it('offers a broader search when nothing matches, and names a wrong filter', async () => {
    expect(textOf(await search('printer #pharmacy'))).toMatch(/\/lessons printer/);
    expect(textOf(await search('since:2026-02-30 printer'))).toMatch(/2026-02-30/);
  });

  it('keeps each organisation to its own library', async () => {
    const text = textOf(await search('printer queue', 'T2'));
    expect(text).toMatch(/another trust/);
    expect(text).not.toMatch(/Give the printer queue an owner/);
  });
});
