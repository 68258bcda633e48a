// The whole of Mobilise (startMobilise, configured from MOBILISE_TEAMS_NO_AUTH=true as an operator would) on a fresh
// database on the Postgres server, with Microsoft 365 Agents Playground in front of it as Teams: started before a
// file's tests, stopped and removed after them, whatever point the start got to.
import { loadConfig, type Config } from '../../src/config';
import type { Logger } from '../../src/log';
import { startMobilise, type RunningApp, type StartOptions } from '../../src/main';
import { freePort, startAgentsPlayground, type PlaygroundProcess } from './agents-playground';
import { createServerDatabase } from './databases';
import { PlaygroundTeams } from './playground-driver';

export interface LogEntry {
  level: string;
  msg: string;
  fields?: Record<string, unknown>;
}

/** Mobilise in this process, on a port of its own that survives a restart, with a way to tell it has finished its work. */
export class MobiliseUnderTest {
  private running?: RunningApp;
  /** Its warnings and errors (it never logs message text). */
  readonly logs: LogEntry[] = [];

  private constructor(
    private readonly config: Config,
    private readonly options: StartOptions,
  ) {}

  static async start(databaseUrl: string, options: StartOptions = {}): Promise<MobiliseUnderTest> {
    // The data folder in memory: the spool keeps events in memory too, rather than in a folder every test file would share.
    const env = { MOBILISE_TEAMS_NO_AUTH: 'true', DATABASE_URL: databaseUrl, DATA_DIR: 'memory://', PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    const mobilise = new MobiliseUnderTest(loadConfig(env), options);
    await mobilise.open();
    return mobilise;
  }

  get app(): RunningApp {
    if (this.running === undefined) throw new Error('Mobilise is not running');
    return this.running;
  }

  /** What it logged as going wrong, leaving out the warning it always gives when started without authentication. */
  complaints(): string[] {
    return this.logs.filter((l) => !/WITHOUT authentication/.test(l.msg)).map((l) => `${l.level}: ${l.msg} ${JSON.stringify(l.fields ?? {})}`);
  }

  get messagesUrl(): string {
    return `http://127.0.0.1:${this.config.port}/api/messages`;
  }

  /** Resolves once no event Teams sent is still being handled (its messages delivered, or failed and left to retry). */
  async idle(): Promise<void> {
    await this.running?.spool?.settled();
    await this.running?.engine.drained();
  }

  /** Stops it, which waits for every piece of work it has in hand, and starts it again on the same port and database. */
  async restart(): Promise<void> {
    await this.close();
    await this.open();
  }

  async close(): Promise<void> {
    const app = this.running;
    this.running = undefined;
    await app?.close();
  }

  private async open(): Promise<void> {
    this.running = await startMobilise(this.config, { log: this.recorder(), cron: false, ...this.options });
  }

  private recorder(): Logger {
    const keep =
      (level: string) =>
      (msg: string, fields?: Record<string, unknown>): void => {
        this.logs.push({ level, msg, ...(fields === undefined ? {} : { fields }) });
      };
    return { debug: () => undefined, info: () => undefined, warn: keep('warn'), error: keep('error') };
  }
}

export interface PlaygroundE2e {
  readonly mobilise: MobiliseUnderTest;
  readonly playground: PlaygroundProcess;
  readonly teams: PlaygroundTeams;
}

/** Registers beforeAll/afterAll: a throwaway server database, Mobilise on it, the playground in front of it. */
export function usePlaygroundE2e(options: StartOptions = {}): PlaygroundE2e {
  let run: PlaygroundE2e | undefined;
  const undo: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const { url, dropDatabase } = await createServerDatabase();
    undo.push(dropDatabase);
    const mobilise = await MobiliseUnderTest.start(url, options);
    undo.push(() => mobilise.close());
    const playground = await startAgentsPlayground(mobilise.messagesUrl);
    undo.push(() => playground.close());
    const teams = new PlaygroundTeams(playground);
    teams.botIdle = () => mobilise.idle();
    run = { mobilise, playground, teams };
  });
  // Each step runs even if an earlier one throws; the first failure is reported once all have run.
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const step of undo.splice(0).reverse()) await step().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  });
  const get = (): PlaygroundE2e => {
    if (run === undefined) throw new Error('the playground run is not open: read it inside a test');
    return run;
  };
  return {
    get mobilise() {
      return get().mobilise;
    },
    get playground() {
      return get().playground;
    },
    get teams() {
      return get().teams;
    },
  };
}
