// Builds the Activity JSON Teams posts to a bot's messaging endpoint, for a tenant with one team.
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:6a1c2f0e-1b0d-4c7e-9e55-5f0d7e2b9c11', name: 'Mobilise' };
export const TEAM = { id: '19:team-general@thread.tacv2', name: 'Pharmacy', aadGroupId: 'b4a0c1e2-3d4f-4a5b-8c6d-7e8f9a0b1c2d' };
export const CHANNEL = '19:eprescribing@thread.tacv2';

export interface Who {
  id: string;
  name: string;
}

export const ALEX: Who = { id: '29:alex', name: 'Alex Morgan' };
export const SAM: Who = { id: '29:sam', name: 'Sam Patel' };
export const JO: Who = { id: '29:jo', name: 'Jo Evans' };
export const KIT: Who = { id: '29:kit', name: 'Kit Lewis' };
/** A second channel of the same team. */
export const OTHER_CHANNEL = '19:discharge@thread.tacv2';

/** A person's sign-in name, as the fake Bot Connector describes them (meeting links need it). */
export function upnOf(who: Who): string {
  return `${who.name.toLowerCase().replace(/\s+/g, '.')}@nhs.net`;
}

type Json = Record<string, unknown>;

let counter = 0;
/** Teams message ids are millisecond timestamps; these only need to be unique. */
export function nextId(): string {
  counter += 1;
  return `1699${String(Date.now() % 1_000_000_000).padStart(9, '0')}${String(counter).padStart(3, '0')}`;
}

function base(type: string, serviceUrl: string, from: Who, conversation: Json, extra: Json = {}): Json {
  return {
    type,
    id: nextId(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: `aad-${from.id}` },
    recipient: BOT,
    conversation,
    ...extra,
  };
}

function channelConversation(root: string | undefined, channel = CHANNEL): Json {
  return { id: root === undefined ? channel : `${channel};messageid=${root}`, conversationType: 'channel', isGroup: true, tenantId: TENANT };
}

function channelData(channel = CHANNEL): Json {
  return { tenant: { id: TENANT }, team: TEAM, channel: { id: channel } };
}

export function personalConversation(who: Who): Json {
  return { id: `a:personal-${who.id}`, conversationType: 'personal', tenantId: TENANT };
}

/** `@Mobilise <text>` as Teams sends it: the mention in the HTML, with a mention entity. */
function mentioning(text: string): { text: string; entities: Json[] } {
  const tag = `<at>${BOT.name}</at>`;
  return { text: `<p>${tag}&nbsp;${text}</p>`, entities: [{ type: 'mention', text: tag, mentioned: BOT }] };
}

export interface ChannelMessageInput {
  serviceUrl: string;
  from: Who;
  text: string;
  /** The reply chain it is in; a new post (no root) starts a chain named after itself. */
  root?: string;
  mentionBot?: boolean;
  id?: string;
  /** Extra mention entities, e.g. of other people: text holds their <at>Name</at>. */
  entities?: Json[];
  /** The team channel (default CHANNEL). */
  channel?: string;
}

export function channelMessage(input: ChannelMessageInput): Json {
  const id = input.id ?? nextId();
  const body = input.mentionBot ? mentioning(input.text) : { text: input.text, entities: [] as Json[] };
  const activity = base('message', input.serviceUrl, input.from, channelConversation(input.root ?? id, input.channel), {
    id,
    text: body.text,
    textFormat: 'plain',
    entities: [...body.entities, ...(input.entities ?? [])],
    channelData: channelData(input.channel),
  });
  return input.root === undefined ? activity : { ...activity, replyToId: input.root };
}

export function personalMessage(serviceUrl: string, from: Who, text: string): Json {
  return base('message', serviceUrl, from, personalConversation(from), { text, textFormat: 'plain', channelData: { tenant: { id: TENANT } } });
}

/** Action.Submit on a card: Teams sends a message whose value is the button's data (plus any inputs). */
export function cardSubmit(serviceUrl: string, from: Who, conversationId: string, cardId: string, data: Json): Json {
  const conversation = conversationId.startsWith('a:')
    ? { id: conversationId, conversationType: 'personal', tenantId: TENANT }
    : { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT };
  return base('message', serviceUrl, from, conversation, {
    replyToId: cardId,
    value: data,
    // A channel's reply chain is `<channel>;messageid=<root>`.
    channelData: conversationId.startsWith('a:') ? { tenant: { id: TENANT } } : channelData(conversationId.split(';')[0]),
  });
}

export function messageUpdate(serviceUrl: string, from: Who, root: string, id: string, text: string): Json {
  return base('messageUpdate', serviceUrl, from, channelConversation(root), { id, text, channelData: { ...channelData(), eventType: 'editMessage' } });
}

export function messageDelete(serviceUrl: string, from: Who, root: string, id: string): Json {
  return base('messageDelete', serviceUrl, from, channelConversation(root), { id, channelData: { ...channelData(), eventType: 'softDeleteMessage' } });
}

/** Someone adds the app for themselves: Teams says the bot joined their 1:1 chat. */
export function personalInstall(serviceUrl: string, who: Who): Json {
  return base('conversationUpdate', serviceUrl, who, personalConversation(who), {
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT } },
  });
}

export function personalInstallationUpdate(serviceUrl: string, who: Who): Json {
  return base('installationUpdate', serviceUrl, who, personalConversation(who), { action: 'add', channelData: { tenant: { id: TENANT } } });
}

/** The app is added to a team: Teams says so in the General channel. */
export function teamInstall(serviceUrl: string, who: Who): Json {
  return base('conversationUpdate', serviceUrl, who, channelConversation(undefined, TEAM.id), {
    membersAdded: [{ id: BOT.id }],
    channelData: { ...channelData(TEAM.id), eventType: 'teamMemberAdded' },
  });
}

/** Action.Execute on a card: Teams sends an `adaptiveCard/action` invoke whose value holds the button's data. */
export function cardExecute(serviceUrl: string, from: Who, conversationId: string, cardId: string, data: Json): Json {
  return { ...cardSubmit(serviceUrl, from, conversationId, cardId, {}), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'mobilise', data } } };
}

/** The same activity as Teams would send it from elsewhere: another tenant, and another team where it names a team. */
export function sentFrom(activity: Json, where: { tenant: string; team: Json }): Json {
  const channelData = (activity.channelData ?? {}) as Json;
  return {
    ...activity,
    conversation: { ...(activity.conversation as Json), tenantId: where.tenant },
    channelData: { ...channelData, tenant: { id: where.tenant }, ...(channelData.team === undefined ? {} : { team: where.team }) },
  };
}
