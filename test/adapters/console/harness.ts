// Drives the console adapter with strings, and records what it hands to the core.
import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../../adapters/console';
import type { FormChecker } from '../../../src/core/form-check';
import type { Inbound } from '../../../src/core/model';
import type { InboundHandler } from '../../../src/core/inbound-handler';
import type { ChatPort } from '../../../src/core/ports';
import type { Lesson } from '../../../src/lessons/lesson';

/** Plays the engine: called for each event with the adapter's chat port. */
export type Reaction = (event: Inbound, chat: ChatPort) => Promise<void>;

export class RecordingHandler implements InboundHandler {
  readonly events: Inbound[] = [];
  chat: ChatPort | undefined;

  constructor(private readonly react: Reaction = async () => undefined) {}

  async handle(event: Inbound): Promise<void> {
    this.events.push(event);
    if (!this.chat) throw new Error('chat port not connected');
    await this.react(event, this.chat);
  }
}

export interface Sandbox {
  handler: RecordingHandler;
  input: PassThrough;
  /** Everything printed so far. */
  output(): string;
  run(): Promise<void>;
  type(...lines: string[]): void;
}

export function sandbox(react?: Reaction, lessons: Lesson[] = [], extra: { sessionFile?: string; later?: (ms: number) => Promise<Date>; sessionTag?: string; forms?: FormChecker } = {}): Sandbox & { movedOnMs: number } {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const handler = new RecordingHandler(react);
  const adapter = createConsoleAdapter({
    input,
    output,
    handler,
    lessons: { list: async (tenant) => (tenant === 'local' ? lessons : []) },
    sessionTag: 'test',
    ...extra,
  });
  handler.chat = adapter.chat;
  return {
    handler,
    input,
    movedOnMs: adapter.movedOnMs,
    output: () => printed,
    run: () => adapter.run(),
    type: (...lines) => {
      for (const line of lines) input.write(`${line}\n`);
    },
  };
}

/** Types the lines, ends the input and waits for the sandbox to finish. */
export async function play(lines: string[], react?: Reaction, lessons?: Lesson[], forms?: FormChecker): Promise<Sandbox> {
  const box = sandbox(react, lessons, forms === undefined ? {} : { forms });
  const running = box.run();
  box.type(...lines);
  box.input.end();
  await running;
  return box;
}
