// Applies each inbound event to its flow run in one transaction, then delivers what was said.
import { randomUUID } from 'node:crypto';
import type { Collection, Contribution, Flow, Outgoing, Step } from '../core/flow';
import { refuseButton } from '../core/button-value';
import type { CommandService } from '../core/command-service';
import { cleanInbound } from '../core/clean-text';
import type { InboundHandler } from '../core/inbound-handler';
import { placeKey, type Inbound } from '../core/model';
import { organisationOf } from '../core/organisation';
import { withOrganisation } from '../organisations/resolve';
import type { Db, Sql } from '../store/db';
import { DatabaseUnavailable, isDatabaseUnavailable } from '../store/database-errors';
import { claimDelivery, closeRun, insertRun, latestRun, lockActiveRun, saveRun, type RunRecord } from '../store/runs';
import { enqueue } from '../store/outbox';
import { insertLessons } from '../store/lessons';
import { recordReviewParticipants } from '../store/review-participants';
import { insertRunActions } from '../store/lesson-actions';
import { addContribution, listContributions, syncContributions } from '../store/run-contributions';
import { errorText, type Logger } from '../log';
import type { Clock } from './clock';
import { Delivery, type ChatDirectory } from './delivery';
import { helpReply, type HelpfulCommand } from './help';
import { notices } from './notices';
import type { Recaller } from './recaller';
import { joinState, splitState } from './run-state';
import { WorkLimit } from './work-limit';

/** Flows of any state type; the engine only moves their state to and from JSON. */
export type AnyFlow = Flow<unknown>;

export interface EngineDeps {
  db: Db;
  flows: AnyFlow[];
  /** Commands answered without a run (e.g. coffee programmes). */
  services?: CommandService[];
  chat: ChatDirectory;
  clock: Clock;
  log: Logger;
  /** Events processed at once; keep it below the database pool size. */
  concurrency?: number;
  /** Fulfils a flow's request for past lessons (see RecallRequest); without it, nothing is recalled. */
  recall?: Recaller;
  /** Spreads the outbox's retries (jitter); tests fix it. */
  random?: () => number;
}

const DEFAULT_CONCURRENCY = 8;
const MAX_BACKGROUND_DELIVERIES = 256;

/** What a transaction decided: outbox streams to deliver, or messages that need no storing. */
interface Outcome {
  streams?: string[];
  direct?: Outgoing[];
}

const UNIQUE_VIOLATION = '23505';

export class Engine implements InboundHandler {
  readonly delivery: Delivery;
  private readonly byCommand = new Map<string, AnyFlow>();
  private readonly byId = new Map<string, AnyFlow>();
  private readonly services: CommandService[];
  /** Every command, flow or service, for `/<command> help`. */
  private readonly helpful: HelpfulCommand[];
  private readonly work: WorkLimit;
  private readonly delivering = new Set<Promise<void>>();

  constructor(private readonly deps: EngineDeps) {
    for (const f of deps.flows) {
      this.byCommand.set(f.command, f);
      this.byId.set(f.id, f);
    }
    this.services = deps.services ?? [];
    this.helpful = [...deps.flows, ...this.services];
    this.delivery = new Delivery(deps.db, deps.chat, deps.clock, deps.log, deps.random);
    this.work = new WorkLimit(deps.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** Applies an event and delivers what it said (the console sandbox, tests): resolves once both are done. */
  async handle(event: Inbound): Promise<void> {
    const outcome = await this.work.run(() => this.commit(cleanInbound(event)));
    await this.deliver(event, outcome);
  }

  /**
   * Applies events (the spool's batch, at most one per place) in one transaction and resolves once they are committed;
   * what they said is delivered in the background, so the next event at a place does not wait on the platform.
   */
  async accept(events: Inbound[]): Promise<void> {
    const cleaned = events.map(cleanInbound);
    const outcomes = await this.work.run(() => this.commitAll(cleaned));
    cleaned.forEach((event, i) => this.deliverLater(event, outcomes[i] ?? {}));
  }

  private deliverLater(event: Inbound, outcome: Outcome): void {
    // Beyond the cap the outbox keeps it and the sweep delivers it: memory stays bounded when a platform is slow.
    if (this.delivering.size >= MAX_BACKGROUND_DELIVERIES && !outcome.direct?.length) return;
    const running = this.deliver(event, outcome);
    this.delivering.add(running);
    void running.finally(() => this.delivering.delete(running));
  }

  /** One commit for the lot; when one of them fails for any reason but the database, each is applied on its own. */
  private async commitAll(events: Inbound[]): Promise<Outcome[]> {
    const [only] = events;
    if (events.length === 1 && only) return [await this.commit(only)];
    const now = this.deps.clock();
    try {
      return await this.deps.db.transaction(async (tx) => {
        const outcomes: Outcome[] = [];
        for (const event of events) outcomes.push(await this.apply(tx, await withOrganisation(tx, event), now));
        return outcomes;
      });
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw new DatabaseUnavailable(errorText(err));
      const outcomes: Outcome[] = [];
      for (const event of events) outcomes.push(await this.commit(event));
      return outcomes;
    }
  }

  /** Resolves once deliveries started by accept() have finished (shutdown, tests). */
  async drained(): Promise<void> {
    while (this.delivering.size > 0) await Promise.all([...this.delivering]);
  }

  /** Every platform's events come through here, so the caller cleans the text the database would refuse, once. */
  private async commit(event: Inbound): Promise<Outcome> {
    const now = this.deps.clock();
    try {
      // The organisation is resolved once, in the transaction, so every service and run sees the same one.
      return await this.deps.db.transaction(async (tx) => this.apply(tx, await withOrganisation(tx, event), now));
    } catch (err) {
      // Nothing was applied; whoever holds the event (the spool) keeps it and tries again once the database is back.
      if (isDatabaseUnavailable(err)) throw new DatabaseUnavailable(errorText(err));
      this.deps.log.error('event failed', { kind: event.kind, delivery: event.deliveryId, error: errorText(err) });
      return 'from' in event ? { direct: [notices.somethingWentWrong(event.from)] } : {};
    }
  }

  private async deliver(event: Inbound, outcome: Outcome): Promise<void> {
    if (outcome.direct?.length) await this.delivery.sendDirect(event.place, outcome.direct);
    try {
      for (const stream of outcome.streams ?? []) await this.delivery.deliverStream(stream);
    } catch (err) {
      // The event is committed; what it said waits in the outbox for the next sweep.
      this.deps.log.warn('delivery after commit failed; the sweep will retry', { delivery: event.deliveryId, error: errorText(err) });
    }
  }

  private async apply(tx: Sql, event: Inbound, now: Date): Promise<Outcome> {
    const help = helpReply(event, this.helpful);
    // Help changes nothing, but its delivery id is kept so that a platform's retry does not whisper it twice.
    if (help) return (await claimDelivery(tx, event.deliveryId, now)) ? { direct: [help] } : {};
    const service = this.serviceFor(event);
    if (service) {
      if (!(await claimDelivery(tx, event.deliveryId, now))) return {};
      const reply = await service.handle(tx, event, now);
      return { direct: reply.say, streams: reply.streams };
    }
    if (event.kind === 'command') {
      // A command said inside a run's thread (Teams commands arrive in reply chains) is for that run.
      const run = event.place.thread === undefined ? undefined : await lockActiveRun(tx, placeKey(event.place));
      return run ? this.continueRun(tx, run, event, now) : this.start(tx, event, now);
    }
    const run = await lockActiveRun(tx, placeKey(event.place));
    return run ? this.continueRun(tx, run, event, now) : this.noActiveRun(tx, event);
  }

  private async continueRun(tx: Sql, run: RunRecord, event: Inbound, now: Date): Promise<Outcome> {
    if (!(await claimDelivery(tx, event.deliveryId, now))) return {};

    const flow = this.byId.get(run.flow);
    const current = flow?.version === run.version ? flow : undefined;
    if (current?.collection) {
      const added = await this.addToCollection(tx, current.collection, run, event, now);
      if (added) return added;
    }
    const items = current?.collection ? await listContributions(tx, run.id) : [];
    const parsed = current?.stateSchema.safeParse(joinState(current, run.state, items));
    if (!current || !parsed?.success) {
      this.deps.log.warn('closing a run this version cannot continue', { run: run.id, flow: run.flow, version: run.version });
      await closeRun(tx, run.id, now);
      return this.said(tx, run.id, [notices.runRetired()], now);
    }
    const step = current.on(parsed.data, event, now);
    return this.persist(tx, current, run, step, now, items);
  }

  /** The cheap path: an event that only adds to the run's collection is one INSERT, the rest of the state untouched. */
  private async addToCollection(tx: Sql, collection: Collection<unknown>, run: RunRecord, event: Inbound, now: Date): Promise<Outcome | undefined> {
    const rest = collection.restSchema.safeParse(run.state);
    const addition = rest.success ? collection.add(rest.data, event, now) : undefined;
    if (!addition) return undefined;
    // The same message seen twice (its key is there already) adds nothing and says nothing.
    if (addition.add && !(await addContribution(tx, run.id, addition.add, now))) return {};
    return this.said(tx, run.id, addition.say, now);
  }

  /** Queues what a run said; only a stream that was given something is delivered after commit. */
  private async said(tx: Sql, runId: string, say: Outgoing[], now: Date): Promise<Outcome> {
    if (say.length === 0) return {};
    await enqueue(tx, runId, say, now);
    return { streams: [runId] };
  }

  private async start(tx: Sql, event: Extract<Inbound, { kind: 'command' }>, now: Date): Promise<Outcome> {
    const flow = this.byCommand.get(event.name);
    if (!flow) return { direct: [notices.unknownCommand(event.from, event.name, this.commands())] };
    if (!(await claimDelivery(tx, event.deliveryId, now))) return {};

    const step = flow.start({ text: event.text, from: event.from, place: event.place, trigger: event.trigger, now });
    if (step.state === null) return { direct: step.say };

    const id = randomUUID();
    // A run that opens its own thread is keyed by it once the parent message is posted; one started inside a
    // thread stays there, so it is keyed by that thread at once.
    const opensThread = step.say.some((m) => m.kind === 'post' && m.anchor) && event.place.thread === undefined;
    const key = opensThread ? `${placeKey(event.place)}#run:${id}` : placeKey(event.place);
    const run: RunRecord = {
      id, flow: flow.id, version: flow.version, tenant: organisationOf(event), place: event.place, placeKey: key,
      startedBy: event.from, state: splitState(flow, step.state).rest, status: 'active', rev: 0,
    };
    try {
      await tx.exec('SAVEPOINT start_run');
      await insertRun(tx, { ...run, status: step.done ? 'done' : 'active' }, now);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await tx.exec('ROLLBACK TO SAVEPOINT start_run');
      return { direct: [notices.alreadyRunning(event.from, flow.command)] };
    }
    return this.persist(tx, flow, run, { ...step, state: step.state }, now, [], false);
  }

  private serviceFor(event: Inbound): CommandService | undefined {
    if (event.kind === 'command') return this.services.find((s) => s.command === event.name);
    const id = event.kind === 'action' ? event.action : event.kind === 'form' ? event.form : undefined;
    return id === undefined ? undefined : this.services.find((s) => id.startsWith(s.prefix));
  }

  private commands(): string[] {
    return [...this.byCommand.keys(), ...this.services.map((s) => s.command)];
  }

  /** Writes a step: the state (its collection as rows, only what changed), lessons, participants, actions, and what it said. */
  private async persist(
    tx: Sql, flow: AnyFlow, run: RunRecord, step: Step<unknown>, now: Date, stored: Contribution[], updateState = true,
  ): Promise<Outcome> {
    const { rest, items } = splitState(flow, step.state);
    if (updateState) await saveRun(tx, run.id, { state: rest, status: step.done ? 'done' : 'active', wakeAt: step.wakeAt }, now);
    if (flow.collection) await syncContributions(tx, run.id, stored, items, now);
    if (step.save?.length) {
      const { platform, channel, thread } = run.place;
      await insertLessons(tx, run.id, { platform, tenant: run.tenant, channel, thread, url: run.sourceUrl }, step.save, now);
    }
    if (step.participants?.length) await recordReviewParticipants(tx, run.id, run.tenant, step.participants, now);
    if (step.actions?.length) await insertRunActions(tx, run, step.actions, now);
    const recalled =
      step.recall && this.deps.recall
        ? await this.deps.recall(tx, { tenant: run.tenant, runId: run.id, place: run.place, ...step.recall }, now)
        : [];
    return this.said(tx, run.id, [...step.say, ...recalled], now);
  }

  /** Replies outside a run are ordinary chat; a button on a finished run deserves a word. */
  private async noActiveRun(tx: Sql, event: Exclude<Inbound, { kind: 'command' }>): Promise<Outcome> {
    if (event.kind !== 'action' && event.kind !== 'form') return {};
    // The place key carries the organisation, so another organisation's thread finds no run: the standard refusal.
    const ended = await latestRun(tx, placeKey(event.place));
    return { direct: ended ? [notices.alreadyEnded(event.from)] : refuseButton(event.from).say };
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === UNIQUE_VIOLATION;
}
