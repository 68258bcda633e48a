// A TypeScript worker thread with one request at a time, each answer checked with zod and time-bounded.
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';

export interface WorkerChannel {
  /** Posts message and resolves with the worker's next message, parsed; rejects after timeoutMs. */
  ask<T>(message: unknown, schema: z.ZodType<T>, timeoutMs: number): Promise<T>;
  /** Resolves with the worker's next message, parsed (e.g. its first 'ready'). */
  next<T>(schema: z.ZodType<T>, timeoutMs: number): Promise<T>;
  terminate(): Promise<void>;
}

/** Starts file (a .ts module) in a worker; tsx compiles it there too. */
export function startTsWorker(file: string, workerData?: unknown): WorkerChannel {
  const worker = new Worker(file, { workerData, execArgv: ['--require', require.resolve('tsx/cjs')] });
  let failure: Error | undefined;
  worker.on('error', (err) => {
    failure = err;
  });

  const next = <T>(schema: z.ZodType<T>, timeoutMs: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (message: unknown): void => {
        done();
        const parsed = schema.safeParse(message);
        if (parsed.success) resolve(parsed.data);
        else reject(new Error(`worker ${file} sent an unexpected message: ${parsed.error.issues[0]?.message ?? ''}`));
      };
      const onError = (err: Error): void => {
        done();
        reject(err);
      };
      const onExit = (code: number): void => {
        done();
        reject(new Error(`worker ${file} stopped with code ${code}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`worker ${file} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });

  return {
    next,
    ask(message, schema, timeoutMs) {
      const answer = next(schema, timeoutMs);
      worker.postMessage(message);
      return answer;
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
