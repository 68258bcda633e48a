// Working days come from date-holidays' UK lists: weekends and each nation's bank holidays are days off.
import { DateTime } from 'luxon';
import { isWorkingDay, onWorkingDay } from '../../src/dates/working-days';

const london = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Europe/London' });

describe('working days', () => {
  it("takes England and Wales' bank holidays by default, and not observances such as Mother's Day", () => {
    expect(isWorkingDay(london('2026-12-24T10:00'))).toBe(true);
    expect(isWorkingDay(london('2026-12-25T10:00'))).toBe(false);
    // Boxing Day is a Saturday in 2026, so Monday 28 December is its substitute.
    expect(isWorkingDay(london('2026-12-28T10:00'))).toBe(false);
    expect(isWorkingDay(london('2026-08-31T10:00'))).toBe(false);
    expect(isWorkingDay(london('2026-03-16T10:00'))).toBe(true);
  });

  it("knows Scotland's and Northern Ireland's own bank holidays", () => {
    expect(isWorkingDay(london('2026-01-02T10:00'), 'scotland')).toBe(false);
    expect(isWorkingDay(london('2026-01-02T10:00'))).toBe(true);
    expect(isWorkingDay(london('2026-08-03T10:00'), 'scotland')).toBe(false);
    expect(isWorkingDay(london('2026-08-31T10:00'), 'scotland')).toBe(true);
    expect(isWorkingDay(london('2026-03-17T10:00'), 'northern-ireland')).toBe(false);
    expect(isWorkingDay(london('2026-07-13T10:00'), 'northern-ireland')).toBe(false);
  });

  it('moves a day off to the next working day, keeping its time, and leaves a working day alone', () => {
    expect(onWorkingDay(london('2026-12-25T10:00')).toISO()).toBe(london('2026-12-29T10:00').toISO());
    expect(onWorkingDay(london('2026-12-19T10:00')).toISO()).toBe(london('2026-12-21T10:00').toISO());
    expect(onWorkingDay(london('2026-12-22T10:00')).toISO()).toBe(london('2026-12-22T10:00').toISO());
  });
});
