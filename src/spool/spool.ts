// Every event Mobilise acknowledges is first kept on its own disk; it is fed to the engine from there, in order per place,
// and let go only once the database has it. A database outage therefore delays answers but never loses them.
import { NotAccepted, type InboundHandler } from '../core/inbound-handler';
import { placeKey, type Inbound } from '../core/model';
import { isDatabaseUnavailable } from '../store/database-errors';
import { errorText, type Logger } from '../log';
import type { JournalEntry } from './journal';

/** Where kept events live: the journal on disk, or memory when the database itself is in memory. */
export interface DurableLog {
  /** False for memory: what is left at close is lost, so closing waits longer for it to be applied. */
  readonly durable: boolean;
  /** Resolves with the entry's number once it is safely kept. */
  append(value: unknown): Promise<number>;
  done(seq: number): void;
  close(): Promise<void>;
}

/** A word to the person behind an event, sent straight to the platform (the database may be the thing that is down). */
export type Tell = (event: Inbound, what: 'kept' | 'send-again') => Promise<void>;

export interface SpoolOptions {
  log: DurableLog;
  /** Entries kept by an earlier process and not yet applied, oldest first. */
  recovered: { seq: number; event: Inbound }[];
  /**
   * Applies events, at most one per place, to the database together; throws a database-unavailable error to have them
   * all tried again later. Anything else wrong with one event is the applier's to answer: it counts as applied.
   */
  apply(events: Inbound[]): Promise<void>;
  tell: Tell;
  logger: Logger;
  /** Events kept but not yet applied, at most; beyond it events are refused (see NotAccepted). */
  limit?: number;
  /** Beyond this many waiting, an ack is held back until the backlog shrinks (at most maxAckDelayMs): backpressure. */
  highWater?: number;
  maxAckDelayMs?: number;
  /** Batches applied at once; keep it below the database pool size. */
  concurrency?: number;
  /** Events in one batch (one transaction), each from a different place. */
  batchSize?: number;
  /** Waits between tries while the database is unavailable, the last repeated. */
  retryWaitsMs?: readonly number[];
  /** Injectable for tests. */
  wait?: (ms: number) => Promise<void>;
}

/** About 9 KB of memory each while they wait, and about ten seconds' work for the database. */
export const DEFAULT_SPOOL_LIMIT = 10_000;
/**
 * A sender that waits for its ack sends no more meanwhile, so holding acks back slows a flood to what the database takes,
 * where refusing it would spend the CPU the database work needs on requests that come straight back.
 */
const DEFAULT_HIGH_WATER = 1_000;
/** Well inside the 3 s Slack allows for an ack (https://api.slack.com/apis/events-api#responding). */
const DEFAULT_MAX_ACK_DELAY_MS = 2_000;
const DEFAULT_CONCURRENCY = 4;
/** One commit for many events is most of what makes a busy database keep up; a batch stays well under a second. */
const DEFAULT_BATCH_SIZE = 32;
const DEFAULT_RETRY_WAITS_MS = [250, 500, 1_000, 2_000, 5_000] as const;
const CLOSE_GRACE_MS = 2_000;
const MEMORY_CLOSE_GRACE_MS = 30_000;

interface Kept {
  seq: number;
  event: Inbound;
}

/** Events a person is waiting on an answer to; replies are simply kept (the platform resends those we refuse). */
function someoneWaits(event: Inbound): event is Extract<Inbound, { kind: 'command' | 'action' | 'form' }> {
  return event.kind === 'command' || event.kind === 'action' || event.kind === 'form';
}

export class Spool implements InboundHandler {
  private readonly byPlace = new Map<string, Kept[]>();
  /** Places with an event ready to apply and none in hand, in the order they became ready. */
  private readonly ready: string[] = [];
  private waiting = 0;
  private running = 0;
  private failures = 0;
  /** Set while the database is unavailable: one event at a time probes it until one goes through. */
  private outage = false;
  private pausedUntilRetry = false;
  private accepting = true;
  /** Set once closing has given up waiting for the backlog: nothing new is started. */
  private closing = false;
  private readonly idle = new Set<() => void>();
  /** Acks held back until the backlog is below the high-water mark, oldest first. */
  private readonly heldBack: (() => void)[] = [];
  private readonly limit: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly highWater: number;
  private readonly maxAckDelayMs: number;
  private readonly retryWaits: readonly number[];
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly opts: SpoolOptions) {
    this.limit = opts.limit ?? DEFAULT_SPOOL_LIMIT;
    this.concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
    this.batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
    this.highWater = opts.highWater ?? DEFAULT_HIGH_WATER;
    this.maxAckDelayMs = opts.maxAckDelayMs ?? DEFAULT_MAX_ACK_DELAY_MS;
    this.retryWaits = opts.retryWaitsMs ?? DEFAULT_RETRY_WAITS_MS;
    // Unref'd: a retry pending while Mobilise stops must not keep the process alive.
    this.wait = opts.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    for (const kept of opts.recovered) this.enqueue(kept);
    if (opts.recovered.length) opts.logger.info('applying events kept by an earlier run', { events: opts.recovered.length });
    this.pump();
  }

  /** Events kept and not yet in the database. */
  get backlog(): number {
    return this.waiting;
  }

  /** True while the database has been found unavailable and not yet seen back. */
  get databaseUnavailable(): boolean {
    return this.outage;
  }

  async handle(event: Inbound): Promise<void> {
    if (this.accepting && this.waiting >= this.highWater && !this.outage) await this.roomInBacklog();
    if (!this.accepting || this.waiting >= this.limit) {
      const senderTold = someoneWaits(event);
      if (senderTold) await this.say(event, 'send-again');
      const reason = this.accepting ? `Mobilise already holds ${this.waiting} events` : 'Mobilise is stopping';
      this.opts.logger.warn('event not accepted', { kind: event.kind, reason, backlog: this.waiting });
      throw new NotAccepted(reason, senderTold);
    }
    const seq = await this.opts.log.append(event);
    this.enqueue({ seq, event });
    this.pump();
    if (this.outage && someoneWaits(event)) await this.say(event, 'kept');
  }

  /** Resolves once nothing is kept (tests, benchmarks) or, when closing, once nothing is in hand. */
  settled(): Promise<void> {
    if (this.running === 0 && (this.waiting === 0 || this.closing)) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /**
   * Stops taking events and gives those kept a short while to be applied; then finishes those in hand and stops.
   * What is left stays on disk for the next start (in memory it is lost, so memory waits longer).
   */
  async close(graceMs = this.opts.log.durable ? CLOSE_GRACE_MS : MEMORY_CLOSE_GRACE_MS): Promise<void> {
    this.accepting = false;
    for (const release of this.heldBack.splice(0)) release();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.settled(), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    this.closing = true;
    await this.settled();
    if (this.waiting > 0) this.opts.logger.info('events kept for the next start', { events: this.waiting });
    await this.opts.log.close();
  }

  /** Resolves when the backlog falls below the high-water mark, or after the longest an ack may be held back. */
  private roomInBacklog(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.maxAckDelayMs);
      timer.unref();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.heldBack.push(done);
    });
  }

  private releaseHeldBack(): void {
    let room = this.highWater - this.waiting;
    while (room > 0 && this.heldBack.length > 0) {
      this.heldBack.shift()?.();
      room -= 1;
    }
  }

  private enqueue(kept: Kept): void {
    const key = placeKey(kept.event.place);
    const queue = this.byPlace.get(key);
    this.waiting += 1;
    if (queue) {
      queue.push(kept);
      return;
    }
    this.byPlace.set(key, [kept]);
    this.ready.push(key);
  }

  private pump(): void {
    // While the database is away, one event at a time finds out whether it is back.
    const [limit, size] = this.outage ? [1, 1] : [this.concurrency, this.batchSize];
    while (!this.closing && !this.pausedUntilRetry && this.running < limit && this.ready.length > 0) {
      const batch: { key: string; head: Kept }[] = [];
      while (batch.length < size) {
        const key = this.ready.shift();
        if (key === undefined) break;
        const head = this.byPlace.get(key)?.[0];
        if (head !== undefined) batch.push({ key, head });
      }
      if (batch.length === 0) break;
      this.running += 1;
      void this.applyBatch(batch);
    }
    this.notifyIfIdle();
  }

  private async applyBatch(batch: { key: string; head: Kept }[]): Promise<void> {
    let retry = false;
    try {
      await this.opts.apply(batch.map((b) => b.head.event));
    } catch (err) {
      retry = isDatabaseUnavailable(err);
      // The engine has already answered anything else (and told its sender); it is not tried again.
      if (!retry) this.opts.logger.error('kept events failed', { events: batch.length, error: errorText(err) });
      else this.noteOutage(err);
    }
    this.running -= 1;
    for (const { key, head } of batch) {
      const queue = this.byPlace.get(key) ?? [];
      if (!retry) {
        queue.shift();
        this.waiting -= 1;
        this.opts.log.done(head.seq);
      }
      if (queue.length) this.ready.push(key);
      else this.byPlace.delete(key);
    }
    if (!retry) this.noteRecovery();
    this.releaseHeldBack();
    this.pump();
  }

  private noteOutage(err: unknown): void {
    if (!this.outage) this.opts.logger.warn('database unavailable: keeping events until it is back', { backlog: this.waiting, error: errorText(err) });
    this.outage = true;
    if (this.pausedUntilRetry) return;
    this.pausedUntilRetry = true;
    const ms = this.retryWaits[Math.min(this.failures, this.retryWaits.length - 1)] ?? 1_000;
    this.failures += 1;
    void this.wait(ms).then(() => {
      this.pausedUntilRetry = false;
      this.pump();
    });
  }

  private noteRecovery(): void {
    if (!this.outage) return;
    this.outage = false;
    this.failures = 0;
    this.opts.logger.info('database back: applying kept events', { backlog: this.waiting });
  }

  private async say(event: Inbound, what: 'kept' | 'send-again'): Promise<void> {
    try {
      await this.opts.tell(event, what);
    } catch (err) {
      this.opts.logger.warn('could not tell the sender', { kind: event.kind, error: errorText(err) });
    }
  }

  private notifyIfIdle(): void {
    if (this.running > 0 || (this.waiting > 0 && !this.closing)) return;
    for (const resolve of this.idle) resolve();
    this.idle.clear();
  }
}

export type { JournalEntry };
