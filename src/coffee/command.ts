// Reads what someone typed after /coffee into a command, or a message saying what was wrong.
import { DateTime } from 'luxon';
import { listOf } from '../core/wording';

export type CoffeeCommand =
  | { verb: 'help' }
  | { verb: 'setup' }
  | { verb: 'join' }
  | { verb: 'leave' }
  | { verb: 'status' }
  | { verb: 'stats' }
  | { verb: 'stop' }
  | { verb: 'resume' }
  | { verb: 'pause'; until: Date }
  | { verb: 'team'; team: string | null }
  | { verb: 'invalid'; message: string };

type InvalidCommand = Extract<CoffeeCommand, { verb: 'invalid' }>;
type SimpleVerb = 'setup' | 'join' | 'leave' | 'status' | 'stats' | 'stop' | 'resume';

const SIMPLE_VERBS: readonly SimpleVerb[] = ['setup', 'join', 'leave', 'status', 'stats', 'stop', 'resume'];
const ALL_VERBS = ['help', 'setup', 'join', 'leave', 'pause', 'resume', 'status', 'team', 'stats', 'stop'];
export const TEAM_MAX_LENGTH = 60;

const PAUSE_EXAMPLES = 'For example: /coffee pause for 3 weeks, or /coffee pause until 24 December';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const UNITS: Record<string, 'days' | 'weeks' | 'months'> = {
  day: 'days',
  days: 'days',
  week: 'weeks',
  weeks: 'weeks',
  month: 'months',
  months: 'months',
};

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$/i;
const MONTH_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;
const DURATION = /^(?:for\s+)?(\d{1,3}|an?|one)\s+([a-z]+)$/i;

interface DayOfYear {
  day: number;
  month: number;
  year?: number;
}

function invalid(message: string): InvalidCommand {
  return { verb: 'invalid', message };
}

function longDate(date: DateTime): string {
  return date.setLocale('en-GB').toFormat('d LLLL yyyy');
}

/** 'dec', 'sept' and 'december' all name December; anything shorter than three letters is too vague. */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

function optionalYear(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

function readDayOfYear(text: string): DayOfYear | InvalidCommand {
  const iso = ISO_DATE.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const numeric = UK_NUMERIC_DATE.exec(text);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[2]), year: Number(numeric[3]) };
  const words = DAY_MONTH.exec(text) ?? MONTH_DAY.exec(text);
  if (words) {
    const dayFirst = /^\d/.test(text);
    const monthWord = (dayFirst ? words[2] : words[1]) ?? '';
    const month = monthNumber(monthWord);
    if (month === undefined) return invalid(`I don't know the month "${monthWord}". ${PAUSE_EXAMPLES}.`);
    return { day: Number(dayFirst ? words[1] : words[2]), month, year: optionalYear(words[3]) };
  }
  return invalid(`I couldn't read "${text}" as a date. ${PAUSE_EXAMPLES}, or until 2026-12-24.`);
}

function startOfDay(date: DayOfYear & { year: number }, timeZone: string): DateTime {
  return DateTime.fromObject(date, { zone: timeZone }).startOf('day');
}

function dayName(date: DayOfYear): string {
  return `${date.day} ${MONTHS[date.month - 1] ?? ''}`;
}

/** Checks a chosen day is tomorrow or later and within a year, and returns its local midnight. */
function withinAYear(start: DateTime, now: DateTime): Date | InvalidCommand {
  if (start.hasSame(now, 'day')) return invalid(`That's today, so there's nothing to pause. ${PAUSE_EXAMPLES}.`);
  if (start <= now) return invalid(`${longDate(start)} has already passed. ${PAUSE_EXAMPLES}.`);
  if (start > now.plus({ years: 1 })) {
    return invalid(`${longDate(start)} is more than a year away; a pause can last a year at most. ${PAUSE_EXAMPLES}.`);
  }
  return start.toJSDate();
}

function pauseUntilDate(text: string, now: DateTime, timeZone: string): Date | InvalidCommand {
  const date = readDayOfYear(text);
  if ('verb' in date) return date;
  if (date.month < 1 || date.month > 12) {
    return invalid(`"${text}" isn't a date: months go from 1 to 12. ${PAUSE_EXAMPLES}, or until 2026-12-24.`);
  }
  // 2024 is a leap year, so only days that never exist (31 February, 31 April) fail here.
  if (!DateTime.fromObject({ ...date, year: 2024 }).isValid) {
    return invalid(`There's no ${dayName(date)}. ${PAUSE_EXAMPLES}.`);
  }
  if (date.year !== undefined) {
    const start = startOfDay({ ...date, year: date.year }, timeZone);
    if (!start.isValid) return invalid(`There's no ${dayName(date)} in ${date.year}. ${PAUSE_EXAMPLES}.`);
    return withinAYear(start, now);
  }
  // Without a year, the next time that day comes round.
  for (const year of [now.year, now.year + 1]) {
    const start = startOfDay({ ...date, year }, timeZone);
    if (start.isValid && start > now) return withinAYear(start, now);
  }
  return invalid(`The next ${dayName(date)} is more than a year away; a pause can last a year at most. ${PAUSE_EXAMPLES}.`);
}

/** The pause ends at the start of the day the time is up, so someone is back for any round that day. */
function pauseForDuration(amount: string, unitWord: string, now: DateTime): Date | InvalidCommand {
  const unit = UNITS[unitWord.toLowerCase()];
  if (unit === undefined) {
    return invalid(`I can pause for days, weeks or months, but not "${unitWord}". ${PAUSE_EXAMPLES}.`);
  }
  const count = /^\d+$/.test(amount) ? Number(amount) : 1;
  if (count === 0) return invalid(`A pause needs to last at least a day. ${PAUSE_EXAMPLES}.`);
  const end = now.plus({ [unit]: count }).startOf('day');
  if (end > now.plus({ years: 1 })) {
    return invalid(`${count} ${unit} is more than a year; a pause can last a year at most. ${PAUSE_EXAMPLES}.`);
  }
  return end.toJSDate();
}

function parsePause(args: string, now: Date, timeZone: string): CoffeeCommand {
  const localNow = DateTime.fromJSDate(now, { zone: timeZone });
  if (args === '') return invalid(`Please say how long you'd like to pause. ${PAUSE_EXAMPLES}.`);
  const until = /^until\b\s*(.*)$/i.exec(args);
  const duration = DURATION.exec(args);
  let result: Date | InvalidCommand;
  if (until) {
    const dateText = (until[1] ?? '').trim();
    if (dateText === '') return invalid(`Please give a date after "until". ${PAUSE_EXAMPLES}.`);
    result = pauseUntilDate(dateText, localNow, timeZone);
  } else if (duration) {
    result = pauseForDuration(duration[1] ?? '', duration[2] ?? '', localNow);
  } else {
    return invalid(`I didn't understand "${args}" as a pause. ${PAUSE_EXAMPLES}.`);
  }
  return result instanceof Date ? { verb: 'pause', until: result } : result;
}

function parseTeam(args: string): CoffeeCommand {
  const team = args.replace(/\s+/g, ' ');
  if (team === '') return { verb: 'team', team: null };
  if (team.length > TEAM_MAX_LENGTH) {
    return invalid(
      `Team names can be up to ${TEAM_MAX_LENGTH} characters, and that one has ${team.length}. For example: /coffee team Pharmacy`,
    );
  }
  return { verb: 'team', team };
}

function isSimpleVerb(verb: string): verb is SimpleVerb {
  return (SIMPLE_VERBS as readonly string[]).includes(verb);
}

function verbList(): string {
  return listOf(ALL_VERBS);
}

export function parseCoffeeCommand(text: string, now: Date, timeZone: string): CoffeeCommand {
  const [, word = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/.exec(text.trim()) ?? [];
  const verb = word.toLowerCase();
  const args = rest.trim();
  if (verb === '' || verb === 'help') return { verb: 'help' };
  if (verb === 'pause') return parsePause(args, now, timeZone);
  if (verb === 'team') return parseTeam(args);
  if (isSimpleVerb(verb)) {
    if (args !== '') return invalid(`/coffee ${verb} doesn't take anything after it. Try /coffee ${verb} on its own.`);
    return { verb };
  }
  return invalid(`I don't know "/coffee ${word}". I understand ${verbList()}. Try /coffee help to see what each one does.`);
}
