// An action's due date from its wording: the date it names, else two weeks on, remembering any date that could not be used.
import { DateTime } from 'luxon';
import { dayAfter, readDueIn, type Day } from '../../src/dates/day';
import { onWorkingDay } from '../../src/dates/working-days';

/** BAR runs have no time-zone setting yet; the NHS works in UK time. */
export const TIME_ZONE = 'Europe/London';
/** An action with no date in it is due this many days after the review. */
export const DEFAULT_DUE_DAYS = 14;

/** Mentions hold digits (<@U12345>) that must not be read as a date. */
const MENTIONS = /<@[^<>\s|]+(?:\|[^<>]*)?>/g;

/** Date-like words in an answer that are not a day it can be due ("31 February", "yesterday"), and why. */
export interface UnusableDate {
  words: string;
  problem: string;
}

export interface DueDate {
  day: Day;
  /** The answer named `day` itself, rather than getting the default. */
  named: boolean;
  /** Set when `day` is the default because the date the answer names can't be used. */
  unusable?: UnusableDate;
}

/** Reads the answer as written; `now` is when the review finishes (or, for a warning, when the answer came). */
export function dueDateOf(text: string, now: Date): DueDate {
  const due = readDueIn(text.replace(MENTIONS, ' '), now, TIME_ZONE);
  if (due.kind === 'day') return { day: due.day, named: true };
  const day = defaultDueDay(now);
  return due.kind === 'unusable' ? { day, named: false, unusable: { words: due.words, problem: due.problem } } : { day, named: false };
}

/** Two weeks on, moved off a weekend or bank holiday (England and Wales': a review does not know its nation yet). */
function defaultDueDay(now: Date): Day {
  return onWorkingDay(DateTime.fromISO(dayAfter(now, TIME_ZONE, DEFAULT_DUE_DAYS), { zone: TIME_ZONE })).toISODate() ?? '';
}
