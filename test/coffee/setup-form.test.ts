import type { FormField } from '../../src/core/card';
import { problemsInWords } from '../../src/core/form-check';
import { readSetupForm, SETUP_FORM_ID, SETUP_LABELS, setupForm } from '../../src/coffee/setup-form';
import { DEFAULT_SETTINGS, type ProgrammeSettings } from '../../src/coffee/settings';

const custom: ProgrammeSettings = {
  everyWeeks: 4,
  weekday: 3,
  time: '13:30',
  timeZone: 'Europe/Dublin',
  groupSize: 3,
  weeksToMeet: 2,
  reminder: false,
  feedback: true,
  prompts: false,
  preferDifferentTeams: true,
  oddOneOut: 'sit-out',
  historyRounds: 4,
};

/** What a platform sends back when the organiser submits the form without changing anything. */
function submittedAsShown(fields: FormField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.id, f.value ?? '']));
}

function field(fields: FormField[], id: string): FormField {
  const found = fields.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no field ${id}`);
  return found;
}

function problemsOf(fields: Record<string, string>): string[] {
  const result = readSetupForm(fields);
  if (result.ok) throw new Error('expected problems');
  return problemsInWords(result.problems, SETUP_LABELS);
}

describe('setupForm', () => {
  it('has the coffee:setup id and a field for every setting', () => {
    const form = setupForm(DEFAULT_SETTINGS);
    expect(form.id).toBe(SETUP_FORM_ID);
    expect(form.id).toBe('coffee:setup');
    expect(form.fields.map((f) => f.id).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const f of form.fields) expect(f.label).toBe(SETUP_LABELS[f.id as keyof ProgrammeSettings]);
  });

  it('preselects the current values, each one among its options', () => {
    const fields = setupForm(custom).fields;
    expect(submittedAsShown(fields)).toEqual({
      everyWeeks: '4',
      weekday: '3',
      time: '13:30',
      timeZone: 'Europe/Dublin',
      groupSize: '3',
      weeksToMeet: '2',
      reminder: 'false',
      feedback: 'true',
      prompts: 'false',
      preferDifferentTeams: 'true',
      oddOneOut: 'sit-out',
      historyRounds: '4',
    });
    for (const f of fields.filter((x) => x.kind === 'select')) {
      expect(f.options?.map((o) => o.value)).toContain(f.value);
    }
  });

  it('uses selects and checkboxes, and a hinted text field for the time zone', () => {
    const fields = setupForm(DEFAULT_SETTINGS).fields;
    expect(field(fields, 'reminder').kind).toBe('checkbox');
    expect(field(fields, 'weekday').kind).toBe('select');
    expect(field(fields, 'timeZone').kind ?? 'text').toBe('text');
    expect(field(fields, 'timeZone').hint).toContain('Europe/London');
    expect(field(fields, 'weekday').options?.map((o) => o.label)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
  });

  it('offers half-hour slots from 07:00 to 19:00', () => {
    const times = field(setupForm(DEFAULT_SETTINGS).fields, 'time').options?.map((o) => o.value) ?? [];
    expect(times).toHaveLength(25);
    expect(times[0]).toBe('07:00');
    expect(times).toContain('12:30');
    expect(times[times.length - 1]).toBe('19:00');
  });

  it('keeps a current value that is not one of the usual choices', () => {
    const odd = { ...DEFAULT_SETTINGS, time: '06:15', historyRounds: 7 };
    const fields = setupForm(odd).fields;
    expect(field(fields, 'time').options?.map((o) => o.value)).toContain('06:15');
    expect(field(fields, 'historyRounds').options?.map((o) => o.value)).toContain('7');
    expect(readSetupForm(submittedAsShown(fields))).toEqual({ ok: true, settings: odd });
  });

  it('fits Slack: option labels of 75 characters at most, and no more than 100 options', () => {
    for (const f of setupForm(DEFAULT_SETTINGS).fields) {
      expect((f.options ?? []).length).toBeLessThanOrEqual(100);
      for (const o of f.options ?? []) expect(o.label.length).toBeLessThanOrEqual(75);
    }
  });
});

describe('readSetupForm', () => {
  it.each([
    ['the defaults', DEFAULT_SETTINGS],
    ['custom settings', custom],
    ['"ever" for history', { ...custom, historyRounds: null }],
  ])('reads back what the form shows, for %s', (_name, settings) => {
    expect(readSetupForm(submittedAsShown(setupForm(settings).fields))).toEqual({ ok: true, settings });
  });

  it('takes an empty time zone as UK time, and ignores fields it does not know', () => {
    const fields = { ...submittedAsShown(setupForm(custom).fields), timeZone: '  ', _value: 'x' };
    expect(readSetupForm(fields)).toEqual({ ok: true, settings: { ...custom, timeZone: 'Europe/London' } });
  });

  it('says when the weeks to meet are longer than the time between rounds', () => {
    const fields = { ...submittedAsShown(setupForm(DEFAULT_SETTINGS).fields), everyWeeks: '4', weeksToMeet: '6' };
    expect(problemsOf(fields)).toEqual(['Weeks to meet: cannot be longer than the time between rounds (every 4 weeks).']);
  });

  it('names a time zone it does not know', () => {
    const fields = { ...submittedAsShown(setupForm(DEFAULT_SETTINGS).fields), timeZone: 'Mars/Olympus' };
    expect(problemsOf(fields)).toEqual([`Time zone: "Mars/Olympus" isn't a time zone we know; try a place name such as Europe/London.`]);
  });

  it('lists every problem at once, in the order of the form, by its label', () => {
    const fields = {
      ...submittedAsShown(setupForm(DEFAULT_SETTINGS).fields),
      everyWeeks: '2',
      weekday: '9',
      time: 'noon',
      groupSize: '4',
      weeksToMeet: '3',
      reminder: 'perhaps',
      historyRounds: 'sometimes',
    };
    const problems = problemsOf(fields);
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'Day',
      'Time',
      'Group size',
      'Weeks to meet',
      'Midway reminder',
      'Avoid repeat matches from',
    ]);
  });

  it('reports missing fields rather than guessing', () => {
    const problems = problemsOf({});
    expect(problems).toContain('How often: please choose every 1 to 8 weeks.');
    expect(problems).toContain('Day: please choose a day of the week.');
  });
});
