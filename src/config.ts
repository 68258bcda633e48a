// Environment variables, validated once at start-up.
import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log';

// A variable set to '' (as `PORT=` or `PORT=${PORT}` in compose files gives) counts as unset.
const blankAsUnset = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());

const PORT_RULE = 'must be a whole number from 1 to 65535';

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
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'is too short to be a Slack signing secret')),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-')),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
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

export interface Config {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  logLevel: LogLevel;
  slack?: SlackConfig;
  /** Always set by loadConfig; optional so hand-built configs (tests) may leave it to Scheduler.start's default. */
  schedulerCron?: string;
  clockFile?: string;
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
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    // The console sandbox shares the terminal with its logs, so it only shows warnings by default.
    logLevel: e.LOG_LEVEL ?? (slack ? 'info' : 'warn'),
    slack,
    schedulerCron: e.SCHEDULER_CRON,
    clockFile: e.MOBILISE_CLOCK_FILE,
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
