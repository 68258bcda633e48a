// Bolt and its WebClient log through our JSON logger; their debug output carries message bodies, so it is dropped.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { errorText, type Logger } from '../../src/log';

export function boltLogger(log: Logger): BoltLogger {
  let name = 'slack';
  let level = LogLevel.INFO;
  const line = (parts: unknown[]): string => parts.map((p) => (typeof p === 'string' ? p : errorText(p))).join(' ');
  return {
    // Never forward: the Web API client logs request bodies (message text) at debug.
    debug: () => undefined,
    info: (...parts: unknown[]) => log.info(line(parts), { source: name }),
    warn: (...parts: unknown[]) => log.warn(line(parts), { source: name }),
    error: (...parts: unknown[]) => log.error(line(parts), { source: name }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
