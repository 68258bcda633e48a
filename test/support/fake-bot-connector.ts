// A tiny stand-in for the Bot Connector REST API (the `serviceUrl` Teams hands the bot) on loopback: answers the calls
// botbuilder makes and records them, with Teams' awkward answers where they matter. Each rule names its source:
// - [split] an activity with text and an attachment, or several attachments in a list, becomes several messages; the
//   connector answers 202 with no id (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages,
//   "Send a message"; OfficeDev/BotBuilder-MicrosoftTeams#125). A carousel is one message.
// - [split-update] such a message cannot be updated: "Activity resulted into multiple skype activities"
//   (OfficeDev/BotBuilder-MicrosoftTeams#126, microsoft/msteams-docs#1646).
// - [codes] 403 BotNotInConversationRoster for a bot removed from the conversation, 404 ActivityNotFoundInConversation
//   for an unknown message, 412/429/502/504 as transient ("Status codes from bot conversational APIs", same page).
// - [429] a 429 carries no Retry-After unless a test asks: Teams asks for exponential backoff with jitter and promises
//   no header (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
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

/** One message a Teams user would see, after any split. */
export interface ShownMessage {
  conversationId: string;
  id: string;
  text?: string;
  attachment?: Record<string, unknown>;
  /** Set when this message came from an activity Teams split (and so cannot be updated). */
  splitFrom?: string;
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
  /** The next call(s) (of one method, if given) get this status, with Teams' error code for it; a 429 carries Retry-After only when given one. */
  failNext(status: number, options?: { times?: number; retryAfterSeconds?: number; method?: 'POST' | 'PUT' }): void;
  rateLimitNext(retryAfterSeconds: number, times?: number): void;
  /** Mobilise is taken out of this conversation (a chat, or a channel with all its reply chains): every call there gets 403. */
  removeBot(conversationId: string): void;
  /** Every message as people see it: a split activity shows as several. */
  shown(): ShownMessage[];
  /** Someone get-member can describe (their UPN makes meeting links). */
  addMember(member: FakeMember): void;
  /** A channel the team's channel list names (the General channel, whose id is the team's, has no name). */
  addTeamChannel(teamId: string, channel: { id: string; name?: string }): void;
  close(): Promise<void>;
}

/** Teams' error code for each status it answers with (the documentation's status-code table). */
const CODES: Record<number, string> = {
  400: 'BadArgument',
  403: 'BotNotInConversationRoster',
  404: 'ActivityNotFoundInConversation',
  412: 'PreconditionFailed',
  413: 'MessageSizeTooBig',
  429: 'Throttled',
  500: 'ServiceError',
  502: 'ServiceError',
};
const SPLIT_UPDATE = 'Activity resulted into multiple skype activities';

const PATH = /^\/v3\/conversations(?:\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?)?\/?$/;
const TEAM_CHANNELS = /^\/v3\/teams\/([^/]+)\/conversations\/?$/;

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const recorded: ConnectorCall[] = [];
  const posted: SentActivity[] = [];
  const shown: ShownMessage[] = [];
  const waiters = new Set<() => void>();
  const failures: { status: number; retryAfter?: number; method?: string }[] = [];
  const members = new Map<string, FakeMember>();
  const teamChannels = new Map<string, { id: string; name?: string }[]>();
  const removedFrom = new Set<string>();
  let next = 1;
  const newId = (): string => `1700000000${String(next++).padStart(4, '0')}`;
  type Answer = { status: number; body: Record<string, unknown> | Record<string, unknown>[] };
  const error = (status: number, message: string): Answer => ({ status, body: { error: { code: CODES[status] ?? 'Error', message } } });

  /** Shows an activity as Teams would: one message, or [split] several; the id of the one message, if it was one. */
  const show = (conversationId: string, activity: Record<string, unknown>): string | undefined => {
    const parts = partsOf(activity);
    if (parts.length <= 1) {
      const id = newId();
      shown.push({ conversationId, id, ...(parts[0] ?? {}) });
      return id;
    }
    const splitFrom = newId();
    for (const part of parts) shown.push({ conversationId, id: newId(), ...part, splitFrom });
    return undefined;
  };

  const answer = (call: ConnectorCall): Answer => {
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
    const conversationId = call.conversationId ?? '';
    // [codes] A bot taken out of a team or chat may no longer write there.
    if (removedFrom.has(conversationId.split(';')[0] ?? '')) return error(403, 'The bot is not part of the conversation roster.');
    if (collection === 'activities' && call.method === 'POST') {
      const id = show(conversationId, call.body);
      if (id === undefined) return { status: 202, body: {} };
      posted.push({ call, conversationId, id, activity: call.body });
      return { status: 200, body: { id } };
    }
    if (collection === 'activities' && call.method === 'PUT' && item !== undefined) return update(conversationId, call.activityId ?? '', call.body);
    if (collection === 'members' && call.method === 'GET') {
      if (item === undefined) return { status: 200, body: [...members.values()].map(memberJson) };
      const member = members.get(call.memberId ?? '');
      return member ? { status: 200, body: memberJson(member) } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'no such member' } } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: 'no such route' } } };
  };

  const update = (conversationId: string, activityId: string, activity: Record<string, unknown>): Answer => {
    // A chain's root lives in the channel's conversation; replies in the chain's.
    const channel = conversationId.split(';')[0] ?? '';
    const target = shown.find((m) => m.id === activityId && (m.conversationId === conversationId || m.conversationId.split(';')[0] === channel));
    if (target === undefined) return error(404, 'Message does not exist in the thread.');
    // [split-update] Neither part of a split message, nor a message made to split, can be updated.
    const parts = partsOf(activity);
    if (target.splitFrom !== undefined || parts.length > 1) return error(400, SPLIT_UPDATE);
    delete target.text;
    delete target.attachment;
    Object.assign(target, parts[0] ?? {});
    return { status: 200, body: { id: activityId } };
  };

  const createConversation = (call: ConnectorCall): Answer => {
    const body = call.body;
    const channel = channelOf(body.channelData);
    const activity = isObject(body.activity) ? body.activity : undefined;
    if (channel !== undefined) {
      if (removedFrom.has(channel)) return error(403, 'The bot is not part of the conversation roster.');
      // A new post in a channel starts a reply chain named after its first message.
      const root = activity ? show(channel, activity) : newId();
      if (root === undefined) return { status: 202, body: {} };
      const conversationId = `${channel};messageid=${root}`;
      if (activity) posted.push({ call, conversationId, id: root, activity });
      return { status: 201, body: { id: conversationId, activityId: root } };
    }
    const memberList = Array.isArray(body.members) ? body.members : [];
    const first = memberList.find(isObject);
    const member = typeof first?.id === 'string' ? first.id : undefined;
    if (member === undefined) return error(400, 'members required');
    // Like Teams, one 1:1 conversation per person: asking again gives the same one.
    const conversationId = `a:personal-${member}`;
    if (removedFrom.has(conversationId)) return error(403, 'The bot is not part of the conversation roster.');
    if (activity) {
      const id = show(conversationId, activity);
      if (id !== undefined) posted.push({ call, conversationId, id, activity });
      return { status: 201, body: id === undefined ? { id: conversationId } : { id: conversationId, activityId: id } };
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
    const index = failures.findIndex((f) => f.method === undefined || f.method === call.method);
    const failure = index < 0 ? undefined : failures.splice(index, 1)[0];
    const { status, body } = failure === undefined ? answer(call) : error(failure.status, 'the fake was told to fail');
    call.status = status;
    if (!Array.isArray(body) && Object.keys(body).length > 0) call.response = body;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (failure?.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
    res.writeHead(status, headers);
    // [split] 202 Accepted comes with an empty body.
    res.end(status === 202 ? '' : JSON.stringify(body));
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
    shown: () => shown.map((m) => ({ ...m })),
    updates: () => recorded.filter((c) => c.method === 'PUT' && c.status === 200),
    waitFor,
    async waitForSent(n, timeoutMs) {
      await waitFor(() => posted.length >= n, timeoutMs);
      return [...posted];
    },
    failNext(status, options = {}) {
      for (let i = 0; i < (options.times ?? 1); i += 1) {
        failures.push({ status, ...(options.retryAfterSeconds === undefined ? {} : { retryAfter: options.retryAfterSeconds }), ...(options.method ? { method: options.method } : {}) });
      }
    },
    rateLimitNext(retryAfterSeconds, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push({ status: 429, retryAfter: retryAfterSeconds });
    },
    removeBot(conversationId) {
      removedFrom.add(conversationId);
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

/** What Teams would show of an activity: [split] its text and each attachment apart, unless a carousel holds them. */
function partsOf(activity: Record<string, unknown>): { text?: string; attachment?: Record<string, unknown> }[] {
  const text = typeof activity.text === 'string' && activity.text !== '' ? activity.text : undefined;
  const attachments = Array.isArray(activity.attachments) ? activity.attachments.filter(isObject) : [];
  if (activity.attachmentLayout === 'carousel' && attachments.length > 1) return [{ ...(text === undefined ? {} : { text }), attachment: { carousel: attachments } }];
  const parts: { text?: string; attachment?: Record<string, unknown> }[] = text === undefined ? [] : [{ text }];
  if (attachments.length === 1 && parts.length === 0) return [{ attachment: attachments[0] as Record<string, unknown> }];
  return [...parts, ...attachments.map((attachment) => ({ attachment }))];
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
