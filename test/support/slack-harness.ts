// The real Slack adapter mounted on our HTTP server, talking to the fake Web API, with a recording handler.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter, SLACK_EVENTS_PATH, type SlackAdapter } from '../../adapters/slack';
import { createHttpServer, type HttpTimeouts } from '../../src/http/server';
import { createLogger, type Logger } from '../../src/log';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api';
import { recordingHandler, type RecordingHandler } from './recording-handler';
import { TEST_SIGNING_SECRET } from './slack-requests';

export interface SlackHarness {
  api: FakeSlackApi;
  handler: RecordingHandler;
  adapter: SlackAdapter;
  /** http://127.0.0.1:port */
  baseUrl: string;
  logLines: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  now?: () => number;
  start?: boolean;
  healthy?: () => Promise<boolean>;
  /** Shorter HTTP deadlines, for the tests of slow bodies. */
  httpTimeouts?: Partial<HttpTimeouts>;
}

export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const handler = recordingHandler();
  const logLines: string[] = [];
  const log: Logger = createLogger('info', (line) => logLines.push(line));
  const adapter = createSlackAdapter({
    signingSecret: TEST_SIGNING_SECRET,
    botToken: 'xoxb-test-token',
    apiUrl: api.url,
    log,
    handler,
    retries: 0,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const listener = adapter.requestListener;
  if (listener === undefined) throw new Error('HTTP mode adapter has no request listener');
  const server: Server = createHttpServer({
    routes: { [SLACK_EVENTS_PATH]: listener },
    health: options.healthy ?? (async () => true),
    ...(options.httpTimeouts === undefined ? {} : { timeouts: options.httpTimeouts }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  if (options.start !== false) await adapter.start();
  return {
    api,
    handler,
    adapter,
    baseUrl: `http://127.0.0.1:${port}`,
    logLines,
    async close() {
      handler.release();
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}
