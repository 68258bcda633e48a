// A feature that answers a slash command and its buttons and forms directly, without a conversation run
// (coffee programmes live in their own tables, not in a thread).
import type { Sql } from '../store/db';
import type { Outgoing } from './flow';
import type { Card } from './card';
import type { FormChecks } from './form-check';
import type { Inbound, Person } from './model';

export interface ServiceReply {
  /** Said at once to the event's place (whispers, forms); nothing is stored, so nothing is retried. */
  say: Outgoing[];
  /** Outbox streams the service wrote to in the transaction, delivered after commit. */
  streams?: string[];
}

/** A reply only `to` sees. */
export function whisperReply(to: Person, ...cards: Card[]): ServiceReply {
  return { say: cards.map((card) => ({ kind: 'whisper' as const, to, card })) };
}

export interface CommandService {
  /** Slash command without the slash, e.g. 'coffee'. */
  command: string;
  /** Actions and forms whose id starts with this (e.g. 'coffee:') are the service's. */
  prefix: string;
  /** What `/<command> help` whispers (the engine answers it, so `handle` never sees the word "help" alone). */
  help(): Card;
  /**
   * Runs inside the event's transaction: its writes and the delivery id commit together. Every id it reads from a
   * button, form or command is looked up in `organisationOf(event)` only; one found nowhere there gets `refuseButton`.
   */
  handle(tx: Sql, event: Inbound, now: Date): Promise<ServiceReply>;
  /** How each of its forms' answers are checked before they are accepted (see form-check.ts). */
  formChecks?: FormChecks;
}
