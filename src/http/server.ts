// One node:http server for every platform's webhook plus the health probe, so no SDK owns the port.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';

export interface HttpServerOptions {
  /** Exact path -> listener; the listener gets the untouched request (raw body for signature checks). */
  routes: Record<string, RequestListener>;
  /** True when the process can do useful work (e.g. the database answers). */
  health: () => Promise<boolean>;
}

export function createHttpServer(options: HttpServerOptions): Server {
  return createServer((req, res) => {
    const path = pathOf(req);
    if (path === '/healthz') {
      void answerHealth(req, res, options.health);
      return;
    }
    const route = Object.hasOwn(options.routes, path) ? options.routes[path] : undefined;
    if (route === undefined) {
      sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    try {
      route(req, res);
    } catch {
      // A listener that throws synchronously must not take the process down with it.
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal' });
      else res.end();
    }
  });
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

async function answerHealth(
  req: IncomingMessage,
  res: ServerResponse,
  health: () => Promise<boolean>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
    return;
  }
  let ok: boolean;
  try {
    ok = (await health()) === true;
  } catch {
    // A failing probe is an unhealthy process, not a crashed one.
    ok = false;
  }
  sendJson(res, ok ? 200 : 503, { ok });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
