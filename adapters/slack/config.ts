// What the composition root hands the Slack adapter.
import type { FormChecker } from '../../src/core/form-check';
import type { InboundHandler } from '../../src/core/inbound-handler';
import type { LogLevel, Logger } from '../../src/log';

export interface SlackAdapterConfig {
  /** Required over HTTP; unused in Socket Mode (Slack does not sign socket frames). */
  signingSecret?: string;
  botToken: string;
  /** xapp- token: when set, Socket Mode is used and no HTTP listener is returned. */
  appToken?: string;
  /** Web API base URL, e.g. 'https://slack-gov.com/api/' for GovSlack or a fake in tests. */
  apiUrl?: string;
  /** Used when no log is given. */
  logLevel?: LogLevel;
  /** Where the adapter and Bolt log (JSON lines by default). */
  log?: Logger;
  handler: InboundHandler;
  /** Each form's check, asked before a modal closes (none: every submission closes and goes to the handler). */
  forms?: FormChecker;
  /** Clock in ms for the request timestamp window (tests). */
  now?: () => number;
  /** Web API retries on network and server errors inside the client; none by default, as the outbox retries. A 429 is never retried here: it throws RetryLater. */
  retries?: number;
  /** First back-off between retries, doubling each time (default 1000 ms). */
  retryDelayMs?: number;
}
