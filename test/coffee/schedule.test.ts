import {
  firstRoundStart,
  latestRoundStarted,
  meetBy,
  roundStart,
  roundSteps,
  suggestedMeeting,
} from '../../src/coffee/schedule';
import { DEFAULT_SETTINGS, type ProgrammeSettings } from '../../src/coffee/settings';

const weekly: ProgrammeSettings = { ...DEFAULT_SETTINGS, everyWeeks: 1, weeksToMeet: 1 };
const at = (iso: string): Date => new Date(iso);

describe('firstRoundStart', () => {
  it('finds the next Monday 10:00 UK time', () => {
    // Thursday 20 November 2025, GMT.
    expect(firstRoundStart(DEFAULT_SETTINGS, at('2025-11-20T12:00:00Z'))).toEqual(at('2025-11-24T10:00:00Z'));
  });

  it('uses today when the slot is still to come, and next week when it is exactly now', () => {
    expect(firstRoundStart(DEFAULT_SETTINGS, at('2025-11-24T09:59:00Z'))).toEqual(at('2025-11-24T10:00:00Z'));
    expect(firstRoundStart(DEFAULT_SETTINGS, at('2025-11-24T10:00:00Z'))).toEqual(at('2025-12-01T10:00:00Z'));
  });

  it('reads the weekday in the programme time zone, not in UTC', () => {
    const tokyo = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
    // Sunday 23:30 in UTC is already Monday 08:30 in Tokyo, so the slot is that same Monday.
    expect(firstRoundStart(tokyo, at('2025-11-23T23:30:00Z'))).toEqual(at('2025-11-24T01:00:00Z'));
  });

  it('keeps local time in summer', () => {
    // Monday 10:00 BST is 09:00 UTC.
    expect(firstRoundStart(DEFAULT_SETTINGS, at('2025-06-01T12:00:00Z'))).toEqual(at('2025-06-02T09:00:00Z'));
  });
});

describe('roundStart', () => {
  it('keeps Monday 10:00 in London across the end of October while UTC moves', () => {
    const anchor = { round: 1, at: at('2025-10-13T09:00:00Z') };
    expect([1, 2, 3, 4].map((round) => roundStart(anchor, weekly, round))).toEqual([
      at('2025-10-13T09:00:00Z'),
      at('2025-10-20T09:00:00Z'),
      at('2025-10-27T10:00:00Z'),
      at('2025-11-03T10:00:00Z'),
    ]);
  });

  it('keeps local time when the clocks go forward in March', () => {
    const anchor = { round: 1, at: at('2026-02-16T10:00:00Z') };
    const sixWeekly = { ...DEFAULT_SETTINGS };
    expect(roundStart(anchor, sixWeekly, 2)).toEqual(at('2026-03-30T09:00:00Z'));
  });

  it('moves a slot that the clocks skip forward, and comes back to the chosen time the round after', () => {
    // 01:30 on Sunday 29 March 2026 does not exist in London: that round starts at 02:30 BST instead.
    const earlySunday = { ...weekly, weekday: 7, time: '01:30' };
    const anchor = { round: 1, at: at('2026-03-22T01:30:00Z') };
    expect([1, 2, 3].map((round) => roundStart(anchor, earlySunday, round))).toEqual([
      at('2026-03-22T01:30:00Z'),
      at('2026-03-29T01:30:00Z'),
      at('2026-04-05T00:30:00Z'),
    ]);
  });

  it('steps by everyWeeks from an anchor that is not round 1, forwards and back', () => {
    const anchor = { round: 5, at: at('2025-09-01T09:00:00Z') };
    expect(roundStart(anchor, DEFAULT_SETTINGS, 5)).toEqual(at('2025-09-01T09:00:00Z'));
    expect(roundStart(anchor, DEFAULT_SETTINGS, 7)).toEqual(at('2025-11-24T10:00:00Z'));
    expect(roundStart(anchor, DEFAULT_SETTINGS, 4)).toEqual(at('2025-07-21T09:00:00Z'));
  });

  it('follows the programme time zone when it is not London', () => {
    // New York leaves daylight saving on 2 November 2025, a week after London.
    const newYork = { ...weekly, time: '09:00', timeZone: 'America/New_York' };
    const anchor = { round: 1, at: at('2025-10-20T13:00:00Z') };
    expect([1, 2, 3].map((round) => roundStart(anchor, newYork, round))).toEqual([
      at('2025-10-20T13:00:00Z'),
      at('2025-10-27T13:00:00Z'),
      at('2025-11-03T14:00:00Z'),
    ]);
  });
});

describe('latestRoundStarted', () => {
  // Round 1 on Monday 1 September 2025 (BST); round 3 falls on Monday 24 November (GMT).
  const anchor = { round: 1, at: at('2025-09-01T09:00:00Z') };

  it('is undefined before the anchor', () => {
    expect(latestRoundStarted(anchor, DEFAULT_SETTINGS, at('2025-09-01T08:59:59Z'))).toBeUndefined();
  });

  it('counts a round as started from its exact start', () => {
    expect(latestRoundStarted(anchor, DEFAULT_SETTINGS, at('2025-09-01T09:00:00Z'))).toBe(1);
    expect(latestRoundStarted(anchor, DEFAULT_SETTINGS, at('2025-10-13T08:59:59Z'))).toBe(1);
    expect(latestRoundStarted(anchor, DEFAULT_SETTINGS, at('2025-10-13T09:00:00Z'))).toBe(2);
  });

  it('uses local time after the clocks change, not a fixed number of hours', () => {
    // Six weeks of fixed hours after round 2 is 09:00 UTC, but 10:00 local is 10:00 UTC in November.
    expect(latestRoundStarted(anchor, DEFAULT_SETTINGS, at('2025-11-24T09:30:00Z'))).toBe(2);
    expect(latestRoundStarted(anchor, DEFAULT_SETTINGS, at('2025-11-24T10:00:00Z'))).toBe(3);
  });

  it('works far from the anchor and from an anchor that is not round 1', () => {
    expect(latestRoundStarted(anchor, DEFAULT_SETTINGS, at('2027-01-01T00:00:00Z'))).toBe(12);
    expect(latestRoundStarted({ round: 10, at: anchor.at }, DEFAULT_SETTINGS, at('2025-11-24T10:00:00Z'))).toBe(12);
  });
});

describe('roundSteps', () => {
  // Monday 13 October 2025, 10:00 BST; the clocks go back before the reminder.
  const start = at('2025-10-13T09:00:00Z');

  it('matches, reminds halfway, asks for feedback at the end and sums up three days later', () => {
    expect(roundSteps(DEFAULT_SETTINGS, start)).toEqual([
      { step: 'match', at: start },
      { step: 'reminder', at: at('2025-11-03T10:00:00Z') },
      { step: 'feedback', at: at('2025-11-24T10:00:00Z') },
      { step: 'summary', at: at('2025-11-27T10:00:00Z') },
    ]);
  });

  it('rounds the halfway point down to whole days', () => {
    const oneWeek = { ...DEFAULT_SETTINGS, weeksToMeet: 1 };
    expect(roundSteps(oneWeek, start).find((s) => s.step === 'reminder')?.at).toEqual(at('2025-10-16T09:00:00Z'));
  });

  it('leaves out the reminder when it is off', () => {
    expect(roundSteps({ ...DEFAULT_SETTINGS, reminder: false }, start).map((s) => s.step)).toEqual(['match', 'feedback', 'summary']);
  });

  it('leaves out feedback and the summary when feedback is off', () => {
    expect(roundSteps({ ...DEFAULT_SETTINGS, feedback: false }, start).map((s) => s.step)).toEqual(['match', 'reminder']);
    expect(roundSteps({ ...DEFAULT_SETTINGS, feedback: false, reminder: false }, start).map((s) => s.step)).toEqual(['match']);
  });
});

describe('meetBy', () => {
  it('is the end of the weeks to meet, at the same local time', () => {
    expect(meetBy(DEFAULT_SETTINGS, at('2025-10-13T09:00:00Z'))).toEqual(at('2025-11-24T10:00:00Z'));
    expect(meetBy({ ...DEFAULT_SETTINGS, weeksToMeet: 2 }, at('2025-10-13T09:00:00Z'))).toEqual(at('2025-10-27T10:00:00Z'));
  });
});

describe('suggestedMeeting', () => {
  it('suggests 12:30 to 13:00 on the second working day', () => {
    // Monday 24 November 2025 -> Wednesday 26 November.
    expect(suggestedMeeting(DEFAULT_SETTINGS, at('2025-11-24T10:00:00Z'))).toEqual({
      start: at('2025-11-26T12:30:00Z'),
      end: at('2025-11-26T13:00:00Z'),
    });
  });

  it('skips the weekend', () => {
    const thursday = { ...DEFAULT_SETTINGS, weekday: 4 };
    // Thursday 27 November -> Friday, then Monday 1 December.
    expect(suggestedMeeting(thursday, at('2025-11-27T10:00:00Z')).start).toEqual(at('2025-12-01T12:30:00Z'));
    // Saturday 29 November -> Monday, then Tuesday 2 December.
    expect(suggestedMeeting(thursday, at('2025-11-29T10:00:00Z')).start).toEqual(at('2025-12-02T12:30:00Z'));
  });

  it('is local lunchtime in summer and in other time zones', () => {
    expect(suggestedMeeting(DEFAULT_SETTINGS, at('2025-06-02T09:00:00Z')).start).toEqual(at('2025-06-04T11:30:00Z'));
    const tokyo = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
    expect(suggestedMeeting(tokyo, at('2025-11-24T01:00:00Z')).start).toEqual(at('2025-11-26T03:30:00Z'));
  });
});

describe('days Mobilise proposes avoid weekends and bank holidays', () => {
  // A fortnightly programme whose rounds start on Fridays at 10:00.
  const fortnight: ProgrammeSettings = { ...DEFAULT_SETTINGS, everyWeeks: 2, weeksToMeet: 2, weekday: 5, time: '10:00' };

  it('moves a deadline that falls on Christmas Day to the next working day, and the feedback and result with it', () => {
    // Friday 11 December 2026 10:00 GMT; two weeks on is Friday 25 December.
    const start = at('2026-12-11T10:00:00Z');
    expect(meetBy(fortnight, start)).toEqual(at('2026-12-29T10:00:00Z'));
    const steps = roundSteps(fortnight, start);
    expect(steps.find((s) => s.step === 'feedback')?.at).toEqual(at('2026-12-29T10:00:00Z'));
    // Three days after Tuesday 29 December is Friday 1 January, New Year's Day: Monday 4 January.
    expect(steps.find((s) => s.step === 'summary')?.at).toEqual(at('2027-01-04T10:00:00Z'));
  });

  it("uses the programme's nation: 2 January is a day off in Scotland only", () => {
    // Friday 19 December 2025 10:00 GMT; two weeks on is Friday 2 January 2026.
    const start = at('2025-12-19T10:00:00Z');
    expect(meetBy(fortnight, start)).toEqual(at('2026-01-02T10:00:00Z'));
    expect(meetBy(fortnight, start, 'scotland')).toEqual(at('2026-01-05T10:00:00Z'));
  });

  it('moves a reminder off a bank holiday, and suggests a meeting on a working day', () => {
    // Friday 18 December 2026: halfway through two weeks is Friday 25 December.
    const steps = roundSteps(fortnight, at('2026-12-18T10:00:00Z'));
    expect(steps.find((s) => s.step === 'reminder')?.at).toEqual(at('2026-12-29T10:00:00Z'));
    // After Wednesday 23 December: Thursday 24 is the first working day; the second skips Christmas, the weekend and
    // Boxing Day's substitute on Monday 28.
    expect(suggestedMeeting(DEFAULT_SETTINGS, at('2026-12-23T10:00:00Z')).start).toEqual(at('2026-12-29T12:30:00Z'));
  });
});
