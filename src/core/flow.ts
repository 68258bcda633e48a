// Flows are pure reducers: no I/O, no clock, no SDK. The engine persists their state.
import type { z } from 'zod';
import type { Lesson } from '../lessons/lesson';
import type { Card, FormSpec } from './card';
import type { FormChecks } from './form-check';
import type { Inbound, Person, Place } from './model';

/** Somewhere absolute: a channel or thread, a private group of people with the bot, or one person. */
export type Destination = { place: Place } | { group: Person[] } | { person: Person };

/** What a flow or service wants said. Most places are relative to the run; `send` names its own. */
export type Outgoing =
  /**
   * Post at an absolute destination (scheduled steps, which have no run); `key` lets an update find it.
   * When the place refuses the bot (not invited), `ifRefused` is sent to that person directly instead.
   */
  | { kind: 'send'; to: Destination; card: Card; key?: string; ifRefused?: { to: Person; card: Card } }
  /** Post in the run's channel; `anchor` makes the posted message the run's thread. */
  | { kind: 'post'; in: 'channel' | 'thread'; card: Card; key?: string; anchor?: boolean }
  /** Replace an earlier post of this run, found by its key. */
  | { kind: 'update'; key: string; card: Card }
  /** Only `to` sees it (Slack ephemeral; a personal message elsewhere). */
  | { kind: 'whisper'; to: Person; card: Card }
  /** Open a form for `to`; `trigger` is the Inbound trigger it answers. */
  | { kind: 'form'; to: Person; trigger: string; form: FormSpec };

/** A lesson as a flow proposes it; the engine adds where it came from, its status and its id. */
export type LessonDraft = Pick<Lesson, 'title' | 'recommendation' | 'observation' | 'reason' | 'technique' | 'tags'> & {
  /** Stable within the run, so saving twice never duplicates. */
  key: string;
  contributors: Person[];
};

/** An action a flow agreed: someone owns it and is asked about it on its due date. */
export interface ActionDraft {
  /** Stable within the run, so saving twice never duplicates. */
  key: string;
  text: string;
  owner: Person;
  /** The day it is due, YYYY-MM-DD in `timeZone`. */
  dueOn: string;
  timeZone: string;
  /** When the owner is asked (see src/dates/day.ts remindAt). */
  remindAt: Date;
}

/**
 * A flow cannot read the library (flows are pure), so it asks: the engine finds the lessons most relevant
 * to `about` in the run's organisation and posts them in the run's thread, after the step's own messages.
 */
export interface RecallRequest {
  about: string;
  /** Post key, so the flow can refer to the recalled lessons' message later. */
  key: string;
}

export interface Step<S> {
  state: S;
  say: Outgoing[];
  save?: LessonDraft[];
  /** Who took part in the run (a review): kept as the run's, not as any one lesson's contributors. */
  participants?: Person[];
  actions?: ActionDraft[];
  recall?: RecallRequest;
  wakeAt?: Date;
  done?: boolean;
}

export interface StartInput {
  text: string;
  from: Person;
  place: Place;
  trigger?: string;
  now: Date;
}

/** One item a run collects (an answer), stored in a row of its own under a key unique within the run. */
export interface Contribution<I = unknown> {
  key: string;
  item: I;
}

/** What an event that only adds to the run's collection does: the item to add, if any, and what to say. */
export interface Addition<I = unknown> {
  add?: Contribution<I>;
  say: Outgoing[];
}

/**
 * A run whose state holds a growing list (a review's answers) keeps that list as rows, so a reply costs one
 * INSERT however big the review grows. The engine stores `state[field]` apart and puts it back before `on`.
 */
export interface Collection<Rest> {
  /** The field of the state that holds the items, oldest first; new items are only ever added at the end. */
  field: string;
  /** Checks the stored state without its items: all the cheap path reads. */
  restSchema: z.ZodType<Rest>;
  keyOf(item: unknown): string;
  /** Answers an event that only adds an item, from the state without its items; undefined takes the full path. */
  add(rest: Rest, event: Inbound, now: Date): Addition | undefined;
}

/** A start that keeps no state (help, a missing title) returns `state: null` and `done: true`. */
export interface Flow<S> {
  id: string;
  /** Bump when the state shape changes; runs of another version are closed politely. */
  version: number;
  /** Slash command (without the slash) that starts it. */
  command: string;
  /** What `/<command> help` whispers; the engine answers it, so `start` never sees the word "help" alone. */
  help(): Card;
  /** Validates state read back from the database (a boundary like any other). */
  stateSchema: z.ZodType<S>;
  start(input: StartInput): Step<S | null>;
  on(state: S, event: Inbound, now: Date): Step<S>;
  collection?: Collection<unknown>;
  /** How each of its forms' answers are checked before they are accepted (see form-check.ts). */
  formChecks?: FormChecks;
}
