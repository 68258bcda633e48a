// Sends what flows said, in order per run, after the state that said it has committed.
import type { Outgoing } from '../core/flow';
import { placeKey, type Place, type Platform } from '../core/model';
import { PlaceUnavailable, type ChatPort, type PostedRef } from '../core/ports';
import type { Db, Sql } from '../store/db';
import { anchorRun, closeRun, getRun, type RunRecord } from '../store/runs';
import { abandonPending, findPosted, markDelivered, markFailed, pendingFor, runsWithPending, type OutboxItem } from '../store/outbox';
import { errorText, type Logger } from '../log';
import type { Clock } from './clock';
import { notices } from './notices';

export type ChatDirectory = (platform: Platform) => ChatPort | undefined;

const MAX_ATTEMPTS = 5;

export class Delivery {
  constructor(
    private readonly db: Db,
    private readonly chat: ChatDirectory,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /**
   * Delivers a run's pending messages; one deliverer per run at a time, across processes.
   * Whoever finds the run busy leaves its messages to the holder, who looks again after letting go.
   */
  async deliverRun(runId: string): Promise<void> {
    for (;;) {
      const attempt = await this.db.tryLock(`outbox:${runId}`, async (q) => {
        const items = await pendingFor(q, runId);
        if (items.length === 0) return true;
        const run = await getRun(q, runId);
        const port = run && this.chat(run.place.platform);
        for (const item of items) {
          if (!run || !port) {
            await markFailed(q, item.id, 'no chat platform for this run', this.clock(), true);
            continue;
          }
          if (!(await this.deliverItem(q, run, port, item))) return false; // keep order: later items wait for this one
        }
        return true;
      });
      if (!attempt.ran || !attempt.value) return;
      if ((await pendingFor(this.db, runId)).length === 0) return;
    }
  }

  /** Catches up whatever an earlier crash or outage left unsent. */
  async sweep(): Promise<void> {
    for (const runId of await runsWithPending(this.db)) await this.deliverRun(runId);
  }

  /** Sends outside any run (help texts, refusals): nothing is stored, so nothing to retry. */
  async sendDirect(place: Place, messages: Outgoing[]): Promise<void> {
    const port = this.chat(place.platform);
    if (!port) return;
    for (const m of messages) {
      try {
        if (m.kind === 'whisper') await whisperOrDirect(port, place, m);
        else if (m.kind === 'post') await port.post(place, m.card);
      } catch (err) {
        this.log.warn('direct message failed', { platform: place.platform, error: errorText(err) });
      }
    }
  }

  private async deliverItem(q: Sql, run: RunRecord, port: ChatPort, item: OutboxItem): Promise<boolean> {
    try {
      const posted = await this.send(q, run, port, item.message);
      await markDelivered(q, item.id, this.clock(), posted);
      return true;
    } catch (err) {
      if (err instanceof PlaceUnavailable) return this.abandon(q, run, port, err);
      // A form's trigger expires within seconds, so retrying it later is pointless.
      const giveUp = item.attempts + 1 >= MAX_ATTEMPTS || item.message.kind === 'form';
      await markFailed(q, item.id, errorText(err), this.clock(), giveUp);
      this.log.warn('delivery failed', { run: run.id, kind: item.message.kind, attempt: item.attempts + 1, giveUp, error: errorText(err) });
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
      await port.direct(run.startedBy, notices.cannotPostHere());
    } catch (err) {
      this.log.warn('could not tell the starter either', { run: run.id, error: errorText(err) });
    }
    return false;
  }

  private async send(q: Sql, run: RunRecord, port: ChatPort, m: Outgoing): Promise<PostedRef | undefined> {
    switch (m.kind) {
      case 'post': {
        const channel: Place = { ...run.place };
        delete channel.thread;
        const place = m.in === 'thread' && run.place.thread ? run.place : channel;
        const ref = await port.post(place, m.card);
        if (m.anchor) {
          const thread: Place = { ...channel, thread: ref.id };
          const url = await port.link?.(ref).catch(() => undefined);
          await anchorRun(q, run.id, thread, placeKey(thread), url);
          // Later items of this pass go to the new thread; `run` is this pass's own copy.
          run.place = thread;
        }
        return ref;
      }
      case 'update': {
        const ref = await findPosted(q, run.id, m.key);
        if (ref) await port.update(ref, m.card);
        else this.log.warn('nothing to update', { run: run.id, key: m.key });
        return undefined;
      }
      case 'whisper':
        await whisperOrDirect(port, run.place, m);
        return undefined;
      case 'form':
        if (port.openForm) await port.openForm(m.trigger, run.place, m.form);
        return undefined;
    }
  }
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
