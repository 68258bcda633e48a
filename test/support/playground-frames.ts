// What Microsoft 365 Agents Playground says on its two websockets, read with zod (its interface is undocumented, so
// anything unexpected is a failure, never a guess), and kept as a transcript tests can wait on and read.
import { z } from 'zod';

const attachmentSchema = z.object({ contentType: z.string(), content: z.unknown() }).loose();
const mentionSchema = z.object({ text: z.string(), mentioned: z.object({ id: z.string(), name: z.string().optional() }).loose() }).loose();
const messageSchema = z
  .object({
    messageId: z.string().min(1),
    timestamp: z.number(),
    from: z.object({ id: z.string() }).loose(),
    text: z.string().optional(),
    textFormat: z.string().optional(),
    attachments: z.array(attachmentSchema).default([]),
    mentions: z.array(mentionSchema).default([]),
    postConversationId: z.string().optional(),
  })
  .loose();
const conversationFrameSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('createMessage'), actionConversationId: z.string(), message: messageSchema }),
  z.object({ action: z.literal('updateMessage'), actionConversationId: z.string(), message: messageSchema }),
  z.object({ action: z.literal('typing'), actionConversationId: z.string() }),
]);

const PLAYGROUND = 'Microsoft 365 Agents Playground';
const BOT_APP = 'User Application';
const jsonObject = z.record(z.string(), z.unknown());
const logFrameSchema = z.object({
  logAction: z.literal('appendLog'),
  log: z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('bot'),
        from: z.enum([PLAYGROUND, BOT_APP]),
        activityName: z.string().optional(),
        request: z.object({ body: jsonObject.optional() }).loose(),
        response: z.object({ statusCode: z.number(), body: z.unknown().optional() }).loose(),
      })
      .loose(),
    z.object({ type: z.literal('text'), displayText: z.string(), level: z.string().optional() }).loose(),
  ]),
});

export type Attachment = z.infer<typeof attachmentSchema>;
export type Mention = z.infer<typeof mentionSchema>;
type MessageFrame = z.infer<typeof messageSchema>;

/** What one message looks like in the playground's Teams client at one moment. */
export interface Shown {
  text?: string;
  textFormat?: string;
  attachments: Attachment[];
  mentions: Mention[];
}

/** A message the bot put where the current user can see it; `versions` holds what it showed, first to latest. */
export interface SeenMessage {
  id: string;
  /** The chat or reply chain it is in (a new channel post starts a chain named after it). */
  conversationId: string;
  /** Set when it is a new post in a channel: the channel. */
  channelId?: string;
  from: string;
  versions: Shown[];
}

/** One request the bot made to the playground's Bot Connector, with the playground's answer. */
export interface ConnectorCall {
  /** 'message', 'createConversation', 'getConversationMember', 'getConversations'… as the playground names it. */
  name: string;
  /** A message posted (no activity id in the body) or an existing one replaced (its id in the body). */
  kind: 'post' | 'update' | 'other';
  conversationId?: string;
  body: Record<string, unknown>;
  status: number;
  response: unknown;
  /** The id the playground gave back (a message id, or a new conversation's id). */
  id?: string;
  /** For a channel post made with createConversation: the new post's message id. */
  activityId?: string;
}

/** An activity the playground sent to the bot, and the bot's HTTP answer. */
export interface Delivered {
  activity: Record<string, unknown>;
  status: number;
}

const stringField = (o: unknown, key: string): string | undefined => {
  const value = typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const shown = (m: MessageFrame): Shown => ({
  ...(m.text === undefined ? {} : { text: m.text }),
  ...(m.textFormat === undefined ? {} : { textFormat: m.textFormat }),
  attachments: m.attachments,
  mentions: m.mentions,
});

/** Everything both websockets said, in order, and waiters that re-check on every frame. */
export class Transcript {
  readonly seen: SeenMessage[] = [];
  readonly calls: ConnectorCall[] = [];
  readonly delivered: Delivered[] = [];
  /** The playground's own notes in its log (warnings such as "the app is not connected"). */
  readonly notes: string[] = [];
  /** Frames that did not fit the schemas: any one of them fails the next wait. */
  readonly problems: string[] = [];
  private readonly byId = new Map<string, SeenMessage>();
  private readonly waiters = new Set<() => void>();

  conversationFrame(raw: string): void {
    const frame = this.parse(conversationFrameSchema, raw, 'conversation');
    if (frame === undefined || frame.action === 'typing') return this.wake();
    const m = frame.message;
    if (frame.action === 'createMessage') {
      const message: SeenMessage = {
        id: m.messageId,
        conversationId: m.postConversationId ?? frame.actionConversationId,
        ...(m.postConversationId === undefined ? {} : { channelId: frame.actionConversationId }),
        from: m.from.id,
        versions: [shown(m)],
      };
      this.seen.push(message);
      this.byId.set(message.id, message);
    } else {
      const known = this.byId.get(m.messageId);
      if (known) known.versions.push(shown(m));
      else this.problems.push(`the playground updated message ${m.messageId}, which it never showed`);
    }
    this.wake();
  }

  logFrame(raw: string): void {
    const frame = this.parse(logFrameSchema, raw, 'log');
    const log = frame?.log;
    if (log?.type === 'text') this.notes.push(log.displayText);
    else if (log?.from === PLAYGROUND) this.delivered.push({ activity: log.request.body ?? {}, status: log.response.statusCode });
    else if (log !== undefined) {
      const body = log.request.body ?? {};
      const name = log.activityName ?? 'message';
      const id = stringField(log.response.body, 'id');
      const activityId = stringField(log.response.body, 'activityId');
      const conversationId = stringField(body.conversation, 'id');
      const kind = name !== 'message' ? 'other' : stringField(body, 'id') === undefined ? 'post' : 'update';
      this.calls.push({
        name,
        kind,
        ...(conversationId === undefined ? {} : { conversationId }),
        body,
        status: log.response.statusCode,
        response: log.response.body,
        ...(id === undefined ? {} : { id }),
        ...(activityId === undefined ? {} : { activityId }),
      });
    }
    this.wake();
  }

  /** Something went wrong outside the frames (the process died): every wait fails with it. */
  fail(reason: string): void {
    this.problems.push(reason);
    this.wake();
  }

  message(id: string): SeenMessage | undefined {
    return this.byId.get(id);
  }

  /** Resolves with what `find` returns once it returns something; fails with `what` and a digest after timeoutMs. */
  waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        if (this.problems.length > 0) return done(new Error(`${what}: ${this.problems.join('; ')}`));
        const found = find();
        if (found !== undefined) done(undefined, found);
      };
      const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.digest()}`)), timeoutMs);
      const done = (error?: Error, value?: T): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve(value as T);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The last frames in words, for a failure message. */
  digest(last = 12): string {
    const calls = this.calls.slice(-last).map((c) => `  bot -> playground: ${c.name} ${c.kind} ${c.conversationId ?? ''} => ${c.status} ${JSON.stringify(c.response) ?? ''}`);
    const seen = this.seen.slice(-last).map((m) => `  shown in ${m.conversationId}: ${m.id} (${m.versions.length} version(s)) ${preview(m.versions.at(-1))}`);
    const notes = this.notes.slice(-last).map((n) => `  playground note: ${n}`);
    return ['last connector calls:', ...calls, 'last messages shown:', ...seen, ...notes].join('\n');
  }

  private parse<T>(schema: z.ZodType<T>, raw: string, socket: string): T | undefined {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      this.problems.push(`the playground sent a ${socket} frame that is not JSON: ${raw.slice(0, 200)}`);
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(', ');
    this.problems.push(`the playground sent a ${socket} frame the harness cannot read (${issues}): ${raw.slice(0, 300)}`);
    return undefined;
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }
}

function preview(s: Shown | undefined): string {
  if (s === undefined) return '';
  const words = s.text ?? JSON.stringify(s.attachments).slice(0, 120);
  return `${s.attachments.length} attachment(s), "${words.replace(/\s+/g, ' ').slice(0, 100)}"`;
}
