// Sends what flows and scheduled steps said, in order per stream, after the state that said it has committed.
import { setTimeout as delay } from 'node:timers/promises';
import type { Destination, Outgoing } from '../core/flow';
import { placeKey, type Person, type Place, type Platform } from '../core/model';
import { PlaceUnavailable, RetryLater, type ChatPort, type PostedRef } from '../core/ports';
import type { Db, Sql } from '../store/db';
import { anchorRun, closeRun, getRun, type RunRecord } from '../store/runs';
import {
  abandonPending,
  enqueueOnce,
  findPosted,
  markDeferred,
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

export type ChatDirectory = (platform: Platform) => ChatPort | undefined;

/** Failed attempts back off from 5 s, doubling, to at most 15 minutes: about an hour of outage before giving up. */
const MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 5_000;
const LONGEST_WAIT_MS = 15 * 60_000;
const DIRECT_RETRIES = 3;
const MAX_DIRECT_WAIT_MS = 30_000;

/** What one pass over a stream ended with: all sent, or stopped to keep order (retry later). */
type Pass = 'done' | 'stopped';

export class Delivery {
  constructor(
    private readonly db: Db,
    private readonly chat: ChatDirectory,
    private readonly clock: Clock,
    private readonly log: Logger,
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
      // A form's trigger expires within seconds, so only messages wait for the platform.
      if (err instanceof RetryLater && retries > 0 && m.kind !== 'form' && err.afterMs <= MAX_DIRECT_WAIT_MS) {
        await delay(err.afterMs);
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
      if (err instanceof RetryLater) {
        await markDeferred(q, item.id, new Date(this.clock().getTime() + err.afterMs));
        this.log.info('platform asked us to slow down', { stream, afterMs: err.afterMs });
        return false;
      }
      if (err instanceof PlaceUnavailable) {
        if (run) return this.abandon(q, run, port, err);
        // A scheduled message to a place that refuses it: skip that one (saying so if asked), the rest still go.
        await markFailed(q, item.id, err.message, this.clock());
        this.log.warn('message refused by its place', { stream, reason: err.reason });
        const { message } = item;
        // A group the platform will not open (say one person has left the organisation): the others still hear, one by one.
        if (message.kind === 'send' && 'group' in message.to && message.to.group.length > 1 && item.dedupeKey !== undefined) {
          const key = item.dedupeKey;
          const card = message.card;
          await enqueueOnce(q, stream, message.to.group.map((person) => ({ dedupeKey: `${key}:${person.id}`, message: { kind: 'send', to: { person }, card } })), this.clock());
        }
        if (message.kind === 'send' && message.ifRefused) {
          await port.direct(message.ifRefused.to, message.ifRefused.card).catch((e: unknown) => {
            this.log.warn('could not say so either', { stream, error: errorText(e) });
          });
        }
        return true;
      }
      // A form's trigger expires within seconds, so retrying it later is pointless.
      const giveUp = item.attempts + 1 >= MAX_ATTEMPTS || item.message.kind === 'form';
      const now = this.clock();
      const wait = Math.min(FIRST_RETRY_MS * 2 ** item.attempts, LONGEST_WAIT_MS);
      await markFailed(q, item.id, errorText(err), now, giveUp ? undefined : new Date(now.getTime() + wait));
      this.log.warn('delivery failed', { stream, kind: item.message.kind, attempt: item.attempts + 1, giveUp, error: errorText(err) });
      return giveUp;
    }
  }

  /** The bot may not post where the run lives: end the run and tell whoever started it how to fix that. */
  private async abandon(q: Sql, run: RunRecord, port: ChatPort, refusal: PlaceUnavailable): Promise<false> {
    const now = this.clock();
    await abandonPending(q, run.id, refusal.message, now);
    await closeRun(q, run.id, now);
    this.log.warn('run closed: the platform refused its place', { run: run.id, reason: refusal.reason });
    try {
      await port.direct(run.startedBy, notices.cannotPostHere(run.place.platform));
    } catch (err) {
      this.log.warn('could not tell the starter either', { run: run.id, error: errorText(err) });
    }
    return false;
  }

  private async send(q: Sql, stream: string, run: RunRecord | undefined, port: ChatPort, item: OutboxItem): Promise<PostedRef | undefined> {
    const m = item.message;
    if (m.kind === 'send') return this.sendKeyed(q, port, item, m);
    if (m.kind === 'update') {
      const ref = await findPosted(q, stream, m.key);
      if (ref) await port.update(ref, m.card);
      else this.log.warn('nothing to update', { stream, key: m.key });
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
          const thread: Place = ref.repliesIn === 'place' ? place : { ...channel, thread: ref.id };
          const url = await port.link?.(ref).catch(() => undefined);
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
