// A programme's settings, as the organiser chose them in `/coffee setup`; stored as JSON, parsed on read.
import { IANAZone } from 'luxon';
import { z } from 'zod';

export const programmeSettingsSchema = z
  .object({
    /** A round starts every this many weeks. */
    everyWeeks: z.number().int().min(1).max(8),
    /** ISO weekday of a round's start: 1 = Monday ... 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    /** Local time of a round's start, HH:MM (24-hour). */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM, 24-hour'),
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'time zone is not one we know (e.g. Europe/London)'),
    groupSize: z.union([z.literal(2), z.literal(3)]),
    /** Weeks people have to meet; the feedback request goes out at the end of them. */
    weeksToMeet: z.number().int().min(1).max(8),
    reminder: z.boolean(),
    feedback: z.boolean(),
    prompts: z.boolean(),
    preferDifferentTeams: z.boolean(),
    oddOneOut: z.enum(['trio', 'sit-out']),
    /** Rounds of history that count against a repeat; null = ever. */
    historyRounds: z.number().int().min(1).max(100).nullable(),
  })
  .refine((s) => s.weeksToMeet <= s.everyWeeks, {
    message: 'weeks to meet cannot be longer than the time between rounds',
    path: ['weeksToMeet'],
  });

export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

/** The framework suggests 6-8 weeks to meet; we start at 6, Monday mid-morning, UK time. */
export const DEFAULT_SETTINGS: ProgrammeSettings = {
  everyWeeks: 6,
  weekday: 1,
  time: '10:00',
  timeZone: 'Europe/London',
  groupSize: 2,
  weeksToMeet: 6,
  reminder: true,
  feedback: true,
  prompts: true,
  preferDifferentTeams: false,
  oddOneOut: 'trio',
  historyRounds: null,
};
