// /coffee status: is there a programme here, am I in, and when is the next round.
import { card, type Card } from '../../core/card';
import { mention, type Person } from '../../core/model';
import type { ProgrammeSettings } from '../settings';
import { formatDay, formatDayTime, scheduleInWords } from './dates';
import { countOf, PROGRAMME_NAME } from './wording';

export interface StatusInput {
  /** This person's membership, if they ever joined. */
  member?: { status: 'active' | 'left'; pausedUntil?: Date; team?: string };
  programme?: { organiser: Person; settings: ProgrammeSettings; nextRound: Date; members: number };
  timeZone: string;
}

function youLine(member: StatusInput['member'], timeZone: string): string {
  if (member === undefined || member.status === 'left') return "You haven't joined. Type /coffee join to be matched from the next round.";
  if (member.pausedUntil !== undefined) {
    return `You're in, but paused until ${formatDay(member.pausedUntil, timeZone)}. Type /coffee resume to come back sooner.`;
  }
  return "You're in, and will be matched in the next round.";
}

function teamLine(member: StatusInput['member']): string {
  if (member === undefined || member.status === 'left') return '';
  return member.team === undefined
    ? ' You have not given a team (type /coffee team and its name if you like).'
    : ` Your team: ${member.team}.`;
}

export function statusCard(input: StatusInput): Card {
  const programme = input.programme;
  if (programme === undefined) {
    const text = `There's no ${PROGRAMME_NAME} programme in this channel. Anyone here can start one with /coffee setup.`;
    return card(text, { type: 'paragraph', text });
  }
  const about =
    `${PROGRAMME_NAME} here is organised by ${mention(programme.organiser)}: ${scheduleInWords(programme.settings)}. ` +
    `${countOf(programme.members, 'person has', 'people have')} joined.`;
  const next = `The next round starts on ${formatDayTime(programme.nextRound, input.timeZone)}.`;
  const you = youLine(input.member, input.timeZone) + teamLine(input.member);
  return card(
    `${about} ${next} ${you}`,
    { type: 'paragraph', text: about },
    { type: 'paragraph', text: next },
    { type: 'paragraph', text: you },
  );
}
