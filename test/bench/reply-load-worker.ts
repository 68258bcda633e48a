// Worker thread entry: sends reply load off the main event loop, so the client's own work is not in the targets' way.
import { parentPort } from 'node:worker_threads';
import { runReplies } from './reply-load';
import { replyJobSchema } from './reply-messages';

const port = parentPort;
port?.on('message', (message: unknown) => {
  const job = replyJobSchema.safeParse(message);
  if (!job.success) {
    port.postMessage({ error: `bad reply job: ${job.error.issues[0]?.message ?? ''}` });
    return;
  }
  runReplies(job.data).then(
    (result) => port.postMessage(result),
    (err: unknown) => port.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
