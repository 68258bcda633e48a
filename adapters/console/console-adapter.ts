// Runs Mobilise in a terminal (or any pair of streams), so a newcomer can play a whole team.
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { FormChecker } from '../../src/core/form-check';
import type { InboundHandler } from '../../src/core/inbound-handler';
import type { ChatPort } from '../../src/core/ports';
import { createConsoleChat, type Screen } from './console-chat';
import { ConsoleLoop, oneLine, type LessonList } from './console-loop';
import { ConsoleSession } from './console-session';
import { welcomeText } from './help-text';
import { loadSession, saveSession } from './session-file';
import { lineSource } from './line-source';
import { styleFor } from './style';

export const DEFAULT_PEOPLE = ['Alex', 'Sam', 'Priya'];

export interface ConsoleAdapterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  handler: InboundHandler;
  /** Checks each form answer as it is given. */
  forms?: FormChecker;
  lessons: LessonList;
  /** Sandbox time travel for `/later`: moves the clock on and runs what fell due. */
  later?: (ms: number) => Promise<Date>;
  /** The first speaks first (the facilitator); the rest are suggested for /as. */
  people?: string[];
  /** Goes into every id; defaults to the start time, so ids never repeat across sittings. */
  sessionTag?: string;
  /** Where the sitting is kept between runs (beside the database); without it, each run starts afresh. */
  sessionFile?: string;
}

export interface ConsoleAdapter {
  chat: ChatPort;
  /** How far /later moved the clock in earlier sittings: the caller's clock starts there. */
  movedOnMs: number;
  /** Resolves on /quit or at the end of the input. */
  run(): Promise<void>;
}

export function createConsoleAdapter(options: ConsoleAdapterOptions): ConsoleAdapter {
  const { input, output, handler, lessons } = options;
  const people = options.people && options.people.length > 0 ? options.people : DEFAULT_PEOPLE;
  const session = new ConsoleSession(people, options.sessionTag ?? Date.now().toString(36));
  const saved = options.sessionFile === undefined ? ({ kind: 'none' } as const) : loadSession(options.sessionFile);
  if (saved.kind === 'loaded') session.restore(saved.snapshot);
  let keepFailed = false;
  const keep = (): void => {
    if (options.sessionFile === undefined || keepFailed) return;
    try {
      saveSession(options.sessionFile, session.snapshot());
    } catch (error) {
      // Said once: the sandbox still works, it just will not carry on after a restart.
      keepFailed = true;
      screen.show([`The sandbox could not be saved to ${options.sessionFile} (${oneLine(error)}); a restart will start afresh.`]);
    }
  };
  const isTerminal = (output as { isTTY?: unknown }).isTTY === true && (input as { isTTY?: unknown }).isTTY === true;
  let redraw: (() => void) | undefined;

  const screen: Screen = {
    style: styleFor(output),
    show(lines) {
      // In a terminal, print above the half-typed line and then put the prompt back.
      if (redraw) {
        clearLine(output, 0);
        cursorTo(output, 0);
      }
      output.write(`${lines.join('\n')}\n`);
      redraw?.();
    },
  };
  const loop = new ConsoleLoop(session, screen, handler, lessons, options.later);
  const chat = createConsoleChat(session, screen, loop.forms.add, options.forms);

  async function run(): Promise<void> {
    const reader = createInterface({ input, output: isTerminal ? output : undefined, terminal: isTerminal });
    const lines = lineSource(reader);
    const prompt = () => {
      reader.setPrompt(loop.promptText());
      reader.prompt(true);
    };
    screen.show(['', ...welcomeText(session.speaker.name ?? session.speaker.id, session.others()), '']);
    if (saved.kind === 'loaded') {
      const threads = session.threads().length;
      screen.show([`Carrying on from last time: ${threads} thread${threads === 1 ? '' : 's'} (/thread lists them). You are ${session.speaker.name ?? session.speaker.id}.`, '']);
    }
    if (saved.kind === 'unreadable') screen.show([`The saved sandbox in ${options.sessionFile ?? ''} could not be read (${saved.problem}), so this one starts afresh.`, '']);
    if (isTerminal) {
      redraw = prompt;
      prompt();
    }
    try {
      for (let raw = await lines.next(); raw !== undefined; raw = await lines.next()) {
        // Without a terminal nothing echoes the typing, so show it for a readable transcript.
        if (!isTerminal && (raw.trim() !== '' || loop.forms.isOpen)) output.write(`${loop.promptText()}${raw}\n`);
        const keepGoing = await loop.line(raw).catch((error: unknown) => {
          screen.show([`That did not work: ${oneLine(error)}`]);
          return true;
        });
        keep();
        if (!keepGoing) break;
        if (isTerminal) prompt();
      }
    } finally {
      redraw = undefined;
      reader.close();
    }
    screen.show(['Goodbye.']);
  }

  return { chat, run, movedOnMs: session.movedOnMs };
}
