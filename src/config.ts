// Environment variables, validated once at start-up.
import { validate as isCronExpression } from 'node-cron';
import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log';

// A variable set to '' (as `PORT=` or `PORT=${PORT}` in compose files gives) counts as unset.
const blankAsUnset = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());

const PORT_RULE = 'must be a whole number from 1 to 65535';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEAMS_APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;

const envSchema = z.object({
  PORT: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^\d+$/, PORT_RULE)
      .transform(Number)
      .pipe(z.number().min(1, PORT_RULE).max(65535, PORT_RULE))
      .default(3000),
  ),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')),
  DATA_DIR: z.preprocess(blankAsUnset, z.string().default('./data')),
  // Where acknowledged events wait for the database (default DATA_DIR/spool); one folder per running process.
  MOBILISE_SPOOL_DIR: optional(z.string()),
  MOBILISE_SPOOL_LIMIT: optional(z.string().regex(/^[1-9]\d*$/, 'must be a whole number of events, such as 10000').transform(Number)),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'is too short to be a Slack signing secret')),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-')),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  MICROSOFT_APP_ID: optional(z.string().regex(GUID, 'must be the Azure Bot\'s Microsoft app id, a GUID')),
  MICROSOFT_APP_PASSWORD: optional(z.string()),
  MICROSOFT_APP_TENANT_ID: optional(z.string().regex(GUID, 'must be a Microsoft Entra tenant id, a GUID')),
  MICROSOFT_APP_TYPE: optional(z.enum(TEAMS_APP_TYPES, { error: `must be one of ${TEAMS_APP_TYPES.join(', ')}` })),
  // Local testing and the Bot Framework Emulator: Teams without authentication, which must never face the internet.
  MOBILISE_TEAMS_NO_AUTH: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  // When the scheduler wakes to look for due steps (node-cron, optional seconds field first); the steps' own times live in the database.
  SCHEDULER_CRON: z.preprocess(
    blankAsUnset,
    z.string().refine(isCronExpression, 'must be a cron expression such as "* * * * *" (every minute)').default('* * * * *'),
  ),
  // Test hook: the clock reads an ISO-8601 instant from this file on every call, so several processes share a clock the test moves.
  MOBILISE_CLOCK_FILE: optional(z.string()),
});

export type SlackConfig = {
  botToken: string;
  apiUrl?: string;
} & ({ mode: 'http'; signingSecret: string } | { mode: 'socket'; appToken: string; signingSecret?: string });

/** Teams with authentication (an Azure Bot's app id), or without it for local testing. */
export type TeamsConfig =
  | { auth: true; appId: string; appType: (typeof TEAMS_APP_TYPES)[number]; appPassword?: string; tenantId?: string }
  | { auth: false };

export interface Config {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  logLevel: LogLevel;
  slack?: SlackConfig;
  teams?: TeamsConfig;
  /** Always set by loadConfig; optional so hand-built configs (tests) may leave it to Scheduler.start's default. */
  schedulerCron?: string;
  clockFile?: string;
  /** The spool's folder; without one (a database in memory) events wait in memory. See spoolDirOf. */
  spoolDir?: string;
  spoolLimit?: number;
}

/** Events wait on disk next to the data, unless the data itself is in memory. */
export function spoolDirOf(config: Pick<Config, 'spoolDir' | 'dataDir'>): string | undefined {
  if (config.spoolDir !== undefined) return config.spoolDir;
  return config.dataDir.startsWith('memory://') ? undefined : path.join(config.dataDir, 'spool');
}

export class ConfigError extends Error {}

/** One line naming the variable and what is wrong with it. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name} ${issue?.message ?? 'is not valid'}`);
  }
  const e = parsed.data;
  const slack = slackConfig(e);
  const teams = teamsConfig(e);
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    // The console sandbox shares the terminal with its logs, so it only shows warnings by default.
    logLevel: e.LOG_LEVEL ?? (slack || teams ? 'info' : 'warn'),
    slack,
    teams,
    schedulerCron: e.SCHEDULER_CRON,
    clockFile: e.MOBILISE_CLOCK_FILE,
    spoolDir: e.MOBILISE_SPOOL_DIR,
    spoolLimit: e.MOBILISE_SPOOL_LIMIT,
  };
}

function slackConfig(e: z.infer<typeof envSchema>): SlackConfig | undefined {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken, SLACK_API_URL: apiUrl } = e;
  if (!botToken && !signingSecret && !appToken) return undefined;
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  if (appToken) return { mode: 'socket', botToken, appToken, signingSecret, apiUrl };
  if (!signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)');
  return { mode: 'http', botToken, signingSecret, apiUrl };
}

function teamsConfig(e: z.infer<typeof envSchema>): TeamsConfig | undefined {
  const {
    MICROSOFT_APP_ID: appId,
    MICROSOFT_APP_PASSWORD: appPassword,
    MICROSOFT_APP_TENANT_ID: tenantId,
    MICROSOFT_APP_TYPE: type,
    MOBILISE_TEAMS_NO_AUTH: noAuth,
  } = e;
  if (!appId) {
    const orphan = appPassword ? 'MICROSOFT_APP_PASSWORD' : tenantId ? 'MICROSOFT_APP_TENANT_ID' : type ? 'MICROSOFT_APP_TYPE' : undefined;
    if (orphan) throw new ConfigError(`MICROSOFT_APP_ID is required when ${orphan} is set`);
    return noAuth === 'true' ? { auth: false } : undefined;
  }
  if (noAuth === 'true') throw new ConfigError('MOBILISE_TEAMS_NO_AUTH must not be true when MICROSOFT_APP_ID is set: an app id turns authentication on');
  const appType = type ?? 'SingleTenant';
  if (appType !== 'UserAssignedMSI' && !appPassword) throw new ConfigError(`MICROSOFT_APP_PASSWORD is required for a ${appType} bot (the client secret of its app registration)`);
  if (appType !== 'MultiTenant' && !tenantId) throw new ConfigError(`MICROSOFT_APP_TENANT_ID is required for a ${appType} bot (the tenant its app registration lives in)`);
  return { auth: true, appId, appType, ...(appPassword ? { appPassword } : {}), ...(tenantId ? { tenantId } : {}) };
}
