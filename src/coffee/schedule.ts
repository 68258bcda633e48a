// When a programme's rounds and their steps fall, worked out in the programme's own time zone.
import { DateTime } from 'luxon';
import { isWorkingDay, onWorkingDay, type HolidayRegion } from '../dates/working-days';
import type { ProgrammeSettings } from './settings';

/** Round `round` starts at `at`; the rounds before and after it follow every `everyWeeks` weeks. */
export interface RoundAnchor {
  round: number;
  at: Date;
}

export type RoundStepName = 'match' | 'reminder' | 'feedback' | 'summary';

export interface RoundStep {
  step: RoundStepName;
  at: Date;
}

export interface MeetingSlot {
  start: Date;
  end: Date;
}

/** Days between the feedback request and the round's result, so late answers still count. */
const SUMMARY_DELAY_DAYS = 3;
/** Working days after the start before the suggested meeting, so people have time to fit it in. */
const SUGGESTED_WORKING_DAYS = 2;
const SUGGESTED_TIME = { hour: 12, minute: 30 };
const SUGGESTED_MINUTES = 30;

function localTime(settings: ProgrammeSettings): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = settings.time.split(':').map(Number);
  return { hour, minute };
}

function inZone(date: Date, settings: ProgrammeSettings): DateTime {
  return DateTime.fromJSDate(date, { zone: settings.timeZone });
}

function atSettingsTime(day: DateTime, settings: ProgrammeSettings): DateTime {
  return day.set({ ...localTime(settings), second: 0, millisecond: 0 });
}

/** The first of the settings' weekday-and-time slots strictly after `after`. */
export function firstRoundStart(settings: ProgrammeSettings, after: Date): Date {
  const today = inZone(after, settings).startOf('day');
  const daysAhead = (settings.weekday - today.weekday + 7) % 7;
  const candidate = atSettingsTime(today.plus({ days: daysAhead }), settings);
  const slot = candidate.toMillis() > after.getTime() ? candidate : atSettingsTime(candidate.plus({ weeks: 1 }), settings);
  return slot.toJSDate();
}

/** Counts weeks on the local calendar and uses settings.time, so a round keeps its local time when the clocks change. */
export function roundStart(anchor: RoundAnchor, settings: ProgrammeSettings, round: number): Date {
  const anchorDay = inZone(anchor.at, settings).startOf('day');
  const day = anchorDay.plus({ weeks: (round - anchor.round) * settings.everyWeeks });
  return atSettingsTime(day, settings).toJSDate();
}

/** The highest round that has started by `now`, or undefined when even the anchor's round is still to come. */
export function latestRoundStarted(anchor: RoundAnchor, settings: ProgrammeSettings, now: Date): number | undefined {
  const first = roundStart(anchor, settings, anchor.round).getTime();
  if (now.getTime() < first) return undefined;
  const roundLength = settings.everyWeeks * 7 * 24 * 60 * 60 * 1000;
  // An estimate from elapsed time can be off by one near a clock change; the loops settle it exactly.
  let round = anchor.round + Math.floor((now.getTime() - first) / roundLength);
  while (roundStart(anchor, settings, round + 1).getTime() <= now.getTime()) round += 1;
  while (round > anchor.round && roundStart(anchor, settings, round).getTime() > now.getTime()) round -= 1;
  return round;
}

/**
 * The end of the weeks to meet, at the round's local start time; moved to the next working day when it would fall on
 * a weekend or a bank holiday, as is every other day Mobilise proposes (not the round's own start, which the organiser chose).
 */
export function meetBy(settings: ProgrammeSettings, start: Date, region?: HolidayRegion): Date {
  return onWorkingDay(inZone(start, settings).plus({ weeks: settings.weeksToMeet }), region).toJSDate();
}

/** Everything a round does after matching, in time order; the result needs the answers, so it follows feedback only. */
export function roundSteps(settings: ProgrammeSettings, start: Date, region?: HolidayRegion): RoundStep[] {
  const local = inZone(start, settings);
  const steps: RoundStep[] = [{ step: 'match', at: start }];
  if (settings.reminder) {
    const halfway = Math.floor((settings.weeksToMeet * 7) / 2);
    steps.push({ step: 'reminder', at: onWorkingDay(local.plus({ days: halfway }), region).toJSDate() });
  }
  if (settings.feedback) {
    const feedback = inZone(meetBy(settings, start, region), settings);
    steps.push({ step: 'feedback', at: feedback.toJSDate() });
    steps.push({ step: 'summary', at: onWorkingDay(feedback.plus({ days: SUMMARY_DELAY_DAYS }), region).toJSDate() });
  }
  return steps;
}

/** A lunchtime half hour on the second working day after the start: a concrete offer is easier to accept. */
export function suggestedMeeting(settings: ProgrammeSettings, start: Date, region?: HolidayRegion): MeetingSlot {
  let day = inZone(start, settings).startOf('day');
  let workingDays = 0;
  while (workingDays < SUGGESTED_WORKING_DAYS) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day, region)) workingDays += 1;
  }
  const begins = day.set(SUGGESTED_TIME);
  return { start: begins.toJSDate(), end: begins.plus({ minutes: SUGGESTED_MINUTES }).toJSDate() };
}
