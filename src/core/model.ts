// The neutral model: who, where and what, as plain JSON that can be stored and replayed later.

export type Platform = 'slack' | 'teams' | 'console';

/** A conversation place: a channel, or a thread within it. */
export interface Place {
  platform: Platform;
  /** Slack workspace (team) id, Teams (Entra) tenant id, or 'local' for the console: what the platform needs to send here. */
  tenant: string;
  channel: string;
  thread?: string;
  /**
   * The workspace or team whose organisation this place counts in, when that is not the tenant: a Teams channel's team,
   * or for a Teams chat the team its speaker was last seen in. Set by the adapter; see src/core/organisation.ts.
   */
  scope?: string;
}

export interface Person {
  platform: Platform;
  tenant: string;
  id: string;
  name?: string;
}

/** What arrives from a platform, already translated by an adapter. */
export type Inbound = InboundKind & {
  /** Mobilise's organisation key, resolved by the engine once per event (organisationOf reads it). */
  organisation?: string;
};

type InboundKind =
  | {
      kind: 'command';
      /** Command name without the slash, e.g. 'aar'. */
      name: string;
      text: string;
      from: Person;
      place: Place;
      deliveryId: string;
      /** Platform handle that lets us open a form (Slack trigger_id). */
      trigger?: string;
    }
  | { kind: 'reply'; text: string; from: Person; place: Place; deliveryId: string; messageId: string }
  | { kind: 'reply-edited'; text: string; from: Person; place: Place; deliveryId: string; messageId: string }
  | { kind: 'reply-deleted'; place: Place; deliveryId: string; messageId: string }
  | {
      kind: 'action';
      action: string;
      value?: string;
      from: Person;
      place: Place;
      deliveryId: string;
      trigger?: string;
    }
  | { kind: 'form'; form: string; fields: Record<string, string>; from: Person; place: Place; deliveryId: string };

/** Stable text key of a place, used to find the run that lives there. */
export function placeKey(place: Place): string {
  const base = `${place.platform}:${place.tenant}:${place.channel}`;
  return place.thread ? `${base}:${place.thread}` : base;
}

/** The channel a place is in, without its thread: programmes and communities belong to a channel. */
export function channelOf(place: Place): Place {
  return { platform: place.platform, tenant: place.tenant, channel: place.channel };
}

export function channelKey(place: Place): string {
  return placeKey(channelOf(place));
}

export function samePerson(a: Person, b: Person): boolean {
  return a.platform === b.platform && a.tenant === b.tenant && a.id === b.id;
}

/** How a person is named in a message; adapters turn the mention into a platform mention. */
export function mention(p: Person): string {
  return `<@${p.id}>`;
}
