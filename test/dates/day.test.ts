import { dayAfter, dayInWords, dayOf, findDayIn, readDay, readDueIn, remindAt } from '../../src/dates/day';

const LONDON = 'Europe/London';
// Saturday 21 November 2026, 12:00 in London (GMT).
const now = new Date('2026-11-21T12:00:00Z');
const day = (text: string, todayAllowed = true): string => {
  const reading = readDay(text, now, LONDON, { todayAllowed });
  if (!reading.ok) throw new Error(reading.problem);
  return reading.day;
};
const problem = (text: string, todayAllowed = true): string => {
  const reading = readDay(text, now, LONDON, { todayAllowed });
  if (reading.ok) throw new Error(`read "${text}" as ${reading.day}`);
  return reading.problem;
};

describe('reading a day someone typed', () => {
  it.each([
    ['12 December', '2026-12-12'],
    ['12th Dec', '2026-12-12'],
    ['December 12', '2026-12-12'],
    ['by 12 December 2026', '2026-12-12'],
    ['2026-12-12', '2026-12-12'],
    ['12/12/2026', '2026-12-12'],
    ['in 2 weeks', '2026-12-05'],
    ['a month', '2026-12-21'],
    ['2 weeks', '2026-12-05'],
    ['tomorrow', '2026-11-22'],
    ['Friday', '2026-11-27'],
    ['Fri', '2026-11-27'],
    ['fri.', '2026-11-27'],
    ['next Thurs', '2026-11-26'],
    ['Tues', '2026-11-24'],
    ['on Saturday', '2026-11-28'],
    ['today', '2026-11-21'],
    // Without a year, the next time the day comes round.
    ['3 March', '2027-03-03'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it('names what is wrong with a date that does not exist or cannot be read', () => {
    expect(problem('31 February')).toMatch(/There's no 31 February/);
    expect(problem('29 February 2027')).toMatch(/no 29 February in 2027/);
    expect(problem('2026-13-01')).toMatch(/months go from 1 to 12/);
    expect(problem('12 Smarch')).toMatch(/month "Smarch"/);
    expect(problem('in 2 fortnights')).toMatch(/not "fortnights"/);
    expect(problem('soonish')).toMatch(/couldn't read "soonish"/);
    expect(problem('  ')).toMatch(/Please give a date/);
    // Every problem shows what would work.
    expect(problem('soonish')).toMatch(/For example: 12 December/);
  });

  it('refuses past days, days over a year away, and today when a later day is wanted', () => {
    expect(problem('2026-11-20')).toMatch(/20 November 2026 has already passed/);
    expect(problem('1 January 2028')).toMatch(/more than a year away/);
    expect(problem('today', false)).toMatch(/That's today/);
    expect(day('tomorrow', false)).toBe('2026-11-22');
    expect(problem('yesterday')).toMatch(/20 November 2026 has already passed/);
  });

  it('asks for the year when a day without one went by more recently than it comes round again', () => {
    expect(problem('1 November')).toMatch(/1 November 2026 has already passed\. If you mean 1 November 2027, please give the year\./);
    expect(day('1 November 2027')).toBe('2027-11-01');
    expect(day('1 January')).toBe('2027-01-01');
  });

  it('reads the day in the given time zone, not the server\'s', () => {
    // 23:30 in London on 21 November is already 22 November in Auckland.
    const late = new Date('2026-11-21T23:30:00Z');
    expect(readDay('today', late, LONDON, { todayAllowed: true })).toEqual({ ok: true, day: '2026-11-21' });
    expect(readDay('today', late, 'Pacific/Auckland', { todayAllowed: true })).toEqual({ ok: true, day: '2026-11-22' });
  });
});

describe('finding a day in a sentence', () => {
  it('finds the first day that reads as a due date', () => {
    expect(findDayIn('Check the printers by 12 December', now, LONDON)).toBe('2026-12-12');
    expect(findDayIn('Brief pharmacy in 2 weeks, then again on 1/1/2027', now, LONDON)).toBe('2026-12-05');
    expect(findDayIn('Name an owner by Friday', now, LONDON)).toBe('2026-11-27');
    expect(findDayIn('Name an owner by Fri', now, LONDON)).toBe('2026-11-27');
    expect(findDayIn('Review on 2026-12-01', now, LONDON)).toBe('2026-12-01');
  });

  it('skips wrong and past dates, and finds nothing where there is none', () => {
    expect(findDayIn('Done by 31 February', now, LONDON)).toBeUndefined();
    expect(findDayIn('Since 2026-11-01 the queue has an owner', now, LONDON)).toBeUndefined();
    expect(findDayIn('Name a printer-queue owner for every go-live', now, LONDON)).toBeUndefined();
    expect(findDayIn('Keep 20 beds free', now, LONDON)).toBeUndefined();
  });

  it('reads tomorrow anywhere, today only after by, and yesterday as a day that has passed', () => {
    expect(findDayIn('Ring pharmacy tomorrow', now, LONDON)).toBe('2026-11-22');
    expect(findDayIn('Ring pharmacy by today', now, LONDON)).toBe('2026-11-21');
    expect(findDayIn("Share today's notes", now, LONDON)).toBeUndefined();
    expect(readDueIn('Ring pharmacy yesterday', now, LONDON)).toEqual({
      kind: 'unusable',
      words: 'yesterday',
      problem: expect.stringMatching(/^20 November 2026 has already passed\./),
    });
  });

  it('keeps the first date-like words that cannot be used, unless a later date can', () => {
    expect(readDueIn('Done by 31 February', now, LONDON)).toMatchObject({ kind: 'unusable', words: '31 February', problem: expect.stringMatching(/^There's no 31 February\./) });
    expect(readDueIn('After the 2026-11-01 outage, check by Friday', now, LONDON)).toEqual({ kind: 'day', day: '2026-11-27' });
    expect(readDueIn('Keep 20 beds free', now, LONDON)).toEqual({ kind: 'none' });
  });
});

describe('days and times', () => {
  it('reminds at 09:00 local time, summer or winter', () => {
    expect(remindAt('2026-12-12', LONDON)).toEqual(new Date('2026-12-12T09:00:00Z'));
    expect(remindAt('2027-06-14', LONDON)).toEqual(new Date('2027-06-14T08:00:00Z'));
  });

  it('counts days, names them and finds the day of an instant', () => {
    expect(dayAfter(now, LONDON, 3)).toBe('2026-11-24');
    expect(dayInWords('2026-12-12')).toBe('Saturday 12 December');
    expect(dayOf(new Date('2027-06-13T23:30:00Z'), LONDON)).toBe('2027-06-14');
  });
});
