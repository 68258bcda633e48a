// Worker thread entry: the fake Slack Web API on its own event loop, as the real one is on other machines.
import { parentPort } from 'node:worker_threads';
import { startFakeSlackApi } from '../support/fake-slack-api';
import { fakeApiCommandSchema } from './messages';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const api = await startFakeSlackApi();
  const counts = (): Record<string, number> => {
    const calls: Record<string, number> = {};
    for (const call of api.calls()) calls[call.method] = (calls[call.method] ?? 0) + 1;
    return calls;
  };
  port.on('message', (message: unknown) => {
    const parsed = fakeApiCommandSchema.safeParse(message);
    if (!parsed.success) return;
    if (parsed.data.command === 'counts') {
      port.postMessage({ calls: counts() });
      return;
    }
    const calls = counts();
    void api.close().finally(() => {
      port.postMessage({ calls });
      port.close();
    });
  });
  port.postMessage({ url: api.url });
}

void main();
