// Worker thread entry: runs load jobs off the main event loop, so the client's own work is not in the servers' way.
import { parentPort } from 'node:worker_threads';
import { runLoad } from './load';
import { loadJobSchema } from './messages';

const port = parentPort;
port?.on('message', (message: unknown) => {
  const job = loadJobSchema.safeParse(message);
  if (!job.success) {
    port.postMessage({ error: `bad load job: ${job.error.issues[0]?.message ?? ''}` });
    return;
  }
  runLoad(job.data).then(
    (result) => port.postMessage(result),
    (err: unknown) => port.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
