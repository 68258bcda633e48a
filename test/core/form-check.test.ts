import type { FormSpec } from '../../src/core/card';
import { formChecker, formWithProblems, problemsInWords, tooLong, type FormCheck } from '../../src/core/form-check';

const now = new Date('2026-12-02T09:00:00Z');

describe('form checks', () => {
  it('asks the check of the form named, with the clock, and finds nothing wrong in a form without one', () => {
    const seen: Date[] = [];
    const check: FormCheck = (fields, at) => {
      seen.push(at);
      return fields.name === '' ? [{ field: 'name', message: 'Please give a name.' }] : [];
    };
    const checker = formChecker([{ formChecks: { 'x:form': check } }, {}], () => now);
    expect(checker.check('x:form', { name: '' })).toEqual([{ field: 'name', message: 'Please give a name.' }]);
    expect(checker.check('x:form', { name: 'Priya' })).toEqual([]);
    expect(checker.check('y:other', { name: '' })).toEqual([]);
    expect(seen).toEqual([now, now]);
  });

  it('refuses two checks for one form', () => {
    const check: FormCheck = () => [];
    expect(() => formChecker([{ formChecks: { f: check } }, { formChecks: { f: check } }], () => now)).toThrow('two checks for form f');
  });

  it('says a limit and the length, in UK numbers, only when the answer is over it', () => {
    expect(tooLong('t', 'A title', 'x'.repeat(150), 150)).toEqual([]);
    expect(tooLong('t', 'A title', `  ${'x'.repeat(150)}  `, 150)).toEqual([]);
    expect(tooLong('t', 'An answer', 'x'.repeat(5000), 2000)).toEqual([
      { field: 't', message: 'An answer can be up to 2,000 characters, and this has 5,000. Please shorten it.' },
    ]);
  });

  it('shows the form again with what was typed and each problem under its field', () => {
    const form: FormSpec = {
      id: 'f',
      title: 'T',
      submitLabel: 'Save',
      fields: [
        { id: 'a', label: 'A', value: 'old' },
        { id: 'b', label: 'B' },
      ],
    };
    expect(formWithProblems(form, { a: 'typed', b: 'bad' }, [{ field: 'b', message: 'Wrong.' }]).fields).toEqual([
      { id: 'a', label: 'A', value: 'typed' },
      { id: 'b', label: 'B', value: 'bad', problem: 'Wrong.' },
    ]);
  });

  it('names each problem by its field for a message sent afterwards', () => {
    const labels = { day: 'Day', zone: 'Time zone' };
    expect(
      problemsInWords(
        [
          { field: 'day', message: 'Please choose a day.' },
          { field: 'zone', message: '"Mars" is not a time zone.' },
          { field: 'other', message: 'Something else.' },
        ],
        labels,
      ),
    ).toEqual(['Day: please choose a day.', 'Time zone: "Mars" is not a time zone.', 'Something else.']);
  });
});
