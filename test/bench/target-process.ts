// Child-process entry: one bench target (Mobilise or the floor) alone in its process, so its RSS is its own.
import path from 'node:path';
import { z } from 'zod';
import { targetCommandSchema } from './reply-messages';
import type { Target } from './target-base';

const argsSchema = z.union([
  z.tuple([z.literal('floor'), z.url()]),
  z.tuple([z.literal('mobilise'), z.url(), z.string().regex(/^postgres(ql)?:\/\//)]),
]);

async function main(): Promise<void> {
  const send = (message: unknown): void => {
    process.send?.(message);
  };
  const args = argsSchema.safeParse(process.argv.slice(2));
  if (!args.success) {
    send({ error: `target process: ${args.error.issues[0]?.message ?? 'bad arguments'}` });
    process.exit(2);
  }
  let target: Target;
  try {
    // Loaded on demand: the floor's process must not carry Mobilise's modules in its RSS.
    target =
      args.data[0] === 'floor'
        ? await (await import('./floor.js')).startFloor(args.data[1])
        : await (await import('./targets.js')).startMobiliseTarget(args.data[2], args.data[1], path.resolve('spool'));
  } catch (err) {
    send({ error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
  let closing = false;
  const close = (): void => {
    if (closing) return;
    closing = true;
    void target.close().finally(() => process.exit(0));
  };
  process.on('message', (message: unknown) => {
    if (targetCommandSchema.safeParse(message).success) close();
  });
  // The bench went away without asking: leave no orphan serving on a port.
  process.on('disconnect', close);
  send({ url: target.url });
}

void main();
