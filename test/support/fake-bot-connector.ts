// A tiny stand-in for the Bot Connector REST API (the `serviceUrl` Teams hands the bot) on loopback: answers the calls
// botbuilder makes and records them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | string;
  /** The path as sent, still encoded. */
  path: string;
  /** Decoded conversation id of /v3/conversations/{id}/…, when the path has one. */
  conversationId?: string;
  /** Decoded activity id of …/activities/{id}, when the path has one. */
  activityId?: string;
  /** Decoded member id of …/members/{id}. */
  memberId?: string;
  body: Record<string, unknown>;
  /** What the fake answered with: 429 means it was rate limited. */
  status: number;
  response?: Record<string, unknown>;
  /** The Authorization header, if any (none when authentication is off). */
  authorization?: string;
}

/** One message the bot put somewhere: a send, a reply, or the first message of a new conversation. */
export interface SentActivity {
  call: ConnectorCall;
  /** Where it went: a conversation id (a chat, a channel's reply chain `…;messageid=…`, or a new 1:1). */
  conversationId: string;
  /** The id the fake gave it. */
  id: string;
  activity: Record<string, unknown>;
}

export interface FakeMember {
  id: string;
  name: string;
  userPrincipalName: string;
  tenantId?: string;
}

export interface FakeBotConnector {
  /** The serviceUrl to put in activities, ending in '/'. */
  url: string;
  calls(): ConnectorCall[];
  /** Messages posted (not updates), in order. */
  sent(): SentActivity[];
  /** PUTs that replaced an earlier message. */
  updates(): ConnectorCall[];
  waitFor(condition: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Waits until at least n messages were posted and returns them all. */
  waitForSent(n: number, timeoutMs?: number): Promise<SentActivity[]>;
  /** The next call(s) get this status (429 carries Retry-After: retryAfterSeconds). */
  failNext(status: number, options?: { times?: number; retryAfterSeconds?: number }): void;
  rateLimitNext(retryAfterSeconds: number, times?: number): void;
  /** Someone get-member can describe (their UPN makes meeting links). */
  addMember(member: FakeMember): void;
  /** A channel the team's channel list names (the General channel, whose id is the team's, has no name). */
  addTeamChannel(teamId: string, channel: { id: string; name?: string }): void;
  close(): Promise<void>;
}

const PATH = /^\/v3\/conversations(?:\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?)?\/?$/;
const TEAM_CHANNELS = /^\/v3\/teams\/([^/]+)\/conversations\/?$/;

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const recorded: ConnectorCall[] = [];
  const posted: SentActivity[] = [];
  const waiters = new Set<() => void>();
  const failures: { status: number; retryAfter?: number }[] = [];
  const members = new Map<string, FakeMember>();
  const teamChannels = new Map<string, { id: string; name?: string }[]>();
  let next = 1;
  const newId = (): string => `1700000000${String(next++).padStart(4, '0')}`;

  const answer = (call: ConnectorCall): { status: number; body: Record<string, unknown> | Record<string, unknown>[] } => {
    const team = TEAM_CHANNELS.exec(call.path.split('?')[0] ?? '');
    if (team && call.method === 'GET') {
      const listed = teamChannels.get(decodeURIComponent(team[1] ?? ''));
      return listed ? { status: 200, body: { conversations: listed } } : { status: 404, body: { error: { code: 'TeamNotFound', message: 'no such team' } } };
    }
    const match = PATH.exec(call.path.split('?')[0] ?? '');
    if (!match) return { status: 404, body: { error: { code: 'NotFound', message: 'no such route' } } };
    const [, conversation, collection, item] = match;
    if (conversation === undefined) {
      if (call.method !== 'POST') return { status: 405, body: {} };
      return createConversation(call);
    }
    if (collection === 'activities' && call.method === 'POST') {
      const id = newId();
      posted.push({ call, conversationId: call.conversationId ?? '', id, activity: call.body });
      return { status: 200, body: { id } };
    }
    if (collection === 'activities' && call.method === 'PUT' && item !== undefined) return { status: 200, body: { id: call.activityId ?? '' } };
    if (collection === 'members' && call.method === 'GET') {
      if (item === undefined) return { status: 200, body: [...members.values()].map(memberJson) };
      const member = members.get(call.memberId ?? '');
      return member ? { status: 200, body: memberJson(member) } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'no such member' } } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: 'no such route' } } };
  };

  const createConversation = (call: ConnectorCall): { status: number; body: Record<string, unknown> } => {
    const body = call.body;
    const channel = channelOf(body.channelData);
    const activity = isObject(body.activity) ? body.activity : undefined;
    if (channel !== undefined) {
      // A new post in a channel starts a reply chain named after its first message.
      const id = newId();
      const conversationId = `${channel};messageid=${id}`;
      if (activity) posted.push({ call, conversationId, id, activity });
      return { status: 201, body: { id: conversationId, activityId: id } };
    }
    const memberList = Array.isArray(body.members) ? body.members : [];
    const first = memberList.find(isObject);
    const member = typeof first?.id === 'string' ? first.id : undefined;
    if (member === undefined) return { status: 400, body: { error: { code: 'BadArgument', message: 'members required' } } };
    // Like Teams, one 1:1 conversation per person: asking again gives the same one.
    const conversationId = `a:personal-${member}`;
    if (activity) {
      const id = newId();
      posted.push({ call, conversationId, id, activity });
      return { status: 201, body: { id: conversationId, activityId: id } };
    }
    return { status: 201, body: { id: conversationId } };
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const text = await readBody(req);
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    const match = PATH.exec(path.split('?')[0] ?? '');
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path,
      body: isObject(parsed) ? parsed : {},
      status: 200,
      ...(match?.[1] === undefined ? {} : { conversationId: decodeURIComponent(match[1]) }),
      ...(match?.[3] === undefined ? {} : match[2] === 'members' ? { memberId: decodeURIComponent(match[3]) } : { activityId: decodeURIComponent(match[3]) }),
      ...(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }),
    };
    recorded.push(call);
    const failure = failures.shift();
    if (failure !== undefined) {
      call.status = failure.status;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      res.writeHead(failure.status, headers);
      res.end(JSON.stringify({ error: { code: failure.status === 429 ? 'TooManyRequests' : 'FakeFailure', message: 'the fake was told to fail' } }));
    } else {
      const { status, body } = answer(call);
      call.status = status;
      if (!Array.isArray(body)) call.response = body;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }
    for (const wake of [...waiters]) wake();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor = (condition: (calls: ConnectorCall[]) => boolean, timeoutMs = 5000): Promise<ConnectorCall[]> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition([...recorded])) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve([...recorded]);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`fake Bot Connector: condition not met in ${timeoutMs} ms; calls: ${recorded.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    url: `http://127.0.0.1:${port}/`,
    calls: () => [...recorded],
    sent: () => [...posted],
    updates: () => recorded.filter((c) => c.method === 'PUT' && c.status === 200),
    waitFor,
    async waitForSent(n, timeoutMs) {
      await waitFor(() => posted.length >= n, timeoutMs);
      return [...posted];
    },
    failNext(status, options = {}) {
      for (let i = 0; i < (options.times ?? 1); i += 1) {
        failures.push(options.retryAfterSeconds === undefined ? { status } : { status, retryAfter: options.retryAfterSeconds });
      }
    },
    rateLimitNext(retryAfterSeconds, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push({ status: 429, retryAfter: retryAfterSeconds });
    },
    addMember(member) {
      members.set(member.id, member);
    },
    addTeamChannel(teamId, channel) {
      teamChannels.set(teamId, [...(teamChannels.get(teamId) ?? []), channel]);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function memberJson(m: FakeMember): Record<string, unknown> {
  return { id: m.id, name: m.name, userPrincipalName: m.userPrincipalName, email: m.userPrincipalName, tenantId: m.tenantId, userRole: 'user' };
}

function channelOf(channelData: unknown): string | undefined {
  if (!isObject(channelData) || !isObject(channelData.channel)) return undefined;
  return typeof channelData.channel.id === 'string' ? channelData.channel.id : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
