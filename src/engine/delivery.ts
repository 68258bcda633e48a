// Sends what flows and scheduled steps said, in order per stream, after the state that said it has committed.
import { setTimeout as delay } from 'node:timers/promises';
import type { Destination, Outgoing } from '../core/flow';
import type { Card } from '../core/card';
import { placeKey, type Person, type Place, type Platform } from '../core/model';
import { isNamed, PlaceUnavailable, type ChatPort, type PostedRef } from '../core/ports';
import type { Db, Sql } from '../store/db';
import { anchorRun, closeRun, getRun, type RunRecord } from '../store/runs';
import {
  abandonPending,
  enqueueOnce,
  findPosted,
  markDelivered,
  markFailed,
  markSending,
  pendingFor,
  streamsWithPending,
  type OutboxItem,
} from '../store/outbox';
import { errorText, type Logger } from '../log';
import type { Clock } from './clock';
import { notices } from './notices';
import { afterFailure, directWaitMs } from './retry-rule';

export type ChatDirectory = (platform: Platform) => ChatPort | undefined;

const DIRECT_RETRIES = 3;

/** What one pass over a stream ended with: all sent, or stopped to keep order (retry later). */
type Pass = 'done' | 'stopped';

export class Delivery {
  constructor(
    private readonly db: Db,
    private readonly chat: ChatDirectory,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** Spreads retries (jitter); tests pass a fixed one. */
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * Delivers a stream's pending messages; one deliverer per stream at a time, across processes.
   * Whoever finds the stream busy leaves its messages to the holder, who looks again after letting go.
   */
  async deliverStream(stream: string): Promise<void> {
    for (;;) {
      const attempt = await this.db.tryLock(`outbox:${stream}`, (q) => this.pass(q, stream));
      if (!attempt.ran || attempt.value === 'stopped') return;
      const left = await pendingFor(this.db, stream);
      if (left.length === 0 || left.some((item) => item.notBefore && item.notBefore > this.clock())) return;
    }
  }

  /** Catches up whatever an earlier crash, outage or rate limit left unsent. */
  async sweep(): Promise<void> {
    for (const stream of await streamsWithPending(this.db, this.clock())) await this.deliverStream(stream);
  }

  /** Sends outside any stream (help texts, refusals): nothing is stored, so a rate limit is waited out here. */
  async sendDirect(place: Place, messages: Outgoing[]): Promise<void> {
    const port = this.chat(place.platform);
    if (!port) return;
    for (const m of messages) await this.sendNow(port, place, m, DIRECT_RETRIES);
  }

  private async sendNow(port: ChatPort, place: Place, m: Outgoing, retries: number): Promise<void> {
    try {
      if (m.kind === 'whisper') await whisperOrDirect(port, place, m);
      else if (m.kind === 'post') await port.post(place, m.card);
      else if (m.kind === 'form' && port.openForm) await port.openForm(m.trigger, place, m.form);
    } catch (err) {
      const wait = directWaitMs(err, retries, m.kind === 'form');
      if (wait !== undefined) {
        await delay(wait);
        return this.sendNow(port, place, m, retries - 1);
      }
      this.log.warn('direct message failed', { platform: place.platform, kind: m.kind, error: errorText(err) });
    }
  }

  private async pass(q: Sql, stream: string): Promise<Pass> {
    const items = await pendingFor(q, stream);
    const runId = items.find((item) => item.runId)?.runId;
    const run = runId === undefined ? undefined : await getRun(q, runId);
    for (const item of items) {
      if (item.notBefore && item.notBefore > this.clock()) return 'stopped';
      const platform = run?.place.platform ?? platformOf(item.message);
      const port = platform && this.chat(platform);
      if (!port || (item.runId && !run)) {
        await markFailed(q, item.id, 'no chat platform for this message', this.clock());
        continue;
      }
      // Keep order: later items wait for this one.
      if (!(await this.deliverItem(q, stream, run, port, item))) return 'stopped';
    }
    return 'done';
  }

  private async deliverItem(q: Sql, stream: string, run: RunRecord | undefined, port: ChatPort, item: OutboxItem): Promise<boolean> {
    try {
      const posted = await this.send(q, stream, run, port, item);
      await markDelivered(q, item.id, this.clock(), posted);
      return true;
    } catch (err) {
      const now = this.clock();
      const next = afterFailure(err, item.attempts, item.message.kind === 'form', now, this.random);
      if (next.kind === 'retry') {
        // Keep order: later items wait for this one.
        await markFailed(q, item.id, next.reason, now, next.at);
        this.log.warn('delivery failed, will retry', { stream, kind: item.message.kind, attempt: item.attempts + 1, retryAt: next.at.toISOString(), error: next.reason });
        return false;
      }
      if (next.kind === 'give-up') {
        this.log.warn('delivery given up', { stream, kind: item.message.kind, attempt: item.attempts + 1, error: next.reason });
        // Without its opening post a run has no thread to carry on in, so it ends as if its place had refused it.
        if (run && item.message.kind === 'post' && item.message.anchor) return this.abandon(q, run, port, next.reason, notices.notDelivered(run.place.platform));
        await markFailed(q, item.id, next.reason, now);
        await this.tellWhoWaits(port, run, item.message, stream);
        return true;
      }
      const refusal = next.refusal;
      if (run) return this.abandon(q, run, port, refusal.message, notices.cannotPostHere(run.place.platform));
      await this.skipRefused(q, stream, item, port, refusal);
      return true;
    }
  }

  /** A scheduled message to a place that refuses it: skip that one (saying so if asked), the rest still go. */
  private async skipRefused(q: Sql, stream: string, item: OutboxItem, port: ChatPort, refusal: PlaceUnavailable): Promise<void> {
    const now = this.clock();
    await markFailed(q, item.id, refusal.message, now);
    this.log.warn('message refused by its place', { stream, reason: refusal.reason });
    const { message } = item;
    if (message.kind !== 'send') return;
    // A group the platform will not open (say one person has left the organisation): the others still hear, one by one.
    if ('group' in message.to && message.to.group.length > 1 && item.dedupeKey !== undefined) {
      const key = item.dedupeKey;
      const card = message.card;
      await enqueueOnce(q, stream, message.to.group.map((person) => ({ dedupeKey: `${key}:${person.id}`, message: { kind: 'send', to: { person }, card } })), now);
    }
    if (message.ifRefused) await this.tryDirect(port, message.ifRefused.to, message.ifRefused.card, stream);
  }

  /** A message given up: whoever is waiting for it hears so, once and at best effort (the platform may still be failing). */
  private async tellWhoWaits(port: ChatPort, run: RunRecord | undefined, m: Outgoing, stream: string): Promise<void> {
    if (m.kind === 'whisper') return this.tryDirect(port, m.to, m.card, stream);
    const waiting = m.kind === 'post' ? run?.startedBy : m.kind === 'send' ? m.ifRefused?.to : undefined;
    if (waiting !== undefined) await this.tryDirect(port, waiting, notices.notDelivered(waiting.platform), stream);
  }

  private async tryDirect(port: ChatPort, to: Person, card: Card, stream: string): Promise<void> {
    try {
      await port.direct(to, card);
    } catch (err) {
      this.log.warn('could not say so either', { stream, error: errorText(err) });
    }
  }

  /** The run cannot go on where it lives: end it, and tell whoever started it why. */
  private async abandon(q: Sql, run: RunRecord, port: ChatPort, reason: string, notice: Card): Promise<false> {
    const now = this.clock();
    await abandonPending(q, run.id, reason, now);
    await closeRun(q, run.id, now);
    this.log.warn('run closed: its messages cannot be delivered', { run: run.id, reason });
    await this.tryDirect(port, run.startedBy, notice, run.id);
    return false;
  }

  private async send(q: Sql, stream: string, run: RunRecord | undefined, port: ChatPort, item: OutboxItem): Promise<PostedRef | undefined> {
    const m = item.message;
    if (m.kind === 'send') return this.sendKeyed(q, port, item, m);
    if (m.kind === 'update') {
      const ref = await findPosted(q, stream, m.key);
      // A post the platform took without naming it cannot be updated; the card stays as it was.
      if (ref && isNamed(ref)) await port.update(ref, m.card);
      else this.log.warn('nothing to update', { stream, key: m.key, posted: ref !== undefined });
      return undefined;
    }
    if (!run) throw new Error(`a '${m.kind}' message needs a run`);
    switch (m.kind) {
      case 'post': {
        const channel: Place = { ...run.place };
        delete channel.thread;
        // A run started inside a thread (a Teams reply chain or chat) opens there rather than in a new one.
        const place = (m.anchor || m.in === 'thread') && run.place.thread ? run.place : channel;
        const ref = await port.post(place, m.card);
        if (m.anchor) {
          const named = isNamed(ref) ? ref : undefined;
          if (ref.repliesIn !== 'place' && named === undefined) {
            this.log.warn('the platform did not name the post a run opens with, so its thread is unknown', { run: run.id });
            return ref;
          }
          const thread: Place = ref.repliesIn === 'place' || named === undefined ? place : { ...channel, thread: named.id };
          const url = named && (await port.link?.(named).catch(() => undefined));
          await anchorRun(q, run.id, thread, placeKey(thread), url);
          // Later items of this pass go to the new thread; `run` is this pass's own copy.
          run.place = thread;
        }
        return ref;
      }
      case 'whisper':
        await whisperOrDirect(port, run.place, m);
        return undefined;
      case 'form':
        if (port.openForm) await port.openForm(m.trigger, run.place, m.form);
        return undefined;
    }
  }

  /**
   * A keyed message is sent at most once: its attempt is recorded before the platform is called, and a retry
   * after a crash first asks the platform whether the earlier attempt got through.
   */
  private async sendKeyed(q: Sql, port: ChatPort, item: OutboxItem, m: Extract<Outgoing, { kind: 'send' }>): Promise<PostedRef | undefined> {
    const where = await resolve(port, m.to);
    if (!('place' in where)) {
      for (const person of where.people) await port.direct(person, m.card);
      return undefined;
    }
    const key = item.dedupeKey;
    if (key === undefined) return port.post(where.place, m.card);
    if (item.sendingAt && port.findSent) {
      const earlier = await port.findSent(where.place, key, item.sendingAt);
      if (earlier) return earlier;
    }
    await markSending(q, item.id, this.clock());
    return port.post(where.place, m.card, { idempotencyKey: key });
  }
}

/** Where a destination is on this platform: one place, or (without group chats) each person in turn. */
async function resolve(port: ChatPort, to: Destination): Promise<{ place: Place } | { people: Person[] }> {
  if ('place' in to) return { place: to.place };
  const people = 'person' in to ? [to.person] : to.group;
  return port.openGroup ? { place: await port.openGroup(people) } : { people };
}

function platformOf(m: Outgoing): Platform | undefined {
  if (m.kind !== 'send') return undefined;
  if ('place' in m.to) return m.to.place.platform;
  if ('person' in m.to) return m.to.person.platform;
  return m.to.group[0]?.platform;
}

/** A whisper the place refuses (the bot is not in the channel) goes to the person directly instead. */
async function whisperOrDirect(port: ChatPort, place: Place, m: Extract<Outgoing, { kind: 'whisper' }>): Promise<void> {
  try {
    await port.whisper(place, m.to, m.card);
  } catch (err) {
    if (!(err instanceof PlaceUnavailable)) throw err;
    await port.direct(m.to, m.card);
  }
}
