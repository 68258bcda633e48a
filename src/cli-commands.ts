// Every `mobilise` command with its usage: the tree that src/cli.ts dispatches on.
import { type Command, type CommandGroup } from './cli-usage';
import { MATCH_USAGE, runMatch } from './coffee/matching/match-cli';
import { loadConfig, type Config } from './config';
import { systemClock } from './engine/clock';
import { fileClock } from './engine/file-clock';
import { EXPORT_USAGE, readExportArgs, runExport } from './lessons/export-cli';
import { IMPORT_USAGE, readImportArgs, runImport } from './lessons/import/import-cli';
import { readSearchArgs, runSearch, SEARCH_USAGE } from './lessons/search/search-cli';
import { styleFor } from '../adapters/console/style';
import { JOIN_USAGE, LIST_USAGE, ORG_USAGE, readJoin, readList, readRegister, REGISTER_USAGE, type OrgCommand } from './organisations/org-args';
import { runOrg } from './organisations/org-cli';
import { migrate } from './store/migrate';
import { readWhoArgs, runWho, WHO_USAGE } from './who/who-cli';
import { openDb } from './store/open-db';

const USAGE = `Usage: mobilise <command>

Commands:
  start                                   run the bot (Slack when configured, otherwise the console sandbox)
  migrate                                 apply database migrations and exit
  lessons export [--format json|csv|md]   print the lessons library (default json)
                 [--tenant ID] [--tag T]... [--since YYYY-MM-DD]
                 [--technique ID] [--status S] [--output FILE]
  lessons search "<words>" --tenant ID    search one organisation's lessons, as /lessons does
                 [--format text|json] [--limit N]
  lessons import <file.csv> --tenant ID   bring a lessons-learned spreadsheet (saved as CSV) into the library
                 [--dry-run]
  who "<topic>" --tenant ID               who in one organisation has done similar work before, as /learn who does
  coffee match --input FILE               preview a coffee round: groups for the people and history in a JSON file
  org register --name "NAME" [--ods CODE] register an organisation (see "mobilise org help")
  org join ORG --slack-workspace T…       join a Slack workspace, or a Teams team (--teams-team 19:…), to it
  org list                                the registered organisations and what has joined them
  help                                    show this text

Every command takes --help (or -h), e.g. "mobilise lessons import --help".
From a checkout, "npm run -s mobilise -- <command>" keeps npm's own lines out of the output.
Configuration comes from environment variables; see README.md.`;

const LESSONS_USAGE = `Usage: mobilise lessons <command>

Commands:
  export    print the lessons library, or part of it, as JSON, CSV or Markdown
  search    search one organisation's lessons, as /lessons does
  import    bring a lessons-learned spreadsheet (saved as CSV) into the library

Each command takes --help, e.g. "mobilise lessons export --help".`;

const COFFEE_USAGE = `Usage: mobilise coffee <command>

Commands:
  match     preview a coffee round for the people and history in a JSON file

Each command takes --help, e.g. "mobilise coffee match --help".`;

const START_USAGE = `Usage: mobilise start

Runs the bot: Slack and/or Teams when configured, otherwise the console sandbox. Applies pending
migrations first. Configuration comes from environment variables; see README.md.

Options:
  --help, -h   show this text`;

const MIGRATE_USAGE = `Usage: mobilise migrate

Applies pending database migrations (to DATABASE_URL, or the embedded database in DATA_DIR) and exits.

Options:
  --help, -h   show this text`;

const print = (text: string): void => void process.stdout.write(text);

type OpenDb = Awaited<ReturnType<typeof openDb>>;

async function withDb<T>(config: Config, fn: (db: OpenDb) => Promise<T>): Promise<T> {
  const db = await openDb(config);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Reads the arguments before the database is opened, so bad usage never touches it; the result goes to stdout. */
function dbCommand<A>(usage: string, read: (args: string[]) => A, run: (db: OpenDb, parsed: A, config: Config) => Promise<string>): Command {
  return {
    usage,
    run: async (args) => {
      const parsed = read(args);
      const config = loadConfig(process.env);
      print(await withDb(config, (db) => run(db, parsed, config)));
    },
  };
}

function orgCommand(usage: string, read: (args: string[]) => OrgCommand): Command {
  return dbCommand(usage, read, (db, command, config) => {
    const clock = config.clockFile === undefined ? systemClock : fileClock(config.clockFile);
    return runOrg(db, command, clock());
  });
}

const start: Command = {
  usage: START_USAGE,
  run: async () => {
    // Loaded only to run, so --help and the other commands never load the Slack and Teams adapters.
    const { startMobilise } = await import('./main.js');
    const app = await startMobilise(loadConfig(process.env));
    const stop = (): void => void app.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (app.finished) {
      await app.finished;
      await app.close();
    }
  },
};

const migrateCommand: Command = {
  usage: MIGRATE_USAGE,
  run: async () => {
    const db = await openDb(loadConfig(process.env));
    try {
      const applied = await migrate(db);
      print(applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n');
    } finally {
      await db.close();
    }
  },
};

const exportCommand: Command = {
  usage: EXPORT_USAGE,
  run: async (args) => {
    const exportArgs = readExportArgs(args);
    const { text, note } = await withDb(loadConfig(process.env), (db) => runExport(db, exportArgs));
    if (note !== undefined) process.stderr.write(`${note}\n`);
    print(text);
  },
};

export const MOBILISE: CommandGroup = {
  usage: USAGE,
  commands: {
    start,
    migrate: migrateCommand,
    lessons: {
      usage: LESSONS_USAGE,
      commands: {
        export: exportCommand,
        search: dbCommand(SEARCH_USAGE, readSearchArgs, (db, { words, options }) => runSearch(db, words, options, styleFor(process.stdout).bold)),
        import: dbCommand(IMPORT_USAGE, readImportArgs, (db, importArgs) => runImport(db, importArgs)),
      },
    },
    who: dbCommand(WHO_USAGE, readWhoArgs, (db, whoArgs) => runWho(db, whoArgs)),
    coffee: { usage: COFFEE_USAGE, commands: { match: { usage: MATCH_USAGE, run: (args) => print(runMatch(args)) } } },
    org: {
      usage: ORG_USAGE,
      commands: {
        register: orgCommand(REGISTER_USAGE, readRegister),
        join: orgCommand(JOIN_USAGE, readJoin),
        list: orgCommand(LIST_USAGE, readList),
      },
    },
  },
};
