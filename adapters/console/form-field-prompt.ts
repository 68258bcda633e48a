// How one form field is asked and answered in a terminal: free text, a numbered list, or yes or no.
import type { FormField, FormOption } from '../../src/core/card';
import type { Person } from '../../src/core/model';

export type FieldReading = { value: string } | { problem: string };

const KEEP = '(press Enter to keep it)';
const NEEDED = 'This one is needed.';

/** The lines under a field's label: its choices, what it is for, and what Enter does; `people` are those the sandbox knows. */
export function fieldPrompt(field: FormField, people: readonly Person[] = []): string[] {
  const hint = field.hint !== undefined && field.hint.trim() !== '' ? [`   ${field.hint}`] : [];
  switch (field.kind ?? 'text') {
    case 'select': {
      const options = field.options ?? [];
      const current = options.find((o) => o.value === field.value);
      return [
        ...options.map((o, i) => `   ${i + 1}. ${o.label}`),
        ...hint,
        current ? `   Now: ${current.label}  ${KEEP}` : field.optional ? '   (optional: press Enter to leave it empty)' : '',
        '   Type the number or the name of your choice.',
      ].filter((line) => line !== '');
    }
    case 'checkbox':
      return ['   Answer yes or no.', ...hint, `   Now: ${field.value === 'true' ? 'yes' : 'no'}  ${KEEP}`];
    case 'person': {
      // The starting value is an id; people read names.
      const current = field.value === undefined ? '' : nameOf(field.value, people);
      const enter = current !== '' ? [`   Now: ${current}  ${KEEP}`] : field.optional ? ['   (optional: press Enter to leave it empty)'] : [];
      return [...hint, ...enter, `   Type a name: ${peopleInWords(people)}.`];
    }
    case 'text': {
      const current = field.value ?? '';
      const enter = current !== '' ? [`   Now: ${current}  ${KEEP}`] : field.optional ? ['   (optional: press Enter to leave it empty)'] : [];
      const limit = field.maxLength === undefined ? [] : [`   Up to ${field.maxLength.toLocaleString('en-GB')} characters.`];
      return [...hint, ...limit, ...enter];
    }
  }
}

export function readField(field: FormField, line: string, people: readonly Person[] = []): FieldReading {
  const typed = line.trim();
  switch (field.kind ?? 'text') {
    case 'select':
      return readChoice(field, field.options ?? [], typed);
    case 'checkbox':
      return readYesNo(field, typed);
    case 'person':
      return readPerson(field, typed, people);
    case 'text':
      return readText(field, typed);
  }
}

function readText(field: FormField, typed: string): FieldReading {
  const value = typed === '' ? (field.value ?? '') : typed;
  if (value === '' && !field.optional) return { problem: `${NEEDED} Please type an answer.` };
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return { problem: `That is ${value.length} characters and the most is ${field.maxLength}. Please shorten it.` };
  }
  return { value };
}

const nameOf = (id: string, people: readonly Person[]): string => people.find((p) => p.id === id)?.name ?? id;
const peopleInWords = (people: readonly Person[]): string => people.map((p) => p.name ?? p.id).join(', ');

/** A name (or @name) of someone the sandbox knows, any case, as their id: a typed name never makes up a person. */
function readPerson(field: FormField, typed: string, people: readonly Person[]): FieldReading {
  if (typed === '') return readText(field, typed);
  const wanted = typed.replace(/^@/, '').trim().toLowerCase();
  const found = people.find((p) => (p.name ?? '').toLowerCase() === wanted || p.id === wanted);
  if (found) return { value: found.id };
  return { problem: `I don't know anyone called "${typed}" here. Type one of: ${peopleInWords(people)}. (To add someone, /cancel, then /as their name.)` };
}

function readChoice(field: FormField, options: FormOption[], typed: string): FieldReading {
  if (typed === '') {
    // As on Slack, a starting value that is not one of the choices is no choice at all.
    const current = options.find((o) => o.value === field.value)?.value ?? '';
    return current === '' && !field.optional ? { problem: `${NEEDED} Please choose one.` } : { value: current };
  }
  const byNumber = /^\d+$/.test(typed) ? options[Number(typed) - 1] : undefined;
  const wanted = typed.toLowerCase().replace(/\.$/, '');
  const label = (o: FormOption): string => o.label.trim().toLowerCase();
  const chosen = byNumber ?? options.find((o) => label(o) === wanted);
  if (chosen) return { value: chosen.value };
  // The start of a name is enough when only one choice starts that way ("Fri" for Friday).
  const starting = options.filter((o) => label(o).startsWith(wanted));
  if (starting.length === 1 && starting[0]) return { value: starting[0].value };
  if (starting.length > 1) return { problem: `"${typed}" could be ${starting.map((o) => o.label).join(', ')}. Please type more of it, or its number.` };
  return { problem: `Please type a number from 1 to ${options.length}, or one of the names.` };
}

function readYesNo(field: FormField, typed: string): FieldReading {
  const answer = typed.toLowerCase();
  if (answer === '') return { value: field.value === 'true' ? 'true' : 'false' };
  if (answer === 'yes' || answer === 'y') return { value: 'true' };
  if (answer === 'no' || answer === 'n') return { value: 'false' };
  return { problem: 'Please answer yes or no.' };
}
