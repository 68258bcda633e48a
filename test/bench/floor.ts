// The floor: a bare Bolt app that acks at once and does nothing, the least any Slack app can cost.
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { boltLogger } from '../../adapters/slack/bolt-logger';
import { createLogger } from '../../src/log';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET, EVENTS_PATH, type Target } from './target-base';

export async function startFloor(apiUrl: string): Promise<Target> {
  const logger = boltLogger(createLogger('silent'));
  const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, endpoints: EVENTS_PATH, logger });
  const app = new App({
    token: BENCH_BOT_TOKEN,
    receiver,
    logger,
    convoStore: false,
    deferInitialization: true,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/aar', async ({ ack }) => {
    await ack();
  });
  // Events API requests are acked by Bolt before listeners run; a reply is acked and dropped (bench:replies).
  app.event('message', async () => undefined);
  await app.init();
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return { name: 'floor', url: `http://127.0.0.1:${port}${EVENTS_PATH}`, close: () => app.stop().then(() => undefined) };
}
