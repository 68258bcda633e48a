// Days people type ("12 December", "2026-12-12", "12/12/2026", "in 2 weeks", "Friday"), read in a time zone.
import { DateTime } from 'luxon';

/** A calendar day, YYYY-MM-DD. */
export type Day = string;

export type DayReading = { ok: true; day: Day } | { ok: false; problem: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Short forms people write: Mon, Tue or Tues, Wed or Weds, Thu, Thur or Thurs, Fri, Sat, Sun. */
const WEEKDAY_SHORT = /^(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?$/i;

/** The ISO weekday (1 = Monday) a word names, whole or shortened, in any case; undefined for anything else. */
export function weekdayNamed(word: string): number | undefined {
  const typed = word.trim().toLowerCase();
  const whole = WEEKDAYS.indexOf(typed);
  if (whole >= 0) return whole + 1;
  const short = WEEKDAY_SHORT.exec(typed)?.[1];
  return short === undefined ? undefined : WEEKDAYS.findIndex((day) => day.startsWith(short.slice(0, 3))) + 1;
}
const UNITS: Record<string, 'days' | 'weeks' | 'months'> = { day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months' };

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$/i;
const MONTH_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;
const IN_DURATION = /^(?:in\s+)?(\d{1,3}|an?|one)\s+([a-z]+)$/i;
const WEEKDAY = /^(?:next\s+|on\s+)?([a-z]+\.?)$/i;

/** The same shapes, found inside a sentence ("check the printers by 12 December"). */
const IN_TEXT = [
  /\b(\d{4}-\d{1,2}-\d{1,2})\b/,
  /\b(\d{1,2}\/\d{1,2}\/\d{4})\b/,
  /\b(\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:,?\s+\d{4})?)\b/i,
  /\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\b/i,
  /\bin\s+((?:\d{1,3}|an?|one)\s+(?:days?|weeks?|months?))\b/i,
  /\b(?:by|on|before|next)\s+((?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i,
  /\b(?:by|before|next)\s+((?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun))\b/i,
  // "today" alone often means the meeting itself ("what we agreed today"), so only "by today" counts.
  /\b(?:by|until|before)\s+(today)\b/i,
  /\b(tomorrow|yesterday)\b/i,
];

const EXAMPLES = 'For example: 12 December, 2026-12-12, 12/12/2026, in 2 weeks or Friday';

export interface DayOptions {
  /** Whether today itself is allowed (a due date may be today; a new date must be later). */
  todayAllowed?: boolean;
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

function longDate(date: DateTime): string {
  return date.setLocale('en-GB').toFormat('d LLLL yyyy');
}

function fail(problem: string): DayReading {
  return { ok: false, problem };
}

/** Checks the day is not past (or today, unless allowed) and within a year. */
function within(start: DateTime, today: DateTime, options: DayOptions): DayReading {
  if (start < today) return fail(`${longDate(start)} has already passed. ${EXAMPLES}.`);
  if (start.hasSame(today, 'day') && options.todayAllowed !== true) return fail(`That's today; please choose a later day. ${EXAMPLES}.`);
  if (start > today.plus({ years: 1 })) return fail(`${longDate(start)} is more than a year away. ${EXAMPLES}.`);
  return { ok: true, day: start.toISODate() ?? '' };
}

function fromParts(text: string, day: number, month: number, year: number | undefined, today: DateTime, options: DayOptions): DayReading {
  if (month < 1 || month > 12) return fail(`"${text}" isn't a date: months go from 1 to 12. ${EXAMPLES}.`);
  // 2024 is a leap year, so only days that never exist (31 February, 31 April) fail here.
  if (!DateTime.fromObject({ year: 2024, month, day }).isValid) return fail(`There's no ${day} ${MONTHS[month - 1] ?? ''}. ${EXAMPLES}.`);
  if (year !== undefined) {
    const start = DateTime.fromObject({ year, month, day }, { zone: today.zone });
    if (!start.isValid) return fail(`There's no ${day} ${MONTHS[month - 1] ?? ''} in ${year}. ${EXAMPLES}.`);
    return within(start, today, options);
  }
  // Without a year, the next time that day comes round, unless it went by more recently than it comes again.
  const thisYear = DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone });
  const nextYear = DateTime.fromObject({ year: today.year + 1, month, day }, { zone: today.zone });
  if (thisYear.isValid && nextYear.isValid && thisYear < today && today.diff(thisYear) < nextYear.diff(today)) {
    return fail(`${longDate(thisYear)} has already passed. If you mean ${longDate(nextYear)}, please give the year. ${EXAMPLES}.`);
  }
  for (const y of [today.year, today.year + 1]) {
    const start = DateTime.fromObject({ year: y, month, day }, { zone: today.zone });
    if (start.isValid && (start > today || (options.todayAllowed === true && start.hasSame(today, 'day')))) return within(start, today, options);
  }
  return fail(`The next ${day} ${MONTHS[month - 1] ?? ''} is more than a year away. ${EXAMPLES}.`);
}

/** Reads a whole answer as a day, in `timeZone`, today or later (see options) and within a year. */
export function readDay(raw: string, now: Date, timeZone: string, options: DayOptions = {}): DayReading {
  const text = raw.trim().replace(/^(?:by|on|until)\s+/i, '');
  if (text === '') return fail(`Please give a date. ${EXAMPLES}.`);
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const lower = text.toLowerCase();
  if (lower === 'today') return within(today, today, options);
  if (lower === 'tomorrow') return within(today.plus({ days: 1 }), today, options);
  if (lower === 'yesterday') return within(today.minus({ days: 1 }), today, options);

  const iso = ISO_DATE.exec(text);
  if (iso) return fromParts(text, Number(iso[3]), Number(iso[2]), Number(iso[1]), today, options);
  const numeric = UK_NUMERIC_DATE.exec(text);
  if (numeric) return fromParts(text, Number(numeric[1]), Number(numeric[2]), Number(numeric[3]), today, options);
  const duration = IN_DURATION.exec(text);
  const unit = duration ? UNITS[(duration[2] ?? '').toLowerCase()] : undefined;
  // "2 weeks" is a duration, not the 2nd of a month called "weeks".
  if (duration && unit !== undefined) {
    const count = /^\d+$/.test(duration[1] ?? '') ? Number(duration[1]) : 1;
    return within(today.plus({ [unit]: count }), today, options);
  }
  const words = DAY_MONTH.exec(text) ?? MONTH_DAY.exec(text);
  if (words) {
    const dayFirst = /^\d/.test(text);
    const monthWord = (dayFirst ? words[2] : words[1]) ?? '';
    const month = monthNumber(monthWord);
    if (month === undefined) return fail(`I don't know the month "${monthWord}". ${EXAMPLES}.`);
    const year = words[3] === undefined ? undefined : Number(words[3]);
    return fromParts(text, Number(dayFirst ? words[1] : words[2]), month, year, today, options);
  }
  if (duration) return fail(`I can count days, weeks or months, but not "${duration[2] ?? ''}". ${EXAMPLES}.`);
  const weekday = WEEKDAY.exec(text);
  const isoDay = weekday ? weekdayNamed(weekday[1] ?? '') : undefined;
  if (isoDay !== undefined) {
    // The next such day after today: "Friday" said on a Friday means a week today.
    const ahead = ((isoDay - today.weekday + 7) % 7) || 7;
    return within(today.plus({ days: ahead }), today, options);
  }
  return fail(`I couldn't read "${raw.trim()}" as a date. ${EXAMPLES}.`);
}

/** What a sentence says about a due date: the first day that reads as one, else the first that doesn't, and why. */
export type DueInText = { kind: 'day'; day: Day } | { kind: 'unusable'; words: string; problem: string } | { kind: 'none' };

/** Reads a sentence for a due date (today allowed), keeping the first date-like words that fail, so people can be told. */
export function readDueIn(text: string, now: Date, timeZone: string): DueInText {
  // Every candidate of every shape, in the order they appear, so the sentence's first date wins.
  const candidates = IN_TEXT.flatMap((pattern) =>
    [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((m) => ({ at: m.index, words: m[1] ?? '' })),
  ).sort((a, b) => a.at - b.at);
  let unusable: DueInText = { kind: 'none' };
  for (const { words } of candidates) {
    const reading = readDay(words, now, timeZone, { todayAllowed: true });
    if (reading.ok) return { kind: 'day', day: reading.day };
    if (unusable.kind === 'none') unusable = { kind: 'unusable', words, problem: reading.problem };
  }
  return unusable;
}

/** The first day mentioned in a sentence that reads as a valid due date (today allowed), if any. */
export function findDayIn(text: string, now: Date, timeZone: string): Day | undefined {
  const due = readDueIn(text, now, timeZone);
  return due.kind === 'day' ? due.day : undefined;
}

/** The day `days` after today in `timeZone`. */
export function dayAfter(now: Date, timeZone: string, days: number): Day {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').plus({ days }).toISODate() ?? '';
}

/** When someone is reminded about a day: 09:00 local time on it. */
export function remindAt(day: Day, timeZone: string): Date {
  return DateTime.fromISO(day, { zone: timeZone }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** 'Friday 12 December'. */
export function dayInWords(day: Day): string {
  return DateTime.fromISO(day).setLocale('en-GB').toFormat('cccc d LLLL');
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayOf(instant: Date, timeZone: string): Day {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}
