// A minimal flow for engine tests: it counts replies in its thread and says each count.
import { z } from 'zod';
import { card } from '../../src/core/card';
import type { Flow } from '../../src/core/flow';
import type { InboundHandler } from '../../src/core/inbound-handler';
import { command } from './events';
import type { RecordingChat } from './recording-chat';

const stateSchema = z.object({ count: z.number(), seen: z.array(z.string()) });
export type CounterState = z.infer<typeof stateSchema>;

export const counterFlow: Flow<CounterState> = {
  id: 'counter',
  version: 1,
  command: 'count',
  help: () => card('Counts replies in its thread'),
  stateSchema,
  start(input) {
    if (!input.text) return { state: null, done: true, say: [{ kind: 'whisper', to: input.from, card: card('Say what to count') }] };
    return {
      state: { count: 0, seen: [] },
      say: [
        { kind: 'post', in: 'channel', anchor: true, key: 'parent', card: card(`Counting ${input.text}`) },
        { kind: 'post', in: 'thread', key: 'first', card: card('Reply to count') },
      ],
    };
  },
  on(state, event) {
    // A private word, so tests can see what happens to a whisper the platform will not deliver.
    // A bug in a flow, so tests can see that one failing event does not take others with it.
    if (event.kind === 'reply' && event.text === 'boom') throw new Error('a bug in the counter');
    if (event.kind === 'reply' && event.text === 'psst') return { state, say: [{ kind: 'whisper', to: event.from, card: card('Just for you') }] };
    if (event.kind === 'reply') {
      const count = state.count + 1;
      return { state: { count, seen: [...state.seen, event.messageId] }, say: [{ kind: 'post', in: 'thread', card: card(`Count ${count}`) }] };
    }
    if (event.kind === 'action' && event.action === 'counter:stop') {
      return { state, say: [{ kind: 'update', key: 'first', card: card('Stopped') }], done: true };
    }
    return { state, say: [] };
  },
};

/** Starts counting sheep and returns the parent post's id, which names the thread replies go to. */
export async function startCounter(engine: InboundHandler, chat: RecordingChat): Promise<string> {
  await engine.handle(command('count', 'sheep'));
  const parent = chat.sent[0];
  if (parent?.op !== 'post') throw new Error('no parent post');
  return parent.id;
}
