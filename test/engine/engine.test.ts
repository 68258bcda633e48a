import { Engine, type AnyFlow } from '../../src/engine/engine';
import { createLogger } from '../../src/log';
import { migrate } from '../../src/store/migrate';
import { counterFlow, startCounter as startCounterOn } from '../support/counter-flow';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { action, channel, command, person, reply } from '../support/events';
import { RecordingChat, type Sent } from '../support/recording-chat';

const cardText = (s: Sent | undefined): string => (s && 'card' in s ? s.card.text : '');

let now = new Date('2026-11-21T10:00:00Z');
const clock = () => now;

describe.each(dbKinds)('engine on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;

  beforeEach(async () => {
    t = await freshDatabase(kind, 12);
    await migrate(t.db);
    chat = new RecordingChat();
    engine = new Engine({ db: t.db, flows: [counterFlow as AnyFlow], chat: () => chat, clock, log: createLogger('silent'), random: () => 0 });
  });
  afterEach(() => t.drop());

  const startCounter = (): Promise<string> => startCounterOn(engine, chat);

  it('posts the parent in the channel and carries on in its thread', async () => {
    const thread = await startCounter();
    expect(chat.sent.map((s) => s.op === 'post' && [s.card.text, s.place.thread])).toEqual([
      ['Counting sheep', undefined],
      ['Reply to count', thread],
    ]);
    const runs = await t.db.query('SELECT place_key, source_url FROM flow_runs');
    expect(runs).toEqual([{ place_key: `console:T1:C1:${thread}`, source_url: `https://chat.example/C1/${thread}` }]);
  });

  it('ignores replies outside the thread and applies a retried delivery once', async () => {
    const thread = await startCounter();
    await engine.handle(reply('elsewhere', 'hello'));
    const r = reply(thread, 'one');
    await engine.handle(r);
    await engine.handle(r);
    expect(chat.sent.filter((s) => s.op === 'post').map((s) => s.card.text)).toEqual(['Counting sheep', 'Reply to count', 'Count 1']);
  });

  it('serialises concurrent events on one run: no update is lost', async () => {
    const thread = await startCounter();
    await Promise.all(Array.from({ length: 25 }, (_, i) => engine.handle(reply(thread, `r${i}`))));
    const [row] = await t.db.query("SELECT state, rev FROM flow_runs WHERE flow = 'counter'");
    expect(row?.rev).toBe(25);
    expect((row?.state as { count: number; seen: string[] }).count).toBe(25);
    expect(new Set((row?.state as { seen: string[] }).seen).size).toBe(25);
    const counts = chat.sent.filter((s) => s.op === 'post' && s.card.text.startsWith('Count ')).map((s) => s.op === 'post' && s.card.text);
    expect(counts).toEqual(Array.from({ length: 25 }, (_, i) => `Count ${i + 1}`));
  });

  it('commits a batch of events from different places together, and one that fails does not take the others with it', async () => {
    const thread = await startCounter();
    await engine.accept([command('count', 'goats'), reply(thread, 'one')]);
    await engine.accept([reply(thread, 'boom'), reply('elsewhere', 'not in a run')]);
    await engine.drained();
    const runs = await t.db.query("SELECT state->>'count' AS count FROM flow_runs WHERE flow = 'counter' ORDER BY created_at");
    expect(runs).toEqual([{ count: '1' }, { count: '0' }]);
    const texts = chat.sent.map((s) => ('card' in s ? s.card.text : ''));
    expect(texts).toContain('Counting goats');
    expect(texts.filter((x) => /something went wrong/.test(x))).toHaveLength(1);
  });

  it('keeps what it could not send and sends it, in order, once its back-off has passed', async () => {
    const thread = await startCounter();
    chat.failures = 2;
    await engine.handle(reply(thread, 'one'));
    await engine.handle(reply(thread, 'two'));
    expect(chat.sent.length).toBe(2);
    const [pending] = await t.db.query('SELECT count(*)::int AS n, max(attempts) AS attempts FROM outbox WHERE delivered_at IS NULL');
    // The first reply failed once and waits 5 s; the second waits behind it, untried, to keep the order.
    expect(pending).toEqual({ n: 2, attempts: 1 });
    now = new Date(now.getTime() + 4_000);
    await engine.delivery.sweep();
    expect(chat.sent.length).toBe(2);
    // Then it fails again, and waits three times as long.
    now = new Date(now.getTime() + 1_000);
    await engine.delivery.sweep();
    expect(chat.sent.length).toBe(2);
    now = new Date(now.getTime() + 14_000);
    await engine.delivery.sweep();
    expect(chat.sent.length).toBe(2);
    now = new Date(now.getTime() + 1_000);
    await engine.delivery.sweep();
    expect(chat.sent.slice(2).map(cardText)).toEqual(['Count 1', 'Count 2']);
    await engine.delivery.sweep();
    expect(chat.sent.length).toBe(4);
  });

  it('updates an earlier post in place and then treats the run as finished', async () => {
    const thread = await startCounter();
    await engine.handle(action(thread, 'counter:stop'));
    const update = chat.sent[2];
    expect(update?.op === 'update' && [update.ref.id, update.card.text]).toEqual([chat.sent[1]?.op === 'post' && chat.sent[1].id, 'Stopped']);
    await engine.handle(action(thread, 'counter:stop', person('sam')));
    expect(chat.sent[3]).toMatchObject({ op: 'whisper', to: { id: 'sam' } });
    expect(cardText(chat.sent[3])).toMatch(/already finished/);
  });

  it('answers an unknown command privately and starts nothing', async () => {
    await engine.handle(command('frobnicate', ''));
    expect(chat.sent).toEqual([expect.objectContaining({ op: 'whisper', place: channel })]);
    expect(cardText(chat.sent[0])).toMatch(/\/count help/);
    expect(await t.db.query('SELECT id FROM flow_runs')).toEqual([]);
  });

  it('closes a run whose stored state no longer fits its flow, politely', async () => {
    const thread = await startCounter();
    await t.db.query("UPDATE flow_runs SET state = '{\"count\":\"many\"}'");
    await engine.handle(reply(thread, 'one'));
    expect(cardText(chat.sent[2])).toMatch(/earlier version/);
    const [row] = await t.db.query('SELECT status FROM flow_runs');
    expect(row?.status).toBe('closed');
  });

  it('closes a run the channel refuses and tells its starter directly how to fix it', async () => {
    chat.closedChannels.add('C1');
    await engine.handle(command('count', 'sheep'));
    expect(chat.sent).toEqual([expect.objectContaining({ op: 'direct', to: expect.objectContaining({ id: 'alex' }) })]);
    expect(cardText(chat.sent[0])).toMatch(/invite/);
    const [row] = await t.db.query('SELECT status FROM flow_runs');
    expect(row?.status).toBe('closed');
    expect(await t.db.query('SELECT id FROM outbox WHERE delivered_at IS NULL')).toEqual([]);

    // Once invited, the same command works, and nothing from the refused run is sent after all.
    chat.closedChannels.clear();
    await engine.handle(command('count', 'goats'));
    await engine.delivery.sweep();
    expect(chat.sent.slice(1).map(cardText)).toEqual(['Counting goats', 'Reply to count']);
  });

  it('sends a private answer directly when the channel refuses it', async () => {
    chat.closedChannels.add('C1');
    await engine.handle(command('count', ''));
    expect(chat.sent).toEqual([expect.objectContaining({ op: 'direct', card: expect.objectContaining({ text: 'Say what to count' }) })]);
  });
});
