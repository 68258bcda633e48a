// Reading Action.Submit data back: buttons, forms, Action.Execute and dialogs; anything malformed is not ours.
import { FORM_VALUE_FIELD } from '../../../../src/core/card';
import { readDialogSubmit, readExecute, readSubmission } from '../../../../adapters/teams/cards';

describe('readSubmission', () => {
  it('reads a button with and without a value', () => {
    expect(readSubmission({ mobilise: 'action', action: 'aar:drop', value: 'm1' })).toEqual({ kind: 'action', action: 'aar:drop', value: 'm1' });
    expect(readSubmission({ mobilise: 'action', action: 'aar:save' })).toEqual({ kind: 'action', action: 'aar:save' });
  });

  it('reads a form: every other key is a field, and the form value comes back under FORM_VALUE_FIELD', () => {
    expect(readSubmission({ mobilise: 'form', form: 'coffee:setup', value: 'p1', weekday: 'monday', prompts: 'true', __proto__x: 'y' })).toEqual({
      kind: 'form',
      form: 'coffee:setup',
      fields: { weekday: 'monday', prompts: 'true', __proto__x: 'y', [FORM_VALUE_FIELD]: 'p1' },
    });
    expect(readSubmission({ mobilise: 'form', form: 'coffee:comment' })).toEqual({ kind: 'form', form: 'coffee:comment', fields: {} });
  });

  it('drops a field named __proto__ rather than letting it set a prototype', () => {
    const sent = JSON.parse('{"mobilise":"form","form":"f","__proto__":{"polluted":"yes"},"a":"b"}') as unknown;
    const read = readSubmission(sent);
    expect(read).toEqual({ kind: 'form', form: 'f', fields: { a: 'b' } });
    expect(read?.kind === 'form' && Object.getPrototypeOf(read.fields)).toBe(Object.prototype);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'aar:save'],
    ['an array', [{ mobilise: 'action', action: 'a' }]],
    ['someone else’s card', { action: 'aar:save' }],
    ['an unknown kind', { mobilise: 'other', action: 'a' }],
    ['an empty action', { mobilise: 'action', action: '' }],
    ['a number as action', { mobilise: 'action', action: 3 }],
    ['a non-string value', { mobilise: 'action', action: 'a', value: 3 }],
    ['a form without id', { mobilise: 'form', text: 'x' }],
    ['a form with a non-string field', { mobilise: 'form', form: 'f', count: 3 }],
    ['a form with a nested field', { mobilise: 'form', form: 'f', who: { id: 'x' } }],
    ['a form with a non-string value', { mobilise: 'form', form: 'f', value: null }],
  ])('rejects %s', (_what, value) => {
    expect(readSubmission(value)).toBeUndefined();
  });
});

describe('readExecute and readDialogSubmit', () => {
  it('read the same data from an Action.Execute invoke and a dialog submit', () => {
    const data = { mobilise: 'form', form: 'aar:lesson', value: 'k1', title: 'T' };
    const expected = { kind: 'form', form: 'aar:lesson', fields: { title: 'T', [FORM_VALUE_FIELD]: 'k1' } };
    expect(readExecute({ action: { type: 'Action.Execute', verb: 'submit', data }, trigger: 'manual' })).toEqual(expected);
    expect(readDialogSubmit({ data, context: { theme: 'dark' } })).toEqual(expected);
  });

  it('reject anything else', () => {
    expect(readExecute({ action: { type: 'Action.Submit', data: { mobilise: 'action', action: 'a' } } })).toBeUndefined();
    expect(readExecute({ mobilise: 'action', action: 'a' })).toBeUndefined();
    expect(readExecute({ action: { type: 'Action.Execute', data: { action: 'a' } } })).toBeUndefined();
    expect(readDialogSubmit({ mobilise: 'action', action: 'a' })).toBeUndefined();
    expect(readDialogSubmit(undefined)).toBeUndefined();
  });
});
