// Applies each inbound event to its flow run in one transaction, then delivers what was said.
import { randomUUID } from 'node:crypto';
import type { Flow, Outgoing, Step } from '../core/flow';
import { refuseButton } from '../core/button-value';
import type { CommandService } from '../core/command-service';
import { cleanInbound } from '../core/clean-text';
import type { InboundHandler } from '../core/inbound-handler';
import { placeKey, type Inbound } from '../core/model';
import { organisationOf } from '../core/organisation';
import type { Db, Sql } from '../store/db';
import { claimDelivery, closeRun, insertRun, latestRun, lockActiveRun, saveRun, type RunRecord } from '../store/runs';
import { enqueue } from '../store/outbox';
import { insertLessons } from '../store/lessons';
import { insertRunActions } from '../store/lesson-actions';
import { errorText, type Logger } from '../log';
import type { Clock } from './clock';
import { Delivery, type ChatDirectory } from './delivery';
import { notices } from './notices';
import type { Recaller } from './recaller';
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
  private readonly work: WorkLimit;

  constructor(private readonly deps: EngineDeps) {
    for (const f of deps.flows) {
      this.byCommand.set(f.command, f);
      this.byId.set(f.id, f);
    }
    this.services = deps.services ?? [];
    this.delivery = new Delivery(deps.db, deps.chat, deps.clock, deps.log, deps.random);
    this.work = new WorkLimit(deps.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** Every platform's events come through here, so this is where text the database would refuse is cleaned, once. */
  handle(event: Inbound): Promise<void> {
    return this.work.run(() => this.process(cleanInbound(event)));
  }

  private async process(event: Inbound): Promise<void> {
    const now = this.deps.clock();
    let outcome: Outcome;
    try {
      outcome = await this.deps.db.transaction((tx) => this.apply(tx, event, now));
    } catch (err) {
      this.deps.log.error('event failed', { kind: event.kind, delivery: event.deliveryId, error: errorText(err) });
      outcome = 'from' in event ? { direct: [notices.somethingWentWrong(event.from)] } : {};
    }
    if (outcome.direct?.length) await this.delivery.sendDirect(event.place, outcome.direct);
    for (const stream of outcome.streams ?? []) await this.delivery.deliverStream(stream);
  }

  private async apply(tx: Sql, event: Inbound, now: Date): Promise<Outcome> {
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
    const parsed = flow?.version === run.version ? flow.stateSchema.safeParse(run.state) : undefined;
    if (!flow || !parsed?.success) {
      this.deps.log.warn('closing a run this version cannot continue', { run: run.id, flow: run.flow, version: run.version });
      await closeRun(tx, run.id, now);
      await enqueue(tx, run.id, [notices.runRetired()], now);
      return { streams: [run.id] };
    }
    const step = flow.on(parsed.data, event, now);
    await this.persist(tx, run, step, now);
    return { streams: [run.id] };
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
      startedBy: event.from, state: step.state, status: 'active', rev: 0,
    };
    try {
      await tx.exec('SAVEPOINT start_run');
      await insertRun(tx, { ...run, status: step.done ? 'done' : 'active' }, now);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await tx.exec('ROLLBACK TO SAVEPOINT start_run');
      return { direct: [notices.alreadyRunning(event.from, flow.command)] };
    }
    await this.persist(tx, run, { ...step, state: step.state }, now, false);
    return { streams: [id] };
  }

  private serviceFor(event: Inbound): CommandService | undefined {
    if (event.kind === 'command') return this.services.find((s) => s.command === event.name);
    const id = event.kind === 'action' ? event.action : event.kind === 'form' ? event.form : undefined;
    return id === undefined ? undefined : this.services.find((s) => id.startsWith(s.prefix));
  }

  private commands(): string[] {
    return [...this.byCommand.keys(), ...this.services.map((s) => s.command)];
  }

  private async persist(tx: Sql, run: RunRecord, step: Step<unknown>, now: Date, updateState = true): Promise<void> {
    if (updateState) await saveRun(tx, run.id, { state: step.state, status: step.done ? 'done' : 'active', wakeAt: step.wakeAt }, now);
    if (step.save?.length) {
      const { platform, tenant, channel, thread } = run.place;
      await insertLessons(tx, run.id, { platform, tenant, channel, thread, url: run.sourceUrl }, step.save, now);
    }
    if (step.actions?.length) await insertRunActions(tx, run, step.actions, now);
    const recalled =
      step.recall && this.deps.recall
        ? await this.deps.recall(tx, { tenant: run.tenant, runId: run.id, place: run.place, ...step.recall }, now)
        : [];
    await enqueue(tx, run.id, [...step.say, ...recalled], now);
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
