// Days people are at work in the UK: not a weekend, not a bank holiday of their nation. The list is date-holidays'.
import Holidays from 'date-holidays';
import type { DateTime } from 'luxon';

/** The UK's three sets of bank holidays (Wales shares England's). */
export const HOLIDAY_REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];
export const DEFAULT_HOLIDAY_REGION: HolidayRegion = 'england-and-wales';

const STATE_OF: Record<HolidayRegion, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };
/** Observances (Mother's Day and the like) are working days; only days off count. */
const DAYS_OFF = new Set(['public', 'bank']);
const SATURDAY = 6;
/** Christmas, Boxing Day, a weekend and substitutes: never more than this in a row, with room to spare. */
const LONGEST_CLOSURE_DAYS = 10;

const closedDays = new Map<string, ReadonlySet<string>>();

/** The bank holidays of a region's year, as YYYY-MM-DD, computed once. */
function bankHolidays(region: HolidayRegion, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  let days = closedDays.get(key);
  if (!days) {
    const holidays = new Holidays('GB', STATE_OF[region]).getHolidays(year);
    days = new Set(holidays.filter((h) => DAYS_OFF.has(h.type)).map((h) => h.date.slice(0, 10)));
    closedDays.set(key, days);
  }
  return days;
}

/** Whether `day` (in the time zone it carries) is a weekday that is not a bank holiday. */
export function isWorkingDay(day: DateTime, region: HolidayRegion = DEFAULT_HOLIDAY_REGION): boolean {
  return day.weekday < SATURDAY && !bankHolidays(region, day.year).has(day.toISODate() ?? '');
}

/** `day` itself when it is a working day, otherwise the next one, at the same local time. */
export function onWorkingDay(day: DateTime, region: HolidayRegion = DEFAULT_HOLIDAY_REGION): DateTime {
  let moved = day;
  for (let i = 0; i < LONGEST_CLOSURE_DAYS && !isWorkingDay(moved, region); i++) moved = moved.plus({ days: 1 });
  return moved;
}
