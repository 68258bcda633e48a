// When digests fall: the latest weekly slot in the community's own time zone, kept at local time across clock changes.
import { dayTimeInWords, dueSlot, latestSlot, nextSlot, weekEndingAt, type DigestTime } from '../../src/communities/digest-time';

const monday: DigestTime = { weekday: 1, time: '09:00', timeZone: 'Europe/London' };
const at = (iso: string): Date => new Date(iso);

describe('digest slots', () => {
  it('finds the latest Monday 09:00 UK time, including exactly now', () => {
    // Thursday 26 November 2026, GMT.
    expect(latestSlot(monday, at('2026-11-26T12:00:00Z'))).toEqual(at('2026-11-23T09:00:00Z'));
    expect(latestSlot(monday, at('2026-11-30T08:59:59Z'))).toEqual(at('2026-11-23T09:00:00Z'));
    expect(latestSlot(monday, at('2026-11-30T09:00:00Z'))).toEqual(at('2026-11-30T09:00:00Z'));
  });

  it('keeps 09:00 local when the clocks go back in October and forward in March', () => {
    // Clocks go back on Sunday 25 October 2026: Monday 19th 09:00 is 08:00 UTC, Monday 26th 09:00 is 09:00 UTC.
    expect(latestSlot(monday, at('2026-10-26T08:30:00Z'))).toEqual(at('2026-10-19T08:00:00Z'));
    expect(latestSlot(monday, at('2026-10-26T09:00:00Z'))).toEqual(at('2026-10-26T09:00:00Z'));
    expect(nextSlot(monday, at('2026-10-19T08:00:00Z'))).toEqual(at('2026-10-26T09:00:00Z'));
    // Clocks go forward on Sunday 29 March 2026.
    expect(nextSlot(monday, at('2026-03-23T09:00:00Z'))).toEqual(at('2026-03-30T08:00:00Z'));
    // The week across the change is a calendar week, one hour shorter or longer.
    expect(weekEndingAt(at('2026-10-26T09:00:00Z'), 'Europe/London')).toEqual({ from: at('2026-10-19T08:00:00Z'), to: at('2026-10-26T09:00:00Z') });
  });

  it('reads the weekday in the community’s time zone', () => {
    const tokyo: DigestTime = { weekday: 1, time: '08:30', timeZone: 'Asia/Tokyo' };
    // Sunday 23:30 UTC is already Monday 08:30 in Tokyo.
    expect(latestSlot(tokyo, at('2026-11-22T23:30:00Z'))).toEqual(at('2026-11-22T23:30:00Z'));
  });

  it('counts only slots after the community began, or after its time last changed', () => {
    const created = at('2026-11-25T10:00:00Z');
    expect(dueSlot(monday, created, at('2026-11-29T10:00:00Z'))).toBeUndefined();
    expect(dueSlot(monday, created, at('2026-11-30T09:00:00Z'))).toEqual(at('2026-11-30T09:00:00Z'));
    const friday: DigestTime = { weekday: 5, time: '16:00', timeZone: 'Europe/London', since: '2026-12-02T12:00:00.000Z' };
    // Moved to Fridays on Wednesday 2 December: last Friday does not count, this Friday does.
    expect(dueSlot(friday, created, at('2026-12-02T12:00:00Z'))).toBeUndefined();
    expect(dueSlot(friday, created, at('2026-12-04T16:00:00Z'))).toEqual(at('2026-12-04T16:00:00Z'));
  });

  it('says a slot in words', () => {
    expect(dayTimeInWords(at('2026-11-30T09:00:00Z'), 'Europe/London')).toBe('Monday 30 November at 09:00');
  });
});
