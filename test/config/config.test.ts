import { ConfigError, loadConfig } from '../../src/config';

const BOT = 'xoxb-1-2-abc';
const SECRET = '0123456789abcdef0123456789abcdef';
const APP = 'xapp-1-A1-2-def';

/** The error loadConfig throws for env, or a failure when it throws nothing. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set, and runs the console sandbox without Slack', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'warn',
      slack: undefined,
      schedulerCron: '* * * * *',
    });
  });

  it('logs at info by default once Slack is configured', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123456' }).logLevel).toBe('info');
  });

  it('reads every variable it is given', () => {
    expect(
      loadConfig({
        PORT: '8080',
        DATABASE_URL: 'postgresql://mobilise@db:5432/mobilise',
        DATA_DIR: '/data',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      port: 8080,
      databaseUrl: 'postgresql://mobilise@db:5432/mobilise',
      dataDir: '/data',
      logLevel: 'debug',
      slack: undefined,
      schedulerCron: '* * * * *',
    });
  });

  it('accepts the edges of the port range', () => {
    expect(loadConfig({ PORT: '1' }).port).toBe(1);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ HOME: '/root', PATH: '/usr/bin' }).port).toBe(3000);
  });

  it('runs Slack over HTTP with a bot token and a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }).slack).toEqual({
      mode: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      apiUrl: undefined,
    });
  });

  it('switches to Socket Mode when an app token is set, with or without a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).slack).toEqual({
      mode: 'socket',
      botToken: BOT,
      appToken: APP,
      signingSecret: undefined,
      apiUrl: undefined,
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET }).slack).toEqual({
      mode: 'socket',
      botToken: BOT,
      appToken: APP,
      signingSecret: SECRET,
      apiUrl: undefined,
    });
  });

  it('passes a GovSlack API URL through', () => {
    const slack = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: 'https://slack-gov.com/api/',
    }).slack;
    expect(slack?.apiUrl).toBe('https://slack-gov.com/api/');
  });

  it('treats empty and blank strings as unset', () => {
    const blank = {
      PORT: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      LOG_LEVEL: ' ',
      SLACK_SIGNING_SECRET: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '  ',
      SLACK_API_URL: '',
    };
    expect(loadConfig(blank)).toEqual(loadConfig({}));
    // A blank app token does not switch an HTTP setup to Socket Mode.
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: '' }).slack?.mode).toBe('http');
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '0' }],
    ['PORT', { PORT: '80.5' }],
    ['PORT', { PORT: '1e3' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: SECRET }],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'abc' }],
    ['SLACK_API_URL', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'notaurl' }],
    ['SLACK_API_URL', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'ftp://slack.com/api/' }],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['SCHEDULER_CRON', { SCHEDULER_CRON: 'every minute' }],
    ['SCHEDULER_CRON', { SCHEDULER_CRON: '61 * * * *' }],
    // The missing variable is the one named.
    ['SLACK_BOT_TOKEN', { SLACK_SIGNING_SECRET: SECRET }],
    ['SLACK_BOT_TOKEN', { SLACK_APP_TOKEN: APP }],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: BOT }],
  ])('rejects with a one-line message starting %s: %j', (name, env: Record<string, string>) => {
    const err = configError(env);
    expect(err.message.startsWith(`${name} `)).toBe(true);
    expect(err.message).not.toMatch(/\n/);
    // The message explains the problem rather than echoing zod's wording.
    expect(err.message).not.toMatch(/Invalid input|Too (small|big)|expected/);
  });

  it('says which values LOG_LEVEL takes', () => {
    expect(configError({ LOG_LEVEL: 'loud' }).message).toBe('LOG_LEVEL must be one of debug, info, warn, error, silent');
  });

  it('says what range PORT takes', () => {
    expect(configError({ PORT: 'abc' }).message).toBe('PORT must be a whole number from 1 to 65535');
  });

  it('reads the scheduler cron, with or without a seconds field, and the test clock file', () => {
    expect(loadConfig({ SCHEDULER_CRON: '*/5 * * * *' }).schedulerCron).toBe('*/5 * * * *');
    expect(loadConfig({ SCHEDULER_CRON: '*/10 * * * * *' }).schedulerCron).toBe('*/10 * * * * *');
    expect(loadConfig({ MOBILISE_CLOCK_FILE: '/tmp/mobilise-clock' }).clockFile).toBe('/tmp/mobilise-clock');
    expect(loadConfig({}).clockFile).toBeUndefined();
  });

  it('treats a blank SCHEDULER_CRON or MOBILISE_CLOCK_FILE as unset', () => {
    const config = loadConfig({ SCHEDULER_CRON: ' ', MOBILISE_CLOCK_FILE: '' });
    expect(config.schedulerCron).toBe('* * * * *');
    expect(config.clockFile).toBeUndefined();
  });

  it('says what SCHEDULER_CRON takes', () => {
    expect(configError({ SCHEDULER_CRON: '* * *' }).message).toBe('SCHEDULER_CRON must be a cron expression such as "* * * * *" (every minute)');
  });

  it('never puts a secret value in the message', () => {
    const secret = 'xoxp-very-secret-user-token';
    expect(configError({ SLACK_BOT_TOKEN: secret, SLACK_SIGNING_SECRET: SECRET }).message).not.toContain(secret);
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'q7Zp9xk' }).message).not.toContain('q7Zp9xk');
  });
});
