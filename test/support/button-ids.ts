// Every button and form id written in the code, and a dump of every table, for tests that press them all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from '../../src/store/db';

/** Every action and form id written in src/ and flows/, so a new button is covered without anyone listing it. */
export function idsInCode(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/'((?:coffee|lessons|cop|aar|bar):[a-z][a-z:-]*[a-z])'/g)) ids.add(m[1] ?? '');
    }
  };
  for (const root of ['src', 'flows']) walk(join(__dirname, '..', '..', root));
  return [...ids].sort();
}

/** Every row of every table but `except`, in a stable order, to compare before and after. */
export async function dumpTables(q: Sql, except: readonly string[] = ['processed_deliveries', 'schema_migrations']): Promise<Record<string, string[]>> {
  const tables = (await q.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)).map(
    (r) => String(r.table_name),
  );
  const out: Record<string, string[]> = {};
  for (const table of tables.filter((t) => !except.includes(t))) {
    const rows = await q.query(`SELECT to_jsonb(t) AS row FROM ${table} t`);
    out[table] = rows.map((r) => JSON.stringify(r.row)).sort();
  }
  return out;
}
