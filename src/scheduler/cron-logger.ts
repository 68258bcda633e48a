// node-cron logs to the console by default; this sends its few lines (e.g. missed executions) to ours as JSON.
import type { Logger as CronLogger } from 'node-cron';
import { errorText, type Logger } from '../log';

export function cronLogger(log: Logger): CronLogger {
  const text = (message: string | Error, err?: Error): Record<string, unknown> =>
    err ? { detail: errorText(message), error: errorText(err) } : { detail: errorText(message) };
  return {
    info: (message) => log.info('node-cron', { detail: message }),
    warn: (message) => log.warn('node-cron', { detail: message }),
    error: (message, err) => log.error('node-cron', text(message, err)),
    debug: (message, err) => log.debug('node-cron', text(message, err)),
  };
}
