// Every command Mobilise suggests, typed as suggested, gets a sensible answer: never "unknown", an error, or a search for "help".
import type { Card } from '../../src/core/card';
import { isHelpRequest } from '../../src/core/help';
import { Engine } from '../../src/engine/engine';
import { recallLessons } from '../../src/lessons/recall/recall-lessons';
import { createLogger } from '../../src/log';
import { allFlows, allServices } from '../../src/main';
import { migrate } from '../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { channel, command, nextId, person } from '../support/events';
import { RecordingChat, type Sent } from '../support/recording-chat';
import { collectSuggestions } from '../support/suggestions';

const NOW = new Date('2026-11-21T10:00:00Z');
const COMMANDS = [...allFlows, ...allServices];
const names = COMMANDS.map((c) => c.command);
const suggestions = collectSuggestions(names);

/** Answers that mean the suggestion did not work as written. */
const MISREAD = [
  /doesn't know `\//, // the unknown-command notice
  /something went wrong/i,
  /I don't know "\//, // a verb /coffee or /cop does not have
  /doesn't take anything after it/,
  /lessons for "(help|--help|-h|\?)"/i, // a search for the word "help"
];
// "<problem>. For example: /cop ..." is how a command says it could not read what followed it.
const PROBLEM = /\. For example: \//;

const textOf = (s: Sent): string => ('card' in s ? s.card.text : s.op === 'form' ? s.form.title : '');

/** What was wrong with the answer to `/<name> <text>`, or undefined when it is sensible. */
function misread(name: string, text: string, answer: Sent[]): string | undefined {
  if (answer.length === 0) return 'no answer';
  const texts = answer.map(textOf);
  const bad = texts.find((t) => MISREAD.some((m) => m.test(t)));
  if (bad !== undefined) return bad;
  // A bare verb may be answered with what it needs ("Please say how long..."); an example must just work.
  const problem = texts.find((t) => PROBLEM.test(t) && !t.startsWith('Please'));
  if (problem !== undefined) return problem;
  if (!isHelpRequest(text)) return undefined;
  const help: Card | undefined = COMMANDS.find((c) => c.command === name)?.help();
  const whispered = answer.length === 1 && answer[0]?.op === 'whisper' ? answer[0].card : undefined;
  return JSON.stringify(whispered) === JSON.stringify(help) ? undefined : `not /${name}'s help: ${texts.join(' | ')}`;
}

describe.each(dbKinds)('what Mobilise suggests, on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;

  // One database for the file; each suggestion is tried in a channel of its own, as someone new to it would.
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
  });
  afterAll(() => t.drop());
  beforeEach(() => {
    chat = new RecordingChat();
    engine = new Engine({ db: t.db, flows: allFlows, services: allServices, chat: () => chat, clock: () => NOW, log: createLogger('silent'), recall: recallLessons });
  });

  const tryCommand = async (name: string, text: string): Promise<Sent[]> => {
    const place = { ...channel, channel: nextId('C') };
    const before = chat.sent.length;
    await engine.handle(command(name, text, person('alex'), place));
    return chat.sent.slice(before);
  };

  it('finds the suggestions in what Mobilise says, for every command', () => {
    expect(new Set(suggestions.map((s) => s.name))).toEqual(new Set(names));
    expect(suggestions.length).toBeGreaterThan(50);
  });

  it('suggests only commands that answer help, when it does not know a command', async () => {
    const [notice] = await tryCommand('foo', 'help');
    const suggested = [...textOf(notice ?? ({} as Sent)).matchAll(/`\/([^`\s]+) ([^`]*)`/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const);
    expect(suggested.map(([name]) => name).sort()).toEqual([...names].sort());
    for (const [name, text] of suggested) expect([`/${name} ${text}`, misread(name, text, await tryCommand(name, text))]).toEqual([`/${name} ${text}`, undefined]);
  });

  it.each(suggestions.map((s) => [s.written, s.file, s] as const))('%s (%s) works as suggested', async (_written, _file, s) => {
    expect(misread(s.name, s.text, await tryCommand(s.name, s.text))).toBeUndefined();
  });
});
