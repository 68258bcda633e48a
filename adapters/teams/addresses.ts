// What the Teams adapter keeps in the address book: how to reach an organisation, a conversation and a person later.
import { z } from 'zod';
import { formSpecSchema } from '../../src/core/card-schema';
import type { AddressBook } from '../../src/core/ports';

const botSchema = z.object({ id: z.string().min(1), name: z.string().optional() });

/** An organisation's Bot Connector endpoint and the bot's own account there: enough to open a 1:1 chat with anyone. */
const serviceSchema = z.object({ serviceUrl: z.string().min(1), channelId: z.string().min(1), bot: botSchema });
export type ServiceAddress = z.infer<typeof serviceSchema>;

/** A team channel or a chat: where a proactive post goes. */
const conversationSchema = serviceSchema.extend({
  conversationId: z.string().min(1),
  /** 'channel', 'groupChat' or 'personal' (absent in the Emulator, which behaves like a chat). */
  conversationType: z.string().optional(),
  /** The team's Microsoft 365 group, for links to messages in its channels. */
  groupId: z.string().optional(),
  /** The team a channel belongs to, whose channel list names it. */
  teamId: z.string().optional(),
  /** The channel's display name, once known, for `#name` in messages. */
  name: z.string().optional(),
});
export type ConversationAddress = z.infer<typeof conversationSchema>;

/** A person: their name for mentions, their 1:1 chat with the bot once known, and their sign-in name for meeting links. */
const personSchema = z.object({
  name: z.string().optional(),
  personal: z.string().optional(),
  /** A conversation they were last seen in, where the connector can look them up. */
  seenIn: z.string().optional(),
  upn: z.string().optional(),
  /** The team whose channel they last spoke in: their chats with Mobilise count in that team's organisation. */
  team: z.string().optional(),
});
export type PersonAddress = z.infer<typeof personSchema>;

const SERVICE_KEY = 'service';
const conversationKey = (channel: string): string => `conversation:${channel}`;
const personKey = (id: string): string => `person:${id}`;
const entraKey = (objectId: string): string => `entra:${objectId.toLowerCase()}`;
const entraSchema = z.object({ id: z.string().min(1) });
const formKey = (token: string): string => `form:${token}`;
const welcomeKey = (id: string): string => `welcomed:${id}`;
/** Where a form sent to someone's own chat was asked for, and whom it was sent to. */
const formOriginSchema = z.object({
  channel: z.string().min(1),
  thread: z.string().min(1).optional(),
  person: z.string().min(1),
  /** The form as sent, so a wrong answer can show it again; origins saved before this have none. */
  form: formSpecSchema.optional(),
});
export type FormOrigin = z.infer<typeof formOriginSchema>;

/** The address book with Teams' shapes; anything stored that no longer fits reads as unknown. */
export class TeamsAddresses {
  constructor(private readonly book: AddressBook) {}

  async service(tenant: string): Promise<ServiceAddress | undefined> {
    return read(serviceSchema, await this.book.load(tenant, SERVICE_KEY));
  }

  async saveService(tenant: string, service: ServiceAddress): Promise<void> {
    const known = await this.service(tenant);
    if (known && sameJson(known, service)) return;
    await this.book.save(tenant, SERVICE_KEY, service);
  }

  async conversation(tenant: string, channel: string): Promise<ConversationAddress | undefined> {
    return read(conversationSchema, await this.book.load(tenant, conversationKey(channel)));
  }

  /** Returns the address as now stored, with what was known before. */
  async saveConversation(tenant: string, channel: string, address: ConversationAddress): Promise<ConversationAddress> {
    const known = await this.conversation(tenant, channel);
    // Only some activities carry the team's group id, its id or the channel's name; keep each once learnt.
    const merged: ConversationAddress = { ...address };
    for (const key of ['groupId', 'teamId', 'name'] as const) {
      const value = address[key] ?? known?.[key];
      if (value !== undefined) merged[key] = value;
    }
    if (!known || !sameJson(known, merged)) await this.book.save(tenant, conversationKey(channel), merged);
    return merged;
  }

  async person(tenant: string, id: string): Promise<PersonAddress | undefined> {
    return read(personSchema, await this.book.load(tenant, personKey(id)));
  }

  /** The Teams id of the person with this Microsoft Entra object id, once they have been seen. */
  async personByEntraId(tenant: string, objectId: string): Promise<string | undefined> {
    return read(entraSchema, await this.book.load(tenant, entraKey(objectId)))?.id;
  }

  async saveEntraId(tenant: string, objectId: string, id: string): Promise<void> {
    if ((await this.personByEntraId(tenant, objectId)) === id) return;
    await this.book.save(tenant, entraKey(objectId), { id });
  }

  async formOrigin(tenant: string, token: string): Promise<FormOrigin | undefined> {
    return read(formOriginSchema, await this.book.load(tenant, formKey(token)));
  }

  async saveFormOrigin(tenant: string, token: string, origin: FormOrigin): Promise<void> {
    await this.book.save(tenant, formKey(token), origin);
  }

  /** True once per person ever: whoever gets true sends the welcome (Teams announces one install twice, at once). */
  async firstWelcome(tenant: string, id: string): Promise<boolean> {
    return this.book.claim(tenant, welcomeKey(id), true);
  }

  /** Adds what is newly known about a person, keeping the rest. */
  async updatePerson(tenant: string, id: string, update: PersonAddress): Promise<PersonAddress> {
    const known = (await this.person(tenant, id)) ?? {};
    const merged: PersonAddress = { ...known };
    for (const [key, value] of Object.entries(update) as [keyof PersonAddress, PersonAddress[keyof PersonAddress]][]) {
      if (value !== undefined) Object.assign(merged, { [key]: value });
    }
    if (!sameJson(known, merged)) await this.book.save(tenant, personKey(id), merged);
    return merged;
  }
}

function read<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function sameJson(a: object, b: object): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(o: object): [string, unknown][] {
  return Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
}
