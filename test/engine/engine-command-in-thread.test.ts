// Platforms whose commands arrive inside a thread (Teams reply chains and chats): the run opens there.
import { Engine, type AnyFlow } from '../../src/engine/engine';
import { createLogger } from '../../src/log';
import { migrate } from '../../src/store/migrate';
import { counterFlow } from '../support/counter-flow';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { channel, nextId, person, reply } from '../support/events';
import { RecordingChat } from '../support/recording-chat';
import type { Inbound } from '../../src/core/model';

const now = new Date('2026-11-21T10:00:00Z');
const chain = { ...channel, thread: 'root-1' };

const commandInChain = (text: string): Inbound => ({
  kind: 'command', name: 'count', text, from: person('alex'), place: chain, deliveryId: nextId('cmd'),
});

describe.each(dbKinds)('engine: a command said in a thread, on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;

  beforeEach(async () => {
    t = await freshDatabase(kind, 6);
    await migrate(t.db);
    chat = new RecordingChat();
    chat.threadsStayPut = true;
    engine = new Engine({ db: t.db, flows: [counterFlow as AnyFlow], chat: () => chat, clock: () => now, log: createLogger('silent') });
  });
  afterEach(() => t.drop());

  it('opens the run in that thread, keyed by it, and hears replies there', async () => {
    await engine.handle(commandInChain('sheep'));
    expect(chat.sent.map((s) => s.op === 'post' && [s.card.text, s.place.thread])).toEqual([
      ['Counting sheep', 'root-1'],
      ['Reply to count', 'root-1'],
    ]);
    expect(await t.db.query('SELECT place_key FROM flow_runs')).toEqual([{ place_key: 'console:T1:C1:root-1' }]);
    await engine.handle(reply('root-1', 'one'));
    expect(chat.sent.at(-1)).toMatchObject({ op: 'post', card: { text: 'Count 1' }, place: chain });
  });

  it('gives a second command in the same thread to the run already there, starting nothing new', async () => {
    await engine.handle(commandInChain('sheep'));
    await engine.handle(commandInChain('goats'));
    // The run saw it (its revision moved on) and said nothing; no "already running" notice either.
    expect(await t.db.query('SELECT rev, status FROM flow_runs')).toEqual([{ rev: 1, status: 'active' }]);
    expect(chat.sent.filter((s) => s.op === 'whisper' || s.op === 'direct')).toEqual([]);
    expect(chat.sent.filter((s) => s.op === 'post').map((s) => s.op === 'post' && s.card.text)).toEqual(['Counting sheep', 'Reply to count']);
  });
});
