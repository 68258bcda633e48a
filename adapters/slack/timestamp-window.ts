// Bolt only rejects old requests; a timestamp far in the future is just as much a replay risk.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

export function withTimestampWindow(next: RequestListener, now: () => number): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-slack-request-timestamp'];
    const seconds = typeof header === 'string' && /^\d{1,12}$/.test(header) ? Number(header) : undefined;
    if (seconds === undefined || Math.abs(now() / 1000 - seconds) > TIMESTAMP_WINDOW_SECONDS) {
      res.writeHead(401);
      res.end();
      return;
    }
    next(req, res);
  };
}
