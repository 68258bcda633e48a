// A tiny stand-in for Slack's Web API on loopback: answers the methods the adapter calls and records them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Parsed body; `blocks`, `view` and `attachments` JSON strings are decoded. */
  body: Record<string, unknown>;
  /** HTTP status the fake answered with: 429 means it was rate limited. */
  status: number;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  response?: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Web API base, ending in '/api/'. */
  url: string;
  calls(method?: string): RecordedCall[];
  /** Resolves with all calls once the predicate holds (or count calls are recorded); rejects on timeout. */
  waitFor(condition: number | ((calls: RecordedCall[]) => boolean), timeoutMs?: number): Promise<RecordedCall[]>;
  /** Posts and whispers to this channel answer `{ok: false, error}` (e.g. 'not_in_channel') until allowed again. */
  refuseChannel(channel: string, error: string): void;
  allowChannel(channel: string): void;
  /** conversations.open with this user among `users` answers `{ok: false, error}` (e.g. 'user_disabled'). */
  refuseUser(user: string, error: string): void;
  /** The next call to method gets this status (429 carries Retry-After: retryAfterSeconds); queued after earlier ones. */
  failNext(method: string, status: number, retryAfterSeconds?: number): void;
  /** The next `times` calls to method answer 429 with Retry-After: retryAfterSeconds. */
  rateLimitNext(method: string, retryAfterSeconds: number, times?: number): void;
  /** The next call(s) to method succeed, but the connection drops before the answer: the caller cannot know. */
  hangUpNext(method: string, times?: number): void;
  close(): Promise<void>;
}

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const recorded: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  const failures = new Map<string, { status: number; retryAfter?: number }[]>();
  const hangUps = new Map<string, number>();
  let nextTs = 100;

  const refused = new Map<string, string>();
  const refusedUsers = new Map<string, string>();
  const answer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    const channel = typeof body.channel === 'string' ? body.channel : 'C_UNKNOWN';
    const refusal = method.startsWith('chat.') ? refused.get(channel) : undefined;
    if (refusal !== undefined) return { ok: false, error: refusal };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'mobilise', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const ts = `1700000000.${String(nextTs++).padStart(6, '0')}`;
        return { ok: true, channel, ts, message: { ts, text: body.text } };
      }
      case 'chat.update':
        return { ok: true, channel, ts: body.ts, text: body.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(nextTs++).padStart(6, '0')}` };
      case 'chat.getPermalink': {
        const ts = typeof body.message_ts === 'string' ? body.message_ts : '';
        if (ts === '') return { ok: false, error: 'message_not_found' };
        return { ok: true, channel, permalink: `https://example.slack.com/archives/${channel}/p${ts.replace('.', '')}` };
      }
      case 'conversations.open':
        return openConversation(typeof body.users === 'string' ? body.users : '', refusedUsers);
      case 'conversations.history':
      case 'conversations.replies':
        // Newest first, like Slack; `oldest` is ignored because the fake's timestamps follow no real clock.
        return { ok: true, has_more: false, messages: postedIn(channel, method === 'conversations.replies' ? body.ts : undefined) };
      case 'views.open':
        return { ok: true, view: { id: `V${String(nextTs++)}`, ...(typeof body.view === 'object' ? body.view : {}) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  /** Messages the fake accepted in a channel (or one thread of it), as conversations.history shows them. */
  const postedIn = (channel: string, thread: unknown): Record<string, unknown>[] =>
    recorded
      .filter((c) => c.method === 'chat.postMessage' && c.response?.ok === true && c.body.channel === channel)
      .filter((c) => thread === undefined || c.body.thread_ts === thread || c.response?.ts === thread)
      .map((c) => ({ type: 'message', ts: c.response?.ts, text: c.body.text, ...(c.body.metadata === undefined ? {} : { metadata: c.body.metadata }) }))
      .reverse();

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const body = parseBody(await readBody(req), req.headers['content-type'] ?? '');
    const failure = failures.get(method)?.shift();
    const status = failure?.status ?? 200;
    const call: RecordedCall = { method, body, status };
    recorded.push(call);
    if (failure !== undefined) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      res.writeHead(failure.status, headers);
      res.end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'fake_failure' }));
    } else {
      call.response = answer(method, body);
      if (hangUps.get(method)) {
        // Done, but the caller never hears so: the window a crash between sending and recording leaves.
        hangUps.set(method, (hangUps.get(method) ?? 1) - 1);
        req.socket.destroy();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(call.response));
      }
    }
    for (const wake of [...waiters]) wake();
  }

  const queueFailure = (method: string, failure: { status: number; retryAfter?: number }): void => {
    failures.set(method, [...(failures.get(method) ?? []), failure]);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const calls = (method?: string): RecordedCall[] =>
    method === undefined ? [...recorded] : recorded.filter((c) => c.method === method);

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    waitFor(condition, timeoutMs = 5000) {
      const holds = (): boolean =>
        typeof condition === 'number' ? recorded.length >= condition : condition(calls());
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!holds()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(calls());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack API: condition not met in ${timeoutMs} ms; calls: ${recorded.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    refuseChannel(channel, error) {
      refused.set(channel, error);
    },
    allowChannel(channel) {
      refused.delete(channel);
    },
    refuseUser(user, error) {
      refusedUsers.set(user, error);
    },
    failNext(method, status, retryAfterSeconds) {
      queueFailure(method, retryAfterSeconds === undefined ? { status } : { status, retryAfter: retryAfterSeconds });
    },
    rateLimitNext(method, retryAfterSeconds, times = 1) {
      for (let i = 0; i < times; i += 1) queueFailure(method, { status: 429, retryAfter: retryAfterSeconds });
    },
    hangUpNext(method, times = 1) {
      hangUps.set(method, (hangUps.get(method) ?? 0) + times);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** Like Slack, one conversation per set of people: 'D'+id for one, 'G'+the sorted ids for several. */
function openConversation(users: string, refusedUsers: Map<string, string>): Record<string, unknown> {
  const ids = users.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) return { ok: false, error: 'users_list_not_supplied' };
  if (ids.length > 8) return { ok: false, error: 'too_many_users' };
  const refusal = ids.map((id) => refusedUsers.get(id)).find((error) => error !== undefined);
  if (refusal !== undefined) return { ok: false, error: refusal };
  const id = ids.length === 1 ? `D${ids[0]}` : `G${[...ids].sort().join('')}`;
  return { ok: true, channel: { id } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) Object.assign(body, parsed);
  } else {
    for (const [key, value] of new URLSearchParams(text)) body[key] = value;
  }
  for (const key of JSON_FIELDS) {
    const value = body[key];
    if (typeof value === 'string') body[key] = JSON.parse(value) as unknown;
  }
  return body;
}
