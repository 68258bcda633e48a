// Platform text on its way in: Postgres cannot store NUL or a lone surrogate, and other control characters are invisible noise.
import type { Inbound, Person, Place } from './model';

// Every C0 control except tab, newline and carriage return, DEL and the C1 controls, and a surrogate without its pair.
const UNWANTED = new RegExp(
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

/** The text without the characters no one can see and the database would refuse. */
export function cleanText(text: string): string {
  return text.replace(UNWANTED, '');
}

/** Whether cleaning would change the text. */
export function hasUnwantedCharacters(text: string): boolean {
  return cleanText(text) !== text;
}

function cleanPerson(p: Person): Person {
  const base: Person = { platform: p.platform, tenant: cleanText(p.tenant), id: cleanText(p.id) };
  return p.name === undefined ? base : { ...base, name: cleanText(p.name) };
}

function cleanPlace(p: Place): Place {
  const base: Place = { platform: p.platform, tenant: cleanText(p.tenant), channel: cleanText(p.channel) };
  const threaded = p.thread === undefined ? base : { ...base, thread: cleanText(p.thread) };
  return p.scope === undefined ? threaded : { ...threaded, scope: cleanText(p.scope) };
}

function cleanFields(fields: Record<string, string>): Record<string, string> {
  // fromEntries defines own keys, so a field named __proto__ stays a field.
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [cleanText(k), cleanText(v)]));
}

/** An event with every string in it cleaned: the engine does this to whatever an adapter hands it. */
export function cleanInbound(event: Inbound): Inbound {
  const place = cleanPlace(event.place);
  const deliveryId = cleanText(event.deliveryId);
  switch (event.kind) {
    case 'command': {
      const cleaned = { ...event, name: cleanText(event.name), text: cleanText(event.text).trim(), from: cleanPerson(event.from), place, deliveryId };
      return event.trigger === undefined ? cleaned : { ...cleaned, trigger: cleanText(event.trigger) };
    }
    case 'reply':
    case 'reply-edited':
      return { ...event, text: cleanText(event.text), from: cleanPerson(event.from), place, deliveryId, messageId: cleanText(event.messageId) };
    case 'reply-deleted':
      return { ...event, place, deliveryId, messageId: cleanText(event.messageId) };
    case 'action': {
      const base = { ...event, action: cleanText(event.action), from: cleanPerson(event.from), place, deliveryId };
      const withValue = event.value === undefined ? base : { ...base, value: cleanText(event.value) };
      return event.trigger === undefined ? withValue : { ...withValue, trigger: cleanText(event.trigger) };
    }
    case 'form':
      return { ...event, form: cleanText(event.form), fields: cleanFields(event.fields), from: cleanPerson(event.from), place, deliveryId };
  }
}

type JsonContainer = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null;
}

function emptyLike(value: JsonContainer): JsonContainer {
  return Array.isArray(value) ? [] : {};
}

/**
 * Parsed JSON with every string in it, keys included, cleaned: for a platform payload whose parts an adapter stores
 * before the engine sees an event. A loop, not recursion, so deeply nested input cannot overflow the stack.
 */
export function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (!isContainer(value)) return value;
  const root = emptyLike(value);
  const pending: [JsonContainer, JsonContainer][] = [[value, root]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [from, to] = next;
    for (const [key, item] of Object.entries(from)) {
      const cleaned = typeof item === 'string' ? cleanText(item) : isContainer(item) ? emptyLike(item) : item;
      if (isContainer(item) && isContainer(cleaned)) pending.push([item, cleaned]);
      if (Array.isArray(to)) to.push(cleaned);
      // defineProperty makes an own key, so a key named __proto__ stays a key.
      else Object.defineProperty(to, cleanText(key), { value: cleaned, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}
