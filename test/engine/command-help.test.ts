// `/<command> help` for every command Mobilise has: its own help, whispered, and nothing started, searched or stored.
import { Engine } from '../../src/engine/engine';
import { createLogger } from '../../src/log';
import { recallLessons } from '../../src/lessons/recall/recall-lessons';
import { allFlows, allServices } from '../../src/main';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { channel, command, nextId, person } from '../support/events';
import { RecordingChat } from '../support/recording-chat';

const NOW = new Date('2026-11-21T10:00:00Z');
const commands = [...allFlows, ...allServices].map((c) => ({ name: c.command, help: () => c.help() }));
const HELP_WORDS = ['help', ' HELP ', '--help', '?'];

describe.each(dbKinds)('help for every command, on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;

  // One database for the file (migrating is slow); each test has its own channel and its own chat.
  let place = channel;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterAll(() => t.drop());
  beforeEach(() => {
    place = { ...channel, channel: nextId('C') };
    chat = new RecordingChat();
    engine = new Engine({ db: t.db, flows: allFlows, services: allServices, chat: () => chat, clock: () => NOW, log: createLogger('silent'), recall: recallLessons });
  });

  const TABLES = ['flow_runs', 'outbox', 'lessons', 'coffee_programmes', 'communities'];
  const stored = async (): Promise<unknown[]> => Promise.all(TABLES.map((table) => t.db.query(`SELECT count(*)::int AS n FROM ${table}`)));

  it('knows the six commands', () => {
    expect(commands.map((c) => c.name).sort()).toEqual(['aar', 'bar', 'coffee', 'cop', 'learn', 'lessons']);
  });

  it.each(commands.flatMap((c) => HELP_WORDS.map((word) => [c.name, word] as const)))('/%s %j whispers that command’s help and changes nothing', async (name, word) => {
    const help = commands.find((c) => c.name === name)?.help();
    const before = await stored();
    await engine.handle(command(name, word, person('alex'), place));
    expect(chat.sent).toEqual([{ op: 'whisper', place, to: person('alex'), card: help }]);
    expect(await stored()).toEqual(before);
  });

  it('gives help, not "already running", for /aar help said inside a running review’s thread (as Teams sends it)', async () => {
    await engine.handle(command('aar', 'Ward 9 handover', person('alex'), place));
    const parent = chat.sent[0];
    if (parent?.op !== 'post') throw new Error('no review started');
    const before = chat.sent.length;
    await engine.handle(command('aar', 'help', person('sam'), { ...place, thread: parent.id }));
    expect(chat.sent.slice(before)).toEqual([expect.objectContaining({ op: 'whisper', to: person('sam'), card: allFlows[0]?.help() })]);
    // The review carries on as before: the next reply is still its first answer.
    expect(await t.db.query("SELECT status, state->>'title' AS title FROM flow_runs WHERE place->>'channel' = $1", [place.channel])).toEqual([
      { status: 'active', title: 'Ward 9 handover' },
    ]);
  });

  it('still reads "help" inside longer text as what it says: a title, or words to search for', async () => {
    await engine.handle(command('lessons', 'help desk', person('alex'), place));
    expect(chat.sent.map((s) => ('card' in s ? s.card.text : ''))).toEqual([expect.stringMatching(/no lessons yet|no lessons for "help desk"/)]);
    await engine.handle(command('aar', 'Help desk outage', person('alex'), place));
    expect(await t.db.query("SELECT state->>'title' AS title FROM flow_runs WHERE place->>'channel' = $1", [place.channel])).toEqual([{ title: 'Help desk outage' }]);
  });
});
