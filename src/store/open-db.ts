import type { Db } from './db';
import { openServerDb } from './pg-db';
import { openEmbeddedDb } from './pglite-db';

/** A server when a URL is given, otherwise embedded PGlite in dataDir. */
export async function openDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return opts.databaseUrl ? openServerDb(opts.databaseUrl) : openEmbeddedDb(opts.dataDir);
}
