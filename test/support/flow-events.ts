// Builders for the people, places and inbound events that flow tests feed in.
import type { StartInput } from '../../src/core/flow';
import type { Inbound, Person, Place } from '../../src/core/model';

export const NOW = new Date('2025-03-04T10:00:00.000Z');

let delivery = 0;
function nextDelivery(): string {
  delivery += 1;
  return `delivery-${delivery}`;
}

export function person(id: string, name?: string): Person {
  return name === undefined ? { platform: 'console', tenant: 'local', id } : { platform: 'console', tenant: 'local', id, name };
}

export function place(thread?: string): Place {
  return thread === undefined
    ? { platform: 'console', tenant: 'local', channel: 'C-ward-7' }
    : { platform: 'console', tenant: 'local', channel: 'C-ward-7', thread };
}

export function startInput(from: Person, text: string, now: Date = NOW): StartInput {
  return { text, from, place: place(), now };
}

export function command(from: Person, name: string, text: string): Inbound {
  return { kind: 'command', name, text, from, place: place(), deliveryId: nextDelivery() };
}

export function reply(from: Person, text: string, messageId: string): Inbound {
  return { kind: 'reply', text, from, place: place('T1'), deliveryId: nextDelivery(), messageId };
}

export function replyEdited(from: Person, text: string, messageId: string): Inbound {
  return { kind: 'reply-edited', text, from, place: place('T1'), deliveryId: nextDelivery(), messageId };
}

export function replyDeleted(messageId: string): Inbound {
  return { kind: 'reply-deleted', place: place('T1'), deliveryId: nextDelivery(), messageId };
}

export function action(from: Person, id: string, value?: string, trigger?: string): Inbound {
  const base = { kind: 'action' as const, action: id, from, place: place('T1'), deliveryId: nextDelivery() };
  return { ...base, ...(value === undefined ? {} : { value }), ...(trigger === undefined ? {} : { trigger }) };
}

export function formSubmitted(from: Person, form: string, fields: Record<string, string>): Inbound {
  return { kind: 'form', form, fields, from, place: place('T1'), deliveryId: nextDelivery() };
}
