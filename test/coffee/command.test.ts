import { parseCoffeeCommand, type CoffeeCommand } from '../../src/coffee/command';

// Tuesday 10 March 2026, 09:00 in London (GMT); the clocks go forward on 29 March.
const now = new Date('2026-03-10T09:00:00Z');
const parse = (text: string, timeZone = 'Europe/London'): CoffeeCommand => parseCoffeeCommand(text, now, timeZone);

function pausedUntil(text: string, timeZone?: string): string {
  const command = parse(text, timeZone);
  if (command.verb !== 'pause') throw new Error(`expected a pause from "${text}", got ${JSON.stringify(command)}`);
  return command.until.toISOString();
}

function invalidMessage(text: string, timeZone?: string): string {
  const command = parse(text, timeZone);
  if (command.verb !== 'invalid') throw new Error(`expected "${text}" to be invalid, got ${JSON.stringify(command)}`);
  return command.message;
}

describe('parseCoffeeCommand: simple verbs', () => {
  it('treats empty text as help', () => {
    expect(parse('')).toEqual({ verb: 'help' });
    expect(parse('   ')).toEqual({ verb: 'help' });
    expect(parse('help')).toEqual({ verb: 'help' });
  });

  it.each(['setup', 'join', 'leave', 'status', 'stats', 'stop', 'resume'] as const)('reads %s in any case', (verb) => {
    expect(parse(verb)).toEqual({ verb });
    expect(parse(`  ${verb.toUpperCase()} `)).toEqual({ verb });
  });

  it('lets help take words after it', () => {
    expect(parse('help pause')).toEqual({ verb: 'help' });
  });

  it('refuses words after a verb that takes none, saying how to use it', () => {
    expect(invalidMessage('stop everything')).toContain('/coffee stop on its own');
  });

  it('names an unknown verb and lists the ones it knows', () => {
    const message = invalidMessage('Frobnicate now');
    expect(message).toContain('"/coffee Frobnicate"');
    for (const verb of ['help', 'setup', 'join', 'leave', 'pause', 'resume', 'status', 'team', 'stats', 'stop']) {
      expect(message).toContain(verb);
    }
  });
});

describe('parseCoffeeCommand: team', () => {
  it('trims the name and tidies its spaces', () => {
    expect(parse('team   Pharmacy  and   Medicines ')).toEqual({ verb: 'team', team: 'Pharmacy and Medicines' });
    expect(parse('TEAM Ward 7')).toEqual({ verb: 'team', team: 'Ward 7' });
  });

  it('clears the team when no name is given', () => {
    expect(parse('team')).toEqual({ verb: 'team', team: null });
    expect(parse('team    ')).toEqual({ verb: 'team', team: null });
  });

  it('takes 60 characters but not 61', () => {
    expect(parse(`team ${'a'.repeat(60)}`)).toEqual({ verb: 'team', team: 'a'.repeat(60) });
    const message = invalidMessage(`team ${'a'.repeat(61)}`);
    expect(message).toContain('60 characters');
    expect(message).toContain('/coffee team Pharmacy');
  });
});

describe('parseCoffeeCommand: pause until a date', () => {
  it('reads an ISO date as the start of that local day', () => {
    expect(pausedUntil('pause until 2026-12-24')).toBe('2026-12-24T00:00:00.000Z');
    // 1 April is in British Summer Time, so its local midnight is 23:00 UTC the day before.
    expect(pausedUntil('pause until 2026-04-01')).toBe('2026-03-31T23:00:00.000Z');
  });

  it('reads day and month, with or without a year, short or long, in any case', () => {
    expect(pausedUntil('pause until 24 December')).toBe('2026-12-24T00:00:00.000Z');
    expect(pausedUntil('pause until 24 Dec 2026')).toBe('2026-12-24T00:00:00.000Z');
    expect(pausedUntil('PAUSE UNTIL 24th dec')).toBe('2026-12-24T00:00:00.000Z');
    expect(pausedUntil('pause until December 24')).toBe('2026-12-24T00:00:00.000Z');
    expect(pausedUntil('pause until 24/12/2026')).toBe('2026-12-24T00:00:00.000Z');
  });

  it('takes the next such day when no year is given', () => {
    expect(pausedUntil('pause until 11 March')).toBe('2026-03-11T00:00:00.000Z');
    expect(pausedUntil('pause until 1 March')).toBe('2027-03-01T00:00:00.000Z');
  });

  it('uses the local day of the time zone it is given', () => {
    // 23:30 UTC on 10 March is already 08:30 on 11 March in Tokyo, so 11 March is today there.
    const late = new Date('2026-03-10T23:30:00Z');
    const tokyo = parseCoffeeCommand('pause until 2026-03-12', late, 'Asia/Tokyo');
    expect(tokyo).toEqual({ verb: 'pause', until: new Date('2026-03-11T15:00:00Z') });
    const today = parseCoffeeCommand('pause until 2026-03-11', late, 'Asia/Tokyo');
    expect(today.verb).toBe('invalid');
  });

  it('refuses today and past dates, naming the date', () => {
    expect(invalidMessage('pause until 2026-03-10')).toMatch(/today/);
    expect(invalidMessage('pause until 1 March 2026')).toContain('1 March 2026 has already passed');
  });

  it('refuses a date more than a year ahead', () => {
    expect(invalidMessage('pause until 2027-03-11')).toContain('more than a year');
    expect(pausedUntil('pause until 2027-03-10')).toBe('2027-03-10T00:00:00.000Z');
  });

  it('refuses days that do not exist', () => {
    expect(invalidMessage('pause until 31 February')).toContain('no 31 February');
    expect(invalidMessage('pause until 31 April 2026')).toContain('no 31 April');
    expect(invalidMessage('pause until 2027-02-29')).toContain('no 29 February in 2027');
    expect(invalidMessage('pause until 2026-13-01')).toContain('months go from 1 to 12');
    expect(invalidMessage('pause until 24 Smarch')).toContain('"Smarch"');
  });

  it('refuses 29 February when the next one is more than a year away', () => {
    expect(invalidMessage('pause until 29 Feb')).toContain('more than a year');
  });

  it('asks for a date after until', () => {
    expect(invalidMessage('pause until')).toContain('date');
  });
});

describe('parseCoffeeCommand: pause for a while', () => {
  it('ends at the start of the local day the time is up', () => {
    expect(pausedUntil('pause for 10 days')).toBe('2026-03-20T00:00:00.000Z');
    // Three weeks on is 31 March, after the clocks go forward.
    expect(pausedUntil('pause for 3 weeks')).toBe('2026-03-30T23:00:00.000Z');
    expect(pausedUntil('pause 3 weeks')).toBe('2026-03-30T23:00:00.000Z');
    expect(pausedUntil('pause for 2 months')).toBe('2026-05-09T23:00:00.000Z');
    expect(pausedUntil('Pause For A Week')).toBe('2026-03-17T00:00:00.000Z');
    expect(pausedUntil('pause for 1 day')).toBe('2026-03-11T00:00:00.000Z');
  });

  it('allows up to a year', () => {
    expect(pausedUntil('pause for 12 months')).toBe('2027-03-10T00:00:00.000Z');
    expect(invalidMessage('pause for 13 months')).toContain('more than a year');
    expect(invalidMessage('pause for 400 days')).toContain('more than a year');
  });

  it('refuses a pause of nothing, or of units it does not know', () => {
    expect(invalidMessage('pause for 0 weeks')).toContain('at least a day');
    expect(invalidMessage('pause for 2 fortnights')).toContain('"fortnights"');
  });
});

describe('parseCoffeeCommand: pause that says nothing useful', () => {
  it.each(['pause', 'pause soon', 'pause for a bit', 'pause until next Tuesday'])('explains "%s" with an example', (text) => {
    expect(invalidMessage(text)).toContain('/coffee pause for 3 weeks');
  });
});
