// What the outbox does when a platform keeps failing a message: a few attempts over about two minutes, then the message
// is given up, the rest of its conversation goes on, and whoever was waiting hears so. Nothing is ever sent twice.
import { Refused, RetryLater } from '../../src/core/ports';
import { Engine, type AnyFlow } from '../../src/engine/engine';
import { createLogger } from '../../src/log';
import { migrate } from '../../src/store/migrate';
import { counterFlow, startCounter as startCounterOn } from '../support/counter-flow';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { command, person, reply } from '../support/events';
import { RecordingChat, type Sent } from '../support/recording-chat';

const textOf = (s: Sent | undefined): string => (s && 'card' in s ? s.card.text : '');

describe.each(dbKinds)('delivery failures on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;
  let now: Date;

  beforeEach(async () => {
    t = await freshDatabase(kind, 4);
    await migrate(t.db);
    chat = new RecordingChat();
    now = new Date('2026-12-02T10:00:00Z');
    engine = new Engine({ db: t.db, flows: [counterFlow as AnyFlow], chat: () => chat, clock: () => now, log: createLogger('silent'), random: () => 0 });
  });
  afterEach(() => t.drop());

  const startCounter = (): Promise<string> => startCounterOn(engine, chat);
  const later = async (ms: number): Promise<void> => {
    now = new Date(now.getTime() + ms);
    await engine.delivery.sweep();
  };
  const pending = async (): Promise<unknown[]> => t.db.query('SELECT attempts FROM outbox WHERE delivered_at IS NULL ORDER BY id');

  it('tries a failing message four times in about a minute, gives it up, sends the rest and tells the facilitator', async () => {
    const thread = await startCounter();
    const failing = (): RetryLater => new RetryLater('Teams answered 502 ServiceError');
    chat.failWith.push(failing(), failing(), failing(), failing());
    await engine.handle(reply(thread, 'one'));
    await engine.handle(reply(thread, 'two'));
    // "Count 1" waits for its retry, and "Count 2" behind it keeps the order.
    expect(await pending()).toEqual([{ attempts: 1 }, { attempts: 0 }]);
    await later(5_000);
    await later(15_000);
    expect(await pending()).toEqual([{ attempts: 3 }, { attempts: 0 }]);
    await later(39_999);
    expect(await pending()).toEqual([{ attempts: 3 }, { attempts: 0 }]);
    await later(1);
    // Given up after 60 s: the next message goes, and the facilitator hears once, directly.
    expect(await pending()).toEqual([]);
    expect(chat.sent.slice(2).map((s) => [s.op, textOf(s)])).toEqual([
      ['direct', expect.stringMatching(/could not be delivered/)],
      ['post', 'Count 2'],
    ]);
    expect(chat.sent.filter((s) => textOf(s) === 'Count 1')).toEqual([]);
    const [given] = await t.db.query("SELECT last_error FROM outbox WHERE message->'card'->>'text' = 'Count 1'");
    expect(given).toEqual({ last_error: 'try again later: Teams answered 502 ServiceError' });
  });

  it('gives up at once on a message the platform refuses for good, and carries on', async () => {
    const thread = await startCounter();
    chat.failWith.push(new Refused('Teams answered 413 MessageSizeTooBig'));
    await engine.handle(reply(thread, 'one'));
    await engine.handle(reply(thread, 'two'));
    expect(await pending()).toEqual([]);
    expect(chat.sent.slice(2).map((s) => [s.op, textOf(s)])).toEqual([
      ['direct', expect.stringMatching(/could not be delivered/)],
      ['post', 'Count 2'],
    ]);
  });

  it('ends a run whose opening post is given up, since it has no thread to carry on in, and tells its starter', async () => {
    chat.failWith.push(new Refused('Teams answered 400 BadArgument'));
    await engine.handle(command('count', 'sheep'));
    expect(chat.sent.map((s) => [s.op, textOf(s)])).toEqual([['direct', expect.stringMatching(/could not be delivered/)]]);
    expect(await t.db.query('SELECT status FROM flow_runs')).toEqual([{ status: 'closed' }]);
    expect(await pending()).toEqual([]);
  });

  it('sends a whisper it had to give up to the person directly instead', async () => {
    const thread = await startCounter();
    chat.failWith.push(new Refused('Slack: invalid_blocks'));
    await engine.handle(reply(thread, 'psst', person('sam')));
    expect(chat.sent.slice(2)).toEqual([expect.objectContaining({ op: 'direct', to: expect.objectContaining({ id: 'sam' }), card: expect.objectContaining({ text: 'Just for you' }) })]);
  });

  it('waits as long as the platform asks, within the bound', async () => {
    const thread = await startCounter();
    chat.failWith.push(new RetryLater('Slack: rate limited', 2_000));
    await engine.handle(reply(thread, 'one'));
    await later(1_999);
    expect(chat.sent).toHaveLength(2);
    await later(1);
    expect(chat.sent.slice(2).map(textOf)).toEqual(['Count 1']);
  });

  it('never sends again a post the platform took without naming it, and leaves its update alone', async () => {
    chat.unnamedPosts = 2;
    await engine.handle(command('count', 'sheep'));
    const [first] = await t.db.query("SELECT delivered_at IS NOT NULL AS delivered, posted FROM outbox WHERE key = 'first'");
    expect(first).toMatchObject({ delivered: true });
    await engine.delivery.sweep();
    expect(chat.sent.map(textOf)).toEqual(['Counting sheep', 'Reply to count']);
    // Stopping updates 'first', which has no id to update: nothing is sent, nothing is retried.
    await engine.handle({ kind: 'action', action: 'counter:stop', from: person('alex'), place: { platform: 'console', tenant: 'T1', channel: 'C1' }, deliveryId: 'stop-1' });
    await engine.delivery.sweep();
    expect(chat.sent.map((s) => s.op)).toEqual(['post', 'post']);
    expect(await t.db.query("SELECT attempts FROM outbox WHERE message->>'kind' = 'update' AND delivered_at IS NOT NULL")).toEqual([{ attempts: 1 }]);
    expect(await pending()).toEqual([]);
  });
});
