// What every coffee command handler gets, and the small helpers they share.
import type { Card } from '../../core/card';
import type { Outgoing } from '../../core/flow';
import { whisperReply, type ServiceReply } from '../../core/command-service';
import type { Inbound, Person } from '../../core/model';
import type { Sql } from '../../store/db';
import { latestRoundStarted, roundStart } from '../schedule';
import type { Programme } from '../../store/coffee/programmes';
import { channelRefusedCard } from './notices';

export type CoffeeEvent = Exclude<Inbound, { kind: 'reply' | 'reply-edited' | 'reply-deleted' }>;

export interface CoffeeContext {
  tx: Sql;
  event: CoffeeEvent;
  from: Person;
  now: Date;
}

/** The outbox stream of a programme: its channel posts and its group messages, in order. */
export function programmeStream(programmeId: string): string {
  return `coffee:${programmeId}`;
}

export { channelKey, channelOf } from '../../core/model';

/** Only the person who asked sees it. */
export function whisper(ctx: CoffeeContext, ...cards: Card[]): ServiceReply {
  return whisperReply(ctx.from, ...cards);
}

/** When the next round not yet matched will start. */
export function nextRoundStart(programme: Programme, now: Date): Date {
  const latest = latestRoundStarted(programme.anchor, programme.settings, now);
  return roundStart(programme.anchor, programme.settings, latest === undefined ? programme.anchor.round : latest + 1);
}

/** A post in the programme's channel; if the channel refuses the bot, the organiser is told how to fix it. */
export function toChannel(programme: Programme, card: Card, key?: string): Outgoing {
  return {
    kind: 'send',
    to: { place: programme.place },
    card,
    ...(key === undefined ? {} : { key }),
    ifRefused: { to: programme.organiser, card: channelRefusedCard(programme.place) },
  };
}
