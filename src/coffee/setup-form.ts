// The /coffee setup form: the organiser's choices shown with the current ones picked, and read back into settings.
import type { FormField, FormOption, FormSpec } from '../core/card';
import type { FieldProblem, FormCheck } from '../core/form-check';
import { countOf } from '../core/wording';
import { weekdayNamed } from '../dates/day';
import { DEFAULT_SETTINGS, programmeSettingsSchema, type ProgrammeSettings } from './settings';

export const SETUP_FORM_ID = 'coffee:setup';

type SettingName = keyof ProgrammeSettings;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HISTORY_CHOICES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 20];
const EVER = 'ever';
const FIRST_SLOT_MINUTES = 7 * 60;
const LAST_SLOT_MINUTES = 19 * 60;

/** How each field is labelled in the form; problems name fields the same way. */
export const SETUP_LABELS: Record<SettingName, string> = {
  everyWeeks: 'How often',
  weekday: 'Day',
  time: 'Time',
  timeZone: 'Time zone',
  groupSize: 'Group size',
  oddOneOut: 'With an odd number of people',
  weeksToMeet: 'Weeks to meet',
  reminder: 'Midway reminder',
  feedback: 'Ask whether people met',
  prompts: 'Conversation prompts',
  preferDifferentTeams: 'Prefer people from different teams',
  historyRounds: 'Avoid repeat matches from',
};

/** What a field accepts, said when what came back does not fit. */
const EXPECTED: Record<SettingName, string> = {
  everyWeeks: 'please choose every 1 to 8 weeks',
  weekday: 'please choose a day of the week',
  time: 'please choose a time, written like 09:30',
  timeZone: "isn't a time zone we know; try a place name such as Europe/London",
  groupSize: 'please choose pairs or groups of three',
  oddOneOut: 'please choose a group of three or one person sitting out',
  weeksToMeet: 'please choose between 1 and 8 weeks',
  reminder: 'please tick it or leave it empty',
  feedback: 'please tick it or leave it empty',
  prompts: 'please tick it or leave it empty',
  preferDifferentTeams: 'please tick it or leave it empty',
  historyRounds: 'please choose all earlier rounds or a number of rounds from 1 to 100',
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function halfHourSlots(current: string): FormOption[] {
  const slots: string[] = [];
  for (let minutes = FIRST_SLOT_MINUTES; minutes <= LAST_SLOT_MINUTES; minutes += 30) {
    slots.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  // A time chosen some other way (an earlier form, the CLI) stays selectable rather than silently changing.
  if (!slots.includes(current)) slots.push(current);
  return slots.sort().map((slot) => ({ value: slot, label: slot }));
}

function historyOptions(current: number | null): FormOption[] {
  const counts =
    current === null || HISTORY_CHOICES.includes(current) ? HISTORY_CHOICES : [...HISTORY_CHOICES, current].sort((a, b) => a - b);
  return [
    { value: EVER, label: 'All earlier rounds' },
    ...counts.map((n) => ({ value: String(n), label: n === 1 ? 'The last round' : `The last ${n} rounds` })),
  ];
}

function select(id: SettingName, value: string, options: FormOption[], hint?: string): FormField {
  return { id, label: SETUP_LABELS[id], kind: 'select', options, value, ...(hint === undefined ? {} : { hint }) };
}

function checkbox(id: SettingName, value: boolean, hint: string): FormField {
  return { id, label: SETUP_LABELS[id], kind: 'checkbox', value: String(value), hint };
}

export function setupForm(current: ProgrammeSettings): FormSpec {
  const weeks = range(1, 8);
  return {
    id: SETUP_FORM_ID,
    title: 'Randomised Coffee Trials',
    submitLabel: 'Save',
    fields: [
      select(
        'everyWeeks',
        String(current.everyWeeks),
        weeks.map((n) => ({ value: String(n), label: n === 1 ? 'Every week' : `Every ${n} weeks` })),
        'How often a new round of matches starts.',
      ),
      select('weekday', String(current.weekday), WEEKDAYS.map((day, i) => ({ value: String(i + 1), label: day }))),
      select('time', current.time, halfHourSlots(current.time)),
      {
        id: 'timeZone',
        label: SETUP_LABELS.timeZone,
        value: current.timeZone,
        maxLength: 64,
        hint: 'Where the day and time apply, as a place name such as Europe/London (UK time) or Europe/Dublin.',
      },
      select('groupSize', String(current.groupSize), [
        { value: '2', label: 'Pairs' },
        { value: '3', label: 'Groups of three' },
      ]),
      select(
        'oddOneOut',
        current.oddOneOut,
        [
          { value: 'trio', label: 'Make one group of three' },
          { value: 'sit-out', label: 'One person sits out, taking turns' },
        ],
        'Only matters for pairs. Whoever sits out goes first next round.',
      ),
      select(
        'weeksToMeet',
        String(current.weeksToMeet),
        weeks.map((n) => ({ value: String(n), label: countOf(n, 'week') })),
        'How long each group has to meet. No longer than the time between rounds.',
      ),
      checkbox('reminder', current.reminder, "A friendly nudge in each group's chat halfway through."),
      checkbox('feedback', current.feedback, 'At the end, ask everyone if they met, and share the results in this channel.'),
      checkbox('prompts', current.prompts, 'Suggest a question to get each conversation going.'),
      checkbox('preferDifferentTeams', current.preferDifferentTeams, 'Uses the team people give with /coffee team.'),
      select(
        'historyRounds',
        current.historyRounds === null ? EVER : String(current.historyRounds),
        historyOptions(current.historyRounds),
        'People matched within this time are not matched again if it can be avoided.',
      ),
    ],
  };
}

function wholeNumber(text: string | undefined): number | string | undefined {
  const trimmed = text?.trim();
  return trimmed !== undefined && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Slack sends 'true' or 'false'; a typed yes or no (the console) means the same. */
function tick(text: string | undefined): boolean | string {
  const answer = (text ?? '').trim().toLowerCase();
  if (answer === 'true' || answer === 'yes') return true;
  if (answer === 'false' || answer === 'no' || answer === '') return false;
  return answer;
}

function clock(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed !== undefined && /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

function submitted(fields: Readonly<Record<string, string>>): Record<SettingName, unknown> {
  const history = fields.historyRounds?.trim().toLowerCase();
  const zone = fields.timeZone?.trim();
  return {
    everyWeeks: wholeNumber(fields.everyWeeks),
    weekday: weekdayNamed(fields.weekday ?? '') ?? wholeNumber(fields.weekday),
    time: clock(fields.time),
    timeZone: zone === undefined || zone === '' ? DEFAULT_SETTINGS.timeZone : zone,
    groupSize: wholeNumber(fields.groupSize),
    oddOneOut: fields.oddOneOut?.trim(),
    weeksToMeet: wholeNumber(fields.weeksToMeet),
    reminder: tick(fields.reminder),
    feedback: tick(fields.feedback),
    prompts: tick(fields.prompts),
    preferDifferentTeams: tick(fields.preferDifferentTeams),
    historyRounds: history === EVER ? null : wholeNumber(history),
  };
}

function isSettingName(key: PropertyKey | undefined): key is SettingName {
  return typeof key === 'string' && key in SETUP_LABELS;
}

interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

const TOO_LONG_TO_MEET: Issue = { code: 'custom', path: ['weeksToMeet'], message: 'weeks to meet are too long' };

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** One problem per field, in the words the form uses. */
function problemFor(issue: Issue, values: Record<SettingName, unknown>): FieldProblem {
  const field = issue.path[0];
  if (!isSettingName(field)) return { field: String(field), message: issue.message };
  if (field === 'weeksToMeet' && issue.code === 'custom') {
    const every = Number(values.everyWeeks);
    return { field, message: `Cannot be longer than the time between rounds (${every === 1 ? 'every week' : `every ${every} weeks`}).` };
  }
  if (field === 'timeZone') return { field, message: `"${String(values.timeZone)}" ${EXPECTED.timeZone}.` };
  return { field, message: `${sentence(EXPECTED[field])}.` };
}

/** The schema compares the two only when everything else is valid; the organiser should hear it all at once. */
function crossFieldIssues(values: Record<SettingName, unknown>): Issue[] {
  const { everyWeeks, weeksToMeet } = values;
  return typeof everyWeeks === 'number' && typeof weeksToMeet === 'number' && weeksToMeet > everyWeeks ? [TOO_LONG_TO_MEET] : [];
}

export function readSetupForm(
  fields: Readonly<Record<string, string>>,
): { ok: true; settings: ProgrammeSettings } | { ok: false; problems: FieldProblem[] } {
  const values = submitted(fields);
  const result = programmeSettingsSchema.safeParse(values);
  if (result.success) return { ok: true, settings: result.data };
  const order = Object.keys(SETUP_LABELS);
  const fieldIndex = (issue: Issue): number => order.indexOf(String(issue.path[0]));
  // Problems follow the form from top to bottom, whatever order the schema checks in; one per field.
  const issues = [...result.error.issues, ...crossFieldIssues(values)].sort((a, b) => fieldIndex(a) - fieldIndex(b));
  const problems = issues.map((issue) => problemFor(issue, values));
  return { ok: false, problems: problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i) };
}

export const checkSetupForm: FormCheck = (fields) => {
  const read = readSetupForm(fields);
  return read.ok ? [] : read.problems;
};
