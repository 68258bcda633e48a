// Dates and schedules in words, always in the programme's own time zone and in UK English.
import { DateTime } from 'luxon';
import type { ProgrammeSettings } from '../settings';
import { countOf } from './wording';

const WEEKDAY_PLURALS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

function local(date: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale('en-GB');
}

/** 'Monday 1 December'. */
export function formatDay(date: Date, timeZone: string): string {
  return local(date, timeZone).toFormat('cccc d LLLL');
}

/** 'Monday 1 December, 10:00'. */
export function formatDayTime(date: Date, timeZone: string): string {
  return local(date, timeZone).toFormat('cccc d LLLL, HH:mm');
}

/** 'Wednesday 3 December, 12:30 to 13:00'. */
export function formatSlot(slot: { start: Date; end: Date }, timeZone: string): string {
  return `${formatDayTime(slot.start, timeZone)} to ${local(slot.end, timeZone).toFormat('HH:mm')}`;
}

/** 'UK time' reads better than a zone id for most of the NHS. */
export function zoneLabel(timeZone: string): string {
  return timeZone === 'Europe/London' ? 'UK time' : `${timeZone} time`;
}

/** 'every 6 weeks, on Mondays at 10:00 (UK time)'. */
export function scheduleInWords(settings: ProgrammeSettings): string {
  const often = settings.everyWeeks === 1 ? 'every week' : `every ${countOf(settings.everyWeeks, 'week')}`;
  const day = WEEKDAY_PLURALS[settings.weekday - 1] ?? '';
  return `${often}, on ${day} at ${settings.time} (${zoneLabel(settings.timeZone)})`;
}

/** 'pairs' or 'groups of three'. */
export function groupsInWords(groupSize: 2 | 3): string {
  return groupSize === 2 ? 'pairs' : 'groups of three';
}
