import { ACTIONS, EDIT_LESSON_FORM, FORM_VALUE_FIELD, KEYS } from '../../../flows/after-action-review';
import type { Outgoing } from '../../../src/core/flow';
import { action, formSubmitted, reply } from '../../support/flow-events';
import { Run, alex, buttonsOf, cardText, defined, first, fran, posts, postOf, reviewedRun, sam, updateOf, whispers } from './harness';

function summaryOf(run: Run): string {
  const step = first(run.steps.filter((s) => postOf(s, KEYS.summary)));
  return cardText(defined(postOf(step, KEYS.summary)));
}

function formsIn(say: Outgoing[]): Extract<Outgoing, { kind: 'form' }>[] {
  return say.flatMap((o) => (o.kind === 'form' ? [o] : []));
}

describe('the AAR summary', () => {
  it('groups the answers by question, each with its author', () => {
    const text = summaryOf(reviewedRun());
    expect(text).toContain(`Summary: Go-live of e-prescribing on Ward 7`);
    expect(text).toMatch(
      /1\. What did we expect[^\n]*\n• <@U-ALEX>: Switch over at 8am with paper charts retired\. #e-prescribing/,
    );
    // Answers a lesson can carry are numbered, for typing carry 1: 2, 3.
    expect(text).toMatch(/2\. What actually happened[^\n]*\n• \(1\) <@U-ALEX>: Most charts moved over smoothly\.\n• \(2\) <@U-SAM>: Night staff/);
    expect(text).toMatch(/3\. Why was there a difference[^\n]*\n• \(3\) <@U-SAM>: Accounts were requested too late\./);
  });

  it('numbers the proposed lessons, with Edit and Drop, then Save lessons and Cancel', () => {
    const run = reviewedRun();
    const summary = defined(postOf(first(run.steps.slice(-1)), KEYS.summary));
    const text = cardText(summary);
    expect(text).toContain('1. Request log-ins two weeks before go-live\nRequest log-ins two weeks before go-live. Check them');
    expect(text).toContain('2. Keep a paper fallback for the first 48 hours\nKeep a paper fallback for the first 48 hours #Resilience');
    expect(buttonsOf(summary)).toEqual([
      { action: ACTIONS.edit, label: 'Edit', value: 'm5' },
      { action: ACTIONS.drop, label: 'Drop', value: 'm5' },
      { action: ACTIONS.edit, label: 'Edit', value: 'm6' },
      { action: ACTIONS.drop, label: 'Drop', value: 'm6' },
      { action: ACTIONS.save, label: 'Save lessons', style: 'primary' },
      { action: ACTIONS.cancel, label: 'Cancel', style: 'danger' },
    ]);
  });

  it('says so when there is nothing to propose, and offers to close', () => {
    const run = new Run();
    run.answer(alex, 'Switch over at 8am', 'm1');
    for (let i = 0; i < 4; i++) run.advance();
    const summary = defined(postOf(first(run.steps.slice(-1)), KEYS.summary));
    expect(cardText(summary)).toContain('no lessons to propose');
    // Nothing to edit, drop or carry: the footer offers only closing.
    expect(cardText(summary)).toContain('can close the review; every answer stays in this thread.');
    expect(cardText(summary)).not.toMatch(/edit or drop|carry 1/);
    expect(buttonsOf(summary)).toEqual([{ action: ACTIONS.save, label: 'Close without saving' }]);

    const step = run.send(action(fran, ACTIONS.save));
    expect(step.done).toBe(true);
    expect(step.save).toBeUndefined();
    expect(run.state.phase).toBe('saved');
    expect(cardText(first(posts(step)).card)).toContain('Nothing was saved');
  });
});

describe('editing proposed lessons', () => {
  it('opens a form for the facilitator when the platform has one', () => {
    const run = reviewedRun();
    const step = run.send(action(fran, ACTIONS.edit, 'm6', 'trigger-1'));
    expect(step.say).toEqual([
      {
        kind: 'form',
        to: fran,
        trigger: 'trigger-1',
        form: {
          id: EDIT_LESSON_FORM,
          title: 'Edit lesson',
          submitLabel: 'Save',
          value: 'm6',
          fields: [
            { id: 'title', label: 'Title', value: 'Keep a paper fallback for the first 48 hours', maxLength: 150, optional: true },
            { id: 'recommendation', label: 'Recommendation', value: 'Keep a paper fallback for the first 48 hours #Resilience', multiline: true, maxLength: 3000 },
          ],
        },
      },
    ]);
  });

  it('explains the typed fallback when there is no form to open', () => {
    const run = reviewedRun();
    const step = run.send(action(fran, ACTIONS.edit, 'm6'));
    expect(formsIn(step.say)).toEqual([]);
    expect(cardText(first(whispers(step)).card)).toContain('edit 2:');
  });

  it('stores a form submission and refreshes the summary', () => {
    const run = reviewedRun();
    const step = run.send(
      formSubmitted(fran, EDIT_LESSON_FORM, {
        [FORM_VALUE_FIELD]: 'm6',
        title: 'Paper fallback for two days',
        recommendation: 'Keep paper charts ready for the first 48 hours.',
      }),
    );
    expect(run.state.proposalEdits).toEqual([
      { key: 'm6', title: 'Paper fallback for two days', recommendation: 'Keep paper charts ready for the first 48 hours.', dropped: false },
    ]);
    const summary = cardText(defined(updateOf(step, KEYS.summary)));
    expect(summary).toContain('2. Paper fallback for two days\nKeep paper charts ready for the first 48 hours.');
  });

  it('lets the title follow the new wording when the form sends the shown title back unchanged', () => {
    const run = reviewedRun();
    run.send(
      formSubmitted(fran, EDIT_LESSON_FORM, {
        [FORM_VALUE_FIELD]: 'm6',
        title: 'Keep a paper fallback for the first 48 hours',
        recommendation: 'Keep paper charts ready for two days.',
      }),
    );
    expect(run.state.proposalEdits).toEqual([{ key: 'm6', recommendation: 'Keep paper charts ready for two days.', dropped: false }]);
  });

  it('refuses form submissions from anyone but the facilitator', () => {
    const run = reviewedRun();
    const step = run.send(formSubmitted(alex, EDIT_LESSON_FORM, { [FORM_VALUE_FIELD]: 'm6', title: 'x', recommendation: 'y' }));
    expect(run.state.proposalEdits).toEqual([]);
    expect(cardText(first(whispers(step)).card)).toContain('Only <@U-FRAN>');
  });

  it('keeps the old wording when a submission has no recommendation or names no known lesson', () => {
    const run = reviewedRun();
    run.send(formSubmitted(fran, EDIT_LESSON_FORM, { [FORM_VALUE_FIELD]: 'm6', title: 'x', recommendation: '  ' }));
    run.send(formSubmitted(fran, EDIT_LESSON_FORM, { [FORM_VALUE_FIELD]: 'gone', title: 'x', recommendation: 'y' }));
    expect(run.state.proposalEdits).toEqual([]);
  });

  it('accepts a typed edit of the recommendation from the facilitator', () => {
    const run = reviewedRun();
    const step = run.send(reply(fran, 'edit 1: Request log-ins a fortnight ahead, and test them.', 'c1'));
    expect(run.state.proposalEdits).toEqual([
      { key: 'm5', recommendation: 'Request log-ins a fortnight ahead, and test them.', dropped: false },
    ]);
    expect(cardText(defined(updateOf(step, KEYS.summary)))).toContain(
      '1. Request log-ins a fortnight ahead, and test them\nRequest log-ins a fortnight ahead, and test them.',
    );
  });

  it('helps with a typed edit that has no wording or a wrong number', () => {
    const run = reviewedRun();
    expect(cardText(first(whispers(run.send(reply(fran, 'edit 2', 'c1')))).card)).toContain('edit 2: your new wording');
    expect(cardText(first(whispers(run.send(reply(fran, 'drop 7', 'c2')))).card)).toContain('no lesson 7');
    expect(run.state.proposalEdits).toEqual([]);
  });

  it('refuses typed edits from anyone but the facilitator', () => {
    const run = reviewedRun();
    const step = run.send(reply(sam, 'drop 1', 'c1'));
    expect(run.state.proposalEdits).toEqual([]);
    expect(first(whispers(step)).to).toEqual(sam);
  });
});

describe('dropping and restoring lessons', () => {
  it('drops and restores with buttons', () => {
    const run = reviewedRun();
    const dropped = run.send(action(fran, ACTIONS.drop, 'm5'));
    const summary = defined(updateOf(dropped, KEYS.summary));
    expect(cardText(summary)).toContain('1. Request log-ins two weeks before go-live (dropped)');
    expect(buttonsOf(summary)).toContainEqual({ action: ACTIONS.restore, label: 'Restore', value: 'm5' });

    const restored = run.send(action(fran, ACTIONS.restore, 'm5'));
    expect(cardText(defined(updateOf(restored, KEYS.summary)))).not.toContain('(dropped)');
    expect(run.state.proposalEdits).toEqual([{ key: 'm5', dropped: false }]);
  });

  it('drops and restores by typing', () => {
    const run = reviewedRun();
    run.send(reply(fran, 'drop 2', 'c1'));
    expect(run.state.proposalEdits).toEqual([{ key: 'm6', dropped: true }]);
    run.send(reply(fran, 'Restore 2', 'c2'));
    expect(run.state.proposalEdits).toEqual([{ key: 'm6', dropped: false }]);
  });

  it.each([ACTIONS.drop, ACTIONS.restore, ACTIONS.edit, ACTIONS.save])('refuses %s from anyone but the facilitator', (id) => {
    const run = reviewedRun();
    const before = run.state;
    const step = run.send(action(alex, id, 'm5', 'trigger-1'));
    expect(run.state).toEqual(before);
    expect(step.say).toHaveLength(1);
    expect(cardText(first(whispers(step)).card)).toContain('Only <@U-FRAN>');
  });
});

describe('saving lessons', () => {
  it('saves one draft per kept lesson and closes the review', () => {
    const run = reviewedRun();
    run.send(reply(fran, 'edit 2: Keep a paper fallback for 72 hours. #resilience #Night-Shift', 'c1'));
    const step = run.send(action(fran, ACTIONS.save));

    expect(step.done).toBe(true);
    expect(run.state.phase).toBe('saved');
    expect(step.save).toEqual([
      {
        key: 'm5',
        title: 'Request log-ins two weeks before go-live',
        recommendation: 'Request log-ins two weeks before go-live. Check them with each shift lead.',
        // Only the answers that share its words (log-ins, requested), and only their authors.
        observation: 'Night staff had no log-ins ready. #access',
        reason: 'Accounts were requested too late.',
        technique: 'after-action-review',
        tags: ['e-prescribing', 'access'],
        contributors: [sam],
      },
      {
        key: 'm6',
        title: 'Keep a paper fallback for 72 hours',
        recommendation: 'Keep a paper fallback for 72 hours. #resilience #Night-Shift',
        // The facilitator's wording shares 'night' with answer 2, and makes the facilitator a contributor.
        observation: 'Night staff had no log-ins ready. #access',
        reason: '',
        technique: 'after-action-review',
        tags: ['resilience', 'night-shift', 'e-prescribing', 'access'],
        contributors: [alex, sam, fran],
      },
    ]);
    expect(cardText(first(posts(step)).card)).toContain('Saved 2 lessons');
    const final = defined(updateOf(step, KEYS.summary));
    // The review's own buttons are gone; each saved lesson can now become an action with an owner.
    expect(buttonsOf(final)).toEqual([
      { action: 'lessons:action:add', label: 'Add action', value: 'draft:m5' },
      { action: 'lessons:action:add', label: 'Add action', value: 'draft:m6' },
    ]);
    expect(cardText(final)).toContain('Saved 2 lessons to the shared library.');
    expect(cardText(defined(updateOf(step, KEYS.overview)))).toContain('2 lessons saved');
  });

  it('leaves dropped lessons out, and counts in the singular', () => {
    const run = reviewedRun();
    run.send(action(fran, ACTIONS.drop, 'm6'));
    const step = run.send(action(fran, ACTIONS.save));
    expect(step.save?.map((d) => d.key)).toEqual(['m5']);
    expect(cardText(first(posts(step)).card)).toContain('Saved 1 lesson to');
    const final = defined(updateOf(step, KEYS.summary));
    expect(cardText(final)).toContain('(dropped, not saved)');
    // Only the saved lesson can become an action.
    expect(buttonsOf(final).map((b) => b.value)).toEqual(['draft:m5']);
  });

  it('saves nothing when every lesson is dropped', () => {
    const run = reviewedRun();
    run.send(reply(fran, 'drop 1', 'c1'));
    run.send(reply(fran, 'drop 2', 'c2'));
    const step = run.send(reply(fran, 'save', 'c3'));
    expect(step.done).toBe(true);
    expect(step.save).toBeUndefined();
    expect(cardText(first(posts(step)).card)).toContain('Nothing was saved');
  });

  it('does nothing on a second press of Save', () => {
    const run = reviewedRun();
    run.send(action(fran, ACTIONS.save));
    const again = run.send(action(fran, ACTIONS.save));
    expect(again.say).toEqual([]);
    expect(again.save).toBeUndefined();
  });
});
