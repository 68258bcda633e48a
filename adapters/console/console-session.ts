// The sandbox's memory of one sitting: who is speaking, where, and every numbered message.
import type { Card } from '../../src/core/card';
import type { Person, Place } from '../../src/core/model';
import { z } from 'zod';
import { cardSchema } from '../../src/core/card-schema';
import { personSchema, placeSchema } from '../../src/core/schemas';
import { buttonsOf } from './render-card';

export const CONSOLE_TENANT = 'local';
export const CONSOLE_CHANNEL = 'general';
/** Group conversations are channels named after who is in them, so the same people get the same one. */
const GROUP_PREFIX = 'group:';

export interface ConsoleMessage {
  /** What people see and type: #4. */
  number: number;
  /** What the core sees: a message id unique across sittings. */
  id: string;
  place: Place;
  /** Undefined for Mobilise's own messages. */
  author?: Person;
  card?: Card;
  text?: string;
  /** Set for a message only one person sees. */
  whisperTo?: Person;
  deleted?: boolean;
}

/** What a sitting leaves for the next one: its people, numbered messages, threads and how far /later moved the clock. */
export const sessionSnapshotSchema = z.object({
  speaker: z.string(),
  thread: z.string().optional(),
  messageCount: z.number().int().min(0),
  eventCount: z.number().int().min(0),
  movedOnMs: z.number().int().min(0),
  people: z.array(personSchema),
  messages: z.array(
    z.object({
      number: z.number().int().min(1),
      id: z.string(),
      place: placeSchema,
      author: personSchema.optional(),
      card: cardSchema.optional(),
      text: z.string().optional(),
      whisperTo: personSchema.optional(),
      deleted: z.boolean().optional(),
    }),
  ),
  /** Numbers of the bot's cards in the order they were last shown. */
  shown: z.array(z.number().int()),
  threadIds: z.array(z.string()),
  groups: z.array(z.tuple([z.string(), z.array(personSchema)])),
});
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;

export function personId(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-');
}

export class ConsoleSession {
  speaker: Person;
  /** The thread plain text goes to; undefined means the channel. */
  thread: string | undefined;
  /** How far /later has moved the sandbox clock, in all sittings. */
  movedOnMs = 0;
  private messageCount = 0;
  private eventCount = 0;
  /** Bot cards in the order they were last printed, newest last. */
  private readonly shown: ConsoleMessage[] = [];
  private readonly messages = new Map<number, ConsoleMessage>();
  private readonly byId = new Map<string, ConsoleMessage>();
  private readonly threadIds: string[] = [];
  private readonly people = new Map<string, Person>();
  private readonly triggers = new Map<string, Person>();
  private readonly groups = new Map<string, Person[]>();

  /** `tag` goes into every id, so a restarted sandbox never reuses one its database already holds. */
  constructor(
    names: string[],
    private readonly tag: string,
  ) {
    for (const name of names) this.person(name);
    this.speaker = this.person(names[0] ?? 'Alex');
  }

  /** The person with this name, remembered so `/as sam` finds "Sam". */
  person(name: string): Person {
    const id = personId(name);
    const known = this.people.get(id);
    if (known) return known;
    const person: Person = { platform: 'console', tenant: CONSOLE_TENANT, id, name: name.trim() };
    this.people.set(id, person);
    return person;
  }

  nameOf = (id: string): string | undefined => this.people.get(id)?.name;

  snapshot(): SessionSnapshot {
    const messages = [...this.messages.values()].map((m) => {
      const { number, id, place, author, card, text, whisperTo, deleted } = m;
      return { number, id, place, author, card, text, whisperTo, deleted };
    });
    return {
      speaker: this.speaker.id,
      ...(this.thread === undefined ? {} : { thread: this.thread }),
      messageCount: this.messageCount,
      eventCount: this.eventCount,
      movedOnMs: this.movedOnMs,
      people: [...this.people.values()],
      messages: JSON.parse(JSON.stringify(messages)) as SessionSnapshot['messages'],
      shown: this.shown.map((m) => m.number),
      threadIds: [...this.threadIds],
      groups: [...this.groups.entries()],
    };
  }

  /** Carries on from an earlier sitting: the same numbers, threads, people and clock. Its own ids keep this sitting's tag. */
  restore(saved: SessionSnapshot): void {
    for (const person of saved.people) this.people.set(person.id, person);
    for (const m of saved.messages) {
      const message: ConsoleMessage = { number: m.number, id: m.id, place: m.place };
      if (m.author) message.author = m.author;
      if (m.card) message.card = m.card;
      if (m.text !== undefined) message.text = m.text;
      if (m.whisperTo) message.whisperTo = m.whisperTo;
      if (m.deleted) message.deleted = true;
      this.messages.set(message.number, message);
      this.byId.set(message.id, message);
    }
    this.shown.push(...saved.shown.flatMap((n) => this.messages.get(n) ?? []));
    this.threadIds.push(...saved.threadIds.filter((id) => !this.threadIds.includes(id)));
    for (const [channel, members] of saved.groups) this.groups.set(channel, members);
    this.messageCount = Math.max(this.messageCount, saved.messageCount);
    this.eventCount = Math.max(this.eventCount, saved.eventCount);
    this.movedOnMs = saved.movedOnMs;
    this.speaker = this.people.get(saved.speaker) ?? this.speaker;
    this.thread = saved.thread;
  }

  /** Everyone the sandbox has met: its starting people and anyone since taken on with /as. */
  known(): Person[] {
    return [...this.people.values()];
  }

  others(): string[] {
    return [...this.people.values()].filter((p) => p.id !== this.speaker.id).map((p) => p.name ?? p.id);
  }

  channelPlace(): Place {
    return { platform: 'console', tenant: CONSOLE_TENANT, channel: CONSOLE_CHANNEL };
  }

  currentPlace(): Place {
    return this.thread === undefined ? this.channelPlace() : { ...this.channelPlace(), thread: this.thread };
  }

  /** A private conversation of these people and the bot, remembered so its messages say who is in it. */
  group(people: Person[]): Place {
    const members = [...new Map(people.map((p) => [p.id, p])).values()].sort((a, b) => a.id.localeCompare(b.id));
    if (members.length === 0) throw new RangeError('a group needs at least one person');
    const channel = `${GROUP_PREFIX}${members.map((p) => p.id).join(',')}`;
    this.groups.set(channel, members);
    return { platform: 'console', tenant: CONSOLE_TENANT, channel };
  }

  private nextEvent(): number {
    this.eventCount += 1;
    return this.eventCount;
  }

  deliveryId(): string {
    return `console:${this.tag}:${this.nextEvent()}`;
  }

  /** A fresh trigger, remembered so a form it opens is filled in by the person who asked. */
  trigger(from: Person): string {
    const trigger = `trigger:${this.tag}:${this.nextEvent()}`;
    this.triggers.set(trigger, from);
    return trigger;
  }

  triggeredBy(trigger: string): Person {
    return this.triggers.get(trigger) ?? this.speaker;
  }

  private remember(message: Omit<ConsoleMessage, 'number' | 'id'>, prefix: string): ConsoleMessage {
    this.messageCount += 1;
    const number = this.messageCount;
    const stored: ConsoleMessage = { ...message, number, id: `${prefix}${number}-${this.tag}` };
    this.messages.set(number, stored);
    this.byId.set(stored.id, stored);
    return stored;
  }

  /** A post into a thread makes that thread the current one: that is where the bot is talking. */
  botPosted(place: Place, card: Card): ConsoleMessage {
    if (place.thread !== undefined) this.enterThread(place.thread);
    return this.showing(this.remember({ place, card }, 'c'));
  }

  botWhispered(place: Place, to: Person, card: Card): ConsoleMessage {
    return this.showing(this.remember({ place, card, whisperTo: to }, 'w'));
  }

  botUpdated(id: string, card: Card): ConsoleMessage | undefined {
    const message = this.byId.get(id);
    if (!message) return undefined;
    message.card = card;
    return this.showing(message);
  }

  private showing(message: ConsoleMessage): ConsoleMessage {
    const before = this.shown.indexOf(message);
    if (before >= 0) this.shown.splice(before, 1);
    this.shown.push(message);
    return message;
  }

  said(text: string): ConsoleMessage {
    return this.remember({ place: this.currentPlace(), author: this.speaker, text }, 'm');
  }

  message(number: number): ConsoleMessage | undefined {
    return this.messages.get(number);
  }

  enterThread(id: string): void {
    if (!this.threadIds.includes(id)) this.threadIds.push(id);
    this.thread = id;
  }

  threads(): { id: string; parent?: ConsoleMessage }[] {
    return this.threadIds.map((id) => ({ id, parent: this.byId.get(id) }));
  }

  /** How a place is shown: "#general", "thread #3" or "private group: Alex, Sam". */
  where(place: Place): string {
    if (place.thread === undefined) return this.channelName(place.channel);
    const parent = this.byId.get(place.thread);
    return parent ? `thread #${parent.number}` : `thread ${place.thread}`;
  }

  private channelName(channel: string): string {
    if (!channel.startsWith(GROUP_PREFIX)) return `#${channel}`;
    const members: { id: string; name?: string }[] =
      this.groups.get(channel) ?? channel.slice(GROUP_PREFIX.length).split(',').map((id) => ({ id }));
    return `private group: ${members.map((p) => p.name ?? this.nameOf(p.id) ?? p.id).join(', ')}`;
  }

  canSee(message: ConsoleMessage, person: Person): boolean {
    return message.whisperTo === undefined || message.whisperTo.id === person.id;
  }

  /** The newest card Mobilise posted in the channel itself, which people may mean to answer. */
  latestTopLevel(): ConsoleMessage | undefined {
    return this.shown.findLast((m) => m.place.thread === undefined && !m.whisperTo && !m.deleted);
  }

  /** The newest card with buttons that the speaker can see; a number alone presses its buttons. */
  latestButtons(): ConsoleMessage | undefined {
    for (let i = this.shown.length - 1; i >= 0; i -= 1) {
      const message = this.shown[i];
      if (!message?.card || message.deleted || !this.canSee(message, this.speaker)) continue;
      if (buttonsOf(message.card).length > 0) return message;
    }
    return undefined;
  }
}
