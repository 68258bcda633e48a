// One node:http server for every platform's webhook plus the health probe, so no SDK owns the port.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { attachBody, readRequestBody } from './request-body';

/** Slack's largest payloads (a button on a 50-block message, form-encoded) and Teams' (about 28 KB) stay well under this. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpTimeouts {
  /** All request headers must arrive within this (Node's headersTimeout). */
  headersMs: number;
  /** The whole body must arrive within this after the headers, or the request gets 408 and the connection is closed. */
  bodyMs: number;
  /** /healthz answers 503 when the probe has not answered within this. */
  healthMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, bodyMs: 10_000, healthMs: 1_500 };

/** How long a refused connection may keep sending before it is cut. */
const CLOSE_GRACE_MS = 1_000;

export interface HttpServerOptions {
  /**
   * Exact path -> listener. The server has already read the body (within the limit and deadline) and put it on
   * `req.rawBody` untouched (see receivedBody), so signature checks see the exact bytes.
   */
  routes: Record<string, RequestListener>;
  /** True when the process can do useful work (e.g. the database answers). */
  health: () => Promise<boolean>;
  maxBodyBytes?: number;
  timeouts?: Partial<HttpTimeouts>;
}

/** Servers that are stopping: each new request is turned away so its connection closes and the platform goes elsewhere. */
const stopping = new WeakSet<Server>();

/**
 * Stops gracefully: no new connections; a request on a kept-alive one gets 503 and Connection: close, so busy clients
 * cannot hold the server open; requests already in hand are finished.
 */
export function stopHttpServer(server: Server): Promise<void> {
  stopping.add(server);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  return closed;
}

export function createHttpServer(options: HttpServerOptions): Server {
  const timeouts = { ...DEFAULT_HTTP_TIMEOUTS, ...options.timeouts };
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      // A backstop behind our own body deadline; Node answers 408 and closes.
      requestTimeout: timeouts.headersMs + timeouts.bodyMs,
      // Node checks the two timeouts above on this interval (default 30 s, which would make them loose).
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    },
    (req, res) => {
      // Slack and Teams resend what gets a 5xx (https://api.slack.com/apis/events-api#retries), to a replica still running.
      if (stopping.has(server)) return refuse(req, res, 503, 'stopping');
      const path = pathOf(req);
      if (path === '/healthz') {
        void answerHealth(req, res, options.health, timeouts.healthMs);
        return;
      }
      const route = Object.hasOwn(options.routes, path) ? options.routes[path] : undefined;
      if (route === undefined) {
        sendJson(res, 404, { ok: false, error: 'not_found' });
        return;
      }
      void readThenRoute(req, res, route, { maxBytes, timeoutMs: timeouts.bodyMs });
    },
  );
  return server;
}

async function readThenRoute(
  req: IncomingMessage,
  res: ServerResponse,
  route: RequestListener,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<void> {
  const result = await readRequestBody(req, limits);
  if (result.kind === 'aborted') return;
  if (result.kind === 'too-large') return refuse(req, res, 413, 'payload_too_large');
  if (result.kind === 'timeout') return refuse(req, res, 408, 'request_timeout');
  attachBody(req, result.body);
  try {
    route(req, res);
  } catch {
    // A listener that throws synchronously must not take the process down with it.
    if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal' });
    else res.end();
  }
}

/** Answers and closes the connection: the rest of the body is still on the wire, so the socket cannot carry another request. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string): void {
  const socket = req.socket;
  const cut = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
  cut.unref();
  socket.once('close', () => clearTimeout(cut));
  sendJson(res, status, { ok: false, error }, { connection: 'close' });
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
  deadlineMs: number,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
    return;
  }
  // A probe that does not answer (a stalled database) is an unhealthy process, as is one that fails.
  const ok = await withinDeadline(health, deadlineMs);
  sendJson(res, ok ? 200 : 503, { ok });
}

async function withinDeadline(probe: () => Promise<boolean>, deadlineMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(probe).then((ok) => ok === true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
