// A throwaway database on the Postgres server for one bench run, dropped at the end.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { z } from 'zod';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
const urlSchema = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL');

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; blank counts as unset. */
export function adminUrlFrom(env: NodeJS.ProcessEnv): string {
  const chosen = [env.BENCH_DATABASE_URL, env.TEST_DATABASE_URL].find((v) => v !== undefined && v.trim() !== '');
  const parsed = urlSchema.safeParse(chosen ?? DEFAULT_ADMIN_URL);
  if (!parsed.success) throw new Error(`BENCH_DATABASE_URL / TEST_DATABASE_URL ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return parsed.data;
}

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `mobilise_bench_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
