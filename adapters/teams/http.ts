// POST /api/messages: our own checks of the body (size, JSON, shape), then botbuilder's CloudAdapter authenticates and runs the turn.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { CloudAdapter, Response as BotResponse, TurnContext } from 'botbuilder';
import { cleanJson } from '../../src/core/clean-text';
import { receivedBody } from '../../src/http/request-body';
import { errorText, type Logger } from '../../src/log';
import { activitySchema, HANDLED_TYPES, shapeProblem, typedSchema, type TeamsActivity } from './activity';

/** Teams caps a message at about 28 KB; a card submission with a long answer stays well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface MessagesEndpointDeps {
  adapter: CloudAdapter;
  onTurn(activity: TeamsActivity, ctx: TurnContext): Promise<void>;
  log: Logger;
  maxBodyBytes?: number;
}

export function messagesEndpoint(deps: MessagesEndpointDeps): RequestListener {
  return (req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.log.error('teams request failed', { error: errorText(error) });
      answer(res, 500, 'internal error');
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: MessagesEndpointDeps): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return answer(res, 405, 'only POST');
  }
  const text = await readBody(req, deps.maxBodyBytes ?? MAX_BODY_BYTES);
  if (text === undefined) {
    // Also sent when the body was read in full: one rule for every 413, whoever refuses it.
    res.setHeader('connection', 'close');
    return answer(res, 413, 'the body is too large');
  }
  let body: unknown;
  try {
    // Cleaned before anything reads it: the adapter stores names and addresses from it before the engine sees an event.
    body = cleanJson(JSON.parse(text));
  } catch {
    return answer(res, 400, 'the body is not JSON');
  }
  const typed = typedSchema.safeParse(body);
  if (!typed.success) return answer(res, 400, `not an activity: ${shapeProblem(typed.error)}`);
  if (!HANDLED_TYPES.has(typed.data.type)) return answer(res, 200);
  const activity = activitySchema.safeParse(body);
  if (!activity.success) return answer(res, 400, `not a ${typed.data.type} activity Mobilise can read: ${shapeProblem(activity.error)}`);

  const shim = responseShim(res);
  try {
    await deps.adapter.process({ body: typed.data, headers: req.headers, method: 'POST' }, shim, (ctx) => deps.onTurn(activity.data, ctx));
  } catch (error) {
    // CloudAdapter answers its own failures; this is for anything that escapes it.
    deps.log.warn('teams activity not processed', { error: errorText(error) });
    answer(res, isAuthenticationError(error) ? 401 : 500, isAuthenticationError(error) ? 'unauthorised' : 'internal error');
  }
}

/** The body as text, or undefined when it passes the limit (our server has read it; otherwise the rest is drained, not kept). */
async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const read = receivedBody(req);
  if (read !== undefined) return read.length > limit ? undefined : read.toString('utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(buffer);
  }
  return tooLarge ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** The Express-like response CloudAdapter writes to, over Node's own. */
function responseShim(res: ServerResponse): BotResponse {
  let status = 200;
  let body: string | undefined;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
    },
    header(name: string, value: unknown) {
      if (!res.headersSent) res.setHeader(name, String(value));
    },
    send(value: unknown) {
      if (value === undefined || value === null) return;
      if (typeof value === 'string' || Buffer.isBuffer(value)) {
        body = value.toString();
        return;
      }
      body = JSON.stringify(value);
      if (!res.headersSent && !res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
    },
    end() {
      if (res.headersSent) return;
      res.statusCode = status;
      res.end(body);
    },
  };
}

function answer(res: ServerResponse, status: number, message?: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = message === undefined ? '' : JSON.stringify({ error: message });
  res.writeHead(status, text === '' ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function isAuthenticationError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AuthenticationError' || ('statusCode' in error && error.statusCode === 401));
}
