// What a flow may ask of the engine beyond messages: past lessons recalled into its thread, and actions saved once.
import { z } from 'zod';
import { card } from '../../src/core/card';
import type { Flow } from '../../src/core/flow';
import { Engine, type AnyFlow } from '../../src/engine/engine';
import type { Recaller } from '../../src/engine/recaller';
import { createLogger } from '../../src/log';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { action, command, person, reply } from '../support/events';
import { RecordingChat } from '../support/recording-chat';

const now = new Date('2026-11-21T10:00:00Z');
const remindAt = new Date('2026-12-01T09:00:00Z');

/** Asks for lessons about each reply, and agrees one action (owned by the replier) per reply when finished. */
const planFlow: Flow<{ replies: { id: string; text: string; by: string }[] }> = {
  id: 'plan',
  version: 1,
  command: 'plan',
  help: () => card('Plans things'),
  stateSchema: z.object({ replies: z.array(z.object({ id: z.string(), text: z.string(), by: z.string() })) }),
  start: () => ({
    state: { replies: [] },
    say: [{ kind: 'post', in: 'channel', anchor: true, key: 'parent', card: card('Planning') }],
  }),
  on(state, event) {
    if (event.kind === 'reply') {
      const next = { replies: [...state.replies, { id: event.messageId, text: event.text, by: event.from.id }] };
      return { state: next, say: [{ kind: 'post', in: 'thread', card: card(`Noted: ${event.text}`) }], recall: { about: event.text, key: 'recalled' } };
    }
    if (event.kind === 'action') {
      const actions = state.replies.map((r) => ({ key: r.id, text: r.text, owner: person(r.by), dueOn: '2026-12-01', timeZone: 'Europe/London', remindAt }));
      return { state, say: [], actions, done: true };
    }
    return { state, say: [] };
  },
};

describe.each(dbKinds)('engine: recall and actions on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;
  const asked: string[] = [];

  // Reads inside the step's transaction: it sees the run's state already saved.
  const recall: Recaller = async (tx, request) => {
    asked.push(`${request.tenant}|${request.about}|${request.place.thread ?? ''}`);
    const [row] = await tx.query('SELECT state FROM flow_runs WHERE id = $1', [request.runId]);
    const replies = (row?.state as { replies: unknown[] } | undefined)?.replies.length ?? -1;
    return [{ kind: 'post', in: 'thread', key: request.key, card: card(`Lessons about ${request.about} (after ${replies} replies)`) }];
  };

  beforeEach(async () => {
    t = await freshDatabase(kind, 6);
    await migrate(t.db);
    chat = new RecordingChat();
    asked.length = 0;
    engine = new Engine({ db: t.db, flows: [planFlow as AnyFlow], chat: () => chat, clock: () => now, log: createLogger('silent'), recall });
  });
  afterEach(() => t.drop());

  async function start(): Promise<string> {
    await engine.handle(command('plan', 'ward 9'));
    const parent = chat.sent[0];
    if (parent?.op !== 'post') throw new Error('no parent post');
    return parent.id;
  }

  it("posts the recalled lessons in the run's thread, after the step's own messages", async () => {
    const thread = await start();
    await engine.handle(reply(thread, 'printer queues'));
    const posts = chat.sent.filter((s) => s.op === 'post').map((s) => s.op === 'post' && [s.card.text, s.place.thread]);
    expect(posts).toEqual([
      ['Planning', undefined],
      ['Noted: printer queues', thread],
      ['Lessons about printer queues (after 1 replies)', thread],
    ]);
    expect(asked).toEqual([`T1|printer queues|${thread}`]);
  });

  it('saves the agreed actions once, even when the run is finished twice', async () => {
    const thread = await start();
    await engine.handle(reply(thread, 'check the printers', person('sam')));
    await engine.handle(reply(thread, 'brief the night shift', person('kim')));
    const finish = action(thread, 'plan:finish');
    await engine.handle(finish);
    await engine.handle(finish);
    const rows = await t.db.query('SELECT text, owner_id, due_on::text AS due, remind_at, status, tenant FROM lesson_actions ORDER BY text');
    expect(rows).toEqual([
      { text: 'brief the night shift', owner_id: 'kim', due: '2026-12-01', remind_at: remindAt, status: 'open', tenant: 'T1' },
      { text: 'check the printers', owner_id: 'sam', due: '2026-12-01', remind_at: remindAt, status: 'open', tenant: 'T1' },
    ]);
  });
});
