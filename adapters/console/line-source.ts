// Queues typed lines from the moment the reader opens, so none are lost while a line is being handled.
import type { Interface } from 'node:readline';

export interface LineSource {
  /** The next line, or undefined once the input has ended. */
  next(): Promise<string | undefined>;
}

export function lineSource(reader: Interface): LineSource {
  const queued: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  let ended = false;

  reader.on('line', (line: string) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(line);
    } else {
      queued.push(line);
    }
  });
  reader.on('close', () => {
    ended = true;
    waiting?.(undefined);
    waiting = undefined;
  });

  return {
    next() {
      const line = queued.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
  };
}
