// The one database seam: a Postgres server through `pg`, or embedded PGlite. Same SQL on both.

export type Row = Record<string, unknown>;

export interface Sql {
  query(text: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements at once, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'server' | 'embedded';
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs fn while holding a lock named `key` across every process sharing the database; waits for it. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Like withLock, but gives up at once when another holds it. fn gets the lock's own connection. */
  tryLock<T>(key: string, fn: (q: Sql) => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
