#!/usr/bin/env node
// `mobilise start | migrate | lessons export | lessons search | coffee match | org`: the one entry point, for npm scripts and Docker.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseMatchFile, toMatchInput } from './coffee/matching/input-schema';
import { matchGroups } from './coffee/matching/match-groups';
import { ConfigError, loadConfig, type Config } from './config';
import { readImportArgs, runImport } from './lessons/import/import-cli';
import { readSearchArgs, runSearch } from './lessons/search/search-cli';
import { UsageError } from './usage-error';
import { readExportArgs, runExport } from './lessons/export-cli';
import { errorText } from './log';
import { startMobilise } from './main';
import { systemClock } from './engine/clock';
import { fileClock } from './engine/file-clock';
import { readOrgArgs } from './organisations/org-args';
import { runOrg } from './organisations/org-cli';
import { OrganisationError } from './organisations/organisation-error';
import { migrate } from './store/migrate';
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
  coffee match --input FILE               preview a coffee round: groups for the people and history in a JSON file
  org register --name "NAME" [--ods CODE] register an organisation (see "mobilise org help")
  org join ORG --slack-workspace T…       join a Slack workspace, or a Teams team (--teams-team 19:…), to it
  org list                                the registered organisations and what has joined them
  help                                    show this text

Configuration comes from environment variables; see README.md.`;


async function withDb<T>(config: Config, fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb(config);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const app = await startMobilise(loadConfig(process.env));
      const stop = (): void => void app.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (app.finished) {
        await app.finished;
        await app.close();
      }
      return;
    }
    case 'migrate': {
      const config = loadConfig(process.env);
      const db = await openDb(config);
      try {
        const applied = await migrate(db);
        process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await db.close();
      }
      return;
    }
    case 'lessons':
      return lessonsCommand(rest);
    case 'coffee':
      return coffeeCommand(rest);
    case 'org':
      return orgCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`Unknown command "${command}". Run "mobilise help" for the list.`);
  }
}

async function lessonsCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'search') {
    const { words, options } = readSearchArgs(rest);
    process.stdout.write(await withDb(loadConfig(process.env), (db) => runSearch(db, words, options)));
    return;
  }
  if (sub === 'import') {
    const importArgs = readImportArgs(rest);
    process.stdout.write(await withDb(loadConfig(process.env), (db) => runImport(db, importArgs)));
    return;
  }
  if (sub !== 'export') {
    throw new UsageError(`${sub === undefined ? 'Missing lessons command' : `Unknown lessons command "${sub}"`}. Try "mobilise lessons export", "mobilise lessons search" or "mobilise lessons import".`);
  }
  const exportArgs = readExportArgs(rest);
  process.stdout.write(await withDb(loadConfig(process.env), (db) => runExport(db, exportArgs)));
}

async function orgCommand(args: string[]): Promise<void> {
  const command = readOrgArgs(args);
  if (command.kind === 'help') {
    process.stdout.write(`${command.text}\n`);
    return;
  }
  const config = loadConfig(process.env);
  const clock = config.clockFile === undefined ? systemClock : fileClock(config.clockFile);
  process.stdout.write(await withDb(config, (db) => runOrg(db, command, clock())));
}

/** `coffee match --input FILE`: the matcher on a JSON file, groups as JSON on stdout; no database. */
function coffeeCommand(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub !== 'match') {
    throw new UsageError(`${sub === undefined ? 'Missing coffee command' : `Unknown coffee command "${sub}"`}. Try "mobilise coffee match --input FILE".`);
  }
  let input: string | undefined;
  try {
    ({ input } = parseArgs({ args: rest, options: { input: { type: 'string', short: 'i' } }, strict: true }).values);
  } catch (err) {
    throw new UsageError(errorText(err));
  }
  if (!input) throw new UsageError('coffee match needs --input FILE, a JSON file of participants and past rounds');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(input, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? `is not valid JSON (${err.message})` : `cannot be read (${errorText(err)})`;
    throw new UsageError(`${input} ${why}`);
  }
  const parsed = parseMatchFile(json);
  if (!parsed.ok) throw new UsageError(parsed.error);
  // No seed in the file: a fresh one, so each preview is a new draw.
  const result = matchGroups(toMatchInput(parsed.file, randomInt(2 ** 31)));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof OrganisationError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`mobilise: ${errorText(err)}\n`);
  process.exit(1);
});
