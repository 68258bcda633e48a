// When a community's weekly digest falls: a weekday and a local time in its own time zone, kept across clock changes.
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

export const digestTimeSchema = z.object({
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  /** Local time, HH:mm (24-hour). */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:mm, 24-hour'),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'time zone is not one we know (e.g. Europe/London)'),
  /** Slots count only after this instant (creation, or the last change of day or time), so a change never posts a past week. */
  since: z.iso.datetime({ offset: true }).optional(),
});

export type DigestTime = z.infer<typeof digestTimeSchema>;

/** The default: Monday 09:00, UK time. */
export const DEFAULT_DIGEST_TIME: Omit<DigestTime, 'since'> = { weekday: 1, time: '09:00', timeZone: 'Europe/London' };

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Weeks of silence before the owner is asked whether the community should carry on. */
export const QUIET_WEEKS_BEFORE_REVIEW = 8;

function localTime(digest: DigestTime): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = digest.time.split(':').map(Number);
  return { hour, minute };
}

/** Date arithmetic on the local calendar first, then the time set, so 09:00 stays 09:00 when the clocks change. */
function slotOn(day: DateTime, digest: DigestTime): DateTime {
  return day.startOf('day').set({ ...localTime(digest), second: 0, millisecond: 0 });
}

/** The latest digest slot at or before `now` (whether or not it counts yet). */
export function latestSlot(digest: DigestTime, now: Date): Date {
  const today = DateTime.fromJSDate(now, { zone: digest.timeZone }).startOf('day');
  const back = (today.weekday - digest.weekday + 7) % 7;
  let slot = slotOn(today.minus({ days: back }), digest);
  if (slot.toMillis() > now.getTime()) slot = slotOn(slot.minus({ weeks: 1 }), digest);
  return slot.toJSDate();
}

/** The slot due at `now`: the latest one, if it falls after the community began (or its schedule last changed). */
export function dueSlot(digest: DigestTime, startedAt: Date, now: Date): Date | undefined {
  const slot = latestSlot(digest, now);
  const since = digest.since === undefined ? startedAt : new Date(digest.since);
  return slot.getTime() > since.getTime() ? slot : undefined;
}

/** The first slot after `after`. */
export function nextSlot(digest: DigestTime, after: Date): Date {
  const latest = DateTime.fromJSDate(latestSlot(digest, after), { zone: digest.timeZone });
  return slotOn(latest.plus({ weeks: 1 }), digest).toJSDate();
}

/** The week a digest covers: from the same local time a week before the slot, up to the slot. */
export function weekEndingAt(slot: Date, timeZone: string, weeks = 1): { from: Date; to: Date } {
  const from = DateTime.fromJSDate(slot, { zone: timeZone }).minus({ weeks }).toJSDate();
  return { from, to: slot };
}

/** The local calendar day of the slot, YYYY-MM-DD, and the day a week later: actions due before then are "this week". */
export function daysOfWeekFrom(slot: Date, timeZone: string): { today: string; weekEnd: string } {
  const day = DateTime.fromJSDate(slot, { zone: timeZone }).startOf('day');
  return { today: day.toISODate() ?? '', weekEnd: day.plus({ weeks: 1 }).toISODate() ?? '' };
}

/** 'UK time' reads better than a zone id for most of the NHS. */
export function zoneLabel(timeZone: string): string {
  return timeZone === 'Europe/London' ? 'UK time' : `${timeZone} time`;
}

/** 'every Monday at 09:00 (UK time)'. */
export function digestTimeInWords(digest: DigestTime): string {
  return `every ${WEEKDAY_NAMES[digest.weekday - 1] ?? ''} at ${digest.time} (${zoneLabel(digest.timeZone)})`;
}

/** 'Monday 1 December at 09:00'. */
export function dayTimeInWords(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale('en-GB').toFormat("cccc d LLLL 'at' HH:mm");
}
