// The life of an end-to-end run in a test file: opened on a fresh database before its tests, closed after them.
import { createServerDatabase, type DbKind } from './databases';

/**
 * Registers beforeAll/afterAll: `open` starts what the run needs on the embedded database (no url) or, for 'server',
 * a throwaway one on the server; `close` stops it before that database is dropped. Returns a reader of what `open` gave.
 */
export function useE2eRun<T>(kind: DbKind | undefined, open: (databaseUrl: string | undefined) => Promise<T>, close: (run: T) => Promise<void>): () => T {
  let run: T | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (kind === 'server') ({ url: databaseUrl, dropDatabase: drop } = await createServerDatabase());
    run = await open(databaseUrl);
  });
  // Safe whatever beforeAll got as far as; the server database is dropped even if closing the run throws.
  afterAll(async () => {
    try {
      if (run !== undefined) await close(run);
    } finally {
      await drop?.();
    }
  });
  return () => {
    if (run === undefined) throw new Error('the end-to-end run is not open: read it inside a test or a later hook');
    return run;
  };
}
