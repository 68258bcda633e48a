// Builders for neutral inbound events in engine-level tests.
import type { Inbound, Person, Place } from '../../src/core/model';

let seq = 0;
export const nextId = (prefix = 'd'): string => `${prefix}${++seq}`;

export const channel: Place = { platform: 'console', tenant: 'T1', channel: 'C1' };
export const person = (id: string): Person => ({ platform: 'console', tenant: 'T1', id, name: id });

export const command = (name: string, text: string, from = person('alex'), place = channel): Inbound => ({
  kind: 'command', name, text, from, place, deliveryId: nextId('cmd'), trigger: nextId('trg'),
});

export const reply = (thread: string, text: string, from = person('sam'), deliveryId = nextId('evt')): Inbound => ({
  kind: 'reply', text, from, place: { ...channel, thread }, deliveryId, messageId: nextId('msg'),
});

export const action = (thread: string, name: string, from = person('alex'), value?: string): Inbound => ({
  kind: 'action', action: name, value, from, place: { ...channel, thread }, deliveryId: nextId('act'), trigger: nextId('trg'),
});
