// The action forms' answers, checked while the form is open, each problem under its own field.
import { ACTION_FORM_CHECKS } from '../../../src/lessons/actions/form-checks';
import { ACTION_FORMS } from '../../../src/lessons/actions/ids';

const now = new Date('2026-12-02T09:00:00Z');
const NHS_NUMBER = '943 476 5919';

function check(form: string, fields: Record<string, string>) {
  const run = ACTION_FORM_CHECKS[form];
  if (run === undefined) throw new Error(`no check for ${form}`);
  return run(fields, now);
}

describe('action form checks', () => {
  it('puts each problem of a new action under its field', () => {
    const problems = check(ACTION_FORMS.add, { text: `Ring ${NHS_NUMBER}`, owner: 'U1', due: '31 February' });
    expect(problems.map((p) => p.field)).toEqual(['text', 'due']);
    expect(problems[0]?.message).toMatch(/NHS number/);
    expect(problems[0]?.message).not.toContain('5919');
    expect(problems[1]?.message).toMatch(/There's no 31 February/);
  });

  it('says the limit of what will be done, and accepts a good action', () => {
    expect(check(ACTION_FORMS.add, { text: 'x'.repeat(501), due: 'Fri' })).toEqual([
      { field: 'text', message: 'What will be done can be up to 500 characters, and this has 501. Please shorten it.' },
    ]);
    expect(check(ACTION_FORMS.add, { text: 'Check the printer queues', due: 'Fri' })).toEqual([]);
  });

  it('needs evidence, and a new date after today', () => {
    expect(check(ACTION_FORMS.done, { evidence: ' ' }).map((p) => p.field)).toEqual(['evidence']);
    expect(check(ACTION_FORMS.later, { due: 'today' }).map((p) => p.field)).toEqual(['due']);
    expect(check(ACTION_FORMS.later, { due: 'in 2 weeks' })).toEqual([]);
  });
});
