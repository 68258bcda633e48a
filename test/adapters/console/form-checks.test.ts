// A sandbox form checks each answer as it is given: a wrong one is asked again at once, and the rest are kept.
import { coffeeService } from '../../../src/coffee/service/coffee-service';
import { DEFAULT_SETTINGS } from '../../../src/coffee/settings';
import { setupForm } from '../../../src/coffee/setup-form';
import { formChecker } from '../../../src/core/form-check';
import type { Inbound, Place } from '../../../src/core/model';
import { play, type Reaction } from './harness';

const general: Place = { platform: 'console', tenant: 'local', channel: 'general' };
const checker = formChecker([coffeeService], () => new Date('2026-12-02T10:00:00Z'));

const opensSetup: Reaction = async (event, chat) => {
  if (event.kind === 'command' && event.trigger) await chat.openForm?.(event.trigger, general, setupForm(DEFAULT_SETTINGS));
};

function submitted(events: Inbound[]): Record<string, string>[] {
  return events.flatMap((e) => (e.kind === 'form' ? [e.fields] : []));
}

/** Enter for every question after the first `answers`. */
const thenDefaults = (answers: string[]): string[] => [...answers, ...Array<string>(12).fill('')];

describe('sandbox forms checked answer by answer', () => {
  it('asks the time zone again at once when it is not one, keeping the answers before it', async () => {
    // How often, Day, Time, then the time zone: wrong, then right.
    const box = await play(thenDefaults(['/coffee setup', '2', 'Fri', '', 'Mars/Olympus', 'Europe/Dublin']), opensSetup, [], checker);
    const out = box.output();
    expect(out).toContain(`"Mars/Olympus" isn't a time zone we know`);
    expect(out).toContain('Up to 64 characters.');
    // The problem comes straight after the answer, before the next question is asked.
    expect(out.indexOf('Mars/Olympus" isn')).toBeLessThan(out.indexOf('(5 of 12) Group size'));
    expect(submitted(box.handler.events)).toEqual([expect.objectContaining({ everyWeeks: '2', weekday: '5', timeZone: 'Europe/Dublin', weeksToMeet: '2' })]);
  });

  it('starts "weeks to meet" at a choice that agrees with how often rounds start', async () => {
    const box = await play(thenDefaults(['/coffee setup', 'Every week']), opensSetup, [], checker);
    expect(box.output()).toContain('Now: 1 week  (press Enter to keep it)');
    expect(submitted(box.handler.events)).toEqual([expect.objectContaining({ everyWeeks: '1', weeksToMeet: '1' })]);
  });

  it('refuses weeks to meet longer than the rounds, naming why, and takes the next answer', async () => {
    const box = await play(thenDefaults(['/coffee setup', '3', '', '', '', '', '', '6 weeks', '2 weeks']), opensSetup, [], checker);
    expect(box.output()).toContain('Cannot be longer than the time between rounds (every 3 weeks).');
    expect(submitted(box.handler.events)).toEqual([expect.objectContaining({ everyWeeks: '3', weeksToMeet: '2' })]);
  });

  it('takes the start of a choice when only one choice starts that way, and says which when several do', async () => {
    const box = await play(thenDefaults(['/coffee setup', '', 'T', 'thurs']), opensSetup, [], checker);
    expect(box.output()).toContain('"T" could be Tuesday, Thursday. Please type more of it, or its number.');
    expect(submitted(box.handler.events)).toEqual([expect.objectContaining({ weekday: '4' })]);
  });
});
