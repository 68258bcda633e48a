// Builds Slack's inbound HTTP requests, signed the way Slack signs them, and sends them.
import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-8f2c';

export interface UnsignedRequest {
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  body: string;
}

export interface SlackRequest extends UnsignedRequest {
  headers: Record<string, string>;
}

export interface SignOptions {
  /** Defaults to TEST_SIGNING_SECRET; pass another to forge a bad signature. */
  secret?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function sign(request: UnsignedRequest, options: SignOptions = {}): SlackRequest {
  const timestamp = String(options.timestamp ?? nowSeconds());
  const digest = createHmac('sha256', options.secret ?? TEST_SIGNING_SECRET)
    .update(`v0:${timestamp}:${request.body}`)
    .digest('hex');
  return {
    ...request,
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${digest}`,
    },
  };
}

export interface SlashCommandInput {
  command: string;
  text?: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  userName?: string;
  triggerId?: string;
}

export function slashCommand(input: SlashCommandInput): UnsignedRequest {
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: input.teamId ?? 'T1',
    team_domain: 'example',
    channel_id: input.channelId ?? 'C1',
    channel_name: 'general',
    user_id: input.userId ?? 'U1',
    user_name: input.userName ?? 'alex',
    command: input.command,
    text: input.text ?? '',
    api_app_id: 'A1',
    response_url: 'https://hooks.slack.invalid/commands/T1/1/abc',
    trigger_id: input.triggerId ?? '111.222.aaa',
  });
  return { contentType: 'application/x-www-form-urlencoded', body: form.toString() };
}

export interface EnvelopeInput {
  eventId: string;
  teamId?: string;
}

/** An Events API event_callback around any event object. */
export function eventCallback(event: Record<string, unknown>, envelope: EnvelopeInput): UnsignedRequest {
  const body = {
    token: 'legacy-verification-token',
    team_id: envelope.teamId ?? 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: envelope.eventId,
    event_time: nowSeconds(),
    authorizations: [{ team_id: envelope.teamId ?? 'T1', user_id: 'UBOT', is_bot: true, enterprise_id: null }],
  };
  return { contentType: 'application/json', body: JSON.stringify(body) };
}

export interface MessageInput {
  text: string;
  ts: string;
  threadTs?: string;
  channel?: string;
  user?: string;
  botId?: string;
  subtype?: string;
}

export function messageEvent(input: MessageInput): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: 'message',
    channel: input.channel ?? 'C1',
    text: input.text,
    ts: input.ts,
    event_ts: input.ts,
    channel_type: 'channel',
  };
  if (input.user !== undefined || input.botId === undefined) event.user = input.user ?? 'U1';
  if (input.threadTs !== undefined) event.thread_ts = input.threadTs;
  if (input.botId !== undefined) event.bot_id = input.botId;
  if (input.subtype !== undefined) event.subtype = input.subtype;
  return event;
}

export function messageChangedEvent(input: {
  channel?: string;
  user?: string;
  ts: string;
  threadTs?: string;
  text: string;
  previousText: string;
}): Record<string, unknown> {
  const message: Record<string, unknown> = { type: 'message', user: input.user ?? 'U1', text: input.text, ts: input.ts };
  const previous: Record<string, unknown> = { type: 'message', user: input.user ?? 'U1', text: input.previousText, ts: input.ts };
  if (input.threadTs !== undefined) {
    message.thread_ts = input.threadTs;
    previous.thread_ts = input.threadTs;
  }
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: input.channel ?? 'C1',
    ts: '1700009999.000001',
    event_ts: '1700009999.000001',
    message,
    previous_message: previous,
  };
}

export function messageDeletedEvent(input: {
  channel?: string;
  deletedTs: string;
  threadTs?: string;
  user?: string;
}): Record<string, unknown> {
  const previous: Record<string, unknown> = { type: 'message', user: input.user ?? 'U1', text: 'gone', ts: input.deletedTs };
  if (input.threadTs !== undefined) previous.thread_ts = input.threadTs;
  return {
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel: input.channel ?? 'C1',
    deleted_ts: input.deletedTs,
    ts: '1700009999.000002',
    event_ts: '1700009999.000002',
    previous_message: previous,
  };
}

/** Interactive payloads arrive form-encoded as a single `payload` JSON field. */
export function interactive(payload: Record<string, unknown>): UnsignedRequest {
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  };
}

export interface BlockActionsInput {
  actions: { actionId: string; value?: string }[];
  messageTs: string;
  threadTs?: string;
  channel?: string;
  teamId?: string;
  userId?: string;
  userName?: string;
  triggerId?: string;
  /** A button on an ephemeral (whisper) message: Slack sends no `message`, only the container. */
  ephemeral?: boolean;
}

export function blockActions(input: BlockActionsInput): UnsignedRequest {
  const channel = input.channel ?? 'C1';
  const message: Record<string, unknown> = { type: 'message', ts: input.messageTs, text: 'card', user: 'UBOT', bot_id: 'BBOT' };
  const container: Record<string, unknown> = {
    type: 'message',
    message_ts: input.messageTs,
    channel_id: channel,
    is_ephemeral: input.ephemeral === true,
  };
  if (input.threadTs !== undefined) {
    message.thread_ts = input.threadTs;
    container.thread_ts = input.threadTs;
  }
  return interactive({
    type: 'block_actions',
    user: { id: input.userId ?? 'U1', username: input.userName ?? 'alex', name: input.userName ?? 'alex', team_id: input.teamId ?? 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container,
    trigger_id: input.triggerId ?? '333.444.bbb',
    team: { id: input.teamId ?? 'T1', domain: 'example' },
    channel: { id: channel, name: 'general' },
    ...(input.ephemeral === true ? {} : { message }),
    response_url: 'https://hooks.slack.invalid/actions/T1/1/abc',
    actions: input.actions.map((a) => ({
      type: 'button',
      action_id: a.actionId,
      block_id: 'actions-0',
      text: { type: 'plain_text', text: 'Button', emoji: true },
      action_ts: '1700000000.123456',
      ...(a.value === undefined ? {} : { value: a.value }),
    })),
  });
}

export interface ViewSubmissionInput {
  callbackId: string;
  privateMetadata: string;
  /** field id -> typed value (null when an optional field is left empty). */
  values: Record<string, string | null>;
  viewId?: string;
  teamId?: string;
  userId?: string;
  userName?: string;
}

export function viewSubmission(input: ViewSubmissionInput): UnsignedRequest {
  const values: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const [id, value] of Object.entries(input.values)) values[id] = { [id]: { type: 'plain_text_input', value } };
  return interactive({
    type: 'view_submission',
    team: { id: input.teamId ?? 'T1', domain: 'example' },
    user: { id: input.userId ?? 'U1', username: input.userName ?? 'alex', name: input.userName ?? 'alex', team_id: input.teamId ?? 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: '555.666.ccc',
    view: {
      id: input.viewId ?? 'V1',
      team_id: input.teamId ?? 'T1',
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      state: { values },
      hash: '1700000000.abc',
      title: { type: 'plain_text', text: 'Form' },
      blocks: [],
    },
    response_urls: [],
  });
}

export function urlVerification(challenge: string): UnsignedRequest {
  return { contentType: 'application/json', body: JSON.stringify({ token: 'legacy', challenge, type: 'url_verification' }) };
}

export interface SentResponse {
  status: number;
  body: string;
  headers: Headers;
}

/** POSTs a signed request to base + path (default /slack/events). */
export async function send(baseUrl: string, request: SlackRequest, path = '/slack/events'): Promise<SentResponse> {
  const response = await fetch(new URL(path, baseUrl), { method: 'POST', headers: request.headers, body: request.body });
  return { status: response.status, body: await response.text(), headers: response.headers };
}
