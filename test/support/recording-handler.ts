// Our InboundHandler interface, implemented as a list the test reads; optionally holds each event until released.
import type { InboundHandler } from '../../src/core/inbound-handler';
import type { Inbound } from '../../src/core/model';

export interface RecordingHandler extends InboundHandler {
  events: Inbound[];
  /** Resolves once at least count events have arrived. */
  waitForEvents(count: number, timeoutMs?: number): Promise<Inbound[]>;
  /** From now on handle() waits until release() (to show the ack does not wait for the work). */
  hold(): void;
  release(): void;
  /** Events whose handle() has returned. */
  finished: number;
  /** The next handle() rejects with this error (after recording the event). */
  failNext(error: Error): void;
}

export function recordingHandler(): RecordingHandler {
  const waiters = new Set<() => void>();
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let failure: Error | undefined;
  const handler: RecordingHandler = {
    events: [],
    finished: 0,
    async handle(event) {
      handler.events.push(event);
      for (const wake of [...waiters]) wake();
      if (gate !== undefined) await gate;
      const error = failure;
      failure = undefined;
      handler.finished += 1;
      if (error !== undefined) throw error;
    },
    waitForEvents(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (handler.events.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(handler.events);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} inbound events in ${timeoutMs} ms, got ${handler.events.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      open?.();
      gate = undefined;
    },
    failNext(error) {
      failure = error;
    },
  };
  return handler;
}
