// What the core asks of a chat platform; each adapter implements it.
import type { Card, FormSpec } from './card';
import type { Person, Place } from './model';

export interface PostedRef {
  place: Place;
  /** Platform message id (Slack ts, Teams activity id); absent when the platform took the message without naming it. */
  id?: string;
  /** A link people can follow to the message, when the platform has one. */
  url?: string;
  /**
   * Where replies to this post arrive: in a thread of its own (Slack, the default), or in the place it was
   * posted to (a Teams reply chain, or a Teams chat, which has no threads).
   */
  repliesIn?: 'thread' | 'place';
}

/** A post the platform named, so it can be updated or linked to. */
export type NamedRef = PostedRef & { id: string };

export function isNamed(ref: PostedRef): ref is NamedRef {
  return ref.id !== undefined && ref.id !== '';
}

/** The platform will not let the bot post in this place (not invited, archived, gone). Retrying won't help. */
export class PlaceUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`cannot post here: ${reason}`);
    this.name = 'PlaceUnavailable';
  }
}

/**
 * The platform did not take the message but may soon (a rate limit, a busy or briefly failing service): try again,
 * after `afterMs` when it said how long, else after Mobilise's own back-off.
 */
export class RetryLater extends Error {
  constructor(
    readonly reason: string,
    readonly afterMs?: number,
  ) {
    super(afterMs === undefined ? `try again later: ${reason}` : `try again in ${afterMs} ms: ${reason}`);
    this.name = 'RetryLater';
  }
}

/** The platform refused this message for good (malformed, too large, or an error it says not to retry). */
export class Refused extends Error {
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
    this.name = 'Refused';
  }
}

export interface SendOptions {
  /** Stable for one message however often it is retried, so findSent can tell whether an attempt got through. */
  idempotencyKey?: string;
}

export interface ChatPort {
  post(place: Place, card: Card, options?: SendOptions): Promise<PostedRef>;
  update(ref: NamedRef, card: Card): Promise<void>;
  whisper(place: Place, to: Person, card: Card): Promise<void>;
  /** A private message to one person outside any channel (Slack: the app's Messages tab). */
  direct(to: Person, card: Card): Promise<void>;
  /** Optional: a private conversation of these people and the bot (Slack group DM); without it each is messaged directly. */
  openGroup?(people: Person[]): Promise<Place>;
  /**
   * Optional: the message posted at `place` since `since` with this idempotency key, if any. After a crash
   * between sending and recording, this is how a retry learns the first attempt reached people.
   */
  findSent?(place: Place, idempotencyKey: string, since: Date): Promise<PostedRef | undefined>;
  /** Optional: a permanent link to a posted message (lessons link back to their thread). */
  link?(ref: NamedRef): Promise<string | undefined>;
  /** Optional: platforms without forms get the flow's thread fallback instead. */
  openForm?(trigger: string, place: Place, form: FormSpec): Promise<void>;
}

/**
 * Where an adapter keeps how to reach conversations and people later (Teams needs a stored conversation reference
 * to post anything it was not just asked). Values are the adapter's own JSON; it checks them when it reads them.
 */
export interface AddressBook {
  save(tenant: string, key: string, address: unknown): Promise<void>;
  /** undefined when nothing was saved under that key. */
  load(tenant: string, key: string): Promise<unknown>;
  /** Saves only if nothing is saved under that key yet; true for the one caller that did (across processes too). */
  claim(tenant: string, key: string, address: unknown): Promise<boolean>;
}
