import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db';

const MIGRATION_FILE = /^(\d{3,})_[a-z0-9_]+\.sql$/;

/** migrations/ lives at the package root, whether we run from src/ (tsx) or dist/src/ (node). */
export function migrationsDir(from = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'migrations');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the migrations folder');
    dir = parent;
  }
}

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((name) => ({ version: name.split('_')[0] ?? name, name, sql: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Applies pending migrations in order, each in its own transaction, under a cross-process lock. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  return db.withLock('mobilise:migrate', async () => {
    // The bookkeeping table itself is the one thing created on demand.
    await db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await db.query('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => String(r.version)));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await db.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      });
      applied.push(m.name);
    }
    return applied;
  });
}
