// The composition root: the only core file that knows which adapters exist.
import path from 'node:path';
import { hostname } from 'node:os';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConsoleAdapter } from '../adapters/console';
import { createSlackAdapter } from '../adapters/slack';
import { createTeamsAdapter, TEAMS_MESSAGES_PATH } from '../adapters/teams';
import type { Platform } from './core/model';
import type { ChatPort } from './core/ports';
import { spoolDirOf, type Config } from './config';
import { systemClock, type Clock } from './engine/clock';
import { afterActionReview } from '../flows/after-action-review';
import { beforeActionReview } from '../flows/before-action-review';
import { copService } from './communities/cop-service';
import { communityDigests } from './communities/digest-schedule';
import { actionReminders } from './lessons/actions/action-reminders';
import { recallLessons } from './lessons/recall/recall-lessons';
import { coffeeSchedule } from './coffee/rounds/coffee-schedule';
import { coffeeService } from './coffee/service/coffee-service';
import { lessonsService } from './lessons/search/lessons-service';
import { learnService } from './who/learn-service';
import type { CommandService } from './core/command-service';
import { fileClock } from './engine/file-clock';
import { formChecker } from './core/form-check';
import { Scheduler } from './scheduler/scheduler';
import { Engine, type AnyFlow } from './engine/engine';
import { notices } from './engine/notices';
import { openSpool } from './spool/open-spool';
import type { Spool } from './spool/spool';
import { createHttpServer, stopHttpServer, type HttpTimeouts } from './http/server';
import { createLogger, errorText, type Logger } from './log';
import type { Db } from './store/db';
import { listLessons } from './store/lessons';
import { migrate } from './store/migrate';
import { openDb } from './store/open-db';
import { pruneDeliveries } from './store/runs';
import { addressBook } from './store/platform-addresses';

/** Every flow Mobilise runs; a new technique is added here. */
export const allFlows: AnyFlow[] = [afterActionReview as AnyFlow, beforeActionReview as AnyFlow];

/** Commands answered without a conversation run. */
export const allServices: CommandService[] = [coffeeService, lessonsService, copService, learnService];

const SWEEP_EVERY_MS = 5_000;
const KEEP_DELIVERY_IDS_MS = 24 * 60 * 60 * 1000;

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
  /** Console sandbox streams (default: the terminal). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Test hook: Slack's request-timestamp clock in ms. */
  slackNow?: () => number;
  /** Retries inside the Slack Web API client (default none: the outbox retries). */
  slackRetries?: number;
  /** Test hook: false leaves the scheduler to explicit tick() calls instead of node-cron. */
  cron?: boolean;
  /** Test hook: the source of each coffee round's seed (default Math.random). */
  random?: () => number;
  /** Test hook: shorter HTTP deadlines (body, headers, health probe) than src/http/server.ts's defaults. */
  httpTimeouts?: Partial<HttpTimeouts>;
}

export interface RunningApp {
  db: Db;
  engine: Engine;
  scheduler: Scheduler;
  /** Holds platform events until the database has them (Slack and Teams only). */
  spool?: Spool;
  server?: Server;
  /** Port the HTTP server listens on (useful with PORT=0 in tests). */
  port?: number;
  /** Resolves when the console sandbox ends (console mode only). */
  finished?: Promise<void>;
  close(): Promise<void>;
}

export async function startMobilise(config: Config, opts: StartOptions = {}): Promise<RunningApp> {
  const log = opts.log ?? createLogger(config.logLevel);
  const baseClock = opts.clock ?? (config.clockFile === undefined ? systemClock : fileClock(config.clockFile));
  // The console sandbox may move time on (`/later`) to show scheduled steps; nothing else changes it.
  let skipped = 0;
  const clock: Clock = () => new Date(baseClock().getTime() + skipped);
  const db = await openDb(config);
  const applied = await migrate(db);
  if (applied.length) log.info('migrations applied', { applied });

  const ports = new Map<Platform, ChatPort>();
  const engine = new Engine({ db, flows: allFlows, services: allServices, chat: (p) => ports.get(p), clock, log, recall: recallLessons });
  // Adapters check a form's answers before it closes, with the same rules the services apply.
  const forms = formChecker([...allFlows, ...allServices], clock);
  const scheduler = new Scheduler({
    db,
    clock,
    log,
    sources: [coffeeSchedule(opts.random ?? Math.random), actionReminders(), communityDigests()],
    replica: `${hostname()}:${process.pid}`,
    deliver: async (streams) => {
      for (const stream of streams) await engine.delivery.deliverStream(stream);
    },
  });
  const closers: (() => Promise<void>)[] = [];
  const app: RunningApp = { db, engine, scheduler, close: async () => undefined };

  if (config.slack || config.teams) {
    // Platforms' events are kept on disk before they are acknowledged, and applied from there (src/spool/spool.ts).
    const spool = await openSpool(spoolDirOf(config), {
      apply: (events) => engine.accept(events),
      tell: async (event, what) => {
        if (!('from' in event)) return;
        const notice = what === 'kept' ? notices.keptForLater(event.from) : notices.sendAgain(event.from);
        await engine.delivery.sendDirect(event.place, [notice]);
      },
      logger: log,
      limit: config.spoolLimit,
    });
    app.spool = spool;
    // Closed after the server and the adapters (closers run in reverse): what is in hand is finished, the rest stays kept.
    closers.push(() => spool.close());
    const routes: Record<string, RequestListener> = {};
    const starts: (() => Promise<void>)[] = [];
    if (config.slack) {
      const slack = createSlackAdapter({
        ...config.slack,
        log,
        handler: spool,
        forms,
        now: opts.slackNow,
        retries: opts.slackRetries,
      });
      ports.set('slack', slack.chat);
      if (slack.requestListener) routes['/slack/events'] = slack.requestListener;
      starts.push(slack.start);
      closers.push(slack.stop);
    }
    if (config.teams) {
      if (!config.teams.auth) log.warn('Teams is running WITHOUT authentication (MOBILISE_TEAMS_NO_AUTH): for local testing only, never on the internet');
      const teams = createTeamsAdapter({
        ...(config.teams.auth ? config.teams : {}),
        log,
        handler: spool,
        forms,
        addresses: addressBook(db, 'teams', clock),
        commands: [...allFlows.map((f) => f.command), ...allServices.map((s) => s.command)],
      });
      ports.set('teams', teams.chat);
      routes[TEAMS_MESSAGES_PATH] = teams.requestListener;
      closers.push(teams.stop);
    }
    const server = createHttpServer({ routes, health: () => db.ping(), timeouts: opts.httpTimeouts });
    await new Promise<void>((resolve) => server.listen(config.port, resolve));
    app.server = server;
    app.port = (server.address() as AddressInfo).port;
    for (const start of starts) await start();
    // Closed first (closers run in reverse): no new requests while the adapters finish their work.
    closers.push(() => stopHttpServer(server));
    log.info('Mobilise is listening', { port: app.port, slack: config.slack?.mode, teams: config.teams ? (config.teams.auth ? 'auth' : 'no-auth') : undefined });
  } else {
    const consoleApp = createConsoleAdapter({
      input: opts.input ?? process.stdin,
      output: opts.output ?? process.stdout,
      handler: engine,
      forms,
      lessons: { list: (tenant: string) => listLessons(db, { tenant }) },
      // Beside the database, so a restart carries on with the same reviews; an in-memory database starts afresh anyway.
      ...(config.dataDir.startsWith('memory://') ? {} : { sessionFile: path.join(config.dataDir, 'sandbox-session.json') }),
      later: async (ms) => {
        skipped += ms;
        await scheduler.tick();
        await engine.delivery.sweep();
        return clock();
      },
    });
    skipped = consoleApp.movedOnMs;
    ports.set('console', consoleApp.chat);
    app.finished = consoleApp.run();
  }

  const timer = setInterval(() => void housekeeping(), SWEEP_EVERY_MS);
  timer.unref();
  async function housekeeping(): Promise<void> {
    try {
      await engine.delivery.sweep();
      await pruneDeliveries(db, new Date(clock().getTime() - KEEP_DELIVERY_IDS_MS));
    } catch (err) {
      log.warn('housekeeping failed', { error: errorText(err) });
    }
  }
  // Whatever a previous process left unsent goes out now.
  await housekeeping();
  // Starting also catches up any step whose time passed while no replica was running.
  if (opts.cron !== false) scheduler.start(config.schedulerCron);

  app.close = async () => {
    clearInterval(timer);
    await scheduler.stop();
    for (const close of closers.reverse()) await close();
    await engine.drained();
    await db.close();
  };
  return app;
}
