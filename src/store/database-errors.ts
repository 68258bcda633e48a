// Which failures mean "the database cannot be reached or is too busy now" (try again later) rather than "this is wrong".

/** Thrown instead of a database failure that trying again later can cure; what was asked is not done. */
export class DatabaseUnavailable extends Error {
  constructor(reason: string) {
    super(`the database is unavailable: ${reason}`);
    this.name = 'DatabaseUnavailable';
  }
}

/**
 * SQLSTATE classes and codes from https://www.postgresql.org/docs/current/errcodes-appendix.html:
 * 08 connection exception, 53 insufficient resources, 57P01-57P03 shutdown or starting up,
 * 57014 a statement cancelled by statement_timeout (a stalled server), 40001/40P01 a conflict that a retry clears.
 */
const RETRYABLE_STATES = /^(08|53|57P0[123]$|57014$|40001$|40P01$)/;

/** Node socket errors on the way to the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/** node-postgres reports these without a code (pg and pg-pool lib/*.js). */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'connection lost',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end on the pool',
];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailable) return true;
  if (typeof err !== 'object' || err === null) return false;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  if (code !== undefined && (NETWORK_CODES.has(code) || (code.length === 5 && RETRYABLE_STATES.test(code)))) return true;
  const message = err instanceof Error ? err.message : '';
  return PG_MESSAGES.some((m) => message.includes(m));
}
